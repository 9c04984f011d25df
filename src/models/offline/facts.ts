import { describeHousehold, type HouseholdDraft, missingForPlan } from '../../domain/household-draft.ts';
import { applyHouseholdEdits, type HouseholdEditsInput } from '../../domain/household-edits.ts';
import { ageCorrection } from './age-corrections.ts';
import { departure } from './departures.ts';
import { extractHousehold } from './household.ts';
import { extractLocation } from './location.ts';
import { normalizeText } from './numbers.ts';
import { petEdits } from './pet-edits.ts';
import {
  type BudgetMention,
  extractBudget,
  extractDuration,
  extractMobility,
  extractPets,
  extractScenarios,
  extractSkills,
} from './plan-facts.ts';
import { memberEdits } from './reconcile.ts';

/** The household facts a plan needs, as the offline orchestrator sees them (the domain's draft). */
export type Profile = HouseholdDraft;

export type FactsResult = {
  /** The household edits this message makes (the updateHousehold tool's input). */
  edits: HouseholdEditsInput;
  /** The household after the edits. */
  next: Profile;
  /** Assumptions to state in the reply ("a family of 4 taken as 2 adults and 2 children"). */
  assumptions: string[];
  /** A place named that needs a question first ("which Springfield?"). */
  ambiguousPlace: { name: string; states: string[] } | null;
  /** The place is outside the United States (a generic plan, and say so). */
  abroad: boolean;
};

/** "actually make that 200", "change it to 1.5k": a bare amount correcting the budget already set. */
function budgetCorrection(t: string, profile: Profile): number | null {
  if (profile.budget === undefined) return null;
  const m =
    /\b(?:make (?:that|it)|change (?:that|it) to|actually|instead|let's say|lets say|no,?)\s+\$?(\d[\d,]*(?:\.\d+)?)(?![\d.])\s*(k)?\b(?!\s*(?:hours?|hrs?|h\b|days?|weeks?|months?|years?|people|of us|kids?|adults?|gal|gallons?|lbs?|pounds|%))/.exec(
      t,
    );
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1000 : 1);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** "double the budget", "halve it", "50 more", "add $100 to the budget": the budget already set, changed by that. */
function relativeBudget(t: string, profile: Profile): number | null {
  const now = profile.budget;
  if (now === undefined || !/\b(budget|it|that|spend|more|less|add|dollars|bucks)\b|\$/.test(t)) return null;
  const scale = /\b(double|twice|triple|halve|half)\b/.exec(t);
  if (scale && /\b(budget|it|that|the money|what we spend)\b/.test(t) && !/\bhalf a\b/.test(t)) {
    const factor = { double: 2, twice: 2, triple: 3, halve: 0.5, half: 0.5 }[scale[1]!]!;
    return Math.round(now * factor * 100) / 100;
  }
  const things = String.raw`(?!\s*(?:more\s+)?(?:people|persons|kids?|children|adults?|bab(?:y|ies)|teens?|days?|weeks?|months?|years?|gal|gallons?|cans?|cases?|lbs?|dogs?|cats?|pets?)\b)`;
  const by = new RegExp(
    String.raw`\b(?:add|another|an extra|plus)\s+\$?(\d[\d,]*)\b${things}|\$?(\d[\d,]*)\s*(?:dollars\s+|bucks\s+)?(more|less)\b${things}`,
  ).exec(t);
  // Money only when the message is about money, or is nothing but the amount ("50 more"): "add 2 more kids" is not.
  const aboutMoney =
    /\$|\b(budget|dollars?|bucks|spend)\b/.test(t) || /^\s*\$?\d[\d,]*\s*(?:more|less)\s*[.!]*$/.test(t);
  if (!aboutMoney) return null;
  if (!by) return null;
  const n = Number((by[1] ?? by[2])!.replace(/,/g, ''));
  const next = by[3] === 'less' ? now - n : now + n;
  return Number.isFinite(next) && next >= 0 ? next : null;
}

/**
 * A number standing alone among the facts ("just me 27 f, chicago, 150") or as the whole reply once the
 * household is known ("150"): the budget, when it is too big to be a head count or an age and not a ZIP.
 */
/** "me, 25", "i'm 25": the number said as the speaker's age. */
const mentionedAge = (t: string, n: number) =>
  new RegExp(String.raw`\b(?:me|i'm|i am|im|myself)\s*[,(]?\s*${n}\b`).test(t);

function bareBudget(t: string, profile: Profile, edits: HouseholdEditsInput): BudgetMention | null {
  const parts = t
    .split(/\s*(?:[,;\n/|]|\s-\s)\s*/)
    .map((p) => p.trim().replace(/[.!]+$/, ''))
    .filter(Boolean);
  const bare = parts.filter((p) => /^\d{2,6}(?:\.\d{1,2})?$/.test(p) && p !== edits.location);
  if (bare.length !== 1) return null;
  const n = Number(bare[0]);
  // "just me, 25" / "me, 25, austin tx": the number is the age this message gave someone, not dollars.
  const ages = [...(edits.members ?? []), ...(edits.addMembers ?? [])].map((m) => m.ageYears);
  if (ages.includes(n) || mentionedAge(t, n)) return null;
  const alone = parts.length === 1;
  const known = (profile.members?.length ?? 0) > 0 || (edits.members?.length ?? 0) > 0;
  // Among other facts, or alone once there is a household (a head count is asked before any budget).
  if (alone ? !known || n <= 30 : !known && !edits.location) return null;
  return n >= 20 && n <= 100_000 ? { budget: n } : null;
}

/**
 * What one message says about the household, as edits of what is known: corrections change what they
 * name ("grandma is 81"), additions add ("add grandma"), follow-ups change one thing ("now make it a year").
 */
export function extractFacts(text: string, profile: Profile): FactsResult {
  const t = normalizeText(text);
  const edits: HouseholdEditsInput = {};
  const assumptions: string[] = [];
  let ambiguousPlace: FactsResult['ambiguousPlace'] = null;
  let abroad = false;

  const location = extractLocation(text, { expecting: !profile.location });
  if (location?.how === 'ambiguous') ambiguousPlace = { name: location.name, states: location.states };
  else if (location && location.location !== profile.location) {
    edits.location = location.location;
    abroad = location.how === 'abroad';
  }

  // "the older one is 11 not 10": one known person's age, and nothing else the numbers might mean.
  const ageFix = ageCorrection(t, profile.members ?? []);
  if (ageFix) edits.changeMembers = ageFix;
  // "my oldest is at college, so just four of us": that one leaves, whatever the head count would drop.
  const leaving = ageFix ? null : departure(t, profile.members ?? []);
  if (leaving) edits.removeMembers = leaving;
  let mention = ageFix || leaving ? null : extractHousehold(t);
  // A bare number answering "how many people?": "4", "4 of us".
  if (
    !mention &&
    !profile.members?.length &&
    /^\s*(\d{1,2})\s*(?:people|persons|of us)?\s*[.!]?\s*$/.test(t)
  ) {
    const n = Number(/\d+/.exec(t)![0]);
    if (n >= 1 && n <= 30) mention = { members: [], count: n, additive: false, whole: true, assumptions: [] };
  }
  if (mention) {
    const made = memberEdits(profile.members ?? [], mention, t);
    Object.assign(edits, made.edits);
    assumptions.push(...made.assumptions);
  }

  const pets = extractPets(t);
  if (pets) {
    const made = petEdits(profile.pets ?? [], pets, t);
    Object.assign(edits, made.edits);
    assumptions.push(...made.assumptions);
  }

  const duration = ageFix ? null : extractDuration(t);
  if (duration !== null && duration !== profile.durationDays) edits.durationDays = duration;

  // "add 50 dollars" is fifty more, not a budget of fifty.
  const relative = ageFix ? null : relativeBudget(t, profile);
  const budget = ageFix || relative !== null ? null : (extractBudget(t) ?? bareBudget(t, profile, edits));
  const corrected = budget || ageFix ? null : (relative ?? budgetCorrection(t, profile));
  if (budget?.budget !== undefined && budget.budget !== profile.budget) edits.budget = budget.budget;
  if (corrected !== null && corrected !== profile.budget) edits.budget = corrected;
  if (budget?.monthlyBudget !== undefined && budget.monthlyBudget !== profile.monthlyBudget) {
    edits.monthlyBudget = budget.monthlyBudget;
  }

  const scenarios = extractScenarios(t);
  if (scenarios && !scenarios.all) {
    if (scenarios.additive) edits.addScenarios = scenarios.scenarios;
    else edits.scenarios = scenarios.scenarios;
  }

  const mobility = extractMobility(t);
  if (mobility && mobility !== profile.mobility) edits.mobility = mobility;

  const skills = extractSkills(t);
  if (skills.length > 0) edits.addSkills = skills;

  let next = profile;
  let changed = false;
  try {
    const result = applyHouseholdEdits(profile, edits);
    next = result.draft;
    changed = result.changes.length > 0;
  } catch {
    // An edit the domain refuses (an impossible age) goes to the tool, whose error is explained.
    changed = Object.keys(edits).length > 0;
  }
  return { edits: changed ? edits : {}, next, assumptions, ambiguousPlace, abroad };
}

export function hasFacts(edits: HouseholdEditsInput): boolean {
  return Object.keys(edits).length > 0;
}

/** The one thing to ask next, in the order people expect: where, then who. */
export function nextMissing(profile: Profile): 'location' | 'members' | null {
  return missingForPlan(profile)[0] ?? null;
}

export function householdText(profile: Profile): string {
  return describeHousehold(profile);
}
