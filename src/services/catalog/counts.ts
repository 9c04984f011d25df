import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';

export type CatalogCounts = {
  categories: number;
  categoryDepth: number;
  suppliers: number;
  masterItems: number;
  products: number;
  bundles: number;
  bundleItems: number;
  skillsResources: number;
  expertCalls: number;
  guidanceDocuments: number;
  guidanceChunks: number;
};

/** Row counts of the seeded tables, and how many levels deep the category tree goes. */
export async function catalogCounts(db: DbOrTx): Promise<CatalogCounts> {
  const rows = rowsOf<Record<keyof CatalogCounts, number>>(
    await db.execute(sql`
      with recursive tree as (
        select id, 1 as depth from categories where parent_id is null
        union all
        select c.id, tree.depth + 1 from categories c join tree on c.parent_id = tree.id
      )
      select
        (select count(*) from categories)::int as "categories",
        (select coalesce(max(depth), 0) from tree)::int as "categoryDepth",
        (select count(*) from suppliers)::int as "suppliers",
        (select count(*) from master_items)::int as "masterItems",
        (select count(*) from specific_products)::int as "products",
        (select count(*) from bundles)::int as "bundles",
        (select count(*) from bundle_items)::int as "bundleItems",
        (select count(*) from skills_resources)::int as "skillsResources",
        (select count(*) from expert_calls)::int as "expertCalls",
        (select count(*) from guidance_documents)::int as "guidanceDocuments",
        (select count(*) from guidance_chunks)::int as "guidanceChunks"`),
  );
  const row = rows[0] ?? {};
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as CatalogCounts;
}

/** Whether the catalog has been seeded (it has a master item): a start seeds a database where it has not. */
export async function hasCatalog(db: DbOrTx): Promise<boolean> {
  const rows = rowsOf<{ present: boolean }>(
    await db.execute(sql`select exists (select 1 from master_items) as present`),
  );
  return rows[0]?.present === true;
}
