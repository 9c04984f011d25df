import { describe, expect, it } from 'vitest';
import type { DraftPet } from './household-draft-schema.ts';
import { describeChanges } from './household-edit-text.ts';

const cat: DraftPet = { species: 'cat', weightLb: 10 };
const dog: DraftPet = { species: 'dog', weightLb: 40 };

describe('describeChanges', () => {
  it('reads a correction ("no wait, 2 cats") as the one cat it adds, not as adds and removes', () => {
    const text = describeChanges([
      { type: 'pet-removed', pet: cat },
      { type: 'pet-added', pet: cat },
      { type: 'pet-added', pet: cat },
    ]);
    expect(text).toBe('Added a 10 lb cat.');
  });

  it('keeps a real swap: a dog for a cat', () => {
    expect(
      describeChanges([
        { type: 'pet-removed', pet: cat },
        { type: 'pet-added', pet: dog },
      ]),
    ).toBe('Added a 40 lb dog. Removed a 10 lb cat.');
  });

  it('names the pets when the whole list is replaced, and says when there are none', () => {
    expect(describeChanges([{ type: 'pets-replaced', pets: [cat, dog] }])).toBe(
      'Pets: a 10 lb cat and a 40 lb dog.',
    );
    expect(describeChanges([{ type: 'pets-replaced', pets: [] }])).toBe('No pets.');
  });

  it('says identical pets once with their count', () => {
    expect(describeChanges([{ type: 'pets-replaced', pets: [cat, cat, dog] }])).toBe(
      'Pets: two 10 lb cats and a 40 lb dog.',
    );
    expect(
      describeChanges([
        { type: 'pet-added', pet: { species: 'dog', weightLb: 15, breed: 'puppy' } },
        { type: 'pet-added', pet: { species: 'dog', weightLb: 15, breed: 'puppy' } },
      ]),
    ).toBe('Added two 15 lb puppies.');
  });
});
