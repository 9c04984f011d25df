import type { DialogueSpec } from '../types.ts';
import { CHANGED, ORG, opening } from './common.ts';

/** Households and questions as people typed them in a chat session; each failed once. */
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
    id: 'people-kids-ages-by-spaces',
    title: '"2 adults 3 kids 4 7 10" keeps each child\'s age',
    theme: 'correction',
    channel: 'telegram',
    issue: '"3 kids 4 7 10" became three 4-year-olds',
    turns: [
      opening('family of 5 in london uk'),
      {
        say: '2 adults 3 kids 4 7 10',
        saysOneOf: CHANGED,
        says: [/\b10\b/],
        saysNot: [/4, 4, 4/],
        household: { memberCount: 5, adults: 2, minors: 3, members: [{ age: 4 }, { age: 7 }, { age: 10 }] },
        plan: { exists: true, memberCount: 5 },
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
    id: 'people-budget-relative',
    title: '"double the budget" doubles it; "cheaper" asks how much; "make it half a year" keeps the budget',
    theme: 'follow-up',
    channel: 'web',
    issue: '"double the budget" and "cheaper" were not caught; "make it half a year" set a $0 budget',
    turns: [
      opening('3 roommates in Chicago, all in our 20s, budget $100', { plan: { exists: true, budget: 100 } }),
      {
        say: 'double the budget',
        says: [/\$200\.00/],
        household: { budget: 200 },
        plan: { exists: true, budget: 200 },
        tools: { called: ['updateHousehold'] },
      },
      {
        say: 'cheaper',
        says: [/how much/i, /\$200\.00/],
        tools: { none: true },
        plan: { exists: true, budget: 200 },
      },
      {
        say: 'make it half a year',
        household: { budget: 200, durationDays: [180, 183] },
        plan: { exists: true, budget: 200, durationDays: [180, 183] },
      },
    ],
  },
  {
    id: 'guide-generator-indoors',
    title: '"is a generator safe indoors?" says never indoors, not how to wire one',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with backfeeding and extension cords',
    turns: [
      {
        say: 'is a generator safe indoors?',
        says: [/never/i, /garage|basement|inside a home/i, ORG],
        saysNot: [/backfeed/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-stored-water-lasts',
    title: '"how long does stored water last?" gives the six-month rule, no lead-in left hanging',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with what to store it in, ending on "If you fill your own containers:"',
    turns: [
      {
        say: 'how long does stored water last?',
        says: [/six months|6 months/i],
        saysNot: [/containers:\s*$/im],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'plan-what-do-i-do-first',
    title: '"what do I do first?" with a plan answers from it, not a first-aid page',
    theme: 'plan-question',
    channel: 'web',
    issue: 'answered with the Red Cross first aid introduction',
    turns: [
      opening('single dad, me 40 and my son 9 in Denver CO, $200'),
      {
        say: 'what do I do first?',
        says: [/first/i, /\$\d+\.\d\d/],
        saysNot: [/first aid/i],
        tools: { called: ['getPlan'], notCalled: ['searchGuidance'] },
      },
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
    id: 'people-just-the-pit-bull',
    title: '"scratch that, just the pit bull" keeps the pit bull and drops the chihuahua',
    theme: 'correction',
    channel: 'web',
    issue: '"scratch that, just the pit bull" was not caught',
    turns: [
      opening('me n my gf, both 28, plus her son whos 4, in phoenix az. 150 bucks'),
      {
        say: 'oh and we got a pit bull and a chihuahua',
        household: { pets: [{ species: 'dog' }, { species: 'dog' }] },
      },
      {
        say: 'scratch that, just the pit bull',
        saysOneOf: CHANGED,
        says: [/chihuahua/i],
        household: { pets: [{ species: 'dog', weightLb: 55 }], memberCount: 3 },
        plan: { exists: true, petCount: 1 },
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
    id: 'guide-power-goes-out',
    title: '"what should i do if the power goes out" gives the outage steps, not a food-safety introduction',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with an introduction to food safety and no steps',
    turns: [
      {
        say: 'what should i do if the power goes out',
        says: [/refrigerator|freezer/i, /unplug|generator|flashlight/i, ORG],
        saysNot: [/Know them before an outage\.?\s*$/m],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-pool-water',
    title: '"is it ok to drink pool water" says do not, first',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with the heat-illness "stay hydrated" list',
    turns: [
      {
        say: 'is it ok to drink pool water',
        says: [/do not drink/i, /pool/i],
        saysNot: [/stay hydrated/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-store-generator-fuel',
    title: '"how do i store gas for the generator" gives fuel storage',
    theme: 'guidance',
    channel: 'sms',
    issue: 'answered with where not to run a generator',
    turns: [
      {
        say: 'how do i store gas for the generator',
        says: [/approved containers|stabilizer/i],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'people-more-kids-not-dollars',
    title: '"add 2 more kids" adds children and leaves the budget; "add 50 dollars" is fifty more',
    theme: 'follow-up',
    channel: 'sms',
    issue: '"add 2 more kids, twins, age 1" also raised the budget by $2',
    turns: [
      opening("we're 4 in 80202, 2 adults 2 kids 6 and 9, budget 300", {
        plan: { exists: true, budget: 300 },
      }),
      {
        say: 'add 2 more kids',
        household: { memberCount: 6, minors: 4, budget: 300 },
        plan: { exists: true, budget: 300, memberCount: 6 },
        saysNot: [/Budget:/],
      },
      {
        say: 'add 50 dollars',
        household: { budget: 350, memberCount: 6 },
        plan: { exists: true, budget: 350 },
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
    id: 'people-dogs-counted-and-named',
    title:
      '"2 dogs (a husky and a lab)" is two dogs; a beagle makes three; the husky\'s weight changes only the husky',
    theme: 'correction',
    channel: 'telegram',
    issue: 'four dogs, then eight, then every dog but a 60 lb husky removed',
    turns: [
      opening('we r 2 adults, 1 teen (16), 2 dogs (a husky and a lab), in Denver CO, 350', {
        household: {
          pets: [
            { species: 'dog', weightLb: 50 },
            { species: 'dog', weightLb: 70 },
          ],
        },
        plan: { exists: true, petCount: 2 },
      }),
      {
        say: "no wait it's 3 dogs, we also have a beagle",
        household: {
          pets: [
            { species: 'dog', weightLb: 50 },
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 25 },
          ],
        },
        plan: { exists: true, petCount: 3 },
      },
      {
        say: 'the husky is actually 60 lbs',
        saysNot: [/removed/i],
        household: {
          pets: [
            { species: 'dog', weightLb: 60 },
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 25 },
          ],
        },
        plan: { exists: true, petCount: 3 },
      },
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
    id: 'people-sms-just-turned',
    title: '"actually the 6yo just turned 7" changes that child (SMS)',
    theme: 'correction',
    channel: 'sms',
    issue: '"the 6yo just turned 7" was not caught',
    turns: [
      opening('single mom 2 kids 4 & 6 memphis 120'),
      {
        say: 'actually the 6yo just turned 7',
        saysOneOf: CHANGED,
        household: { memberCount: 3, ages: [4, 7, 35] },
      },
    ],
  },
  {
    id: 'guide-during-earthquake',
    title: '"what do i do in an earthquake" gives drop, cover, hold on as steps',
    theme: 'guidance',
    channel: 'web',
    issue: 'answered with the introduction only',
    turns: [
      {
        say: 'what do i do in an earthquake',
        says: [/hands and knees/i, /cover your head/i, ORG],
        tools: { called: ['searchGuidance'] },
      },
    ],
  },
  {
    id: 'guide-tap-water-after-quake',
    title: '"is tap water safe after an earthquake" answers about the water, not drop-cover-hold-on',
    theme: 'guidance',
    channel: 'telegram',
    issue: 'answered with the earthquake introduction',
    turns: [
      {
        say: 'is tap water safe after an earthquake',
        says: [/boil water|do not drink|advisory/i],
        saysNot: [/Drop, Cover/i],
        tools: { called: ['searchGuidance'] },
      },
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
];
