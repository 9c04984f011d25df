import { z } from 'zod';
import { ClimateSchema } from './climate.ts';
import rulesData from './data/need-rules.json' with { type: 'json' };
import { MobilitySchema } from './plan-input.ts';
import { ScenarioIdSchema } from './scenarios.ts';
import { isSupplyKey } from './supplies.ts';

// The need rules (src/domain/data/need-rules.json) as validated at load: which supply, for whom, how much.

/** Ration figures a rule can name instead of a per-head amount. */
const COMPUTED = [
  'waterStorageGallons',
  'waterCarryGallons',
  'waterFilterGallons',
  'waterFilterGallonsBugOut',
  'waterTreatGallons',
  'bleachOz',
  'catchmentGallons',
  'readyToEatKcal',
  'grainsLb',
  'legumesLb',
  'fatsOilsLb',
  'sugarsLb',
  'dairyLb',
  'saltLb',
  'varietyKcal',
  'formulaPowderOz',
  'babyFoodCount',
  'diapersCount',
  'wipesCount',
  'medicationDays',
  'medicalSupplyDays',
  'glucoseDoses',
  'toiletPaperRolls',
  'soapBars',
  'toothpasteOz',
  'feminineHygiene',
  'petFoodLb',
  'barterGoodsCount',
] as const;
export type ComputedName = (typeof COMPUTED)[number];

/** Household conditions a rule may require. */
const CONDITIONS = [
  'formula-infant',
  'breastfed-infant',
  'baby-food-age',
  'diapered-child',
  'pets',
  'daily-medications',
  'powered-medical',
  'insulin',
  'medical-need',
  'menstruating',
  'not-urban',
] as const;
export type Condition = (typeof CONDITIONS)[number];

const QuantitySchema = z.union([
  z.object({ computed: z.enum(COMPUTED) }),
  z.object({
    // teen-or-adult: a member 13+, who keeps a full go-bag of their own (a mobility-aid user's rides on the
    // chair or goes with a helper); sleeper: a member past infancy (AAP safe sleep: no bags or blankets for
    // babies under 1); insulin-user: a member on insulin.
    per: z.enum([
      'household',
      'person',
      'adult',
      'teen-or-adult',
      'sleeper',
      'insulin-user',
      'pet',
      'person-day',
      'household-day',
    ]),
    amount: z.number().positive(),
    // Longer plans stop buying the consumable past this many days (a reusable or produced alternative takes
    // over); the rule's basis says which.
    daysCap: z.number().int().positive().optional(),
  }),
]);

const RuleSchema = z.object({
  key: z.string().refine(isSupplyKey, { message: 'unknown supply key' }),
  priority: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  scenarios: z.array(z.union([z.literal('all'), ScenarioIdSchema])).min(1),
  mobility: z.array(MobilitySchema).optional(),
  climates: z.array(ClimateSchema).optional(),
  // ISO country codes of the location: NOAA Weather Radio broadcasts only in the US (NOAA_NWR).
  countries: z.array(z.string().length(2)).optional(),
  notCountries: z.array(z.string().length(2)).optional(),
  // Overrides the supply's label when the rule asks for something narrower (a plain AM/FM radio abroad).
  name: z.string().optional(),
  minDays: z.number().int().optional(),
  maxDays: z.number().int().optional(),
  requires: z.array(z.enum(CONDITIONS)).optional(),
  quantity: QuantitySchema,
  reason: z.string(),
  // Per-scenario wording for a rule listing several scenarios, so a wildfire plan is not told about earthquakes:
  // the reason is built from the entries of the scenarios that matched, `reason` being the fallback.
  reasons: z.partialRecord(ScenarioIdSchema, z.string()).optional(),
  basis: z.string(),
  sources: z.array(z.string()),
});
export type NeedRule = z.infer<typeof RuleSchema>;

export const NEED_RULES: readonly NeedRule[] = z.array(RuleSchema).parse(rulesData.rules);
