import type { ProductFit } from '../../domain/product-fit.ts';
import { FIT_REQUIRED } from '../catalog/seed-schemas.ts';
import { badInput } from '../errors.ts';

/**
 * A fit can be confirmed only when it states what the planner reads for each supply the product covers (the same
 * rule the shipped catalog's files pass, FIT_REQUIRED), and the product covers some supply in its unit.
 */
export function checkFitComplete(fit: ProductFit, covers: { supply: string; amount: number }[]): void {
  if (covers.length === 0)
    throw badInput('Say how much of which supply one unit covers before confirming.', 'covers');
  for (const cover of covers) {
    for (const field of FIT_REQUIRED[cover.supply] ?? []) {
      if (fit[field] === undefined)
        throw badInput(
          `A product covering ${cover.supply} needs fit.${field} before its fit is confirmed.`,
          `fit.${field}`,
        );
    }
  }
}
