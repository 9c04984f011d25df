import type { Line } from '../derive.ts';
import { failIf, type Gate, na, pass } from './types.ts';

/** Appliances that need no bought fuel: wood is gathered, the sun is free. */
const FREE_FUEL = new Set(['wood', 'solar']);
const APPLIANCES = ['cooking-stove', 'indoor-heater', 'generator'];
const DEVICES = [
  'flashlight',
  'headlamp',
  'lantern',
  'emergency-radio',
  'two-way-radio',
  'cooling',
  'thermometer',
];

/** What the bought appliances burn; a propane appliance with an adapter hose bought too also takes a tank. */
function burnsWithAdapters(lines: Line[]): Set<string> {
  const burnt = new Set(lines.flatMap((l) => l.product?.traits.burns ?? []));
  if (burnt.has('propane') && lines.some((l) => l.product?.traits.propaneAdapter)) burnt.add('propane-tank');
  return burnt;
}

const covers = (l: Line, key: string) => l.product?.covers.some((c) => c.supply === key) ?? false;
const ownsAny = (owned: Map<string, number>, keys: string[]) => keys.some((k) => (owned.get(k) ?? 0) > 0);

export const systemGates: Gate[] = [
  {
    id: 'systems.fuel-has-burner',
    type: 'systems',
    run: ({ d }) => {
      const fuels = d.lines.filter((l) => l.product?.traits.fuel);
      if (fuels.length === 0) return na('no fuel bought');
      // An owned stove or heater is of unknown type: any fuel may be for it.
      if (ownsAny(d.owned, ['cooking-stove', 'indoor-heater', 'generator'])) return pass('owns an appliance');
      const burnt = burnsWithAdapters(d.lines);
      return failIf(
        fuels
          .filter((l) => l.product!.traits.fuel !== 'unknown' && !burnt.has(l.product!.traits.fuel!))
          .map(
            (l) =>
              `${l.name} (${l.product!.traits.fuel}) with nothing that burns it (appliances burn: ${[...burnt].join(', ') || 'none'})`,
          ),
      );
    },
  },
  {
    id: 'systems.burner-has-fuel',
    type: 'systems',
    run: ({ d }) => {
      const burners = d.lines.filter(
        (l) =>
          APPLIANCES.some((k) => covers(l, k)) &&
          (l.product?.traits.burns ?? []).some((f) => !FREE_FUEL.has(f)),
      );
      if (burners.length === 0) return na('no fuel-burning appliance bought');
      const fuels = new Set(d.lines.map((l) => l.product?.traits.fuel).filter(Boolean));
      if (ownsAny(d.owned, ['cooking-fuel', 'heater-fuel'])) return pass('owns fuel');
      const adapter = d.lines.some((l) => l.product?.traits.propaneAdapter);
      return failIf(
        burners
          .filter(
            (l) =>
              !l.product!.traits.burns.some(
                (f) =>
                  fuels.has(f) ||
                  FREE_FUEL.has(f) ||
                  (f === 'propane' && adapter && fuels.has('propane-tank')),
              ),
          )
          .map(
            (l) => `${l.name} burns ${l.product!.traits.burns.join('/')} but no such fuel is bought or owned`,
          ),
      );
    },
  },
  {
    id: 'systems.can-opener',
    type: 'systems',
    run: ({ d }) => {
      const openers = d.lines.filter((l) => covers(l, 'can-opener'));
      if (openers.length === 0) return na('no can opener bought');
      const canned = d.lines.filter((l) => l.product?.traits.food?.canned);
      if (canned.length > 0 || (d.owned.get('food-variety') ?? 0) > 0)
        return pass(`canned food: ${canned.map((l) => l.name).join(', ') || 'owned'}`);
      return failIf([`${openers.map((l) => l.name).join(', ')} bought with no canned food bought or owned`]);
    },
  },
  {
    id: 'systems.batteries',
    type: 'systems',
    run: ({ d }) => {
      const cells = d.lines.filter((l) => l.product?.traits.batterySize);
      if (cells.length === 0) return na('no batteries bought');
      if (ownsAny(d.owned, DEVICES)) return pass('owns battery devices');
      const taken = new Set(d.lines.flatMap((l) => l.product?.traits.takesBatteries ?? []));
      return failIf(
        cells
          .filter(
            (l) => l.product!.traits.batterySize !== 'unknown' && !taken.has(l.product!.traits.batterySize!),
          )
          .map(
            (l) =>
              `${l.name} (${l.product!.traits.batterySize}) with no device bought or owned that takes them (devices take: ${[...taken].join(', ') || 'none'})`,
          ),
      );
    },
  },
  {
    id: 'systems.cooking',
    type: 'systems',
    run: ({ d }) => {
      const cooked = d.lines.filter((l) => l.product?.traits.food?.needsCooking);
      if (cooked.length === 0) return na('no food that needs cooking bought');
      const stoves = d.lines.filter((l) => covers(l, 'cooking-stove'));
      const ownsStove = ownsAny(d.owned, ['cooking-stove']);
      const fuels = new Set(d.lines.map((l) => l.product?.traits.fuel).filter(Boolean));
      const ownsFuel = ownsAny(d.owned, ['cooking-fuel']);
      const adapter = d.lines.some((l) => l.product?.traits.propaneAdapter);
      const lit = stoves.some((s) =>
        s.product!.traits.burns.some(
          (f) =>
            FREE_FUEL.has(f) ||
            fuels.has(f) ||
            ownsFuel ||
            (f === 'propane' && adapter && fuels.has('propane-tank')),
        ),
      );
      if (lit || (ownsStove && (ownsFuel || fuels.size > 0))) return pass('a stove and its fuel');
      const names = cooked
        .map((l) => l.name)
        .slice(0, 3)
        .join(', ');
      return failIf([
        stoves.length === 0 && !ownsStove
          ? `food that needs cooking (${names}) with no stove bought or owned`
          : `food that needs cooking (${names}) with a stove but no fuel it burns`,
      ]);
    },
  },
  {
    id: 'systems.grain-mill',
    type: 'systems',
    run: ({ d }) => {
      const mills = d.lines.filter((l) => covers(l, 'grain-mill'));
      if (mills.length === 0) return na('no grain mill bought');
      const whole =
        d.lines.some((l) => l.product?.traits.food?.wholeGrain) || (d.owned.get('food-grains') ?? 0) > 0;
      return whole
        ? pass('whole grain to mill')
        : failIf([`${mills[0]!.name} with no whole grain (wheat berries) bought or owned`]);
    },
  },
];
