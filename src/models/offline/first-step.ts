import { planTopic, smallTalk } from './answers.ts';
import { ask, type Choice, type Conclusion, call, say, whichPlace } from './conclusion.ts';
import { extractFacts, hasFacts, nextMissing, type Profile } from './facts.ts';
import { searchQuery } from './guidance.ts';
import { classify, goAhead, type Intent, planWords } from './intent.ts';
import type { InventoryStatement } from './inventory.ts';
import { stateOnly } from './location.ts';
import type { ReadPrompt } from './prompt.ts';
import { refuse } from './refusals.ts';
import { type Channel, greeting, help, preamble } from './replies.ts';
import { money } from './reply-format.ts';

/** Skill words people use → the planner's skill ids (src/domain/data/skills.json). */
const SKILL_WORDS: [RegExp, string][] = [
  [/\b(first aid|cpr)\b/i, 'first-aid'],
  [/\b(bleeding|tourniquet|trauma)\b/i, 'bleeding-control'],
  [/\bham\b|\bamateur radio\b/i, 'ham-radio'],
  [/\b(radio|noaa|alerts?)\b/i, 'emergency-radio'],
  [/\bgarden\w*|\bseeds?\b/i, 'gardening'],
  [/\b(canning|preserv\w*|dehydrat\w*)\b/i, 'food-preservation'],
  [/\b(purif\w*|water treatment|filter\w* water|boil\w* water)\b/i, 'water-treatment'],
  [/\b(fire[- ]?starting|start\w* a fire|make fire)\b/i, 'fire-starting'],
  [/\b(navigation|map|compass|orienteering)\b/i, 'map-navigation'],
  [/\b(sanitation|toilet)\b/i, 'emergency-sanitation'],
  [/\b(cook\w*)\b/i, 'off-grid-cooking'],
  [/\b(livestock|chickens|hens|goats)\b/i, 'animal-husbandry'],
  [/\b(rainwater|catchment)\b/i, 'rainwater-harvesting'],
  [/\b(security|defen[cs]e)\b/i, 'home-security'],
  [/\b(shut ?off|utilit\w+|gas valve)\b/i, 'utility-shutoff'],
];

function skillIds(text: string): string[] {
  return SKILL_WORDS.filter(([re]) => re.test(text)).map(([, id]) => id);
}

const FOLLOW_UP =
  /^\s*(what about|how about|and|also|now|make it|can you make it|change|actually|add|instead|plus|oh and)\b/i;

const ASKS =
  /^\s*(?:what|what's|whats|how|why|when|where|which|who|is|are|can|could|should|do|does|will|would|if)\b/i;
const lastSentence = (text: string) => text.split(/(?<=[.!])\s+/).pop() ?? text;

/** "thanks, what should I buy first": the thanks is a preface; the rest is what to answer. */
const THANKS_PREFACE = /^\s*(?:ok(?:ay)?\s+)?(?:thanks|thank you|thx|ty|great|cool)\b[,.!]*\s+(\S.*)$/i;

/** A condition the planner does not model yet ("my 11 yo has asthma"): said plainly, never "didn't catch that". */
const MEDICAL =
  /\b(asthma|inhalers?|epilep\w*|seizures?|copd|heart (?:condition|disease)|high blood pressure|medications?|meds|prescriptions?)\b/i;

function medicalNote(text: string, channel: Channel): string {
  const inhaler = /\b(asthma|inhalers?)\b/i.test(text) ? ' (for asthma: the inhaler and a spare)' : '';
  const note = `Noted — the plan does not size anything for that yet, so nothing changed. Keep their medicine${inhaler} with the kit, and refill prescriptions on the first day you can rather than when they run out (FEMA Ready).`;
  return channel === 'sms' ? note.replace(' — ', ': ') : note;
}

const STOP_WHAT =
  'To stop check-ins about expiring stock, say "stop reminders"; "resume reminders" brings them back.';

const FOLLOW_UPS: Choice[] = [
  { label: 'Show my plan', value: 'show my plan' },
  { label: 'Make it 1 year', value: 'now make it a year' },
  { label: 'Help', value: 'help' },
];

function notUnderstood(channel: Channel): string {
  return channel === 'sms'
    ? 'Sorry, I did not catch that. Tell me what changed (e.g. "we are 5 now"), what you bought, or ask a question.'
    : 'Sorry, I didn\'t catch that. Tell me what changed ("we\'re 5 now", "make it a year"), what you bought or used, or ask me a question.';
}

/** "cheaper", "too expensive": a smaller budget, but how much smaller is theirs to say. */
function howMuchCheaper(profile: Profile, channel: Channel): Conclusion {
  const now = profile.budget === undefined ? '' : ` It is ${money(profile.budget)} now.`;
  const example = channel === 'sms' ? '"$150" or "half the budget"' : '"make it $150" or "half the budget"';
  return say(
    `How much do you want to spend?${now} Say an amount, like ${example}, and I'll rebuild the plan.`,
  );
}

/** The turn's intent, with follow-ups that carry facts ("what about a year?") read as plan changes. */
export function turnIntent(
  text: string,
  profile: Profile,
): { intent: Intent; facts: ReturnType<typeof extractFacts> } {
  let intent = classify(text);
  const facts = extractFacts(text, profile);
  if (intent.kind === 'question' && hasFacts(facts.edits) && FOLLOW_UP.test(text)) intent = { kind: 'plan' };
  // "worried about blizzards and the power. maybe $150?": facts said with a question mark, not a question.
  if (intent.kind === 'question' && hasFacts(facts.edits) && !ASKS.test(lastSentence(text)))
    intent = { kind: 'plan' };
  // Who and where make it a plan request, whatever else the message mentions ("we have $300", "need a kit").
  const e = facts.edits;
  const describesHousehold =
    e.location !== undefined ||
    [e.members, e.addMembers, e.changeMembers, e.removeMembers, e.pets, e.addPets].some((x) => x?.length) ||
    e.headCount !== undefined;
  if (
    describesHousehold &&
    ['inventory-update', 'products', 'bundles', 'skills', 'question'].includes(intent.kind)
  ) {
    if (intent.kind !== 'question' || !/\?\s*$/.test(text) || /\b(plan|kit)\b/i.test(text))
      intent = { kind: 'plan' };
  }
  if (intent.kind === 'greeting' && hasFacts(facts.edits)) intent = { kind: 'plan' };
  if (
    (intent.kind === 'help' || intent.kind === 'question') &&
    !profile.location &&
    facts.edits.location &&
    !/\?\s*$/.test(text)
  ) {
    intent = { kind: 'plan' };
  }
  return { intent, facts };
}

function statementInput(s: InventoryStatement): Record<string, unknown> {
  return {
    action: s.action,
    item: s.item,
    quantity: s.quantity,
    ...(s.unit ? { unit: s.unit } : {}),
    ...(s.size ? { size: s.size } : {}),
    ...(s.expires ? { expires: s.expires } : {}),
  };
}

/** The first step of a turn: decide from the message alone. */
export function begin(said: ReadPrompt): Conclusion {
  // "illinois" answering "Which Springfield?": the choice it names.
  const picked = stateOnly(said.current);
  const choice = picked ? said.context.lastChoices.find((c) => c.value.endsWith(`, ${picked}`)) : undefined;
  const preface = THANKS_PREFACE.exec(said.current);
  const r = choice ? { ...said, current: choice.value } : preface ? { ...said, current: preface[1]! } : said;
  const ctx = r.context;
  const channel = ctx.channel as Channel;
  const profile = ctx.household;
  const { intent, facts } = turnIntent(r.current, profile);
  const refusal = refuse(r.current, ctx.publicUrl, channel, ctx.signedIn);
  if (refusal) return say(refusal);
  // A bare "stop" on SMS never gets here (the carrier keyword); elsewhere it names nothing to stop.
  if (/^\s*(stop|unsubscribe|stop it|stop messaging me)[.! ]*$/i.test(r.current)) return say(STOP_WHAT);
  const chat = hasFacts(facts.edits) ? null : smallTalk(r.current);
  if (chat) return say(chat);
  if (facts.ambiguousPlace && !hasFacts(facts.edits)) return whichPlace(facts.ambiguousPlace);
  const topic = hasFacts(facts.edits) ? null : planTopic(r.current);
  if (topic && (ctx.hasDraft || ctx.planId || ctx.signedIn))
    return call('getPlan', ctx.planId ? { planId: ctx.planId } : {});
  if (topic && nextMissing(profile) === null) return call('buildPlan', {});
  if (topic && topic !== 'water' && topic !== 'food') return ask(nextMissing(profile)!, profile, channel, []);
  if (
    /\b(tiers?|pricing|prices?|cost|subscription|plans? do you (have|offer))\b/i.test(r.current) &&
    /\b(tiers?|pro|basic|subscription|upgrade|pricing)\b/i.test(r.current)
  )
    return call('checkTier');
  switch (intent.kind) {
    case 'greeting':
      return say(greeting(channel, profile));
    case 'help':
      return say(help(channel));
    case 'notifications':
      return call('notificationPreferences', { ...intent.edit });
    case 'inventory-update':
      return call('updateInventory', { changes: intent.statements.map(statementInput) });
    case 'inventory-list':
      return call('listInventory', intent.expiring ? { expiringWithinDays: 60 } : {});
    case 'show-plan':
      return call('getPlan', ctx.planId ? { planId: ctx.planId } : {});
    case 'save-plan':
      if (ctx.hasDraft) return call('savePlan');
      if (nextMissing(profile) === null) return call('buildPlan', {}, preamble(profile, channel));
      return ask(nextMissing(profile)!, profile, channel, []);
    case 'tier':
      return call('checkTier');
    case 'calls':
    case 'book-call':
      if (intent.kind === 'book-call' && intent.callId)
        return call('bookExpertCall', { callId: intent.callId });
      return call('listExpertCalls', { limit: 5 });
    case 'rations':
      if (!profile.members?.length && !facts.next.members?.length)
        return ask('members', profile, channel, []);
      return hasFacts(facts.edits)
        ? call('updateHousehold', facts.edits as Record<string, unknown>)
        : call('calcRations');
    case 'products':
      return call('searchProducts', { query: intent.query.slice(0, 300), limit: 5 });
    case 'bundles':
      return call('matchBundles', { limit: 3 });
    case 'skills':
      // "What should we learn?" is about the plan's skill gaps; "learn first aid" names the skill.
      if (skillIds(r.current).length > 0)
        return call('findSkillResources', { skills: skillIds(r.current), limit: 5 });
      if (ctx.planId || ctx.hasDraft || ctx.signedIn)
        return call('getPlan', ctx.planId ? { planId: ctx.planId } : {});
      return call('findSkillResources', { query: intent.query.slice(0, 200), limit: 5 });
    case 'question':
      return call('searchGuidance', { question: searchQuery(intent.question), limit: 6 });
    case 'plan': {
      if (hasFacts(facts.edits)) {
        const ready = nextMissing(facts.next) === null;
        return call(
          'updateHousehold',
          facts.edits as Record<string, unknown>,
          ready && !ctx.hasDraft ? preamble(facts.next, channel) : undefined,
        );
      }
      const missing = nextMissing(profile);
      if (missing) return ask(missing, profile, channel, []);
      // Nothing new was said: build only when asked to ("make my plan", "update the kit"). With a plan
      // already made, "yes, build it" or "go ahead" asks to see it (it is current: every change rebuilt it).
      if (
        /\b(cheaper|less expensive|too expensive|costs? less|lower (?:the )?(?:budget|cost|price))\b/i.test(
          r.current,
        )
      )
        return howMuchCheaper(profile, channel);
      if (!planWords(r.current) && (ctx.hasDraft || ctx.planId) && MEDICAL.test(r.current))
        return say(medicalNote(r.current, channel), FOLLOW_UPS);
      if (!planWords(r.current) && (ctx.hasDraft || ctx.planId))
        return goAhead(r.current)
          ? call('getPlan', ctx.planId ? { planId: ctx.planId } : {})
          : say(notUnderstood(channel), FOLLOW_UPS);
      return call('buildPlan', {}, preamble(profile, channel));
    }
  }
}
