import type { DialogueSpec } from '../types.ts';
import { CHANGED, opening, TAMPA_FAMILY } from './common.ts';

/** Corrections change only what they name, and the reply says what changed and the household now. */
export const corrections: DialogueSpec[] = [
  {
    id: 'correct-add-grandma',
    title: 'Adding grandma (78, diabetic) keeps the kids as kids',
    theme: 'correction',
    channel: 'web',
    issue: "actually it's 5 of us, add grandma who is 78 and diabetic",
    turns: [
      opening(TAMPA_FAMILY, { household: { memberCount: 4, members: [{ age: 6 }, { age: 9 }] } }),
      {
        say: "actually it's 5 of us, add grandma who is 78 and diabetic",
        saysOneOf: CHANGED,
        linksPlan: true,
        household: {
          memberCount: 5,
          adults: 3,
          minors: 2,
          members: [{ age: 6 }, { age: 9 }, { age: 78, condition: /diabet/ }],
          budget: 300,
          location: /Tampa/i,
        },
        plan: { exists: true, memberCount: 5, budget: 300 },
        says: [/grandma|78/i, /added|now/i],
        tools: { called: ['updateHousehold'] },
      },
    ],
  },
  {
    id: 'correct-adult-ages-and-sexes',
    title: 'Naming the adults keeps the children',
    theme: 'correction',
    channel: 'web',
    issue: 'The adults are me, 38, female, and my husband, 40',
    turns: [
      opening('2 adults and 2 kids (6 and 9) in Raleigh, NC, $250'),
      {
        say: 'The adults are me, 38, female, and my husband, 40',
        saysOneOf: CHANGED,
        linksPlan: true,
        household: {
          ages: [6, 9, 38, 40],
          members: [{ age: 38, sex: 'f' }, { age: 40, sex: 'm' }, { age: 6 }, { age: 9 }],
        },
        plan: { exists: true, ages: [6, 9, 38, 40] },
        says: [/38/, /40/],
      },
    ],
  },
  {
    id: 'correct-kids-ages-keeps-wife',
    title: '"kids are 4, 9 and 13" keeps the wife',
    theme: 'correction',
    channel: 'telegram',
    issue: 'kids are 4, 9 and 13',
    turns: [
      { say: 'me and my wife and our 3 kids in Portland, OR, $300' },
      {
        say: 'kids are 4, 9 and 13',
        saysOneOf: CHANGED,
        linksPlan: true,
        household: { memberCount: 5, adults: 2, minors: 3, members: [{ age: 4 }, { age: 9 }, { age: 13 }] },
        plan: { exists: true, memberCount: 5 },
      },
    ],
  },
  {
    id: 'correct-pets-with-weights',
    title: 'Pets corrected with weights replace the vague pets only',
    theme: 'correction',
    channel: 'sms',
    issue: '2 dogs (70lb lab, 20 lb terrier) and a 10lb cat',
    turns: [
      opening('2 adults in boise id, we have pets, $200'),
      {
        say: '2 dogs (70lb lab, 20 lb terrier) and a 10lb cat',
        saysOneOf: CHANGED,
        linksPlan: true,
        household: {
          memberCount: 2,
          pets: [
            { species: 'dog', weightLb: 70 },
            { species: 'dog', weightLb: 20 },
            { species: 'cat', weightLb: 10 },
          ],
          budget: 200,
        },
        plan: { exists: true, petCount: 3, memberCount: 2 },
      },
    ],
  },
  {
    id: 'correct-one-cat-to-two',
    title: '"no wait, 2 cats" after "I also have a cat" says the one cat it adds',
    theme: 'correction',
    channel: 'telegram',
    issue: 'Added a 10 lb cat and a 10 lb cat. Removed a 10 lb cat.',
    turns: [
      opening(
        'I live alone in Phoenix AZ, I am 70 and use insulin. Heat waves and power outages. 1 week, $150.',
      ),
      { say: 'I also have a cat', household: { pets: [{ species: 'cat' }] } },
      {
        say: 'no wait, 2 cats',
        saysOneOf: CHANGED,
        household: { memberCount: 1, pets: [{ species: 'cat' }, { species: 'cat' }] },
        plan: { exists: true, petCount: 2, memberCount: 1 },
        saysNot: [/Removed a 10 lb cat/i, /cat and a 10 lb cat/i],
      },
    ],
  },
  {
    id: 'correct-oldest-at-college-golden-retriever',
    title:
      '"my oldest is at college" removes the oldest; "a golden retriever" is one dog; "yes build it" shows the plan',
    theme: 'correction',
    channel: 'web',
    issue:
      'Removed a child (4); Pets: a 70 lb retriever and a 65 lb golden; "yes build it": didn\'t catch that',
    turns: [
      opening('Hi! We are a family of five in Tampa, FL: me 41, my wife 39, kids 12, 9 and 4.', {
        household: { memberCount: 5 },
      }),
      {
        say: 'Actually my oldest is at college, so just four of us at home.',
        saysOneOf: CHANGED,
        household: { memberCount: 4, ages: [4, 9, 39, 41] },
        plan: { exists: true, memberCount: 4 },
        says: [/12/],
        saysNot: [/child \(4\)\./i],
      },
      {
        say: 'We have a golden retriever, about 70 lb.',
        household: { memberCount: 4, pets: [{ species: 'dog', weightLb: 70 }] },
        plan: { exists: true, petCount: 1 },
        saysNot: [/65 lb golden/i, /and a/i],
      },
      {
        say: 'yes build it',
        linksPlan: true,
        saysNot: [/catch that/i],
        plan: { exists: true, memberCount: 4, petCount: 1 },
      },
    ],
  },
  {
    id: 'correct-sms-we-can-do-200-two-cats',
    title: '"we can do 200" on SMS sets the budget; "2 cats" reads as two cats once',
    theme: 'correction',
    channel: 'sms',
    issue: '"whats the budget thing? we can do 200": did not catch that; "a 10 lb cat and a 10 lb cat"',
    turns: [
      opening('hi need help prepping. 2 adlts 1 kid age 3 in fresno ca'),
      {
        say: 'whats the budget thing? we can do 200',
        says: [/200/],
        saysNot: [/catch that/i],
        household: { budget: 200 },
        plan: { exists: true, budget: 200 },
      },
      {
        say: 'also we have 2 cats',
        household: { pets: [{ species: 'cat' }, { species: 'cat' }] },
        says: [/two 10 lb cats/i],
        saysNot: [/cat and a 10 lb cat/i],
      },
    ],
  },
  {
    id: 'correct-telegram-single-mom-chicago',
    title:
      'A question mark on facts still changes the plan; "my 11 yo has asthma" removes nobody; "thanks, what should i buy first" answers',
    theme: 'correction',
    channel: 'telegram',
    issue:
      'budget and hazards answered with fire-safety guidance; the 5-year-old removed; "thanks" swallowed the question',
    turns: [
      opening('hey. single mom, me 33 and my boys 5 and 11, apartment in Chicago 3rd floor', {
        household: { memberCount: 3 },
      }),
      {
        say: 'mostly worried about blizzards and power going out. maybe $150?',
        household: { budget: 150, memberCount: 3 },
        plan: { exists: true, budget: 150 },
        tools: { called: ['updateHousehold'] },
      },
      {
        say: 'my 11 yo has asthma, uses an inhaler',
        household: { memberCount: 3, members: [{ age: 5 }, { age: 11 }] },
        says: [/inhaler/i],
        saysNot: [/Removed/i],
      },
      {
        say: 'thanks, what should i buy first',
        says: [/buy/i, /\$\d/],
        saysNot: [/welcome/i],
      },
    ],
  },
  {
    id: 'correct-sms-retired-couple-tucson',
    title:
      '"we are retired, 71 and 74" is two seniors; "heat … and power cuts" are hazards; "budget 500, a month" is not monthly',
    theme: 'correction',
    channel: 'sms',
    issue: 'asked who lives there; "power cuts": did not catch that; "Monthly budget: $500 a month"',
    turns: [
      opening('Hi we are retired, 71 and 74, in Tucson AZ.', {
        household: { memberCount: 2, members: [{ age: 71 }, { age: 74 }] },
      }),
      { say: 'heat is our big worry, and power cuts', saysNot: [/catch that/i], says: [/grid down/i] },
      {
        say: 'budget 500, a month',
        household: { budget: 500 },
        plan: { exists: true, budget: 500 },
        saysNot: [/monthly/i],
      },
    ],
  },
  {
    id: 'correct-make-that-200',
    title: '"actually make that 200" changes the budget to $200',
    theme: 'correction',
    channel: 'sms',
    issue: '"actually make that 200" stays at $100',
    turns: [
      opening('2 adults + 1 kid (7) in tulsa ok, $100', { household: { budget: 100 } }),
      {
        say: 'actually make that 200',
        says: [/200/],
        linksPlan: true,
        household: { budget: 200, memberCount: 3, members: [{ age: 7 }] },
        plan: { exists: true, budget: 200 },
        grounded: ['budget'],
      },
    ],
  },
  {
    id: 'correct-remove-member',
    title: 'Someone moves out: only they are removed',
    theme: 'correction',
    channel: 'web',
    turns: [
      opening('me (45), my wife (43), my son 12 and my mother-in-law (70) in Atlanta, GA. $500'),
      {
        say: "my mother-in-law moved out, so it's just the three of us now",
        saysOneOf: CHANGED,
        linksPlan: true,
        household: { memberCount: 3, ages: [12, 43, 45] },
        plan: { exists: true, memberCount: 3, ages: [12, 43, 45] },
      },
    ],
  },
  {
    id: 'correct-duration-3-months',
    title: '"make it 3 months instead" changes only the duration',
    theme: 'correction',
    channel: 'telegram',
    turns: [
      opening('2 adults and a 5 year old in Nashville, TN. $300'),
      {
        say: 'make it 3 months instead',
        says: [/3 months|90 days|three months/i],
        linksPlan: true,
        household: { durationDays: [90, 92], memberCount: 3, members: [{ age: 5 }], budget: 300 },
        plan: { exists: true, durationDays: [90, 92] },
        grounded: ['duration'],
      },
    ],
  },
  {
    id: 'correct-location',
    title: 'A corrected city keeps the household',
    theme: 'correction',
    channel: 'web',
    turns: [
      opening('2 adults in Dallas, TX, $300', { plan: { exists: true, state: 'TX' } }),
      {
        say: 'sorry, we actually live in Tulsa, Oklahoma',

        linksPlan: true,
        household: { location: /Tulsa/i, memberCount: 2, budget: 300 },
        plan: { exists: true, state: 'OK', memberCount: 2 },
        says: [/Tulsa/i],
      },
    ],
  },
  {
    id: 'correct-add-pregnancy',
    title: '"oh and im pregnant" marks the right member',
    theme: 'correction',
    channel: 'sms',
    turns: [
      opening('me 31 f and my husband 33 in sacramento ca, $250'),
      {
        say: 'oh and im pregnant',
        saysOneOf: CHANGED,
        linksPlan: true,
        household: {
          memberCount: 2,
          members: [
            { age: 31, sex: 'f', pregnant: true },
            { age: 33, pregnant: false },
          ],
        },
        plan: { exists: true, memberCount: 2 },
      },
    ],
  },
];
