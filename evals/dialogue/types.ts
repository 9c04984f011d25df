import { z } from 'zod';

/**
 * A dialogue is data: who talks, on which channel, what they say turn by turn, and what must hold after
 * each turn and at the end. Expectations describe the behaviour issue 10 demands, not today's output.
 */

import { CHANNELS, type Channel } from '../../src/domain/channels.ts';

export { CHANNELS, type Channel };

export const THEMES = [
  'intake',
  'correction',
  'place',
  'plan-question',
  'guidance',
  'small-talk',
  'sms-keyword',
  'inventory',
  'tier',
  'safety',
  'injection',
  'follow-up',
  'notifications',
] as const;
export type Theme = (typeof THEMES)[number];

/** Numbers of the stored plan a reply must quote exactly when it talks about them. */
export const GROUNDS = [
  'water-total',
  'water-per-day',
  /** Only that every gallon figure written is the plan's or the person's (none required). */
  'gallons',
  'food-per-day',
  'readiness',
  'duration',
  'budget',
  'budget-spent',
  'buy-first',
  'hazards',
] as const;

const regex = z.instanceof(RegExp);
const range = z.tuple([z.number(), z.number()]);

/** One member the stored household must contain (each expectation is matched by a different member). */
const memberExpect = z.object({
  age: z.number().optional(),
  ageRange: range.optional(),
  sex: z.enum(['m', 'f']).optional(),
  pregnant: z.boolean().optional(),
  nursing: z.boolean().optional(),
  /** Matched against the member's conditions, medical needs and medications, as one text. */
  condition: regex.optional(),
});
export type MemberExpect = z.infer<typeof memberExpect>;

export const householdExpect = z.object({
  memberCount: z.number().int().optional(),
  /** Every member's age, any order (children's ages exact; adults as stated). */
  ages: z.array(z.number()).optional(),
  adults: z.number().int().optional(),
  minors: z.number().int().optional(),
  members: z.array(memberExpect).optional(),
  /** The exact pets, any order; weight within 1 lb when given. */
  pets: z
    .array(z.object({ species: z.enum(['dog', 'cat', 'other']), weightLb: z.number().optional() }))
    .optional(),
  location: regex.optional(),
  /** The location must not be set (the assistant asked instead of guessing). */
  noLocation: z.boolean().optional(),
  durationDays: z.union([z.number(), range]).optional(),
  budget: z.number().optional(),
  scenarios: z.array(z.string()).optional(),
  mobility: z.enum(['BUG_OUT', 'SHELTER_IN_PLACE']).optional(),
});
export type HouseholdExpect = z.infer<typeof householdExpect>;

export const planExpect = z.object({
  exists: z.boolean().optional(),
  durationDays: z.union([z.number(), range]).optional(),
  budget: z.number().optional(),
  memberCount: z.number().int().optional(),
  ages: z.array(z.number()).optional(),
  petCount: z.number().int().optional(),
  /** US state code, or null for a place outside the US. */
  state: z.string().nullable().optional(),
  outsideUs: z.boolean().optional(),
  scenarios: z.array(z.string()).optional(),
  mobility: z.enum(['BUG_OUT', 'SHELTER_IN_PLACE']).optional(),
  /** Somewhere in the stored plan (medications, supplies, summary …). */
  mentions: z.array(regex).optional(),
});
export type PlanExpect = z.infer<typeof planExpect>;

export const toolsExpect = z.object({
  /** Each must be called at least once this turn. */
  called: z.array(z.string()).optional(),
  /** At least one of these must be called. */
  anyOf: z.array(z.string()).optional(),
  notCalled: z.array(z.string()).optional(),
  /** No tool at all (e.g. SMS keywords, handled before the model). */
  none: z.boolean().optional(),
  /** The JSON input of some call of `tool` must match. */
  args: z.array(z.object({ tool: z.string(), matches: regex })).optional(),
});
export type ToolsExpect = z.infer<typeof toolsExpect>;

/**
 * The notification preferences stored for one message type (check-ins unless named), read through the
 * service as the account page reads them. `untouched`: every type still has its defaults.
 */
export const preferencesExpect = z.object({
  messageType: z.enum(['check_in', 'call_reminder', 'product_news']).default('check_in'),
  channel: z.enum(['telegram', 'sms', 'email']).nullable().optional(),
  localHour: z.number().int().optional(),
  weekday: z.number().int().nullable().optional(),
  frequency: z.enum(['daily', 'weekly', 'monthly']).optional(),
  windowDays: z.number().int().optional(),
  optedOut: z.boolean().optional(),
  timeZone: z.string().optional(),
  untouched: z.boolean().optional(),
});
export type PreferencesExpect = z.infer<typeof preferencesExpect>;

export const turnSpec = z.object({
  say: z.string().min(1),
  /** Every pattern must match the reply text. */
  says: z.array(regex).optional(),
  /** At least one of these must match. */
  saysOneOf: z.array(regex).optional(),
  /** None may match. */
  saysNot: z.array(regex).optional(),
  /** The reply links to the saved plan (/plans/<id>) for the full detail. */
  linksPlan: z.boolean().optional(),
  /** Short replies (thanks, small talk): at most this many characters. */
  maxChars: z.number().int().optional(),
  tools: toolsExpect.optional(),
  grounded: z.array(z.enum(GROUNDS)).optional(),
  household: householdExpect.optional(),
  plan: planExpect.optional(),
  preferences: preferencesExpect.optional(),
});
export type TurnSpec = z.infer<typeof turnSpec>;

export const dialogueSpec = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  theme: z.enum(THEMES),
  channel: z.enum(CHANNELS),
  /** The failure from issue 10 this dialogue pins, quoted. */
  issue: z.string().optional(),
  /** Signed in (default, FREE) or an anonymous visitor. */
  user: z.enum(['FREE', 'BASIC', 'PRO', 'anonymous']).default('FREE'),
  turns: z.array(turnSpec).min(1),
  /** Checked once after the last turn. */
  end: z
    .object({
      household: householdExpect.optional(),
      plan: planExpect.optional(),
      /** The subscription tier on the profile is what it was before the dialogue. */
      tierUnchanged: z.boolean().optional(),
      /** How many inventory rows the user has (tier-gated requests store nothing). */
      inventoryCount: z.number().int().optional(),
      /** The person has no booked calls. */
      noBookings: z.boolean().optional(),
      preferences: preferencesExpect.optional(),
      /** The other account's saved plan is still there, unchanged. */
      otherPlanIntact: z.boolean().optional(),
    })
    .optional(),
});
export type DialogueSpec = z.input<typeof dialogueSpec>;
export type Dialogue = z.infer<typeof dialogueSpec>;

export const GATE_KINDS = [
  'turn',
  'reply',
  'tools',
  'household',
  'plan',
  'grounding',
  'length',
  'forbidden',
  'links',
  'answered',
  'concise',
  'leak',
  'tier',
  'inventory',
  'bookings',
  'isolation',
  'preferences',
  'rubric',
] as const;
export type GateKind = (typeof GATE_KINDS)[number];

/** One checked gate: `id` is stable across runs (t2:grounding, end:tier) so baselines compare. */
export type GateResult = { id: string; kind: GateKind; pass: boolean; detail?: string };

export type TurnRecord = {
  say: string;
  reply: string;
  /** What the channel shows (SMS plain text, Telegram Markdown). */
  rendered: string;
  tools: { toolName: string; input: unknown; ok: boolean }[];
  latencyMs: number;
};

export type Rubric = {
  helpfulness: number;
  clarity: number;
  safety: number;
  faithfulness: number;
  comment: string;
};

export type DialogueResult = {
  id: string;
  title: string;
  theme: Theme;
  channel: Channel;
  pass: boolean;
  gates: GateResult[];
  turns: TurnRecord[];
  rubric?: Rubric | { error: string };
  error?: string;
};

export type SuiteResult = {
  startedAt: string;
  model: string;
  grader: string | null;
  durationMs: number;
  dialogues: DialogueResult[];
  totals: { dialogues: number; passed: number; passRate: number; gates: number; gatesPassed: number };
};
