/**
 * Feed import at volume: N feed rows (default 50,000) as one CSV — parsed, validated, folded into scraped_queue,
 * their offers written, matched (exact keys merge; the rest get top-3 master-item candidates by the offline
 * embedder over pgvector and a proposed fit) — on a freshly seeded embedded database. Prints rows per second
 * and peak memory (RSS sampled every 50 ms), then the same feed again (nothing changes).
 *
 *   npm run bench:import [-- --rows 50000 --batch 1000]
 */
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { rowsOf } from '../src/db/rows.ts';
import { seedAll } from '../src/services/catalog/seed.ts';
import { loadSeedData } from '../src/services/catalog/seed-files.ts';
import { importFeed } from '../src/services/catalog-import/import.ts';
import labelled from '../src/services/catalog-import/match-labelled-set.json' with { type: 'json' };
import { parseFeed } from '../src/services/catalog-import/parse-feed.ts';
import { createOfflineEmbedder } from '../src/services/embeddings/offline.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
};
const total = Number(arg('rows', '50000'));
const batchSize = Number(arg('batch', '1000'));

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);

const database = await openDatabase({ kind: 'pglite' });
await runMigrations(database);
const embedder = createOfflineEmbedder();
await seedAll(database, embedder);
sample();
const baseline = peak;

// Titles: the labelled set's retail titles and the shipped products' names, with sellers, sizes and pack counts
// varied so every row is its own listing. Every tenth row, until each shipped sku has had one, is another
// seller's listing of that sku (an exact key: merged at once); one row in fifty is out of stock.
const shipped = loadSeedData().products;
const sellers = ['Trailhead Outfitters', 'Prepper Depot', 'Harbor Supply', 'Northwind Goods', 'Acme Retail'];
const sizes = ['', ', 2 pack', ', 4 pack', ', 12 count', ', value size', ', 2026 model'];
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lines = ['name,brand,price,currency,url,sku,description,pack_size,seller,observed_at,in_stock'];
for (let i = 0; i < total; i++) {
  const seller = sellers[i % sellers.length]!;
  const stock = i % 50 === 0 ? 'no' : 'yes';
  const price = (5 + ((i * 37) % 9000) / 100).toFixed(2);
  if (i % 10 === 0 && i / 10 < shipped.length) {
    const p = shipped[i / 10]!;
    lines.push(
      [
        quote(p.name),
        quote(p.metadata.brand),
        price,
        'USD',
        `https://shop.example/${i}`,
        p.sku,
        '',
        '',
        seller,
        '2026-12-01',
        stock,
      ].join(','),
    );
    continue;
  }
  const l = labelled[i % labelled.length]!;
  const title = `${l.title}${sizes[i % sizes.length]} #${i}`;
  lines.push(
    [
      quote(title),
      quote(l.brand),
      price,
      'USD',
      `https://shop.example/${i}`,
      '',
      quote(`${l.brand} listing ${i}`),
      '',
      seller,
      '2026-12-01',
      stock,
    ].join(','),
  );
}
const csv = `${lines.join('\n')}\n`;

let started = performance.now();
const parsed = parseFeed(csv, 'csv');
const parseMs = performance.now() - started;
const summary = await importFeed(database.db, embedder, parsed, { feed: 'bench', batchSize });
const totalMs = performance.now() - started;
sample();

const [counts] = rowsOf<{ queued: number; waiting: number; merged: number; offers: number }>(
  await database.db.execute(
    `select (select count(*)::int from scraped_queue where feed = 'bench') as queued,
      (select count(*)::int from scraped_queue where feed = 'bench' and review = 'waiting' and candidates is not null) as waiting,
      (select count(*)::int from scraped_queue where feed = 'bench' and review = 'merged') as merged,
      (select count(*)::int from product_offers o join scraped_queue q on q.id = o.listing_id where q.feed = 'bench') as offers` as never,
  ),
);
const mb = (b: number) => `${Math.round(b / 1048576)} MB`;
console.log(
  `Feed import: ${total.toLocaleString('en-US')} CSV rows (${mb(csv.length)}), batches of ${batchSize}, offline embedder, PGlite`,
);
console.log(`  parse + validate: ${Math.round(parseMs)} ms (${parsed.problems.length} problems)`);
console.log(
  `  imported, matched and queued: ${(totalMs / 1000).toFixed(1)} s → ${Math.round(total / (totalMs / 1000)).toLocaleString('en-US')} rows/s`,
);
console.log(
  `  queued ${counts!.queued}, waiting with candidates ${counts!.waiting}, merged by exact key ${counts!.merged}, offers ${counts!.offers}`,
);
console.log(`  peak RSS ${mb(peak)} (after seeding, before the import: ${mb(baseline)})`);
if (counts!.queued !== total || counts!.waiting + counts!.merged !== total || summary.problems.length > 0)
  throw new Error('bench: not every row was queued and matched');

started = performance.now();
const again = await importFeed(database.db, embedder, parseFeed(csv, 'csv'), { feed: 'bench', batchSize });
const againMs = performance.now() - started;
console.log(
  `  the same feed again: ${(againMs / 1000).toFixed(1)} s → ${Math.round(total / (againMs / 1000)).toLocaleString('en-US')} rows/s; ${again.listings.unchanged} unchanged, ${again.offers.added} new offers`,
);
if (again.listings.unchanged !== total || again.offers.added !== 0)
  throw new Error('bench: re-import changed something');
clearInterval(sampler);
await database.close();
