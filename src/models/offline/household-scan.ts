// The shared state of reading one message for its household: the text with each matched span blanked, the
// members found (with where), and what the patterns learned on the way.

/** A household member as said in conversation; missing details get the planner's defaults. */
export type MemberKind = 'adult' | 'teen' | 'child' | 'infant' | 'senior';
export type MemberDraft = {
  kind: MemberKind;
  /** Who they are to the speaker as said: me, wife, grandma, son … (edits find them by it later). */
  role?: string;
  conditions?: string[];
  ageYears?: number;
  sex?: 'm' | 'f' | null;
  pregnant?: boolean;
  nursing?: boolean;
  medicalNeeds?: string[];
  mobilityLimited?: boolean;
};

export type HouseholdMention = {
  /** Members named or counted in the message (ordered adults first). */
  members: MemberDraft[];
  /** "family of four", "we're 5": a head count, with or without a list. */
  count: number | null;
  /** "also", "plus", "another", "we had a baby": these members join the household. */
  additive: boolean;
  /** The message describes the whole household ("we're …", "family of 4", "me, my wife and 2 kids"). */
  whole: boolean;
  assumptions: string[];
};

export const DEFAULT_AGE: Record<MemberKind, number> = {
  adult: 35,
  teen: 15,
  child: 8,
  infant: 0.5,
  senior: 70,
};

export function kindForAge(age: number): MemberKind {
  if (age < 1) return 'infant';
  if (age < 13) return 'child';
  if (age < 18) return 'teen';
  if (age < 65) return 'adult';
  return 'senior';
}

export function member(kind: MemberKind, extra: Partial<MemberDraft> = {}): MemberDraft {
  return { kind, ...extra };
}

/** Blanks a matched span so later patterns do not count the same words twice. */
export function consume(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

export type Found = { members: MemberDraft[]; index: number };

export type Scan = {
  /** The message, each matched span blanked (consume). */
  t: string;
  /** The message as said, for what a blanked span still tells ("grandparents" raising "grandkids"). */
  said: string;
  found: Found[];
  assumptions: string[];
  count: number | null;
  /** The speaker is among the members found. */
  self: boolean;
  /** The message describes the whole household. */
  whole: boolean;
  /** A partner was named ("my wife"): the speaker is in the household too. */
  partner: boolean;
};

/** Runs a pattern over the text: each match's members are found and its span blanked. */
export function take(s: Scan, re: RegExp, handle: (m: RegExpExecArray) => MemberDraft[] | null): void {
  re.lastIndex = 0;
  for (let m = re.exec(s.t); m !== null; m = re.exec(s.t)) {
    const members = handle(m);
    // Not a match after all: look again from the next character ("kids, 2 twins": the twins start inside it).
    if (members === null) {
      re.lastIndex = m.index + 1;
      continue;
    }
    s.found.push({ members, index: m.index });
    s.t = consume(s.t, m.index, m[0].length);
    re.lastIndex = m.index + m[0].length;
  }
}
