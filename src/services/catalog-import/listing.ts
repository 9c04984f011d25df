import { createHash } from 'node:crypto';
import type { FeedRow } from './feed-row.ts';

const slug = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Which listing a row is about: the seller plus the strongest identifier the row has (GTIN, ASIN, SKU, then the
 * URL without its query). The same product sold by two sellers is two listings (two price histories) that
 * match one product.
 */
export function listingKey(row: FeedRow): string {
  const seller = slug(row.seller);
  if (row.gtin) return `${seller}|gtin:${row.gtin}`;
  if (row.asin) return `${seller}|asin:${row.asin}`;
  if (row.sku) return `${seller}|sku:${row.sku}`;
  const url = new URL(row.url!);
  return `${seller}|url:${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}`;
}

/** The listing's description fields, without its observation (price, currency, stock, when, where). */
export function listingFields(row: FeedRow): Record<string, unknown> {
  const { price: _p, currency: _c, inStock: _s, observedAt: _o, ...rest } = row;
  return rest;
}

/** A stable hash of the listing's description: an unchanged row is recognised and left alone. */
export function rowHash(row: FeedRow): string {
  const fields = listingFields(row);
  const ordered = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k]]);
  return createHash('sha256').update(JSON.stringify(ordered)).digest('base64url').slice(0, 22);
}

export type Observation = {
  price: number;
  currency: string;
  inStock: boolean;
  observedAt: Date;
  url: string | null;
};

export const observationOf = (row: FeedRow): Observation => ({
  price: row.price,
  currency: row.currency,
  inStock: row.inStock,
  observedAt: row.observedAt,
  url: row.url ?? null,
});

/** Same price, currency and stock: the same offer seen again, not a new one. */
export const sameOffer = (a: { price: number; currency: string; inStock: boolean }, b: typeof a) =>
  Math.round(a.price * 100) === Math.round(b.price * 100) &&
  a.currency === b.currency &&
  a.inStock === b.inStock;
