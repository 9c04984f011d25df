import { inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { bundleItems, bundles } from '../../db/schema/bundles.ts';
import { expertCalls } from '../../db/schema/calls.ts';
import { guidanceChunks, guidanceDocuments } from '../../db/schema/knowledge.ts';
import { categories, masterItems, specificProducts, suppliers } from '../../db/schema/products.ts';
import { skillsResources } from '../../db/schema/skills.ts';
import type { Embedder } from '../embeddings/embedder.ts';
import { chunkEmbeddingText, chunkGuidance } from '../guidance/documents.ts';
import { type CatalogCounts, catalogCounts } from './counts.ts';
import { masterItemEmbeddingText } from './embedding-text.ts';
import { defaultDataDir, type ExpertCallSeed, loadSeedData, type SeedData } from './seed-files.ts';
import { takeExcluded, upsertByNaturalKey } from './upsert.ts';

export type SeedOptions = {
  /** Where the data files are; the repository's data/ by default. */
  dataDir?: string;
  /** "Today" for the expert calls' relative dates. */
  now?: Date;
};

const BATCH = 250;

function batches<T>(rows: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Milliseconds the zone is ahead of UTC at `at`. */
function zoneOffset(zone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant that is `hour`:00 local time in `zone`, `days` calendar days after `now`'s date in that zone. */
export function scheduledAt(now: Date, days: number, hour: number, zone: string): Date {
  const today = new Date(now.getTime() + zoneOffset(zone, now));
  const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hour);
  let instant = wall - zoneOffset(zone, new Date(wall));
  instant = wall - zoneOffset(zone, new Date(instant));
  return new Date(instant);
}

function expertCallRow(call: ExpertCallSeed, now: Date): typeof expertCalls.$inferInsert {
  const scheduledDate = scheduledAt(now, call.scheduledInDays, call.hour, call.timezone);
  return {
    callType: call.callType,
    title: call.title,
    description: call.description,
    scheduledDate,
    durationMinutes: call.durationMinutes,
    timezone: call.timezone,
    tierRequired: call.tierRequired,
    maxAttendees: call.maxAttendees,
    expertName: call.expertName,
    expertBio: call.expertBio,
    expertSpecialty: call.expertSpecialty,
    status: call.status,
    // A recording is published the day after the call; no recording URL is invented.
    recordingAvailableDate: call.recordingAvailable
      ? new Date(scheduledDate.getTime() + (call.durationMinutes + 24 * 60) * 60_000)
      : null,
  };
}

function categoryPaths(data: SeedData): Map<string, { path: string[]; depth: number }> {
  const bySlug = new Map(data.categories.map((c) => [c.slug, c]));
  const out = new Map<string, { path: string[]; depth: number }>();
  for (const c of data.categories) {
    const path: string[] = [];
    for (let at: typeof c | undefined = c; at; at = at.parent ? bySlug.get(at.parent) : undefined)
      path.unshift(at.name);
    out.set(c.slug, { path, depth: path.length });
  }
  return out;
}

type Prepared = {
  data: SeedData;
  itemVectors: number[][];
  chunks: { slug: string; index: number; content: string; vector: number[] }[];
};

/** Reads, validates and embeds everything before the transaction opens, so a slow embedder holds no locks. */
async function prepare(embedder: Embedder, dataDir: string): Promise<Prepared> {
  const data = loadSeedData(dataDir);
  const paths = categoryPaths(data);
  const brands = new Map<string, string[]>();
  for (const p of data.products)
    brands.set(p.masterItem, [...(brands.get(p.masterItem) ?? []), p.metadata.brand]);
  const itemTexts = data.masterItems.map((m) =>
    masterItemEmbeddingText({
      name: m.name,
      description: m.description,
      categoryPath: paths.get(m.category)?.path ?? [],
      supplyKey: m.supplyKey,
      brands: brands.get(m.name) ?? [],
    }),
  );
  const chunkRows: { slug: string; index: number; content: string; text: string }[] = [];
  for (const doc of data.guidance) {
    (await chunkGuidance(doc.body)).forEach((chunk, index) => {
      chunkRows.push({
        slug: doc.id,
        index,
        content: chunk.content,
        text: chunkEmbeddingText(doc.title, chunk),
      });
    });
  }
  const [itemVectors, chunkVectors] = await Promise.all([
    embedder.embed(itemTexts),
    embedder.embed(chunkRows.map((c) => c.text)),
  ]);
  return {
    data,
    itemVectors,
    chunks: chunkRows.map((c, i) => ({
      slug: c.slug,
      index: c.index,
      content: c.content,
      vector: chunkVectors[i]!,
    })),
  };
}

async function write(tx: DbOrTx, embedder: Embedder, prepared: Prepared, now: Date): Promise<void> {
  const { data } = prepared;
  // One seed at a time, on every engine: concurrent starts wait here, then find the rows and update them.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('readyplan:seed'))`);

  // Categories, parents before children, so every parent id is known when its children are written.
  const paths = categoryPaths(data);
  const categoryId = new Map<string, string>();
  const byDepth = [...data.categories].sort((a, b) => paths.get(a.slug)!.depth - paths.get(b.slug)!.depth);
  const maxDepth = Math.max(0, ...byDepth.map((c) => paths.get(c.slug)!.depth));
  for (let depth = 1; depth <= maxDepth; depth++) {
    const level = byDepth.filter((c) => paths.get(c.slug)!.depth === depth);
    if (level.length === 0) continue;
    const written = await tx
      .insert(categories)
      .values(
        level.map((c) => ({
          slug: c.slug,
          name: c.name,
          description: c.description ?? null,
          parentId: c.parent ? categoryId.get(c.parent)! : null,
        })),
      )
      .onConflictDoUpdate({
        target: categories.slug,
        set: takeExcluded(categories, ['name', 'description', 'parentId']),
      })
      .returning({ id: categories.id, slug: categories.slug });
    for (const row of written) categoryId.set(row.slug, row.id);
  }

  const supplierRows = await tx
    .insert(suppliers)
    .values(
      data.suppliers.map((s) => ({
        name: s.name,
        fulfillmentType: s.fulfillmentType,
        websiteUrl: s.websiteUrl ?? null,
        contactInfo: s.contactInfo ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: suppliers.name,
      set: takeExcluded(suppliers, ['fulfillmentType', 'websiteUrl', 'contactInfo']),
    })
    .returning({ id: suppliers.id, name: suppliers.name });
  const supplierIdByName = new Map(supplierRows.map((r) => [r.name, r.id]));
  const supplierId = new Map(data.suppliers.map((s) => [s.key, supplierIdByName.get(s.name)!]));

  const masterItemId = new Map<string, string>();
  const itemRows = data.masterItems.map((m, i) => ({
    name: m.name,
    categoryId: categoryId.get(m.category)!,
    description: m.description,
    supplyKey: m.supplyKey,
    embedding: prepared.itemVectors[i]!,
    embeddingModel: embedder.name,
    status: m.status,
    timeframes: m.timeframes,
    demographics: m.demographics,
    locations: m.locations,
    scenarios: m.scenarios,
  }));
  for (const batch of batches(itemRows)) {
    const written = await tx
      .insert(masterItems)
      .values(batch)
      .onConflictDoUpdate({
        target: masterItems.name,
        set: takeExcluded(masterItems, [
          'categoryId',
          'description',
          'supplyKey',
          'embedding',
          'embeddingModel',
          'status',
          'timeframes',
          'demographics',
          'locations',
          'scenarios',
        ]),
      })
      .returning({ id: masterItems.id, name: masterItems.name });
    for (const row of written) masterItemId.set(row.name, row.id);
  }

  const productId = new Map<string, string>();
  const productRows = data.products.map((p) => ({
    sku: p.sku,
    masterItemId: masterItemId.get(p.masterItem)!,
    supplierId: supplierId.get(p.supplier)!,
    name: p.name,
    description: p.description,
    price: p.price.toFixed(2),
    asin: p.asin,
    imageUrl: p.imageUrl,
    productUrl: p.productUrl,
    type: p.type,
    status: p.status,
    metadata: p.metadata,
    scenarios: p.scenarios ?? null,
    timeframes: p.timeframes ?? null,
    demographics: p.demographics ?? null,
    locations: p.locations ?? null,
  }));
  for (const batch of batches(productRows)) {
    const written = await tx
      .insert(specificProducts)
      .values(batch)
      .onConflictDoUpdate({
        target: specificProducts.sku,
        set: takeExcluded(specificProducts, [
          'masterItemId',
          'supplierId',
          'name',
          'description',
          'price',
          'asin',
          'imageUrl',
          'productUrl',
          'type',
          'status',
          'metadata',
          'scenarios',
          'timeframes',
          'demographics',
          'locations',
        ]),
      })
      .returning({ id: specificProducts.id, sku: specificProducts.sku });
    for (const row of written) productId.set(row.sku!, row.id);
  }

  // Bundles: the estimated price counts the items every buyer gets (not the optional ones).
  const priceBySku = new Map(data.products.map((p) => [p.sku, p.price]));
  const bundleRows = await tx
    .insert(bundles)
    .values(
      data.bundles.map((b) => {
        const cents = b.items
          .filter((i) => !i.optional)
          .reduce((sum, i) => sum + Math.round(priceBySku.get(i.sku)! * 100) * i.quantity, 0);
        return {
          slug: b.slug,
          name: b.name,
          description: b.description,
          imageUrl: b.imageUrl ?? null,
          totalEstimatedPrice: (cents / 100).toFixed(2),
          scenarios: b.scenarios,
          minPeople: b.minPeople,
          maxPeople: b.maxPeople,
          gender: b.gender,
          ageGroups: b.ageGroups,
          climates: b.climates,
        };
      }),
    )
    .onConflictDoUpdate({
      target: bundles.slug,
      set: takeExcluded(bundles, [
        'name',
        'description',
        'imageUrl',
        'totalEstimatedPrice',
        'scenarios',
        'minPeople',
        'maxPeople',
        'gender',
        'ageGroups',
        'climates',
      ]),
    })
    .returning({ id: bundles.id, slug: bundles.slug });
  const bundleId = new Map(bundleRows.map((r) => [r.slug, r.id]));
  // A bundle's items are replaced as a whole: nothing refers to bundle_items rows.
  if (bundleRows.length > 0) {
    await tx.delete(bundleItems).where(
      inArray(
        bundleItems.bundleId,
        bundleRows.map((r) => r.id),
      ),
    );
  }
  const itemLines = data.bundles.flatMap((b) =>
    b.items.map((i) => ({
      bundleId: bundleId.get(b.slug)!,
      specificProductId: productId.get(i.sku)!,
      quantity: i.quantity,
      isOptional: i.optional,
    })),
  );
  for (const batch of batches(itemLines)) await tx.insert(bundleItems).values(batch);

  await upsertByNaturalKey(
    tx,
    skillsResources,
    ['url', 'title'],
    data.skillsResources.map((s) => ({
      skillName: s.skillName,
      skillId: s.skillId,
      category: s.category,
      resourceType: s.resourceType,
      title: s.title,
      url: s.url,
      thumbnailUrl: s.thumbnailUrl ?? null,
      author: s.author,
      source: s.source,
      durationMinutes: s.durationMinutes,
      difficulty: s.difficulty,
      summary: s.summary,
      keyTechniques: s.keyTechniques,
      prerequisites: s.prerequisites,
      relatedSkills: s.relatedSkills,
      scenarios: s.scenarios,
      isVerified: s.isVerified,
      isFeatured: s.isFeatured,
    })),
    { touch: 'updated_at' },
  );

  await upsertByNaturalKey(
    tx,
    expertCalls,
    ['title'],
    data.expertCalls.map((c) => expertCallRow(c, now)),
    { touch: 'updated_at' },
  );

  const docRows = await tx
    .insert(guidanceDocuments)
    .values(
      data.guidance.map((g) => ({
        slug: g.id,
        title: g.title,
        source: g.source,
        sourceUrl: g.sourceUrl,
        topics: g.topics,
        scenarios: g.scenarios,
        body: g.body,
      })),
    )
    .onConflictDoUpdate({
      target: guidanceDocuments.slug,
      set: takeExcluded(guidanceDocuments, ['title', 'source', 'sourceUrl', 'topics', 'scenarios', 'body']),
    })
    .returning({ id: guidanceDocuments.id, slug: guidanceDocuments.slug });
  const documentId = new Map(docRows.map((r) => [r.slug, r.id]));
  // Chunks are derived from the body: replaced as a whole, so a shorter document leaves no stale tail.
  if (docRows.length > 0) {
    await tx.delete(guidanceChunks).where(
      inArray(
        guidanceChunks.documentId,
        docRows.map((r) => r.id),
      ),
    );
  }
  for (const batch of batches(prepared.chunks)) {
    await tx.insert(guidanceChunks).values(
      batch.map((c) => ({
        documentId: documentId.get(c.slug)!,
        chunkIndex: c.index,
        content: c.content,
        embedding: c.vector,
        embeddingModel: embedder.name,
      })),
    );
  }
}

/**
 * Loads every seed file (validated first: a bad file fails naming the file and field, and nothing is written),
 * embeds the master items and guidance passages, and upserts everything on natural keys in one transaction.
 * Running it twice leaves the same rows.
 */
export async function seedAll(
  database: Database,
  embedder: Embedder,
  options: SeedOptions = {},
): Promise<CatalogCounts> {
  const prepared = await prepare(embedder, options.dataDir ?? defaultDataDir);
  const now = options.now ?? new Date();
  await database.db.transaction((tx) => write(tx, embedder, prepared, now));
  return catalogCounts(database.db);
}

/** Seeds when the catalog has no master items (first start); returns the counts when it seeded, else null. */
export async function seedIfEmpty(
  database: Database,
  embedder: Embedder,
  options: SeedOptions = {},
): Promise<CatalogCounts | null> {
  const rows = rowsOf<{ n: number }>(
    await database.db.execute(sql`select count(*)::int as n from master_items`),
  );
  if (Number(rows[0]?.n ?? 0) > 0) return null;
  return seedAll(database, embedder, options);
}
