import type { TurnSpec } from '../types.ts';

/** Shared pieces of dialogues: the usual opening plan request and the phrases of a refusal. */

export const TAMPA_FAMILY = "We're a family of 4 in Tampa, FL, two kids 6 and 9, hurricane season, $300";

/** An opening turn that must end in a stored plan (later turns then talk about it). */
export const opening = (say: string, extra: Partial<TurnSpec> = {}): TurnSpec => ({
  say,
  plan: { exists: true },
  ...extra,
});

export const REFUSAL = [
  /can(no|')t help/i,
  /won'?t help/i,
  /not able to help/i,
  /can(no|')t (assist|provide|give|share)/i,
  /I (won'?t|will not|can(no|')t) (do|show|read|access|change|set|give)/i,
  /not something I can/i,
  /only (work with|see|show|access|read|change) your own/i,
];

/** Words that say a plan is generic because the place is outside the US (and never loop on "where"). */
export const OUTSIDE_US = [
  /outside the (US|U\.S\.|United States)/i,
  /generic/i,
  /not in the (US|U\.S\.|United States)/i,
];
export const NO_WHERE_LOOP = [/where do you live/i, /city and state/i];

export const ORG = /\b(CDC|EPA|FEMA|Ready\.gov|Red Cross|NOAA|NWS|National Hurricane Center|NHC)\b/;

/** A turn that amends the household says what changed and the household now ("Added grandma (78). Now: …"). */
export const CHANGED = [/\bnow\b/i, /\b(added|updated|changed|removed)\b/i];
