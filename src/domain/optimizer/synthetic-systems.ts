import { pick } from './seeded-random.ts';
import type { Candidate } from './types.ts';

/** Kerosene has fuel but never a burner here: its fuel must never be bought. */
const FUELS = ['propane', 'butane', 'hexamine', 'white-gas', 'kerosene'];
const BURNING = FUELS.filter((f) => f !== 'kerosene');
const CELLS = ['AA', 'AAA', 'D', 'CR123'];
const DEVICES = new Set([
  'flashlight',
  'headlamp',
  'lantern',
  'emergency-radio',
  'two-way-radio',
  'thermometer',
]);

/**
 * Tags and requirements the way a real catalog has them, drawn from a PRNG of their own so that the
 * same seed gives the same products with or without systems. Stoves and heaters need their fuel and
 * the fuel needs them (mutual), half the devices need their cells, cells need a device, a can opener
 * needs canned food, grains and beans need a way to cook.
 */
export function addSystems(rand: () => number, candidates: Candidate[]): Candidate[] {
  const decorate = (c: Candidate): Candidate => {
    if (c.bundleId) return c;
    const key = c.covers[0]!.supply;
    const fuel = pick(rand, FUELS);
    const burning = pick(rand, BURNING);
    const cell = pick(rand, CELLS);
    switch (key) {
      case 'cooking-fuel':
        return { ...c, tags: [`fuel:${fuel}`], requires: [`burner:${fuel}`] };
      case 'heater-fuel':
        return { ...c, tags: [`fuel:${fuel}`], requires: [`heater:${fuel}`] };
      case 'cooking-stove':
        return rand() < 0.7
          ? { ...c, tags: [`burner:${burning}`, 'cooks'], requires: [`fuel:${burning}`] }
          : { ...c, tags: ['cooks'] };
      case 'indoor-heater':
        return { ...c, tags: [`heater:${burning}`], requires: [`fuel:${burning}`] };
      case 'batteries':
        return { ...c, tags: [`battery:${cell}`], requires: [`device:${cell}`] };
      case 'can-opener':
        return { ...c, requires: ['canned-food'] };
      case 'food-kcal':
      case 'food-variety':
        return rand() < 0.4 ? { ...c, tags: ['canned-food'] } : c;
      case 'food-grains':
      case 'food-legumes':
        return rand() < 0.4 ? { ...c, requires: ['cooks'] } : c;
      default:
        if (!DEVICES.has(key)) return c;
        return rand() < 0.5
          ? { ...c, tags: [`device:${cell}`], requires: [`battery:${cell}`] }
          : { ...c, tags: [`device:${cell}`] };
    }
  };
  const decorated = candidates.map(decorate);
  // Providers whose own supply may not be a need of the household: bought only to enable others.
  const extra: Candidate[] = BURNING.flatMap((fuel, k) => [
    {
      productId: `stove-${fuel}`,
      name: `${fuel} stove`,
      price: 20 + Math.round(rand() * 60) - 0.01,
      covers: [{ supply: 'cooking-stove', amount: 1 }],
      tags: [`burner:${fuel}`, 'cooks'],
      requires: [`fuel:${fuel}`],
    },
    {
      productId: `heater-${fuel}`,
      name: `${fuel} heater`,
      price: 60 + Math.round(rand() * 120) - 0.01,
      covers: [{ supply: 'indoor-heater', amount: 1 }],
      tags: [`heater:${fuel}`],
      requires: [`fuel:${fuel}`],
    },
    {
      productId: `fuel-${k}`,
      name: `${fuel} canister`,
      price: 3 + Math.round(rand() * 8) - 0.01,
      covers: [{ supply: 'cooking-fuel', amount: 2 + Math.round(rand() * 4) }],
      tags: [`fuel:${fuel}`],
      requires: [`burner:${fuel}`],
    },
  ]);
  for (const cell of CELLS) {
    extra.push({
      productId: `torch-${cell}`,
      name: `${cell} flashlight`,
      price: 8 + Math.round(rand() * 20) - 0.01,
      covers: [{ supply: 'flashlight', amount: 1 }],
      tags: [`device:${cell}`],
      requires: [`battery:${cell}`],
    });
  }
  return [...decorated, ...extra];
}
