import { describe, expect, it } from 'vitest';
import nri from './data/nri-states.json' with { type: 'json' };
import statesData from './data/states.json' with { type: 'json' };
import { hazardsFor } from './hazards.ts';
import { type Household, MemberSchema } from './plan-input.ts';
import { calcRations } from './rations.ts';
import { cite, citedIds, sourceById } from './sources.ts';

describe('shipped data', () => {
  it('names the NRI source and release, with every state and DC', () => {
    expect(nri.source).toMatch(/FEMA National Risk Index/);
    expect(nri.release).toBe('December 2025');
    expect(nri.license).toMatch(/[Pp]ublic domain/);
    expect(nri.hazards).toHaveLength(18);
    for (const s of statesData.states) expect(hazardsFor(s.abbr).length, s.abbr).toBeGreaterThan(0);
    expect(Object.keys(nri.states)).toHaveLength(56);
  });

  it('resolves source ids and rejects unknown ones', () => {
    expect(sourceById('CDC_KIT_WATER')?.org).toMatch(/CDC/);
    expect(sourceById('AAP_FORMULA')?.org).toMatch(/Pediatrics/);
    expect(() => cite('x', ['NOT_A_SOURCE'])).toThrow(/unknown source id/);
    expect(citedIds('1 gal/day [CDC_KIT_WATER, FEMA_FOOD_WATER]; more [ARC_123]')).toEqual([
      'CDC_KIT_WATER',
      'FEMA_FOOD_WATER',
      'ARC_123',
    ]);
  });

  it('cites only known sources in every ration basis', () => {
    const household: Household = {
      members: [
        MemberSchema.parse({ kind: 'adult', ageYears: 30, sex: 'f', nursing: true }),
        MemberSchema.parse({ kind: 'infant', ageYears: 0.3 }),
        MemberSchema.parse({
          kind: 'senior',
          ageYears: 70,
          dailyMedications: [{ name: 'x', dosesPerDay: 1 }],
        }),
      ],
      pets: [{ species: 'cat', weightLb: 9 }],
    };
    const plan = calcRations(household, 400, 'hot-dry', ['extreme-heat']);
    const bases = [
      plan.water.basis,
      plan.food.basis,
      plan.medications.basis,
      plan.hygiene.basis,
      ...plan.members.flatMap((m) => [m.kcalBasis, m.waterBasis]),
      ...plan.pets.flatMap((p) => [p.waterBasis, p.foodBasis]),
      ...plan.infants.map((i) => i.basis),
      ...(plan.food.storage?.lines.map((l) => l.basis) ?? []),
    ];
    for (const basis of bases) {
      const ids = basis.match(/\[([A-Z0-9_, ]+)\]/g)?.flatMap((g) => g.slice(1, -1).split(', ')) ?? [];
      expect(ids.length, basis).toBeGreaterThan(0);
      for (const id of ids) expect(sourceById(id), id).toBeDefined();
    }
    for (const d of plan.disagreements) {
      for (const o of d.options) for (const id of o.sources) expect(sourceById(id), id).toBeDefined();
    }
  });
});
