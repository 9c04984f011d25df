import { describe, expect, it } from 'vitest';
import { describeMembers as describeMembersOf_ } from '../../domain/household-draft.ts';
import { extractFacts, type Profile } from './facts.ts';

const describeMembersOf = (p: Profile) => describeMembersOf_(p.members ?? []);

import { applyHousehold, describeMembers, extractHousehold } from './household.ts';
import { classify } from './intent.ts';
import { extractInventory, parseExpiry } from './inventory.ts';
import { extractLocation } from './location.ts';
import { normalizeText, parseAmount } from './numbers.ts';
import {
  applyPets,
  extractBudget,
  extractDuration,
  extractMobility,
  extractPets,
  extractScenarios,
} from './plan-facts.ts';

const household = (text: string) => {
  const t = normalizeText(text);
  const mention = extractHousehold(t);
  return mention ? describeMembers(applyHousehold(undefined, mention, t).members) : null;
};

describe('numbers', () => {
  it('rewrites number words and reads money', () => {
    expect(normalizeText('Two adults and twenty-five cans, a dozen eggs')).toBe(
      '2 adults and 25 cans, 12 eggs',
    );
    expect(normalizeText('three hundred dollars')).toBe('300 dollars');
    expect(normalizeText('We’re four — really')).toBe("we're 4 - really");
    expect(parseAmount('1.5', 'k')).toBe(1500);
    expect(parseAmount('1,500', null)).toBe(1500);
  });
});

describe('household', () => {
  it.each([
    ['me, my wife and 2 kids', '2 adults and 2 children'],
    ['a family of four', '2 adults and 2 children'],
    ["we're 2 adults, kids 6 and 9", '2 adults and 2 children (9, 6)'],
    ['My husband and I plus grandma (78)', '2 adults and 1 senior (78)'],
    ['5 people', '5 adults'],
    ['just me', '1 adult'],
    ["I'm a single mom of 3", '1 adult and 3 children'],
    ['my pregnant wife and a toddler', '2 adults and 1 child (2)'],
    ['two adults and three kids ages 4, 7 and 12', '2 adults and 3 children (12, 7, 4)'],
    ['a 6-year-old and a 9-year-old plus me and my partner', '2 adults and 2 children (9, 6)'],
    ['we have 2 kids', '2 adults and 2 children'],
    ['I have a 6 month old', '1 adult and 1 infant (6 mo)'],
    ["we're a retired couple", '2 seniors'],
    ['there are six of us', '6 adults'],
    ['we are two parents and two teenagers', '2 adults and 2 teens'],
    ["it's me, my husband, our twins aged 4 and the baby", '2 adults, 2 children (4, 4) and 1 infant (6 mo)'],
  ])('%s → %s', (text, expected) => {
    expect(household(text)).toBe(expected);
  });

  it('finds no household where there is none', () => {
    expect(household('I need a plan for a hurricane')).toBeNull();
    expect(household('we have a 30 lb dog')).toBeNull();
    expect(household('how do I purify water?')).toBeNull();
  });

  it('marks pregnancy, nursing, medical needs and mobility', () => {
    const m = extractHousehold(
      normalizeText('me and my wife, she is pregnant, and my mother who uses a wheelchair'),
    )!;
    expect(m.members.find((x) => x.sex === 'f' && x.kind === 'adult')?.pregnant).toBe(true);
    expect(m.members.find((x) => x.kind === 'senior')?.conditions).toEqual(['mobility-aid']);
  });

  it('applies corrections and additions to what is known', () => {
    const known = [
      { kind: 'adult' as const },
      { kind: 'adult' as const },
      { kind: 'child' as const, ageYears: 6 },
    ];
    const five = extractHousehold(normalizeText("actually we're 5"))!;
    expect(applyHousehold(known, five, "actually we're 5").members).toHaveLength(5);
    const two = extractHousehold(normalizeText("we're 2 now"))!;
    expect(applyHousehold(known, two, "we're 2 now").members.map((m) => m.kind)).toEqual(['adult', 'adult']);
    const baby = extractHousehold(normalizeText('we also have a baby'))!;
    expect(baby.additive).toBe(true);
    expect(applyHousehold(known, baby, 'we also have a baby').members.map((m) => m.kind)).toEqual([
      'adult',
      'adult',
      'child',
      'infant',
    ]);
  });
});

describe('location', () => {
  it.each([
    ["we're in Tampa, FL", 'Tampa, FL'],
    ['family of four in Austin Texas', 'Austin, TX'],
    ['5 people in Montana', 'Montana'],
    ['33602', '33602'],
    ['zip is 98101', '98101'],
    ['we live near Boise', 'Boise, ID'],
    ['I live in Whitefish, MT', 'Whitefish, MT'],
    ['hurricane plan for Miami', 'Miami, FL'],
    ['in NYC', 'New York, NY'],
    ['27.95, -82.46', '27.95,-82.46'],
    ['family in St. Louis', 'St. Louis, MO'],
    ['Fort Worth TX', 'Fort Worth, TX'],
    ['I live in Georgia', 'Georgia'],
  ])('%s → %s', (text, expected) => {
    expect(extractLocation(text)?.location).toBe(expected);
  });

  it('ignores everyday words that are also city names unless placed', () => {
    expect(extractLocation('my mobile phone died during the last storm, what should I do')).toBeNull();
    expect(extractLocation('budget $30000')).toBeNull();
    expect(extractLocation('I need 24 cans')).toBeNull();
    expect(extractLocation('Mobile', { expecting: true })?.location).toBe('Mobile, AL');
  });
});

describe('duration, budget, scenarios, mobility, pets', () => {
  it.each([
    ['two weeks', 14],
    ['a year', 365],
    ['now make it a year', 365],
    ['72 hours', 3],
    ['3 months', 90],
    ['a month', 30],
    ['multi-year', 730],
    ['for 10 years', 3650],
    ['kids 6 and 9, a 6-year-old', null],
    ['expires in 2 years', null],
  ])('duration %s → %s', (text, days) => {
    expect(extractDuration(normalizeText(text))).toBe(days);
  });

  it.each([
    ['$300', { budget: 300 }],
    ['$1.5k', { budget: 1500 }],
    ['1,500 bucks', { budget: 1500 }],
    ['budget is 2000', { budget: 2000 }],
    ['1.5k budget', { budget: 1500 }],
    ['$100 a month', { budget: 100, monthlyBudget: 100 }],
    ['$500 now and $100/month', { budget: 500, monthlyBudget: 100 }],
    ['no budget', { budget: 0 }],
  ])('budget %s', (text, expected) => {
    expect(extractBudget(normalizeText(text))).toEqual(expected);
  });

  it('reads scenarios, additions and mobility', () => {
    expect(extractScenarios('hurricane season and power outages')?.scenarios).toEqual([
      'hurricane',
      'grid-down',
    ]);
    expect(extractScenarios('also earthquakes')?.additive).toBe(true);
    expect(extractMobility('we want to bug out')).toBe('BUG_OUT');
    expect(extractMobility("we'll shelter in place")).toBe('SHELTER_IN_PLACE');
  });

  it('reads pets with and without weights and replaces a species on correction', () => {
    expect(extractPets(normalizeText('a 30 lb dog and two cats'))?.pets).toEqual([
      { species: 'dog', weightLb: 30 },
      { species: 'cat', weightLb: 10, assumedWeight: true },
      { species: 'cat', weightLb: 10, assumedWeight: true },
    ]);
    expect(extractPets(normalizeText('our lab weighs 70 pounds'))?.pets).toEqual([
      { species: 'dog', weightLb: 70, breed: 'lab' },
    ]);
    const corrected = applyPets(
      [
        { species: 'dog', weightLb: 30 },
        { species: 'cat', weightLb: 10 },
      ],
      extractPets('the dog is 45 lbs')!,
    );
    expect(corrected).toEqual([
      { species: 'cat', weightLb: 10 },
      { species: 'dog', weightLb: 45 },
    ]);
    expect(extractPets('no pets')?.none).toBe(true);
  });
});

describe('facts over a known profile: edits, never a rebuild', () => {
  const known: Profile = extractFacts("We're a family of 4 in Tampa, FL, two kids 6 and 9, $300", {}).next;
  const people = (p: Profile) => describeMembersOf(p);

  it('reads the first message whole', () => {
    expect(known.location).toBe('Tampa, FL');
    expect(people(known)).toBe('2 adults, 2 children (6, 9)');
    expect(known.budget).toBe(300);
  });

  it('changes only what the follow-up says', () => {
    expect(extractFacts('now make it a year', known).edits).toEqual({ durationDays: 365 });
    expect(extractFacts('a full year without power', known).next.durationDays).toBe(365);
    expect(extractFacts('we have a 30 lb dog', known).edits).toEqual({
      pets: [{ species: 'dog', weightLb: 30 }],
    });
    expect(extractFacts("actually we're 5", known).next.members).toHaveLength(5);
    expect(extractFacts('bump the budget to $1,000', known).edits).toEqual({ budget: 1000 });
    expect(extractFacts('actually make that 200', known).next.budget).toBe(200);
    expect(extractFacts('Tampa', known).edits).toEqual({});
  });

  it('adds grandma and keeps the kids', () => {
    const f = extractFacts("actually it's 5 of us, add grandma who is 78 and diabetic", known);
    expect(people(f.next)).toBe('2 adults, 2 children (6, 9), 1 senior (78 f, diabetic)');
  });

  it('corrects the adults and keeps the children; restates the kids and keeps the adults', () => {
    const adults = extractFacts('The adults are me, 38, female, and my husband, 40', known).next;
    expect(people(adults)).toBe('2 adults (38 f, 40 m), 2 children (6, 9)');
    expect(people(extractFacts('kids are 4, 9 and 13', adults).next)).toBe(
      '2 adults (38 f, 40 m), 1 teen (13), 2 children (4, 9)',
    );
  });

  it('reads pets with weights and breeds exactly', () => {
    const f = extractFacts('2 dogs (70lb lab, 20 lb terrier) and a 10lb cat', known);
    expect(f.next.pets).toEqual([
      { species: 'dog', weightLb: 70, breed: 'lab' },
      { species: 'dog', weightLb: 20, breed: 'terrier' },
      { species: 'cat', weightLb: 10 },
    ]);
  });

  it('reads an amount someone can put in as the budget, not a number of days or people', () => {
    const budget = (text: string) => extractFacts(text, { ...known, budget: 250 }).edits.budget;
    expect(budget('whats the budget thing? we can do 200')).toBe(200);
    expect(budget('we could manage 150')).toBe(150);
    expect(budget('maybe 300 max')).toBe(300);
    expect(budget('we can do 3 days')).toBeUndefined();
  });

  it('never reads the speaker\'s age as the budget ("just me, 25")', () => {
    expect(extractFacts('just me, 25', {}).edits).toEqual({
      members: [{ kind: 'adult', role: 'me', ageYears: 25 }],
    });
    expect(extractFacts('me, 25, austin tx', {}).edits.budget).toBeUndefined();
    expect(extractFacts('just me, austin tx, 250', {}).edits.budget).toBe(250);
  });

  it('reads a two-word breed as one dog ("a golden retriever" is not a golden and a retriever)', () => {
    expect(extractFacts('We have a golden retriever, about 70 lb.', known).next.pets).toEqual([
      { species: 'dog', weightLb: 70, breed: 'golden retriever' },
    ]);
    expect(extractFacts('a german shepherd and two border collies', known).next.pets).toEqual([
      { species: 'dog', weightLb: 75, breed: 'german shepherd' },
      { species: 'dog', weightLb: 40, breed: 'border collie' },
      { species: 'dog', weightLb: 40, breed: 'border collie' },
    ]);
    expect(extractFacts('our 55 lb lab mix', known).next.pets).toEqual([
      { species: 'dog', weightLb: 55, breed: 'lab mix' },
    ]);
  });

  it('removes the one who left, told apart by age ("my oldest is at college, so just four of us")', () => {
    const five = extractFacts('me 41, my wife 39, kids 12, 9 and 4', {}).next;
    const ages = (text: string) =>
      extractFacts(text, five)
        .next.members?.map((m) => m.ageYears)
        .sort((a, b) => a! - b!);
    expect(ages('Actually my oldest is at college, so just four of us at home.')).toEqual([4, 9, 39, 41]);
    expect(ages('our youngest lives with her dad now')).toEqual([9, 12, 39, 41]);
    expect(ages('the eldest moved out')).toEqual([4, 9, 39, 41]);
    // A correction of an age is not a departure.
    expect(ages('the oldest is actually 13')).toEqual([4, 9, 13, 39, 41]);
  });

  it('reads an age said apart, pets corrected or removed, hours that are not dollars', () => {
    const withDog = extractFacts('we have a 70 lb golden', known).next;
    const mom = extractFacts("my mom is moving in, she's 72 and uses a walker", withDog);
    expect(mom.edits.addMembers).toEqual([
      { kind: 'senior', role: 'mom', ageYears: 72, sex: 'f', conditions: ['mobility-aid'] },
    ]);
    expect(extractFacts('the dog is actually 80 lb', withDog).edits).toEqual({
      changePets: [{ match: { species: 'dog' }, set: { species: 'dog', weightLb: 80 } }],
    });
    expect(extractFacts('remove the dog', withDog).edits).toEqual({ removePets: [{ position: 1 }] });
    expect(extractFacts('make it 72 hours', known).edits).toEqual({ durationDays: 3 });
    expect(extractFacts("we don't have the dog anymore", withDog).edits).toEqual({
      removePets: [{ position: 1 }],
    });
    expect(extractFacts('how many calories a day do we need?', known).edits).toEqual({});
    expect(extractFacts('nr philly, 400$', {}).edits).toEqual({ location: 'Philadelphia, PA', budget: 400 });
    expect(extractFacts('tampa fl. me wife 2 kids 6 n 9, $300', {}).next).toMatchObject({ budget: 300 });
  });

  it('answers a pending question with a bare reply', () => {
    expect(extractFacts('Boise', {}).edits.location).toBe('Boise, ID');
    expect(extractFacts('4', { location: 'Boise, ID' }).next.members).toHaveLength(4);
  });
});

describe('first messages people actually send', () => {
  it.each([
    ['me and my gf in Austin, TX', '2 adults (you, girlfriend)'],
    ['me 40, my wife 38 who is diabetic, and my son 12', '2 adults (38 f, diabetic; 40), 1 child (12 m)'],
    ['81, diabetic, takes insulin', '1 senior (81, diabetic, takes insulin)'],
    [
      "I'm pregnant, my sister is nursing and her baby lives with us",
      '2 adults (you, pregnant; sister, nursing), 1 infant (6 mo)',
    ],
    ["we're 3, me and my husband, the 3rd is a baby", '2 adults (you, husband), 1 infant (6 mo)'],
    ['me + wife + 3 kids', '2 adults (you, wife), 3 children'],
    ['two adults and twins aged four', '2 adults, 2 children (4, 4)'],
    ['my roommate and I', '2 adults (roommate, you)'],
    ['me, my roommate and my twin boys (7)', '2 adults (you, roommate), 2 children (7 m, 7 m)'],
    ['2 adlts 3 kids (2,5,11)', '2 adults, 3 children (2, 5, 11)'],
  ])('%s → %s', (text, expected) => {
    expect(describeMembersOf(extractFacts(text, {}).next)).toBe(expected);
  });

  it('asks which state for a name several states share, and keeps places abroad', () => {
    expect(extractFacts('Springfield', {}).ambiguousPlace).toEqual({
      name: 'Springfield',
      states: ['MO', 'MA', 'IL'],
    });
    const berlin = extractFacts('Berlin, Germany', {});
    expect(berlin.edits.location).toBe('Berlin, Germany');
    expect(berlin.abroad).toBe(true);
    expect(extractFacts('we live in LA', {}).edits.location).toBe('Los Angeles, CA');
    for (const [text, place] of [
      ['Toronto, Canada', 'Toronto, Canada'],
      ['London, UK', 'London, UK'],
      ['we live in Philly', 'Philadelphia, PA'],
      ['near houston', 'Houston, TX'],
    ])
      expect(extractFacts(text!, {}).edits.location, text).toBe(place);
    expect(extractFacts('$300', { location: 'Tampa, FL' }).edits.budget).toBe(300);
  });
});

describe('inventory statements', () => {
  it('reads what was bought, used and owned, with expiry', () => {
    expect(extractInventory(normalizeText('bought 24 cans of chili, expire March 2027'))).toEqual([
      { action: 'add', item: 'chili', quantity: 24, unit: 'can', size: null, expires: '2027-03-31' },
    ]);
    expect(extractInventory(normalizeText('used 2 gallons of water'))).toEqual([
      { action: 'remove', item: 'water', quantity: 2, unit: 'gallon', size: null, expires: null },
    ]);
    expect(extractInventory(normalizeText('we have 3 flashlights'))).toEqual([
      { action: 'set', item: 'flashlights', quantity: 3, unit: null, size: null, expires: null },
    ]);
    expect(
      extractInventory(normalizeText('picked up a case of water and 2 headlamps')).map((s) => [
        s.item,
        s.quantity,
        s.unit,
      ]),
    ).toEqual([
      ['water', 1, 'case'],
      ['headlamps', 2, null],
    ]);
    expect(extractInventory(normalizeText('got a 5 gallon jug of water'))[0]?.size).toEqual({
      amount: 5,
      unit: 'gallon',
    });
    expect(extractInventory(normalizeText('we have 2 kids'))).toEqual([]);
    expect(extractInventory(normalizeText('we have a 30 lb dog'))).toEqual([]);
  });

  it('reads expiry dates in several forms', () => {
    expect(parseExpiry('expires 03/2031')).toBe('2031-03-31');
    expect(parseExpiry('best by 2030-06-15')).toBe('2030-06-15');
    expect(parseExpiry('good until feb 2028')).toBe('2028-02-29');
    expect(parseExpiry('exp 2029')).toBe('2029-12-31');
    expect(parseExpiry('no date here')).toBeNull();
  });
});

describe('intent', () => {
  it.each([
    ['hi', 'greeting'],
    ['/help', 'help'],
    ['bought 24 cans of chili', 'inventory-update'],
    ['how do I make creek water safe?', 'question'],
    ['can you make a plan for a family of 4 in Tampa?', 'plan'],
    ['show my plan', 'show-plan'],
    ['what is expiring soon?', 'inventory-list'],
    ['what tier am I on?', 'tier'],
    ['book a call with an expert', 'calls'],
    ['how much water do we need?', 'rations'],
    ['can you recommend a water filter?', 'products'],
    ['where can I learn first aid?', 'skills'],
    ['save my plan', 'save-plan'],
    ["we're 2 adults in Tampa", 'plan'],
  ])('%s → %s', (text, kind) => {
    expect(classify(text).kind).toBe(kind);
  });
});
