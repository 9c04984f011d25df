import { z } from 'zod';
import supplies from '../../domain/data/supplies.json' with { type: 'json' };
import { ProductFitSchema } from '../../domain/product-fit.ts';

const supplyKeys = new Set(supplies.supplies.map((s) => s.key));

const supply = z
  .string()
  .refine((k) => supplyKeys.has(k), { message: 'is not a supply key in src/domain/data/supplies.json' });
export const coversSchema = z.array(z.strictObject({ supply, amount: z.number().positive() }));

/** Accept a queued listing into an existing master item; the fit stays proposed unless `confirmFit`. */
export const acceptSchema = z.strictObject({
  masterItemId: z.uuid({ message: 'must be a master item id' }),
  fit: ProductFitSchema.optional(),
  covers: coversSchema.optional(),
  confirmFit: z.boolean().default(false),
});

/** Create a new master item from a queued listing, then accept the listing into it. */
export const createMasterSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2000),
  categorySlug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a category slug such as water-storage'),
  supplyKey: supply.nullable().default(null),
  fit: ProductFitSchema.optional(),
  covers: coversSchema.optional(),
  confirmFit: z.boolean().default(false),
});

export const rejectSchema = z.strictObject({
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500),
});

/** A product edit: only the fields given change. `confirmFit` marks the fit (as given or as stored) checked. */
export const productEditSchema = z.strictObject({
  name: z.string().trim().min(1).max(500).optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  price: z.number().nonnegative().multipleOf(0.01).optional(),
  productUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  status: z.enum(['verified', 'pending']).optional(),
  masterItemId: z.uuid().optional(),
  fit: ProductFitSchema.optional(),
  covers: coversSchema.optional(),
  confirmFit: z.boolean().optional(),
});

export const retireSchema = z.strictObject({
  reason: z.string().trim().min(3, 'must say why (at least 3 characters)').max(500),
});

export const bundleEditSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(2000).optional(),
  items: z
    .array(
      z.strictObject({ productId: z.uuid(), quantity: z.number().int().positive(), optional: z.boolean() }),
    )
    .min(1)
    .optional(),
});
