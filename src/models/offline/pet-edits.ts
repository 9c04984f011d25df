import type { DraftPet } from '../../domain/household-draft-schema.ts';
import type { HouseholdEditsInput } from '../../domain/household-edits.ts';
import type { PetMention } from './pet-mentions.ts';

const clean = (p: {
  species: DraftPet['species'];
  weightLb: number;
  breed?: string | undefined;
}): DraftPet => ({
  species: p.species,
  weightLb: p.weightLb,
  ...(p.breed ? { breed: p.breed } : {}),
});

/**
 * Pets said in a message, as edits of the known pets: "no pets" clears them, "also a cat" adds, "the dog is
 * 50 lb" changes the one dog, and a species described again ("2 dogs, a lab and a terrier") is restated.
 */
export function petEdits(
  known: readonly DraftPet[],
  mention: PetMention,
  normalized: string,
): { edits: HouseholdEditsInput; assumptions: string[] } {
  const assumptions: string[] = [];
  for (const species of new Set(mention.pets.filter((p) => p.assumedWeight).map((p) => p.species))) {
    const of = mention.pets.filter((p) => p.assumedWeight && p.species === species);
    const name = of[0]!.breed ?? (species === 'other' ? 'pet' : species);
    assumptions.push(
      of.length === 1
        ? `the ${name} weighs about ${of[0]!.weightLb} lb`
        : `each ${name} weighs about ${of[0]!.weightLb} lb`,
    );
  }
  if (mention.none) return { edits: known.length ? { pets: [] } : {}, assumptions: [] };
  const pets = mention.pets.map(clean);
  // "remove the dog", "we gave away the cat": those pets leave.
  if (
    known.length > 0 &&
    /\b(remove|delete|no longer have|don't have|do not have|anymore|no more|gave away|rehomed|lost|passed away|died|minus)\b/.test(
      normalized,
    )
  ) {
    const removePets = pets
      .map((p) => known.findIndex((k) => k.species === p.species && (!p.breed || k.breed === p.breed)))
      .filter((i, n, all) => i >= 0 && all.indexOf(i) === n)
      .sort((a, b) => b - a)
      .map((i) => ({ position: i + 1 }));
    return { edits: removePets.length ? { removePets } : {}, assumptions: [] };
  }
  if (known.length === 0) return { edits: { pets }, assumptions };
  // "scratch that, just the pit bull": the pets named are all there are; the other known pets go.
  if (/\b(?:just|only)\s+(?:have\s+)?(?:the|our|my|one|a|an|1)?\s*/.test(normalized) && !mention.additive) {
    const kept = pets.map((p) =>
      known.findIndex((k) => k.species === p.species && (!p.breed || k.breed === p.breed)),
    );
    if (kept.every((i) => i >= 0) && new Set(kept).size === kept.length && kept.length < known.length) {
      const removePets = known
        .map((_, i) => i)
        .filter((i) => !kept.includes(i))
        .reverse()
        .map((i) => ({ position: i + 1 }));
      return { edits: { removePets }, assumptions: [] };
    }
  }
  // "the dog", "our cat" with no new fact about it: a reference to a known pet, not a new one.
  const referenced = mention.pets.every((p) => p.assumedWeight && known.some((k) => k.species === p.species));
  if (referenced && /\b(the|our|my)\s/.test(normalized)) return { edits: {}, assumptions: [] };
  // "it's 3 dogs, we also have a beagle" with a husky and a lab known: the beagle is the third, not three more.
  if (mention.additive) {
    const added = pets.filter((p) => p.breed || !pets.some((q) => q.species === p.species && q.breed));
    for (const species of new Set(pets.map((p) => p.species))) {
      const said = pets.filter((p) => p.species === species);
      if (!said.some((p) => p.breed)) continue;
      const missing = said.length - known.filter((k) => k.species === species).length;
      const named = said.filter((p) => p.breed).length;
      for (let i = named; i < missing; i++) added.push(said.find((p) => !p.breed)!);
    }
    return { edits: { addPets: added }, assumptions };
  }
  // "the husky is actually 60 lbs": the one pet of that breed changes.
  const one = pets.length === 1 && !mention.pets[0]!.assumedWeight ? pets[0]! : null;
  if (one?.breed && known.filter((k) => k.breed === one.breed).length === 1)
    return { edits: { changePets: [{ match: { breed: one.breed }, set: { ...one } }] }, assumptions };
  // "the dog is 50 lb now": one known pet of that species, one said with a weight → change it.
  const single = pets.length === 1 && !mention.pets[0]!.assumedWeight ? pets[0]! : null;
  const sameSpecies = single ? known.filter((p) => p.species === single.species) : [];
  if (single && sameSpecies.length === 1 && /\b(the|our|my)\s/.test(normalized)) {
    return {
      edits: { changePets: [{ match: { species: single.species }, set: { ...single } }] },
      assumptions,
    };
  }
  const species = new Set(pets.map((p) => p.species));
  const removePets = known
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => species.has(p.species))
    .reverse()
    .map(({ i }) => ({ position: i + 1 }));
  return { edits: { ...(removePets.length ? { removePets } : {}), addPets: pets }, assumptions };
}
