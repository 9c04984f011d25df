/**
 * Keys the purchase model adds beside the supply vocabulary: they shape what is bought and are folded back into
 * their supply (food-kcal, pet-food) when the plan reports needs.
 */
export const FOOD_72H = 'food-kcal:72h';
export const PET_FOOD_PREFIX = 'pet-food:';
export const FOOD_GROUP_PREFIX = 'food-kcal:group:';

export const foodGroupKey = (group: string) => `${FOOD_GROUP_PREFIX}${group}`;
export const petFoodKey = (species: string) => `${PET_FOOD_PREFIX}${species}`;

/** The supply a model key reports under, or null for keys that only shape the mix (food groups, the 72 h part). */
export function supplyOfModelKey(key: string): string | null {
  if (key.startsWith(PET_FOOD_PREFIX)) return 'pet-food';
  if (key === FOOD_72H || key.startsWith(FOOD_GROUP_PREFIX)) return null;
  return key;
}
