/**
 * The published figures the ration rules use, in one place, each with its source ids (see
 * sources.ts). Where no published preparedness figure exists the constant is marked
 * READYPLAN_ASSUMPTION and its comment gives the reasoning.
 */

// Water — "Store at least 1 gallon of water per person per day" (CDC_KIT_WATER, FEMA_FOOD_WATER);
// the gallon is "two quarts for drinking, two quarts for food preparation/sanitation" (FEMA_ARC_FAMILY_KIT_1997).
export const WATER = {
  drinkingQuarts: 2,
  otherUseQuarts: 2,
  // "3 to 4 quarts a day if you are in a hot climate, pregnant, sick, or a child" (CDC_KIT_WATER):
  // the low end for pregnancy, nursing ("nursing mothers ... will need more", FEMA_FOOD_WATER), sickness and children,
  elevatedDrinkingQuarts: 3,
  // and the top end for heat, where "Hot environments can double that amount" (FEMA_FOOD_WATER, READY_WATER_REPRO).
  hotDrinkingQuarts: 4,
  childUnderYears: 13,
  baseSources: [
    'CDC_KIT_WATER',
    'CDC_HEALTHYWATER_STORE',
    'FEMA_FOOD_WATER',
    'ARC_123',
    'FEMA_ARC_FAMILY_KIT_1997',
  ],
  // "store at least a two-week supply of water" (FEMA_FOOD_WATER; CDC_HEALTHYWATER_STORE; ARC_123 "2-week supply
  // for home"); LDS_CHECKLIST_2002_REPRO: "It is impractical for most families to store a year's supply of water".
  storageCapDays: 14,
  // "3-day supply for evacuation" (ARC_123).
  carryDays: 3,
} as const;

// Pets — "dogs and cats typically need 1 gallon each per day" (CDC_KIT_WATER); VCA_DOG_WATER gives
// 0.5-1 fl oz per pound per day, used (at its top) for very large dogs and for other species.
export const PET_WATER = {
  dogCatGallonsPerDay: 1,
  flOzPerLbPerDay: 1,
} as const;

// Infant formula, prepared fl oz per day (AAP_FORMULA): newborns 2-3 oz every 3-4 hours (3 oz x 8 = 24);
// from the end of the first month 4 oz and up per feeding, by six months 6-8 oz four or five times a day,
// bounded by the AAP's ~32 oz/day ceiling. At 12 months formula stops (CDC_FORMULA_HOW_MUCH).
export const FORMULA_OZ_PER_DAY = [
  { underYears: 1 / 12, oz: 24 },
  { underYears: 1, oz: 32 },
] as const;
// READYPLAN_ASSUMPTION: powder weight per prepared fl oz; U.S. powder labels make ~87-90 fl oz from a
// 12.4-12.5 oz can (one unpacked scoop of ~8.7 g per 2 fl oz of water), i.e. ~0.14 oz powder per fl oz.
export const FORMULA_POWDER_OZ_PER_FLOZ = 0.14;

// Diapers per day (NDBN_DIAPERS): "Infants require up to 12 diapers per day, toddlers about eight";
// NDBN's 8-12 for infants, taken at the top for newborns and the middle after three months.
export const DIAPERS_PER_DAY = [
  { underYears: 0.25, count: 12 },
  { underYears: 1, count: 10 },
  { underYears: 3, count: 8 },
] as const;
// READYPLAN_ASSUMPTION: two wipes per diaper change.
export const WIPES_PER_DIAPER = 2;
// Solids start at about 6 months (CDC_SOLID_FOODS); READYPLAN_ASSUMPTION: two jars or pouches a day to age 2.
export const BABY_FOOD = { fromYears: 0.5, underYears: 2, perDay: 2 } as const;

// Hygiene. "250 g of bathing soap per person per month" (SPHERE_2004_NFI); a bar is ~113 g (4 oz).
export const SOAP = { gramsPerPersonMonth: 250, gramsPerBar: 113 } as const;
// READYPLAN_ASSUMPTION: ~0.4 toilet-paper rolls per person per day (the often-cited U.S. average of
// ~140 rolls per person per year), for members out of diapers.
export const TOILET_PAPER_ROLLS_PER_PERSON_DAY = 0.4;
// READYPLAN_ASSUMPTION: about 1 g of toothpaste per brushing, twice a day: ~2 oz per person per month.
export const TOOTHPASTE_OZ_PER_PERSON_MONTH = 2;
// READYPLAN_ASSUMPTION: 20 pads or tampons per 28-day cycle for females 12-51 who are not pregnant.
export const FEMININE_HYGIENE = { perCycle: 20, cycleDays: 28, fromYears: 12, toYears: 51 } as const;

// Pet food. NRC_2006_DOGS_CATS maintenance energy: dogs ~110 kcal x kg^0.75, cats ~100 kcal x kg^0.67;
// READYPLAN_ASSUMPTION: dry food at ~1,700 kcal/lb (typical kibble 3,500-4,000 kcal/kg), other pets 2% of
// body weight a day.
export const PET_FOOD = {
  dogKcalPerKg075: 110,
  catKcalPerKg067: 100,
  kibbleKcalPerLb: 1700,
  otherShareOfBodyWeight: 0.02,
} as const;

// Prescription medications: "at least a 7- to 10-day supply" (CDC_MEDS_NPM2019, CDC_STACKS_80940), "one-month
// supply ... if possible" for the stay-at-home kit (ARC_2026_WINTER, ARC_COWY_KIT). READYPLAN_ASSUMPTION: cap at
// 90 days, the usual longest maintenance fill, since pharmacies rarely dispense more.
export const MEDICATION_DAYS = { goKit: 10, homeMinimum: 30, maximum: 90 } as const;

// Food. Plans up to 90 days are ready-to-eat shelf-stable food for every day. Longer plans store LDS basics and
// keep two weeks of no-cook food ("2-week supply for home", ARC_123) for when cooking is not yet possible.
export const FOOD = {
  readyToEatMaxDays: 90,
  noCookBufferDays: 14,
  // Beyond a year storage stops growing and production takes over (see phases.ts).
  storageMaxDays: 365,
  // LDS_ENSIGN_2006 (2006 +1 year) vs LDS_ENSIGN_1998 (+2 years): the newer rule is used.
  childAgeAddedYears: 1,
  // READYPLAN_ASSUMPTION: at least 10% of calories from canned meat, fruit and vegetables for nutrition.
  varietyMinShare: 0.1,
} as const;

// Bulk food groups per adult-year (LDS_ENSIGN_2006, First Presidency letter of 2002), with energy per pound
// (USDA_FDC) and bulk density. Densities for grains, legumes, dairy and sugar follow from LDS_PL_REPRO's #10-can
// counts (400 lb = 72 cans, 60 lb = 12, 16 lb = 4, 60 lb = 10) and a #10 can of ~0.85 gal (603x700 can);
// oil is 0.92 kg/L; salt (~1.2 kg/L) and packed canned goods are READYPLAN_ASSUMPTION.
export const FOOD_GROUPS = [
  { group: 'grains', supplyKey: 'food-grains', lbPerAdultYear: 400, kcalPerLb: 1550, lbPerGallon: 6.5 },
  { group: 'legumes', supplyKey: 'food-legumes', lbPerAdultYear: 60, kcalPerLb: 1550, lbPerGallon: 5.9 },
  // "Cooking Oil—10 quarts": 10 qt x 0.946 L x 0.92 kg/L = 8.7 kg = 19.2 lb.
  {
    group: 'fats and oils',
    supplyKey: 'food-fats-oils',
    lbPerAdultYear: 19.2,
    kcalPerLb: 4000,
    lbPerGallon: 7.7,
  },
  { group: 'sugars', supplyKey: 'food-sugars', lbPerAdultYear: 60, kcalPerLb: 1750, lbPerGallon: 7.1 },
  { group: 'dairy', supplyKey: 'food-dairy', lbPerAdultYear: 16, kcalPerLb: 1640, lbPerGallon: 4.7 },
  { group: 'salt', supplyKey: 'food-salt', lbPerAdultYear: 8, kcalPerLb: 0, lbPerGallon: 10 },
] as const;
// READYPLAN_ASSUMPTION: canned meat, fruit and vegetables average ~400 kcal/lb and pack at ~6 lb/gal in cases.
export const VARIETY = { kcalPerLb: 400, lbPerGallon: 6 } as const;
export const GALLONS_PER_CUBIC_FOOT = 7.48;

// LDS_ENSIGN_1998 portions of an adult's storage by age (after adding FOOD.childAgeAddedYears);
// LDS_CHECKLIST_2002_REPRO: the percentages apply "except milk", which children get in full.
export const CHILD_PORTION = [
  { maxAge: 3, share: 0.5 },
  { maxAge: 6, share: 0.7 },
  { maxAge: 10, share: 0.9 },
] as const;
