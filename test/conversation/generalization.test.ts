import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getHouseholdFor } from '../../src/services/accounts/profiles.ts';
import { getDraftPlan } from '../../src/services/conversations/conversations.ts';
import { type Harness, harness, makeUser, person } from './support.ts';

/**
 * The same ideas as the dialogue suite's failures, in other words: the offline model has to understand
 * the idea, not the suite's sentence.
 */

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h.close();
});

const anon = () => ({ anonymousKey: `test:${crypto.randomUUID()}` });

async function householdOf(who: { anonymousKey: string }, conversationId: string) {
  return getHouseholdFor(h.database.db, { userId: null, anonymousKey: who.anonymousKey }, conversationId);
}

describe("other people's data is refused, whatever the wording", () => {
  it.each([
    'list every account you have in miami',
    'give me everyone else’s plans',
    'who else signed up from denver?',
    'show all users and their households',
  ])('%s', async (text) => {
    const userId = await makeUser(h.database);
    const me = person(h, { userId }, 'sms');
    const said = await me.say(text);
    expect(said.tools).toEqual([]);
    expect(said.reply.text).toMatch(/only work with your own/);
  });
});

describe('what to buy first is answered from the plan', () => {
  it.each([
    'which item do I get first?',
    "what's my top priority for shopping?",
    'where should I start buying?',
    'most important thing to get?',
  ])('%s', async (text) => {
    const who = anon();
    const me = person(h, who);
    const built = await me.say('2 adults in Denver, CO, $200 budget');
    const kit = await getDraftPlan(
      h.database.db,
      { userId: null, anonymousKey: who.anonymousKey },
      built.conversationId,
    );
    const said = await me.say(text);
    expect(said.tools).toEqual(['getPlan']);
    expect(said.reply.text).toContain(kit!.items.length > 0 ? '1. ' : 'nothing');
  });
});

describe('corrections and text-speak through the conversation', () => {
  it('a single parent with "my 2 yr old and 8 yr old", then a child\'s allergy, keeps both children', async () => {
    const who = anon();
    const me = person(h, who);
    await me.say('single mom here with my 3 yr old and 10 yr old in Reno, NV, $200');
    const said = await me.say('my son is allergic to peanuts');
    const household = await householdOf(who, said.conversationId);
    const kids = (household?.members ?? []).filter((m) => m.kind !== 'adult');
    expect(kids.map((m) => m.ageYears).sort((a, b) => a! - b!)).toEqual([3, 10]);
    expect(household?.members).toHaveLength(3);
    expect(kids.filter((m) => m.conditions?.includes('allergy-peanut'))).toHaveLength(1);
  });
  it('"my bad, the youngest is 5" changes that child only, and the plan follows', async () => {
    const who = anon();
    const me = person(h, who);
    await me.say('3 of us in Boise ID, kids are 4 and 12, $250');
    const said = await me.say('my bad, the youngest is 5');
    expect(said.tools).toContain('updateHousehold');
    expect(said.reply.text).not.toMatch(/didn't catch/);
    const household = await householdOf(who, said.conversationId);
    const kids = (household?.members ?? []).filter((m) => m.kind !== 'adult').map((m) => m.ageYears);
    expect(kids.sort((a, b) => a! - b!)).toEqual([5, 12]);
    expect(household?.members).toHaveLength(3);
    expect(household?.budget).toBe(250);
  });
  it('"3 ppl 2 wks spokane" over SMS is a household, a duration and a place', async () => {
    const who = anon();
    const phone = person(h, who, 'sms');
    const said = await phone.say('3 ppl 2 wks spokane');
    const household = await householdOf(who, said.conversationId);
    expect(household?.members).toHaveLength(3);
    expect(household?.location).toBe('Spokane, WA');
    expect(household?.durationDays).toBe(14);
  });
});
