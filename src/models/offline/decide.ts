import type { PlanHeadline, PlanSummary } from '../../../tools/plan-summary.ts';
import { planAnswer, planTopic, smallTalk, tiersAnswer } from './answers.ts';
import { extractFacts, hasFacts, nextMissing, type Profile } from './facts.ts';
import { guidanceAnswer, type Passage, searchQuery } from './guidance.ts';
import { classify, type Intent, planWords } from './intent.ts';
import type { InventoryStatement } from './inventory.ts';
import { stateOnly } from './location.ts';
import type { ReadPrompt, ToolExchange } from './prompt.ts';
import {
  askFor,
  type Channel,
  type DaysLine,
  greeting,
  help,
  type InventoryChange,
  inventoryReply,
  planReply,
  preamble,
} from './replies.ts';

/** One step of the offline orchestrator: text to stream, tool calls to make, or both. */
export type Decision = {
  text: string;
  toolCalls: { toolName: string; input: Record<string, unknown> }[];
};

type Choice = { label: string; value: string };
type Conclusion =
  | { text: string; choices?: Choice[] }
  | { call: { toolName: string; input: Record<string, unknown> }; text?: string };

const say = (text: string, choices?: Choice[]): Conclusion => (choices ? { text, choices } : { text });
const call = (toolName: string, input: Record<string, unknown> = {}, text?: string): Conclusion =>
  text ? { call: { toolName, input }, text } : { call: { toolName, input } };

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

const MEMBER_CHOICES: Choice[] = [
  { label: 'Just me', value: 'just me' },
  { label: '2 adults', value: '2 adults' },
  { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
];

/** The turn's intent, with follow-ups that carry facts ("what about a year?") read as plan changes. */
export function turnIntent(
  text: string,
  profile: Profile,
): { intent: Intent; facts: ReturnType<typeof extractFacts> } {
  let intent = classify(text);
  const facts = extractFacts(text, profile);
  if (intent.kind === 'question' && hasFacts(facts.edits) && FOLLOW_UP.test(text)) intent = { kind: 'plan' };
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
function begin(said: ReadPrompt): Conclusion {
  // "illinois" answering "Which Springfield?": the choice it names.
  const picked = stateOnly(said.current);
  const choice = picked ? said.context.lastChoices.find((c) => c.value.endsWith(`, ${picked}`)) : undefined;
  const r = choice ? { ...said, current: choice.value } : said;
  const ctx = r.context;
  const channel = ctx.channel as Channel;
  const profile = ctx.household;
  const { intent, facts } = turnIntent(r.current, profile);
  const refusal = refuse(r.current, ctx.publicUrl, channel, ctx.signedIn);
  if (refusal) return say(refusal);
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
      // Nothing new was said: build only when asked to ("make my plan", "update the kit").
      if (!planWords(r.current) && (ctx.hasDraft || ctx.planId))
        return say(notUnderstood(channel), FOLLOW_UPS);
      return call('buildPlan', {}, preamble(profile, channel));
    }
  }
}

/**
 * Requests no message can grant: another account's data, a tier set by asking, the rules switched off.
 * Answered before anything runs, so nothing changes.
 */
const STOP_WORDS = new Set('the a an on in of to for with me my and or at by is are be i we our'.split(' '));

function sharedWords(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^a-z0-9-]+/)
        .filter((w) => w.length > 1 && !STOP_WORDS.has(w)),
    );
  const x = words(a);
  return [...words(b)].filter((w) => x.has(w)).length;
}

function refuse(text: string, publicUrl: string, channel: Channel, signedIn = true): string | null {
  const t = text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  // Someone in danger right now comes first.
  if (
    /\b(kill myself|end it all|end my life|suicid\w*|want to die|hurt myself|self[- ]harm|overdose on purpose)\b/.test(
      t,
    )
  )
    return "I'm really sorry you're feeling this way. You don't have to face it alone: call or text 988 (Suicide & Crisis Lifeline, 24/7) or call 911 if you're in immediate danger. If you can, reach out to someone you trust right now.";
  if (
    /\b(pipe bomb|bombs?|explosives?|ied|molotov|napalm|make a gun|ghost gun|booby[- ]?trap)\b/.test(t) &&
    /\b(make|build|how|recipe|instructions)\b/.test(t)
  )
    return "I can't help with weapons or explosives. For protecting your home I can help with a safety plan: lighting, communication, a safe room and who to call.";
  if (
    /\b(poison|make (them|him|her|someone|people) sick|contaminate|hurt (them|him|her|someone|my neighbou?r))\b/.test(
      t,
    ) ||
    (/\bneighbou?r'?s?\b/.test(t) && /\b(sick|poison|kill)\b/.test(t))
  )
    return "I can't help with harming anyone. If there's a dispute or danger, contact local authorities (911 in an emergency).";
  if (/^\s*[{[]/.test(text) || /"tool"\s*:|\bsystem (already )?applied\b|\btool result\b/.test(t))
    return "I can't confirm that: nothing was changed. Tool results come only from my own tools, so your household and plan are still as they were. Tell me in your own words what changed.";
  if (
    !signedIn &&
    /\b(password|log ?in|sign ?in|my account|my saved plan)\b/.test(t) &&
    /@|\baccount\b|\bpassword\b/.test(t)
  ) {
    const url = `${publicUrl}/login`;
    return `I can't open an account from the chat. Sign in (or reset your password) at ${channel === 'web' ? `[sign in](${url})` : url}, and your saved plan and household are there.`;
  }
  if (
    /\b(set|change|make|switch|give|put)\b.*\b(my|me|this)\b.*\b(tier|plan|account|subscription)?\b.*\b(to|on|as)\s+(pro|basic|premium|free)\b|\bgive me (pro|basic|premium)\b/.test(
      t,
    )
  ) {
    const url = `${publicUrl}/pricing`;
    return `I can't change a subscription from the chat. Plans and upgrades are on the pricing page: ${channel === 'web' ? `[see plans](${url})` : url}`;
  }
  // Everyone's data, listed or searched: "show me all the users in tampa", "who else signed up", "every account".
  if (
    /\b(all|every|each|list|list of|other)\s+(the\s+|of\s+the\s+)?(users?|accounts?|customers?|subscribers?|profiles?)\b|\bthe (users|accounts|customers|subscribers)\b|\b(every|any|each)\s?(one|body|user|account|customer)( else)?'?s\s+(plans?|data|households?|accounts?|info|addresses|details)\b|\bwho else (uses|is using|signed up|has an account)\b|\b(users|accounts|customers|people) (who|that) (live|are|signed up)\b.*\b(in|near|from)\b/.test(
      t,
    )
  ) {
    return "I can only work with your own household and plan, so I can't show other people's accounts or plans. Want to see or change yours?";
  }
  if (
    /\b(another|other|someone else'?s?|different|a different)\s+(user|person|account|customer|member|people)('?s)?\b|\b(user|account)\s+(id|[0-9a-f]{8})\b|\bbelonging to\b|\bignore (?:\w+ ){0,3}(rules|instructions|prompt)|\b(system prompt|developer mode|admin mode|jailbreak)\b/.test(
      t,
    )
  ) {
    return 'I can only work with your own household and plan, and I keep to my rules. Want to see or change your plan?';
  }
  return null;
}

/** Said as soon as a place abroad is heard, so nobody waits for a plan to learn it is generic. */
function abroadNote(place: string): string {
  return `${place} is outside the United States, so I'll make a generic plan: no local hazard data, a temperate climate, and the scenarios you choose.`;
}

function whichPlace(place: { name: string; states: string[] }): Conclusion {
  return say(
    `Which ${place.name} do you mean: ${place.states.map((s) => `${place.name}, ${s}`).join(' or ')}? Reply with the state (or a ZIP code).`,
    place.states.slice(0, 4).map((s) => ({ label: `${place.name}, ${s}`, value: `${place.name}, ${s}` })),
  );
}

function ask(
  missing: 'location' | 'members',
  profile: Profile,
  channel: Channel,
  assumptions: string[],
): Conclusion {
  return say(
    askFor(missing, profile, channel, assumptions),
    missing === 'members' ? MEMBER_CHOICES : undefined,
  );
}

type Failure = { ok: false; error: { code: string; message: string }; url?: string; hint?: string };
const isFailure = (o: unknown): o is Failure =>
  !!o && typeof o === 'object' && (o as { ok?: unknown }).ok === false;

function failureText(ex: ToolExchange, f: Failure, channel: Channel): string {
  const link = f.url
    ? channel === 'web'
      ? `[${f.hint === 'signup' ? 'Create a free account' : 'See plans'}](${f.url})`
      : f.url
    : '';
  switch (f.error.code) {
    case 'UNAUTHENTICATED':
      return `${f.error.message}${link ? ` ${link}` : ''}`;
    case 'TIER_LIMIT':
      return `${f.error.message}${link ? ` ${link}` : ''}`;
    case 'NOT_FOUND':
      return ex.toolName === 'getPlan'
        ? "I couldn't find a saved plan. Tell me where you live and who's in your household and I'll build one."
        : `I couldn't find that (${f.error.message}).`;
    default:
      return `I couldn't do that: ${f.error.message}.`;
  }
}

/** After the tools of this turn have answered: the next call, or the reply written from their results. */
function proceed(r: ReadPrompt, done: ToolExchange[]): Conclusion {
  const ctx = r.context;
  const channel = ctx.channel as Channel;
  const last = done[done.length - 1]!;
  const { facts } = turnIntent(r.current, ctx.household);
  if (last.error) {
    const again = done.filter((e) => e.toolName === last.toolName && e.error).length;
    return say(
      again > 1
        ? 'Sorry — something went wrong on my side. Please try again in a moment.'
        : `Sorry — I couldn't complete that (${last.toolName}). Please try again or rephrase.`,
    );
  }
  const out = last.output as Record<string, unknown>;
  if (isFailure(out)) {
    if (last.toolName === 'savePlan') {
      const built = done.find((e) => e.toolName === 'buildPlan' && !isFailure(e.output));
      if (built)
        return planFrom(built, null, out.url ?? `${ctx.publicUrl}/signup`, channel, facts.assumptions, done);
    }
    if (last.toolName === 'getPlan' && classify(r.current).kind === 'skills') {
      return call('findSkillResources', { query: r.current.slice(0, 200), limit: 5 });
    }
    if (last.toolName === 'updateHousehold' || last.toolName === 'buildPlan') {
      return say(`I couldn't use that: ${out.error.message}. Could you say it another way?`);
    }
    return say(failureText(last, out, channel));
  }
  switch (last.toolName) {
    case 'updateHousehold': {
      const household = (out.household ?? {}) as Profile;
      const missing = (out.missing as ('location' | 'members')[] | undefined) ?? [];
      if (missing[0] === 'location' && facts.ambiguousPlace) return whichPlace(facts.ambiguousPlace);
      if (missing.length > 0) {
        const asked = ask(missing[0]!, household, channel, facts.assumptions);
        return facts.abroad && 'text' in asked
          ? { ...asked, text: `${abroadNote(household.location ?? '')} ${asked.text}` }
          : asked;
      }
      if (Number(out.changes ?? 0) === 0 && (ctx.hasDraft || ctx.planId))
        return say(
          `Nothing changed: ${String(out.changed || 'that is what I already have')}.`.replace(/\.\.$/, '.'),
        );
      if (classify(r.current).kind === 'rations') return call('calcRations');
      return call('buildPlan');
    }
    case 'buildPlan': {
      const topic = planTopic(r.current);
      if (topic && !hasFacts(facts.edits))
        return say(planAnswer(topic, r.current, (out as { plan: PlanSummary }).plan, channel));
      if (ctx.signedIn) return call('savePlan');
      return planFrom(last, null, `${ctx.publicUrl}/signup`, channel, facts.assumptions, done);
    }
    case 'savePlan': {
      const built = done.find((e) => e.toolName === 'buildPlan');
      const source = built ?? last;
      return planFrom(
        source,
        { url: String(out.url), replaced: out.overwritten === true },
        null,
        channel,
        facts.assumptions,
        done,
      );
    }
    case 'getPlan': {
      const plan = out.plan as PlanSummary;
      const topic = planTopic(r.current);
      if (topic) return say(planAnswer(topic, r.current, plan, channel));
      if (classify(r.current).kind === 'skills' && plan.skillGapIds.length > 0) {
        return call('findSkillResources', { skills: plan.skillGapIds.slice(0, 4), limit: 6 });
      }
      return say(
        planReply(plan, channel, {
          url: plan.url,
          signupUrl: ctx.signedIn ? null : `${ctx.publicUrl}/signup`,
          assumptions: [],
          defaultsUsed: {},
        }),
      );
    }
    case 'updateInventory': {
      const text = inventoryReply(out.changes as InventoryChange[], out.daysOfSupply as DaysLine[], channel);
      if (out.tracked !== false) return say(text);
      // No upgrade link on a self-hosted server (billing off): there, an account is all tracking needs.
      const url = String(out.upgradeUrl ?? out.signupUrl ?? '');
      const more = out.upgradeUrl
        ? `${channel === 'web' ? `[Basic](${url})` : `Basic (${url})`} adds inventory tracking`
        : `${channel === 'web' ? `[a free account](${url})` : `a free account (${url})`} keeps your inventory`;
      return say(
        `Noted — it counts toward your plan.\n${text}\nTo keep expiry dates and get restock reminders, ${more}.`.replace(
          /\n/g,
          channel === 'sms' ? ' ' : '\n',
        ),
      );
    }
    case 'listInventory':
      return say(listText(out, channel));
    case 'searchGuidance':
      return say(guidanceAnswer(r.current, out.passages as Passage[], channel));
    case 'calcRations':
      return say(rationsText(out, channel));
    case 'searchProducts':
      return say(productsText(out, channel));
    case 'matchBundles':
      return say(bundlesText(out, channel));
    case 'findSkillResources':
      return say(skillsText(out, channel));
    case 'checkTier':
      return say(
        out.tier && !/\b(tiers|what do they cost|prices|pricing|plans do you)\b/i.test(r.current)
          ? tierText(out, channel)
          : tiersAnswer(out, channel),
      );
    case 'listExpertCalls': {
      const calls = (out.calls ?? []) as {
        id: string;
        title: string;
        scheduledDate: string;
        tierRequired: string;
        seatsLeft: number | null;
        booked: boolean;
        expertName: string | null;
      }[];
      const intent = classify(r.current);
      if (intent.kind === 'book-call' && intent.ordinal !== null) {
        const chosen = calls[intent.ordinal - 1];
        if (chosen) return call('bookExpertCall', { callId: chosen.id });
      }
      // "book me on the 1-on-1 plan review": the call whose title the message names.
      if (/\bbook\b/i.test(r.current)) {
        const named = calls.find((c) => sharedWords(c.title, r.current) >= 2);
        if (named && !named.booked) return call('bookExpertCall', { callId: named.id });
      }
      if (calls.length === 0) return say('There are no upcoming calls scheduled right now.');
      const lines = calls.map((c, i) => {
        const when = c.scheduledDate.slice(0, 10);
        return `${i + 1}. ${c.title}${c.expertName ? ` with ${c.expertName}` : ''} — ${when} (${c.tierRequired}${c.seatsLeft !== null ? `, ${c.seatsLeft} seat${c.seatsLeft === 1 ? '' : 's'} left` : ''}${c.booked ? ', booked' : ''})`;
      });
      return say(
        `${channel === 'sms' ? 'Upcoming calls:' : bold(channel, 'Upcoming calls:')}\n${lines.join('\n')}`,
        calls
          .slice(0, 4)
          .map((c) => ({ label: `Book: ${c.title}`.slice(0, 40), value: `book call ${c.id}` })),
      );
    }
    case 'bookExpertCall': {
      const b = out.booking as {
        title: string;
        scheduledDate: string;
        alreadyBooked: boolean;
        calendarUrl?: string;
      };
      const calendar = b.calendarUrl
        ? channel === 'web'
          ? ` [Add to calendar](${b.calendarUrl})`
          : ` Add to calendar: ${b.calendarUrl}`
        : '';
      return say(
        b.alreadyBooked
          ? `You're already booked on "${b.title}" (${b.scheduledDate.slice(0, 16).replace('T', ' ')} UTC).${calendar}`
          : `Booked: "${b.title}" on ${b.scheduledDate.slice(0, 16).replace('T', ' ')} UTC. You'll get the link before it starts.${calendar}`,
      );
    }
    default:
      return say('Done.');
  }
}

function bold(channel: Channel, t: string) {
  return channel === 'sms' ? t : channel === 'telegram' ? `*${t}*` : `**${t}**`;
}

function planFrom(
  built: ToolExchange,
  saved: { url: string; replaced: boolean } | null,
  signupUrl: string | null,
  channel: Channel,
  assumptions: string[],
  done: ToolExchange[] = [],
): Conclusion {
  const out = built.output as {
    plan: PlanSummary;
    defaultsUsed?: Record<string, unknown>;
    previous?: PlanHeadline | null;
    care?: string[];
  };
  const edit = done.find((e) => e.toolName === 'updateHousehold' && !isFailure(e.output))?.output as
    | { changed?: string; unmatched?: string[] }
    | undefined;
  const text = planReply(out.plan, channel, {
    changed: edit?.changed ?? '',
    unmatched: edit?.unmatched ?? [],
    previous: out.previous ?? null,
    care: out.care ?? [],
    url: saved?.url ?? out.plan.url,
    signupUrl: saved ? null : signupUrl,
    assumptions,
    defaultsUsed: out.defaultsUsed ?? {},
    replaced: saved?.replaced ?? false,
  });
  if (channel === 'sms') return say(text);
  return say(text, [
    out.plan.durationDays < 365
      ? { label: 'Make it 1 year', value: 'now make it a year' }
      : { label: 'Back to 2 weeks', value: 'make it two weeks' },
    { label: 'Skills to learn', value: 'what skills should we learn?' },
  ]);
}

function listText(out: Record<string, unknown>, channel: Channel): string {
  const items = (out.items ?? []) as { name: string; quantity: number; expires: string | null }[];
  const d = (out.daysOfSupply ?? []) as DaysLine[];
  if (items.length === 0)
    return 'Your inventory is empty. Tell me what you have, e.g. "we have 3 flashlights" or "bought a case of water".';
  const shown = items.slice(0, channel === 'sms' ? 4 : 12);
  const lines = shown.map(
    (i) =>
      `${channel === 'sms' ? '' : '• '}${i.name} × ${i.quantity}${i.expires ? ` (exp ${i.expires})` : ''}`,
  );
  const days = d.map((x) => `${x.category} ${x.days} of ${x.targetDays} days`).join(', ');
  return [
    `${items.length} item${items.length === 1 ? '' : 's'}${Number(out.expiringSoon ?? 0) > 0 ? `, ${out.expiringSoon} expiring within 60 days` : ''}:`,
    ...lines,
    days ? `Days of supply: ${days}.` : '',
  ]
    .filter(Boolean)
    .join(channel === 'sms' ? ' ' : '\n');
}

function rationsText(out: Record<string, unknown>, channel: Channel): string {
  const water = out.water as { gallonsPerDay: number; totalGallons: number; basis: string };
  const food = out.food as { kcalPerDay: number; totalKcal: number; basis: string };
  const days = Number(out.durationDays);
  const text = `For ${days} days: water ${water.gallonsPerDay} gal/day, ${water.totalGallons.toLocaleString('en-US')} gal in total; food ${food.kcalPerDay.toLocaleString('en-US')} kcal/day, ${food.totalKcal.toLocaleString('en-US')} kcal in total.`;
  if (channel === 'sms') return text;
  return `${text}\n\nWater: ${water.basis}\nFood: ${food.basis}`;
}

function productsText(out: Record<string, unknown>, channel: Channel): string {
  const results = (out.results ?? []) as { name: string; price: number | null }[];
  if (results.length === 0) return "I didn't find a matching product in the catalog.";
  const lines = results
    .slice(0, channel === 'sms' ? 3 : 5)
    .map((p, i) => `${i + 1}. ${p.name}${p.price !== null ? ` — $${p.price.toFixed(2)}` : ''}`);
  return `${channel === 'sms' ? 'From the catalog:' : bold(channel, 'From the catalog:')}\n${lines.join('\n')}`;
}

function bundlesText(out: Record<string, unknown>, channel: Channel): string {
  const bundles = (out.bundles ?? []) as { name: string; price: number | null; reasons: string[] }[];
  if (bundles.length === 0) return 'No ready-made bundle fits yet; your plan lists items one by one.';
  const lines = bundles.map(
    (b, i) =>
      `${i + 1}. ${b.name}${b.price !== null ? ` — $${b.price.toFixed(2)}` : ''}${channel === 'web' && b.reasons[0] ? `: ${b.reasons[0]}` : ''}`,
  );
  return `${channel === 'sms' ? 'Best-fitting bundles:' : bold(channel, 'Best-fitting bundles:')}\n${lines.join('\n')}`;
}

function skillsText(out: Record<string, unknown>, channel: Channel): string {
  const resources = (out.resources ?? []) as { title: string; url: string; source: string | null }[];
  if (resources.length === 0) return "I don't have a resource for that skill yet.";
  const lines = resources
    .slice(0, channel === 'sms' ? 2 : 5)
    .map((x, i) => `${i + 1}. ${x.title}${x.source ? ` (${x.source})` : ''}: ${x.url}`);
  return `${channel === 'sms' ? 'To learn:' : bold(channel, 'Resources to learn from:')}\n${lines.join('\n')}`;
}

function tierText(out: Record<string, unknown>, channel: Channel): string {
  const e = out.entitlements as Record<string, unknown>;
  const yes = Object.entries({
    'inventory tracking': e.inventoryTracking,
    'expiry check-ins': e.expiryCheckins,
    'founder group calls': e.founderGroupCalls,
    'expert calls': e.expertCalls,
  })
    .filter(([, v]) => v === true)
    .map(([k]) => k);
  const plans =
    e.savedPlans === 'unlimited' ? 'unlimited saved plans' : '1 saved plan (a new one replaces it)';
  const upgrade = out.upgradeUrl ? ` Upgrade: ${out.upgradeUrl}` : '';
  return `You're on ${bold(channel, String(out.tier))}: ${[plans, ...yes].join(', ')}.${upgrade}`;
}

/**
 * Decides the next step from the prompt: the first step reads the message; later steps read the tool
 * results of this turn. Choices are offered through presentChoices before the text that asks.
 */
export function decide(r: ReadPrompt, available: Set<string> | null = null): Decision {
  const choicesShown = r.exchanges.find((e) => e.toolName === 'presentChoices');
  const work = r.exchanges.filter((e) => e.toolName !== 'presentChoices');
  const conclusion = work.length === 0 ? begin(r) : proceed(r, work);
  if ('call' in conclusion) {
    if (available && !available.has(conclusion.call.toolName)) {
      return { text: "Sorry — I can't do that here.", toolCalls: [] };
    }
    return { text: conclusion.text ?? '', toolCalls: [conclusion.call] };
  }
  if (conclusion.choices && !choicesShown && (!available || available.has('presentChoices'))) {
    return { text: '', toolCalls: [{ toolName: 'presentChoices', input: { choices: conclusion.choices } }] };
  }
  return { text: conclusion.text, toolCalls: [] };
}
