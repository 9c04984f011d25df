import supplies from '../../domain/data/supplies.json' with { type: 'json' };

const supplyLabels = new Map(supplies.supplies.map((s) => [s.key, s.label]));

export type MasterItemTextInput = {
  name: string;
  description: string | null;
  /** Category names from the root down to the item's own category. */
  categoryPath: string[];
  supplyKey: string | null;
  /** Brands of the item's products (so "LifeStraw" finds the straw filter), in any order, repeats allowed. */
  brands: string[];
};

/**
 * The text a master item is embedded from. The name is said twice (it is the strongest evidence of what the
 * item is), then where it sits in the catalog, what it is for, and the brands its products come from. Full
 * product names were tried and left out: their flavours and sizes ("Chicken & Rice Formula") pulled dog food
 * towards egg-laying hens on the relevance set.
 */
export function masterItemEmbeddingText(input: MasterItemTextInput): string {
  const supply = input.supplyKey ? supplyLabels.get(input.supplyKey) : undefined;
  // Code-unit order, the same on every machine and in SQL's "C" collation.
  const brands = [...new Set(input.brands.map((b) => b.trim()).filter(Boolean))].sort();
  return [
    `${input.name}. ${input.name}.`,
    input.categoryPath.join(' > '),
    input.description ?? '',
    supply ?? '',
    brands.length > 0 ? `Brands: ${brands.join(', ')}` : '',
  ]
    .filter((part) => part.trim() !== '')
    .join('\n');
}
