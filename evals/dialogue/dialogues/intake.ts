import type { DialogueSpec } from '../types.ts';

/** First messages as people write them: relationships, ages, pets, places, durations and budgets at once. */
export const intake: DialogueSpec[] = [
  {
    id: 'intake-sms-two-step',
    title: 'A vague start, then everything in one text',
    theme: 'intake',
    channel: 'sms',
    turns: [
      {
        say: 'hey need a hurricane plan',
        saysOneOf: [/where/i],
        tools: { notCalled: ['buildPlan'] },
        plan: { exists: false },
      },
      {
        say: 'tampa fl. me wife 2 kids 6 n 9, $300',
        household: {
          memberCount: 4,
          adults: 2,
          members: [{ age: 6 }, { age: 9 }],
          budget: 300,
          location: /Tampa/i,
        },
        plan: { exists: true, state: 'FL', budget: 300, memberCount: 4, scenarios: ['hurricane'] },
        grounded: ['water-total'],
      },
    ],
  },
  {
    id: 'intake-stated-ages-diabetic-wife',
    title: 'Adult ages and a condition in the first message are kept',
    theme: 'intake',
    channel: 'web',
    issue: 'me 40, my wife 38 who is diabetic, and my son 12',
    turns: [
      {
        say: 'me 40, my wife 38 who is diabetic, and my son 12. We live in Columbus, OH and can spend $400.',
        household: {
          ages: [12, 38, 40],
          members: [{ age: 40 }, { age: 38, sex: 'f', condition: /diabet/ }, { age: 12 }],
          budget: 400,
        },
        plan: { exists: true, ages: [12, 38, 40], state: 'OH', budget: 400 },
        says: [/38/, /diabet/i],
      },
    ],
  },
  {
    id: 'intake-me-and-my-gf',
    title: '"me and my gf" is two adults',
    theme: 'intake',
    channel: 'telegram',
    issue: 'me and my gf',
    turns: [
      {
        say: 'me and my gf, austin tx, 500 bucks',
        household: { memberCount: 2, adults: 2, members: [{ sex: 'f' }], budget: 500, location: /Austin/i },
        plan: { exists: true, memberCount: 2, state: 'TX', budget: 500 },
      },
    ],
  },
  {
    id: 'intake-pregnant-nursing-baby',
    title: 'A pregnant woman, her nursing sister and a baby are three people',
    theme: 'intake',
    channel: 'web',
    issue: 'A pregnant woman, her nursing sister and a baby become "1 person (1 adult)"',
    turns: [
      {
        say: "It's me (29, pregnant), my sister who is nursing, and her baby. We're in Houston, TX.",
        household: {
          memberCount: 3,
          members: [
            { age: 29, sex: 'f', pregnant: true },
            { sex: 'f', nursing: true },
            { ageRange: [0, 1.99] },
          ],
        },
        plan: { exists: true, memberCount: 3, state: 'TX' },
        says: [/pregnan/i, /nursing|breastfeed/i],
      },
    ],
  },
  {
    id: 'intake-third-is-a-baby',
    title: '"we\'re 3 … the 3rd is a baby"',
    theme: 'intake',
    channel: 'sms',
    issue: "we're 3 … the 3rd is a baby",
    turns: [
      {
        say: "we're 3 in denver co, me and my husband, the 3rd is a baby",
        household: { memberCount: 3, adults: 2, members: [{ ageRange: [0, 1.99] }] },
        plan: { exists: true, memberCount: 3, state: 'CO' },
      },
    ],
  },
  {
    id: 'intake-pets-with-weights',
    title: 'Two dogs and a cat with their weights',
    theme: 'intake',
    channel: 'telegram',
    issue: '2 dogs (70lb lab, 20 lb terrier) and a 10lb cat',
    turns: [
      {
        say: '2 adults in Boise, ID with 2 dogs (70lb lab, 20 lb terrier) and a 10lb cat. $300',
        household: {
          memberCount: 2,
          pets: [
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 20 },
            { species: 'cat', weightLb: 10 },
          ],
        },
        plan: { exists: true, petCount: 3 },
      },
    ],
  },
  {
    id: 'intake-full-year-without-power',
    title: '"a full year without power" is a 365-day grid-down plan',
    theme: 'intake',
    channel: 'web',
    issue: 'a full year without power',
    turns: [
      {
        say: 'Family of 4 (2 adults, kids 8 and 11) in Detroit, MI. We want to be ready for a full year without power. Budget $2000.',
        household: { durationDays: 365, memberCount: 4, budget: 2000 },
        plan: { exists: true, durationDays: 365, scenarios: ['grid-down'], budget: 2000 },
        grounded: ['duration'],
      },
    ],
  },
  {
    id: 'intake-budget-300-kept',
    title: '"$300" is $300, not an assumed $250',
    theme: 'intake',
    channel: 'sms',
    issue: '"$300" becomes an assumed $250',
    turns: [
      {
        say: '2 adults in miami fl, $300',
        household: { budget: 300 },
        plan: { exists: true, budget: 300, state: 'FL' },
        grounded: ['budget'],
        saysNot: [/\$250/],
      },
    ],
  },
  {
    id: 'intake-la-is-los-angeles',
    title: '"LA" is Los Angeles',
    theme: 'intake',
    channel: 'web',
    issue: '"LA" is not a place',
    turns: [
      {
        say: 'me and my wife in LA, $400, mostly worried about earthquakes',
        household: { location: /Los Angeles/i, memberCount: 2 },
        plan: { exists: true, state: 'CA', scenarios: ['earthquake'] },
        saysNot: [/Louisiana/i],
      },
    ],
  },
  {
    id: 'intake-insulin-phoenix',
    title: 'An 81-year-old on insulin in Phoenix: insulin in the plan and the reply',
    theme: 'intake',
    channel: 'sms',
    issue: '81, diabetic, takes insulin, Phoenix, $200',
    turns: [
      {
        say: '81, diabetic, takes insulin, Phoenix, $200',
        household: {
          memberCount: 1,
          members: [{ age: 81, condition: /insulin/ }],
          budget: 200,
          location: /Phoenix/i,
        },
        plan: { exists: true, state: 'AZ', budget: 200, mentions: [/insulin/i] },
        says: [/insulin/i],
      },
    ],
  },
  {
    id: 'intake-numbers-in-words',
    title: 'Numbers in words, a list of ages, "near houston", "1.5k"',
    theme: 'intake',
    channel: 'web',
    turns: [
      {
        say: "there are five of us: me, my husband, and three kids aged four, seven and ten. we're near houston. 1.5k budget",
        household: {
          memberCount: 5,
          adults: 2,
          minors: 3,
          members: [{ age: 4 }, { age: 7 }, { age: 10 }],
          budget: 1500,
        },
        plan: { exists: true, state: 'TX', budget: 1500, memberCount: 5 },
      },
    ],
  },
  {
    id: 'intake-zip-72-hours',
    title: 'A ZIP code and "72 hour kit"',
    theme: 'intake',
    channel: 'telegram',
    turns: [
      {
        say: '72 hour kit for just me, zip 94103, $150',
        household: { memberCount: 1, durationDays: 3, budget: 150 },
        plan: { exists: true, durationDays: 3, state: 'CA', memberCount: 1 },
        grounded: ['duration'],
      },
    ],
  },
  {
    id: 'intake-anonymous-visitor',
    title: 'A visitor without an account gets a draft plan kept on the thread',
    theme: 'intake',
    channel: 'web',
    user: 'anonymous',
    turns: [
      {
        say: 'just me and my dad (72) in Portland, Maine. $200',
        household: { memberCount: 2, members: [{ age: 72 }], location: /Portland/i, budget: 200 },
        plan: { exists: true, state: 'ME', memberCount: 2 },
        says: [/account|sign ?up/i],
      },
    ],
  },
];
