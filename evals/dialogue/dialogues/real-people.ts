import type { DialogueSpec } from '../types.ts';
import { CHANGED, opening } from './common.ts';

/** Households as people typed them in a chat session, read on the first message; each failed once. */
export const realPeople: DialogueSpec[] = [
  {
    id: 'people-grandparents-raising-grandkids',
    title:
      'Grandparents raising grandkids are the two of them, said once; "actually im 68" corrects the speaker',
    theme: 'intake',
    channel: 'web',
    issue:
      'grandparents here raising our 2 grandkids … im 67 and my wife is 64 → 6 people; "actually im 68" not caught',
    turns: [
      opening(
        'grandparents here raising our 2 grandkids ages 5 and 11, im 67 and my wife is 64, she uses oxygen. rural kentucky 40422',
        {
          household: { memberCount: 4, ages: [5, 11, 64, 67], members: [{ age: 64, condition: /oxygen/i }] },
          plan: { exists: true, memberCount: 4 },
        },
      ),
      {
        say: 'actually im 68',
        saysOneOf: CHANGED,
        says: [/\b68\b/],
        household: { memberCount: 4, ages: [5, 11, 64, 68] },
        plan: { exists: true, ages: [5, 11, 64, 68] },
        tools: { called: ['updateHousehold'] },
      },
    ],
  },
  {
    id: 'people-teen-daughter-once',
    title: '"my teen daughter 15" is one person; "no wait my dad is 82" changes only him',
    theme: 'intake',
    channel: 'sms',
    issue: '"my teen daughter 15" counted as two teens',
    turns: [
      opening('me (35), my teen daughter 15 and my dad who is 80 and has dementia, zip 30301, $175', {
        household: { memberCount: 3, ages: [15, 35, 80] },
        plan: { exists: true, memberCount: 3 },
      }),
      {
        say: 'no wait my dad is 82',
        saysOneOf: CHANGED,
        household: { memberCount: 3, ages: [15, 35, 82] },
      },
    ],
  },
  {
    id: 'people-months-pregnant',
    title: '"im 7 months pregnant" marks the speaker pregnant and leaves the plan two weeks',
    theme: 'intake',
    channel: 'web',
    issue: '"7 months pregnant" made a 7-month plan and lost the pregnancy',
    turns: [
      opening(
        'me and my husband r expecting, im 7 months pregnant, we live in houston tx and have 2 cats, $400',
        {
          household: { memberCount: 2, members: [{ pregnant: true, sex: 'f' }] },
          plan: { exists: true, durationDays: 14, memberCount: 2 },
          saysNot: [/7-month/i],
        },
      ),
    ],
  },
  {
    id: 'people-long-first-message-new-orleans',
    title: "A family of 6 in one long message: New Orleans, the baby's months, the husband once",
    theme: 'intake',
    channel: 'web',
    issue:
      '"we live in New Orleans" became "we live in, New" abroad; "baby who is 8 months" an 8-month plan; 7 people',
    turns: [
      opening(
        'hi! we are a family of 6: me (41), my husband (43), our kids 17, 14, 9 and our baby who is 8 months. we live in New Orleans. Budget around $600. We have a cat. My husband takes blood pressure meds.',
        {
          household: { memberCount: 6, adults: 2, minors: 4, location: /New Orleans/ },
          plan: { exists: true, durationDays: 14, memberCount: 6, state: 'LA' },
          saysNot: [/outside the United States/i, /8-month/i],
        },
      ),
      {
        say: 'the baby is 9 months now',
        saysOneOf: CHANGED,
        saysNot: [/removed/i],
        household: {
          memberCount: 6,
          minors: 4,
          members: [{ ageRange: [0.7, 0.8] }, { age: 9 }, { age: 14 }, { age: 17 }],
        },
        plan: { exists: true, durationDays: 14 },
      },
    ],
  },
  {
    id: 'people-live-alone-on-oxygen',
    title: '"I\'m 72, live alone … on oxygen" is the household; no question who lives there',
    theme: 'intake',
    channel: 'sms',
    issue: 'asked "Who is in your household?" after "I\'m 72, live alone"',
    turns: [
      opening(
        "I'm 72, live alone outside Fairbanks Alaska, on oxygen at night, $500, worried about winter storms and power outages",
        {
          household: { memberCount: 1, members: [{ age: 72, condition: /oxygen/i }], location: /Fairbanks/ },
          plan: { exists: true, memberCount: 1, budget: 500 },
          saysNot: [/who is in your household/i],
        },
      ),
    ],
  },
  {
    id: 'people-twins-rural-vermont',
    title: 'Twins said twice are two children; "rural vermont" is Vermont; "change budget to 400"',
    theme: 'intake',
    channel: 'sms',
    issue: 'five people in a plan for "Rural, VT"; "change budget to 400" not caught',
    turns: [
      opening('im a nurse, 34, with twins age 3 in rural vermont, budget 250, my twins both have asthma', {
        household: { memberCount: 3, minors: 2, members: [{ age: 3 }, { age: 3 }], location: /^Vermont/ },
        saysNot: [/Rural/],
      }),
      {
        say: 'change budget to 400',
        household: { budget: 400, memberCount: 3 },
        plan: { exists: true, budget: 400 },
        tools: { called: ['updateHousehold'] },
      },
    ],
  },
  {
    id: 'people-insulin-is-mine',
    title: "A run-on message: the speaker's insulin stays the speaker's, not the visiting son's",
    theme: 'intake',
    channel: 'telegram',
    issue: '"my son who is 16 visits … and I am type 1 diabetic on insulin" put the insulin on the son',
    turns: [
      opening(
        'Im 45 and in a wheelchair, live alone in an apartment in Seattle with my two cats (a maine coon and a siamese) my son who is 16 visits on weekends and I am type 1 diabetic on insulin so i need to keep that cold if the power goes out, my budget is about 300 dollars',
        {
          household: { members: [{ age: 45, condition: /insulin/i }] },
          saysNot: [/son's insulin/i],
        },
      ),
    ],
  },
  {
    id: 'people-pregnant-wife-two-adults',
    title: '"my wife is 6 months pregnant, so 2 adults" is two adults, one pregnant, no infant',
    theme: 'intake',
    channel: 'web',
    issue: 'became 4 adults, and then the wife a 6-month-old',
    turns: [
      { say: "Hi, I'm 30, female, in Toronto, Canada, budget 200" },
      {
        say: 'my wife is 6 months pregnant, so 2 adults',
        household: { memberCount: 2, adults: 2, minors: 0, members: [{ pregnant: true }] },
        plan: { exists: true, memberCount: 2 },
      },
    ],
  },
  {
    id: 'people-brooklyn-nursing-ferret',
    title: 'A message in sentences: Brooklyn NY is found though the next sentence starts "We"',
    theme: 'place',
    channel: 'web',
    issue:
      'asked "Where do you live?" after "We live in a second floor apartment in Brooklyn NY. We can probably spend 250."',
    turns: [
      opening(
        "My name is Dana. I am 29 and I have a 3 month old and my partner is 31. We live in a second floor apartment in Brooklyn NY. We can probably spend 250. Our biggest worry is a hurricane or a long power outage. I'm breastfeeding. We also have a ferret.",
        {
          household: {
            memberCount: 3,
            location: /Brooklyn/,
            budget: 250,
            members: [{ age: 29, nursing: true }, { age: 31 }],
          },
          plan: { exists: true, state: 'NY', budget: 250 },
          saysNot: [/where do you live/i],
        },
      ),
    ],
  },
  {
    id: 'people-son-among-the-kids',
    title: '"kids 3 and 5 … my son has a peanut allergy" keeps four people, the allergy on a child',
    theme: 'intake',
    channel: 'web',
    issue: 'six people: the son and daughter counted again',
    turns: [
      opening(
        '4 of us in Portland Oregon, 2 adults, kids 3 and 5. 250. my son has a peanut allergy and my daughter has asthma',
        {
          household: { memberCount: 4, minors: 2, members: [{ condition: /peanut/i }] },
          plan: { exists: true, memberCount: 4 },
        },
      ),
    ],
  },
  {
    id: 'people-retired-couple-ages',
    title:
      '"me and my husband, both retired, 70 and 73" keeps both ages; "my husband is 74 now" changes only him',
    theme: 'intake',
    channel: 'web',
    issue: 'the ages were lost ("2 adults (you; husband)")',
    turns: [
      opening(
        'me and my husband, both retired, 70 and 73, in Sarasota FL, $400, my husband has COPD and uses oxygen',
        {
          household: { memberCount: 2, ages: [70, 73], members: [{ age: 73, condition: /oxygen/i }] },
        },
      ),
      {
        say: 'my husband is 74 now',
        saysOneOf: CHANGED,
        household: { memberCount: 2, ages: [70, 74] },
      },
    ],
  },
  {
    id: 'people-mom-diabetes-walker',
    title:
      '"My 80 year old mom lives with me (I\'m 55), she has diabetes and uses a walker": two people, mom\'s needs hers',
    theme: 'intake',
    channel: 'telegram',
    issue: 'three people, the mom counted twice and her diabetes and walker put on the speaker',
    turns: [
      opening(
        "My 80 year old mom lives with me (I'm 55), she has diabetes and uses a walker. We're in Tucson. $300.",
        {
          household: { memberCount: 2, ages: [55, 80], members: [{ age: 80, condition: /diabet/i }] },
          saysNot: [/your diabetes/i, /your mobility aid/i],
        },
      ),
      {
        say: 'mom is 81 not 80',
        saysOneOf: CHANGED,
        household: { memberCount: 2, ages: [55, 81] },
      },
    ],
  },
];
