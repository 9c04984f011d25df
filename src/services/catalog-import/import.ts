import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { scrapedQueue, suppliers } from '../../db/schema/products.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import type { FeedRow } from './feed-row.ts';
import { listingKey, type Observation, observationOf, rowHash, sameOffer } from './listing.ts';
import { matchListings, ProductIndex } from './match.ts';
import { recordObservations, refreshProductPrices } from './offers.ts';
import type { ParsedFeed, RowProblem } from './parse-feed.ts';
import { acceptTrustedRows } from './trusted.ts';

export type ImportOptions = {
  /** The feed's name, kept on each listing (a file name, "shipped-catalog"). */
  feed: string;
  /** The shipped catalog: rows name their sku, master item and checked fit, and become products at once. */
  trusted?: boolean;
  now?: Date;
  /** Listings per transaction. */
  batchSize?: number;
};

export type ImportSummary = {
  rows: number;
  problems: RowProblem[];
  /** Rows repeating an earlier row of the same feed exactly. */
  duplicates: number;
  listings: { new: number; changed: number; unchanged: number };
  offers: { added: number; confirmed: number; stale: number };
  matched: { merged: number; accepted: number; waiting: number };
};

/** Fields only a trusted feed may set; from any other feed they are dropped (a person decides those). */
const TRUSTED_ONLY = [
  'metadata',
  'type',
  'status',
  'scenarios',
  'timeframes',
  'demographics',
  'locations',
] as const;

type Listing = { key: string; hash: string; row: FeedRow; observations: Observation[]; lines: number[] };

function group(parsed: ParsedFeed, trusted: boolean): { listings: Listing[]; duplicates: number } {
  const byKey = new Map<string, Listing>();
  let duplicates = 0;
  for (const { line, row: given } of parsed.rows) {
    const row = { ...given };
    if (!trusted) for (const f of TRUSTED_ONLY) delete row[f];
    const key = listingKey(row);
    const hash = rowHash(row);
    const o = observationOf(row);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { key, hash, row, observations: [o], lines: [line] });
      continue;
    }
    if (
      seen.hash === hash &&
      seen.observations.some((x) => sameOffer(x, o) && +x.observedAt === +o.observedAt)
    ) {
      duplicates++;
      continue;
    }
    seen.observations.push(o);
    seen.lines.push(line);
    // The listing's description is its latest row's.
    if (o.observedAt >= seen.row.observedAt) Object.assign(seen, { row, hash });
  }
  return { listings: [...byKey.values()], duplicates };
}

/**
 * Imports a parsed feed: each listing is folded into scraped_queue on its key (an unchanged row leaves it as it
 * is), each observation into its price history (recordObservations), and new or changed listings are matched —
 * merged into a product by an exact key, accepted at once from a trusted feed, or queued with candidates for a
 * person. One transaction per batch under an advisory lock, so concurrent imports queue rather than interleave;
 * the rows the feed could not give are reported in `problems` and nothing of theirs is written.
 */
export async function importFeed(
  db: DbOrTx,
  embedder: Embedder,
  parsed: ParsedFeed,
  options: ImportOptions,
): Promise<ImportSummary> {
  const now = options.now ?? new Date();
  const trusted = options.trusted ?? false;
  const { listings, duplicates } = group(parsed, trusted);
  const summary: ImportSummary = {
    rows: parsed.rows.length + new Set(parsed.problems.filter((p) => p.line > 1).map((p) => p.line)).size,
    problems: parsed.problems,
    duplicates,
    listings: { new: 0, changed: 0, unchanged: 0 },
    offers: { added: 0, confirmed: 0, stale: 0 },
    matched: { merged: 0, accepted: 0, waiting: 0 },
  };
  if (listings.length === 0) return summary;
  const supplierRows = await db.select({ id: suppliers.id, name: suppliers.name }).from(suppliers);
  const supplierId = new Map(supplierRows.map((s) => [s.name.toLowerCase(), s.id]));
  const index = await ProductIndex.load(db);
  const size = options.batchSize ?? 1000;
  for (let at = 0; at < listings.length; at += size) {
    const batch = listings.slice(at, at + size);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('readyplan:catalog-import'))`);
      await importBatch(
        tx,
        embedder,
        index,
        batch,
        { feed: options.feed, trusted, now, supplierId },
        summary,
      );
    });
  }
  return summary;
}

async function importBatch(
  tx: DbOrTx,
  embedder: Embedder,
  index: ProductIndex,
  batch: Listing[],
  ctx: { feed: string; trusted: boolean; now: Date; supplierId: Map<string, string> },
  summary: ImportSummary,
): Promise<void> {
  const supplierOf = (row: FeedRow) => ctx.supplierId.get(row.seller.toLowerCase()) ?? null;
  const written = await tx
    .insert(scrapedQueue)
    .values(
      batch.map((l) => ({
        listingKey: l.key,
        rowHash: l.hash,
        feed: ctx.feed,
        seller: l.row.seller,
        supplierId: supplierOf(l.row),
        name: l.row.name,
        brand: l.row.brand ?? null,
        gtin: l.row.gtin ?? null,
        asin: l.row.asin ?? null,
        url: l.row.url ?? null,
        result: JSON.parse(JSON.stringify(l.row)) as Record<string, unknown>,
        status: 'PENDING' as const,
      })),
    )
    .onConflictDoUpdate({
      target: scrapedQueue.listingKey,
      set: {
        rowHash: sql`excluded.row_hash`,
        feed: sql`excluded.feed`,
        seller: sql`excluded.seller`,
        supplierId: sql`excluded.supplier_id`,
        name: sql`excluded.name`,
        brand: sql`excluded.brand`,
        gtin: sql`excluded.gtin`,
        asin: sql`excluded.asin`,
        url: sql`excluded.url`,
        result: sql`excluded.result`,
        // A decided listing keeps its decision; a waiting one (or a trusted feed's) is matched again.
        status: ctx.trusted
          ? sql`'PENDING'`
          : sql`case when ${scrapedQueue.review} = 'waiting' then 'PENDING' else 'DONE' end`,
      },
      setWhere: sql`${scrapedQueue.rowHash} is distinct from excluded.row_hash`,
    })
    .returning({ id: scrapedQueue.id, inserted: sql<boolean>`xmax = 0` });
  summary.listings.new += written.filter((w) => w.inserted).length;
  summary.listings.changed += written.filter((w) => !w.inserted).length;
  summary.listings.unchanged += batch.length - written.length;

  const rows = await tx
    .select({
      id: scrapedQueue.id,
      key: scrapedQueue.listingKey,
      status: scrapedQueue.status,
      productId: scrapedQueue.specificProductId,
      supplierId: scrapedQueue.supplierId,
    })
    .from(scrapedQueue)
    .where(
      inArray(
        scrapedQueue.listingKey,
        batch.map((l) => l.key),
      ),
    );
  const byKey = new Map(rows.map((r) => [r.key!, r]));
  const pending = batch.map((l) => ({ l, r: byKey.get(l.key)! })).filter(({ r }) => r.status === 'PENDING');

  // A trusted feed's products are written first, so their offers are recorded already linked to them.
  const trustedRows = pending.filter(
    ({ l }) => ctx.trusted && l.row.sku && l.row.masterItem && l.row.metadata,
  );
  const accepted = await acceptTrustedRows(
    tx,
    index,
    trustedRows.map(({ l, r }) => ({ id: r.id, row: l.row, supplierId: r.supplierId })),
    ctx.now,
  );
  summary.matched.accepted += accepted.length;
  const productOf = new Map(trustedRows.map(({ r }, i) => [r.id, accepted[i]!]));

  const fresh = new Set(written.filter((w) => w.inserted).map((w) => w.id));
  const offers = await recordObservations(
    tx,
    batch.map((l) => {
      const r = byKey.get(l.key)!;
      return {
        listing: {
          id: r.id,
          specificProductId: productOf.get(r.id) ?? r.productId,
          supplierId: r.supplierId,
          seller: l.row.seller,
        },
        observations: l.observations,
      };
    }),
    fresh,
  );
  summary.offers.added += offers.added;
  summary.offers.confirmed += offers.confirmed;
  summary.offers.stale += offers.stale;

  const taken = new Set(trustedRows.map(({ r }) => r.id));
  const outcome = await matchListings(
    tx,
    embedder,
    index,
    pending.filter(({ r }) => !taken.has(r.id)).map(({ l, r }) => ({ id: r.id, row: l.row })),
    ctx.now,
  );
  summary.matched.merged += outcome.merged;
  summary.matched.waiting += outcome.waiting;
  // A trusted row's product took its price from the row; a merged one, or one whose offer moved, from its offers.
  const moved = rows.flatMap((r) => (r.productId && offers.changed.has(r.id) ? [r.productId] : []));
  await refreshProductPrices(tx, [...new Set([...outcome.mergedProductIds, ...moved])]);
}
