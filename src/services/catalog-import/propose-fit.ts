import supplies from '../../domain/data/supplies.json' with { type: 'json' };
import {
  BATTERY_SIZES,
  type BatterySize,
  type FuelType,
  type PetSpecies,
  type ProductFit,
  ProductFitSchema,
} from '../../domain/product-fit.ts';

const unitOf = new Map(supplies.supplies.map((s) => [s.key, s.unit]));

/** What a listing's text says about fit, for a person to confirm (never planned with until they do). */
export type FitProposal = {
  fit: ProductFit;
  /** How much of the master item's supply one unit covers, when the text states it in the supply's unit. */
  covers: { supply: string; amount: number }[];
  /** Shipping weight when the text states it ("35 lb bag"). */
  weightLb?: number;
  /** The words each proposal came from, so the reviewer sees why. */
  evidence: Record<string, string>;
};

const FUEL_WORDS: [RegExp, FuelType][] = [
  [/\bisobutane\b|\bisopro\b/i, 'isobutane'],
  [/\bpropane\b/i, 'propane'],
  [/(?<!iso)butane\b/i, 'butane'],
  [/\bkerosene\b/i, 'kerosene'],
  [/\bwhite gas\b|\bcoleman fuel\b/i, 'white-gas'],
  [/\bgasoline\b|\bunleaded\b/i, 'gasoline'],
  [/\bhexamine\b|\besbit\b|\bsolid fuel\b/i, 'hexamine'],
  [/\b(denatured )?alcohol\b/i, 'alcohol'],
  [/\bwood[- ]burning\b|\bbiomass\b/i, 'wood'],
];
const SPECIES_WORDS: [RegExp, PetSpecies][] = [
  [/\bdogs?\b|\bpupp(y|ies)\b|\bcanine\b/i, 'dog'],
  [/\bcats?\b|\bkittens?\b|\bfeline\b/i, 'cat'],
  [/\bbirds?\b|\bparakeets?\b|\bparrots?\b|\bcockatiels?\b/i, 'bird'],
  [/\brabbits?\b|\bbunn(y|ies)\b/i, 'rabbit'],
];
const FUEL_SUPPLIES = new Set(['cooking-fuel', 'heater-fuel']);
const BURNER_SUPPLIES = new Set(['cooking-stove', 'indoor-heater', 'generator', 'lantern']);
const PET_SUPPLIES = new Set(['pet-food', 'pet-carrier', 'pet-supplies']);

const num = (s: string) => Number(s.replace(/,/g, ''));

/**
 * Reads the fit attributes the planner needs from a listing's name, description and pack size, given the supply
 * its master item serves: a temperature rating ("0°F", "20 degree"), fuels ("isobutane"), species ("dog"), pet
 * weight ranges ("up to 20 lb", "for dogs 20-50 lbs"), battery sizes and power, child sizes, indoor safety, and
 * the amount per unit in the supply's unit ("5 gallon", "35 lb", "24 pack"). It proposes only what the words
 * say; anything else is left for the reviewer.
 */
export function proposeFit(input: {
  name: string;
  description?: string | null;
  packSize?: string | null;
  supplyKey: string | null;
}): FitProposal {
  const text = [input.name, input.description ?? '', input.packSize ?? ''].join(' \n ');
  const fit: Record<string, unknown> = {};
  const evidence: Record<string, string> = {};
  const supply = input.supplyKey;
  const note = (field: string, m: RegExpMatchArray | null) => {
    if (m) evidence[field] = m[0].trim();
  };

  const temp = text.match(/(-?\d{1,2})\s*(?:°\s*F?|-?\s*degrees?\s*F?\b|\s*deg\b)/i);
  if (temp && (supply === 'sleeping-bag' || /sleeping bag|quilt|blanket/i.test(text))) {
    fit.tempRatingF = num(temp[1]!);
    note('tempRatingF', temp);
  }

  const fuels = FUEL_WORDS.filter(([re]) => re.test(text)).map(([, f]) => f);
  if (fuels.length > 0 && supply && FUEL_SUPPLIES.has(supply)) {
    fit.fuel = fuels[0];
    note('fuel', text.match(FUEL_WORDS.find(([, f]) => f === fuels[0])![0]));
  } else if (fuels.length > 0 && supply && BURNER_SUPPLIES.has(supply)) {
    fit.burns = [...new Set(fuels)];
    evidence.burns = fuels.join(', ');
  }

  if (supply && PET_SUPPLIES.has(supply)) {
    const species = [...new Set(SPECIES_WORDS.filter(([re]) => re.test(text)).map(([, s]) => s))];
    if (species.length > 0) {
      fit.species = species;
      evidence.species = species.join(', ');
    }
    const range = text.match(/(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s*(?:lbs?|pounds?)\b/i);
    const upTo = text.match(/up to\s*(\d{1,3})\s*(?:lbs?|pounds?)\b/i);
    if (range && supply !== 'pet-food') {
      fit.petWeightLb = { min: num(range[1]!), max: num(range[2]!) };
      note('petWeightLb', range);
    } else if (upTo) {
      fit.petWeightLb = { min: 0, max: num(upTo[1]!) };
      note('petWeightLb', upTo);
    }
  }

  if (supply === 'batteries') {
    const size = text.match(
      /\b(AAA|AA|CR123A|9V|C|D)\b(?=[\s-]*(?:[Ss]ize|[Cc]ell|[Bb]atter|[Aa]lkaline|[Ll]ithium|[Rr]echarg|\d))/,
    );
    if (size && (BATTERY_SIZES as readonly string[]).includes(size[1]!)) {
      fit.batterySize = size[1] as BatterySize;
      note('batterySize', size);
    }
  } else if (supply && /flashlight|headlamp|lantern|emergency-radio|two-way-radio|cooling/.test(supply)) {
    const power: string[] = [];
    if (/\bsolar\b/i.test(text)) power.push('solar');
    if (/\b(hand[- ]?)?crank\b/i.test(text)) power.push('crank');
    if (/\brechargeable\b|\busb[- ]c?\b/i.test(text)) power.push('rechargeable');
    const cells = text.match(/\b(AAA|AA|D|CR123A)\b(?= [Bb]atter)/g);
    if (cells || /\bbattery[- ](powered|operated)\b/i.test(text)) power.push('batteries');
    if (cells) fit.takesBatteries = [...new Set(cells)];
    if (power.length > 0) {
      fit.power = power;
      evidence.power = power.join(', ');
    }
  }

  const kids = text.match(/\b(kids?|youth|child(ren)?'?s?|junior)\b/i);
  if (kids && supply && /sleeping-bag|backpack|rain-gear|sturdy-shoes|wool-blanket/.test(supply)) {
    fit.size = 'child';
    note('size', kids);
  }
  const indoor = text.match(/\bindoor[- ]safe\b|\bsafe for indoor use\b/i);
  if (indoor) {
    fit.indoorSafe = true;
    note('indoorSafe', indoor);
  }

  const out: FitProposal = { fit: {}, covers: [], evidence };
  const weight = text.match(/(\d+(?:\.\d+)?)\s*(?:-\s*)?(?:lbs?|pounds?)\b(?!\s*(?:dogs?|cats?))/i);
  if (weight && !fit.petWeightLb) out.weightLb = num(weight[1]!);
  if (supply) {
    const unit = unitOf.get(supply);
    let amount: number | null = null;
    if (unit === 'gal') {
      const m = text.match(/(\d+(?:\.\d+)?)\s*[- ]?(?:gallons?|gal)\b/i);
      if (m) amount = num(m[1]!);
    } else if (unit === 'lb' && out.weightLb !== undefined) amount = out.weightLb;
    else if (unit === 'count' || unit === 'rolls') {
      const m = text.match(/(\d{1,4})\s*[- ]?(?:pack|pk|count|ct|pairs?|rolls?|pieces?|pcs)\b/i);
      amount = m ? num(m[1]!) : 1;
    }
    if (amount !== null && amount > 0) {
      out.covers.push({ supply, amount });
      evidence.covers = `${amount} ${unit}`;
    }
  }
  // Only what the planner's schema accepts is proposed; a stray reading is dropped, not stored.
  const checked = ProductFitSchema.safeParse(fit);
  out.fit = checked.success ? checked.data : {};
  return out;
}
