import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSms } from '../../src/channels/sms/render.ts';
import { missionReports } from '../../src/db/schema/index.ts';
import { getHousehold } from '../../src/services/accounts/profiles.ts';
import { getDraftPlan, listAiRuns } from '../../src/services/conversations/conversations.ts';
import { getLatestPlan } from '../../src/services/plans/index.ts';
import { type Harness, harness, makeUser, PUBLIC_URL, person } from './support.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

async function latestKit(userId: string) {
  const row = await getLatestPlan(h.database.db, userId);
  expect(row, 'a plan was saved').not.toBeNull();
  return row!.reportData;
}

const SAVED = ['updateHousehold', 'buildPlan', 'savePlan', 'presentChoices'];

/** The same request, phrased 17 ways: each must end in the same tool calls and the same plan. */
const phrasings: {
  text: string;
  members: number;
  ages?: number[];
  budget: number;
  scenario?: string;
  pets?: number;
}[] = [
  {
    text: "We're 2 adults, kids 6 and 9, a 30 lb dog in Tampa, FL. Hurricane season, $300",
    members: 4,
    ages: [6, 9],
    budget: 300,
    scenario: 'hurricane',
    pets: 1,
  },
  { text: 'me, my wife and 2 kids in Tampa FL, budget $300', members: 4, budget: 300 },
  { text: 'Family of four in Tampa, Florida. We have $300 to spend.', members: 4, budget: 300 },
  {
    text: 'Two adults and two children (6 and 9) living in Tampa FL, three hundred dollars',
    members: 4,
    ages: [6, 9],
    budget: 300,
  },
  {
    text: "Need a hurricane kit for my husband, me and our kids aged 6 and 9 — we're in Tampa, FL. Budget is 300.",
    members: 4,
    ages: [6, 9],
    budget: 300,
    scenario: 'hurricane',
  },
  { text: 'tampa fl. 4 people: 2 adults + 2 kids. $300 budget', members: 4, budget: 300 },
  { text: '33602, 2 adults 2 kids, $300', members: 4, budget: 300 },
  { text: 'Can you make a plan for a family of 4 in Tampa? We can spend $0.3k', members: 4, budget: 300 },
  {
    text: 'I live in Tampa, Florida with my wife and our two kids (6, 9). 300 bucks.',
    members: 4,
    ages: [6, 9],
    budget: 300,
  },
  {
    text: 'hurricane prep for 4 (2 grown-ups, 2 children) in Tampa FL under $300',
    members: 4,
    budget: 300,
    scenario: 'hurricane',
  },
  { text: 'Plan for Tampa, FL — me + spouse + 2 kids, $300', members: 4, budget: 300 },
  { text: "we're a family of 4 in tampa with a 30 pound dog and $300", members: 4, budget: 300, pets: 1 },
  {
    text: 'Hi! We are two parents and two kids (6 and 9) in Tampa, FL; our budget is $300 for a 2 week hurricane kit',
    members: 4,
    ages: [6, 9],
    budget: 300,
    scenario: 'hurricane',
  },
  { text: 'Texting from Tampa FL: 2 adults, kids 6 & 9, $300', members: 4, ages: [6, 9], budget: 300 },
  { text: 'TAMPA FL!! 2 ADULTS AND 2 KIDS, $300', members: 4, budget: 300 },
  {
    text: 'hey, hurricane season is coming. family of 4 in tampa, fl. $300 max',
    members: 4,
    budget: 300,
    scenario: 'hurricane',
  },
  {
    text: 'My partner and I have two children, 6 and 9. We live in Tampa, Florida and can put $300 toward supplies.',
    members: 4,
    ages: [6, 9],
    budget: 300,
  },
];

describe('the offline orchestrator: one request, many phrasings', () => {
  it.each(phrasings)('$text', async (p) => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId });
    const began = performance.now();
    const said = await me.say(p.text);
    const wallMs = performance.now() - began;
    expect(said.tools).toEqual(SAVED);
    const kit = await latestKit(userId);
    expect(kit.location.state).toBe('FL');
    expect(kit.household.members).toHaveLength(p.members);
    expect(kit.household.members.filter((m) => m.ageYears >= 18)).toHaveLength(2);
    if (p.ages)
      expect(
        kit.household.members
          .map((m) => m.ageYears)
          .filter((a) => a < 18)
          .sort(),
      ).toEqual(p.ages);
    expect(kit.budget.limit).toBe(p.budget);
    expect(kit.budget.spent).toBeLessThanOrEqual(p.budget);
    expect(kit.durationDays).toBe(14);
    expect(kit.household.pets).toHaveLength(p.pets ?? 0);
    if (p.scenario) expect(kit.scenarios).toContain(p.scenario);
    // The numbers in the reply are the plan's, not invented.
    expect(said.reply.text).toContain(`${Math.round(kit.rationPlan.water.totalGallons)}`);
    expect(said.reply.planCard?.waterGallons).toBe(kit.rationPlan.water.totalGallons);
    // On the web, links are relative to the site the person is on.
    expect(said.reply.link?.url).toMatch(/^\/plans\/[0-9a-f-]{36}$/);
    const runs = await listAiRuns(h.database.db, { userId }, said.conversationId);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.toolCalls.map((c) => c.toolName)).toEqual(SAVED);
    expect(runs[0]!.model).toBe('offline-orchestrator-v1');
    expect(Number(runs[0]!.estimatedCostUsd)).toBe(0);
    // What the core measures itself, not the token counts (the offline model only estimates those, 4
    // characters a token): the turn's latency, bounded by the time this test saw it take; when its first
    // text arrived, within that; and one model step for the tool calls plus one for the reply.
    const run = runs[0]!;
    expect(run.status).toBe('ok');
    expect(run.latencyMs).toBeGreaterThan(0);
    expect(run.latencyMs).toBeLessThanOrEqual(Math.ceil(wallMs));
    expect(run.timeToFirstTokenMs).not.toBeNull();
    expect(run.timeToFirstTokenMs!).toBeLessThanOrEqual(run.latencyMs);
    expect(run.steps).toBeGreaterThanOrEqual(2);
    expect(run).toMatchObject({
      latencyMs: said.run.latencyMs,
      timeToFirstTokenMs: said.run.timeToFirstTokenMs,
      steps: said.run.steps,
    });
  });
});

describe('missing information: one question at a time', () => {
  it('asks where, then who, then builds the plan; a numbered reply picks a choice', async () => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId }, 'sms');
    const first = await me.say('I want to get my family prepared');
    expect(first.tools).toEqual([]);
    expect(first.reply.text).toMatch(/Where do you live\?/);

    const second = await me.say('Boise, Idaho');
    expect(second.tools).toEqual(['updateHousehold', 'presentChoices']);
    expect(second.reply.text).toMatch(/Who is in your household\?/);
    expect(second.reply.choices?.map((c) => c.value)).toEqual(['just me', '2 adults', '2 adults and 2 kids']);
    expect(renderSms(second.reply, { moreUrl: `${PUBLIC_URL}/plan` }).text).toContain('2) 2 adults');
    expect(await getHousehold(h.database.db, userId)).toMatchObject({ location: 'Boise, ID' });

    const third = await me.say('2');
    expect(third.tools).toEqual(['updateHousehold', 'buildPlan', 'savePlan']);
    const kit = await latestKit(userId);
    expect(kit.household.members).toHaveLength(2);
    expect(kit.location.state).toBe('ID');
    // Defaults are stated, and the SMS fits three segments with the link.
    expect(third.reply.text).toMatch(/Assumed: a two-week plan/);
    const sms = renderSms(third.reply, { moreUrl: `${PUBLIC_URL}/plan` });
    expect(sms.segments).toBeLessThanOrEqual(3);
    expect(sms.text).toMatch(new RegExp(`${PUBLIC_URL}/plans/[0-9a-f-]{36}`));
  });

  it('asks for the location when the household comes first, then finishes', async () => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId }, 'telegram');
    const first = await me.say("we're 2 adults, kids 6 and 9, a 30 lb dog, hurricane season, $300");
    expect(first.tools).toEqual(['updateHousehold']);
    expect(first.reply.text).toMatch(/Where do you live\?/);
    expect(first.reply.text).toMatch(/2 adults, 2 children \(6, 9\); 1 dog \(30 lb\)/);
    const second = await me.say('Tampa');
    expect(second.tools).toEqual(['updateHousehold', 'buildPlan', 'savePlan', 'presentChoices']);
    const kit = await latestKit(userId);
    expect(kit.household.pets).toEqual([expect.objectContaining({ species: 'dog', weightLb: 30 })]);
    expect(kit.budget.limit).toBe(300);
    expect(second.reply.text).toMatch(/\*Water:\*/);
  });
});

describe('corrections and follow-ups', () => {
  it('rebuilds and re-saves the plan for each change, keeping one plan on the free tier', async () => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId });
    await me.say("We're 2 adults, kids 6 and 9 in Tampa, FL, $300");
    const firstPlan = await getLatestPlan(h.database.db, userId);
    expect(firstPlan!.reportData.household.members).toHaveLength(4);

    const five = await me.say("actually we're 5");
    expect(five.tools).toEqual(SAVED);
    // An edit, not a rebuild: the head count adds one adult and keeps the children.
    expect(five.run.toolCalls[0]!.input).toEqual({ headCount: 5 });
    expect(five.reply.text).toContain('Added an adult. Now: 3 adults, 2 children (6, 9).');
    const afterFive = await getLatestPlan(h.database.db, userId);
    expect(afterFive!.id).toBe(firstPlan!.id);
    expect(afterFive!.reportData.household.members).toHaveLength(5);

    const year = await me.say('now make it a year');
    expect(year.tools).toEqual(SAVED);
    expect(year.run.toolCalls[0]!.input).toEqual({ durationDays: 365 });
    const yearKit = await latestKit(userId);
    expect(yearKit.durationDays).toBe(365);
    expect(yearKit.household.members).toHaveLength(5);
    expect(yearKit.phases.length).toBeGreaterThan(1);

    const dog = await me.say('we have a 30 lb dog');
    expect(dog.tools).toEqual(SAVED);
    expect((await latestKit(userId)).household.pets).toEqual([
      expect.objectContaining({ species: 'dog', weightLb: 30 }),
    ]);

    const quake = await me.say('add earthquakes too');
    expect(quake.run.toolCalls[0]!.input).toEqual({ addScenarios: ['earthquake'] });
    const quakeKit = await latestKit(userId);
    expect(quakeKit.scenarios).toContain('earthquake');
    expect(quakeKit.durationDays).toBe(365);

    const baby = await me.say('we also have a baby');
    expect((await latestKit(userId)).household.members.filter((m) => m.ageYears < 1)).toHaveLength(1);
    expect(baby.tools).toEqual(SAVED);

    const [counted] = await h.database.db
      .select({ n: count() })
      .from(missionReports)
      .where(eq(missionReports.userId, userId));
    expect(Number(counted?.n)).toBe(1);
    const runs = await listAiRuns(h.database.db, { userId }, me.conversationId!);
    expect(runs).toHaveLength(6);
    expect(runs.every((r) => r.status === 'ok')).toBe(true);
  });

  it('does not rebuild for a message that changes nothing', async () => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId });
    await me.say('2 adults in Austin, TX, $200');
    const nothing = await me.say('hmm ok');
    expect(nothing.tools).toEqual(['presentChoices']);
    expect(nothing.reply.text).toMatch(/didn't catch that/);
  });
});

describe('anonymous sessions', () => {
  it('builds a plan kept on the conversation and asks to sign up to save it', async () => {
    const anonymousKey = `web:${crypto.randomUUID()}`;
    const visitor = person(h, { anonymousKey });
    const said = await visitor.say('2 adults in Boise, ID, $200');
    expect(said.tools).toEqual(['updateHousehold', 'buildPlan', 'presentChoices']);
    expect(said.reply.text).toContain('/signup');
    expect(said.reply.link).toEqual({
      label: 'Create a free account to save it',
      url: '/signup',
    });
    const draft = await getDraftPlan(h.database.db, { userId: null, anonymousKey }, said.conversationId);
    expect(draft?.location.state).toBe('ID');
    expect(draft?.household.members).toHaveLength(2);

    const save = await visitor.say('save my plan');
    expect(save.tools).toEqual(['savePlan']);
    expect(save.run.toolCalls[0]!.ok).toBe(false);
    expect(save.reply.text).toMatch(/needs an account/);
    expect(save.reply.link?.url).toBe('/signup');
  });
});
