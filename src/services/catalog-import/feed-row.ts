import { z } from 'zod';
import { productMetadataSchema } from '../catalog/seed-schemas.ts';

/** Empty CSV cells and JSON nulls are "not given". */
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().min(1).max(2000).optional());

/** A GTIN-8, UPC-A (12), EAN-13 or GTIN-14 with a valid check digit, stored as 14 digits. */
export function normaliseGtin(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '');
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return null;
  const padded = digits.padStart(14, '0');
  let sum = 0;
  for (let i = 0; i < 13; i++) sum += Number(padded[i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(padded[13]) ? padded : null;
}

const gtin = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const n = normaliseGtin(v);
      if (n) return n;
      ctx.addIssue({
        code: 'custom',
        message: 'must be a GTIN, UPC or EAN (8, 12, 13 or 14 digits) with a valid check digit',
      });
      return z.NEVER;
    })
    .optional(),
);

const truthy = new Set(['true', 'yes', 'y', '1', 'in stock', 'instock', 'available']);
const falsy = new Set(['false', 'no', 'n', '0', 'out of stock', 'outofstock', 'unavailable', 'sold out']);
const inStock = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toLowerCase();
    if (s === '') return undefined;
    return truthy.has(s) ? true : falsy.has(s) ? false : v;
  },
  z.boolean({ message: 'must be true or false (or yes/no, in stock/out of stock)' }).default(true),
);

const price = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v.trim().replace(/^\$/, ''))) : v),
  z
    .number({ message: 'must be a number such as 24.99' })
    .nonnegative('must not be negative')
    .max(1_000_000, 'must be at most 1000000')
    .transform((n) => Math.round(n * 100) / 100),
);

const observedAt = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)),
      {
        message: 'must be a date or date-time such as 2026-11-22 or 2026-11-22T10:00:00Z',
      },
    )
    .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s)),
);

/**
 * One row of a product feed, CSV or JSON. Prices and stock are observations (they go to product_offers); the rest
 * describes the listing. A trusted feed (the shipped catalog, src/services/catalog-import/seed-feed.ts) also
 * names the product's sku, master item and full metadata with a confirmed fit.
 */
export const feedRowSchema = z
  .strictObject({
    name: z.preprocess(blankToUndefined, z.string({ message: 'is required' }).trim().min(1).max(500)),
    brand: optionalText,
    model: optionalText,
    price,
    currency: z.preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : v),
      z
        .string()
        .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD')
        .default('USD'),
    ),
    url: z.preprocess(
      blankToUndefined,
      z.url({ protocol: /^https?$/, message: 'must be an http(s) web address' }).optional(),
    ),
    asin: z.preprocess(
      (v) =>
        typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toUpperCase()) : blankToUndefined(v),
      z
        .string()
        .regex(/^B0[0-9A-Z]{8}$|^[0-9]{9}[0-9X]$/, 'must be a 10-character ASIN such as B00EXAMPLE')
        .optional(),
    ),
    gtin,
    description: optionalText,
    packSize: optionalText,
    seller: z.preprocess(blankToUndefined, z.string({ message: 'is required' }).trim().min(1).max(200)),
    observedAt,
    inStock,
    sku: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, dots, dashes or underscores')
        .optional(),
    ),
    imageUrl: z.preprocess(blankToUndefined, z.url().optional()),
    /** Trusted feeds only: the master item by name, and the product's metadata with a checked fit. */
    masterItem: optionalText,
    metadata: productMetadataSchema.optional(),
    type: z.enum(['AFFILIATE', 'DROP_SHIP']).optional(),
    status: z.enum(['verified', 'pending']).optional(),
    scenarios: z.array(z.string()).optional(),
    timeframes: z.array(z.string()).optional(),
    demographics: z.array(z.string()).optional(),
    locations: z.array(z.string()).optional(),
  })
  .refine((r) => r.asin || r.gtin || r.sku || r.url, {
    message: 'needs at least one of asin, gtin (or upc/ean), sku or url to identify the listing',
    path: ['gtin'],
  });

export type FeedRow = z.output<typeof feedRowSchema>;

/** CSV headers as feeds write them → the row's fields. */
const HEADER_ALIASES: Record<string, string> = {
  title: 'name',
  product_name: 'name',
  upc: 'gtin',
  ean: 'gtin',
  barcode: 'gtin',
  product_url: 'url',
  link: 'url',
  pack_size: 'packSize',
  packsize: 'packSize',
  pack: 'packSize',
  observed_at: 'observedAt',
  observedat: 'observedAt',
  scraped_at: 'observedAt',
  in_stock: 'inStock',
  instock: 'inStock',
  availability: 'inStock',
  stock: 'inStock',
  image_url: 'imageUrl',
  master_item: 'masterItem',
};

export function fieldForHeader(header: string): string {
  const h = header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return HEADER_ALIASES[h] ?? h.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
