import { failIf, type Gate, na, pass } from './types.ts';

export const speciesGates: Gate[] = [
  {
    id: 'species.only-present',
    type: 'species',
    run: ({ d }) => {
      const petLines = d.lines.filter((l) => (l.product?.traits.species.length ?? 0) > 0);
      if (petLines.length === 0) return na('no species-specific pet products bought');
      return failIf(
        petLines
          .filter((l) => !l.product!.traits.species.some((s) => d.species.includes(s)))
          .map(
            (l) =>
              `${l.name} is for ${l.product!.traits.species.join('/')}; the household has ${d.species.join(', ') || 'no pets'}`,
          ),
      );
    },
  },
  {
    id: 'species.each-fed',
    type: 'species',
    run: ({ plan, d }) => {
      if (d.species.length === 0) return na('no pets');
      if ((d.owned.get('pet-food') ?? 0) > 0) return na('owns pet food');
      // "When the budget allows": pet food is a life need, so once the plan buys anything of priority 2 or 3
      // there was money that should have fed every animal first.
      const extras = d.lines.some((l) =>
        l.product?.covers.every((c) => (d.need.get(c.supply)?.priority ?? 3) > 1),
      );
      const fedSpecies = new Set(
        d.lines
          .filter((l) => l.product?.covers.some((c) => c.supply === 'pet-food'))
          .flatMap((l) => l.product!.traits.species),
      );
      const hungry = d.species.filter((s) => !fedSpecies.has(s) && ['dog', 'cat'].includes(s));
      if (hungry.length === 0) return pass(`food for ${[...fedSpecies].join(', ')}`);
      if (!extras && plan.budget.limit - plan.budget.spent < 15)
        return na(`budget too small to feed ${hungry.join(', ')}`);
      return failIf([
        `no food bought for the ${hungry.join(', ')} (bought: ${[...fedSpecies].join(', ') || 'none'})`,
      ]);
    },
  },
];
