import {
  type FuelKey,
  fuelKey,
  MULTI_FUEL_SETS,
  multiFuelSet,
  type ProductFit,
} from './product-fit-schema.ts';

// Which appliances, fuels, batteries and foods a product provides and needs, so the optimizer buys working sets.

const COOKING = 'cooking-stove';
const HEATING = 'indoor-heater';

function fuelTags(fuel: FuelKey): string[] {
  const anyOf = MULTI_FUEL_SETS.filter((s) => s.includes(fuel)).map((s) => `fuel:${[...s].sort().join('|')}`);
  return [`fuel:${fuel}`, ...anyOf];
}

/**
 * The system tags a product provides and requires, for the optimizer's `tags`/`requires` (a candidate with
 * `requires` is bought only when every required tag is provided by something bought or owned):
 *
 * - An appliance that burns fuel X provides `burner:X` (and `cooks` if it covers cooking-stove, `heats` if
 *   it covers indoor-heater) and requires `fuel:X`. A multi-fuel appliance provides `burner:` for each fuel
 *   and requires the one any-of tag `fuel:A|B` (MULTI_FUEL_SETS) that every fuel of type A or B provides.
 *   Wood is gathered, so a wood burner requires nothing; a stove that burns nothing (solar) just cooks.
 * - Fuel of type X provides `fuel:X` (plus the any-of tags containing X) and requires `burner:X`. A product
 *   that is both (an Esbit stove sold with tablets) requires nothing of itself. Propane in a 20 lb tank is
 *   X = `propane-tank` on both sides (FuelKey), so a grill tank goes only with an appliance that takes one,
 *   or with an adapter hose, which passes the tank's propane on: it provides `burner:propane-tank` and
 *   `fuel:propane` and requires a tank and a 1 lb-cylinder appliance.
 * - A device that takes batteries provides `device:<size>`, so batteries of that size may be bought for it. It
 *   requires `battery:<size>` only when batteries are its only off-grid power: a crank, solar or rechargeable
 *   device (a Kaito radio that also takes AA) runs without them, so nothing forces a battery purchase.
 * - Batteries provide `battery:<size>` and require `device:<size>`.
 * - Canned food provides `canned-food`; a can opener requires it. Food that must be cooked requires `cooks`.
 * - Whole grain to be milled requires `grain-mill` and provides `whole-grain`; a grain mill provides the one and
 *   requires the other, so the two are bought together or not at all.
 */
export function systemTags(
  fit: ProductFit | undefined,
  supplies: readonly string[],
): { tags: string[]; requires: string[] } {
  const f = fit ?? {};
  const covers = new Set(supplies);
  const tags = new Set<string>();
  const requires = new Set<string>();

  if (f.burns) {
    const keys = f.burns.map((x) => fuelKey(x, f.propaneTank));
    for (const key of keys) tags.add(`burner:${key}`);
    const needsFuel = keys.filter((x) => x !== 'wood');
    if (needsFuel.length === keys.length && needsFuel.length > 0) {
      const set = needsFuel.length > 1 ? multiFuelSet(needsFuel) : undefined;
      requires.add(set ? `fuel:${[...set].sort().join('|')}` : `fuel:${needsFuel[0]}`);
    }
  }
  if (f.adapter === 'propane-tank') {
    // Between a tank and a cylinder appliance: the tank sees a burner, the appliance sees propane.
    tags.add('burner:propane-tank');
    for (const t of fuelTags('propane')) tags.add(t);
    requires.add('burner:propane');
    requires.add('fuel:propane-tank');
  }
  if (covers.has(COOKING)) tags.add('cooks');
  if (covers.has(HEATING)) tags.add('heats');
  if (f.fuel) {
    const key = fuelKey(f.fuel, f.propaneTank);
    for (const t of fuelTags(key)) tags.add(t);
    if (key !== 'wood') requires.add(`burner:${key}`);
  }
  if (f.takesBatteries) {
    const offGrid = f.power?.some((p) => p === 'crank' || p === 'solar' || p === 'rechargeable') ?? false;
    for (const size of f.takesBatteries) {
      tags.add(`device:${size}`);
      if (!offGrid) requires.add(`battery:${size}`);
    }
  }
  if (f.batterySize) {
    tags.add(`battery:${f.batterySize}`);
    requires.add(`device:${f.batterySize}`);
  }
  if (f.canned) tags.add('canned-food');
  if (covers.has('can-opener')) requires.add('canned-food');
  if (f.needsCooking) requires.add('cooks');
  if (f.wholeGrain) {
    requires.add('grain-mill');
    tags.add('whole-grain');
  }
  // A mill is only worth buying with whole grain to mill (flour needs none).
  if (covers.has('grain-mill')) {
    tags.add('grain-mill');
    requires.add('whole-grain');
  }

  for (const t of tags) requires.delete(t);
  return { tags: [...tags].sort(), requires: [...requires].sort() };
}

/** A bundle provides what any part provides and requires what its parts need that no part provides. */
export function bundleSystemTags(
  parts: readonly { tags: readonly string[]; requires: readonly string[] }[],
): {
  tags: string[];
  requires: string[];
} {
  const tags = new Set(parts.flatMap((p) => p.tags));
  const requires = new Set(parts.flatMap((p) => p.requires).filter((r) => !tags.has(r)));
  return { tags: [...tags].sort(), requires: [...requires].sort() };
}
