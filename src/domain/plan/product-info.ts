import type { Provision } from './needs-report.ts';

/** What the plan shows of a catalog product beside the optimizer's line: links, what one unit provides, its food. */
export type ProductInfo = {
  productUrl: string | null;
  category: string | null;
  /** What one unit provides in the needs' units. */
  provides?: Provision[];
  priceObservedAt?: string | null;
  /** Food: calories per unit and their shares by DGA food group (for the diet report). */
  kcalPerUnit?: number;
  foodGroups?: Partial<Record<string, number>>;
  /** A bundle's products (per bundle): the plan lists them, so every item is a catalog product. */
  parts?: {
    productId: string;
    name: string;
    quantity: number;
    unitPrice: number;
    productUrl: string | null;
  }[];
};
