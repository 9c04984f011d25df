/**
 * `npm run bench:search`: HNSW versus exact scan over synthetic products' master-item vectors, for the three
 * query kinds searchProducts serves (product-like, natural-language, filtered), with the settings it uses
 * (src/services/catalog/search-plan.ts, search-dims.ts) beside others; a selectivity sweep that finds where the
 * exact scan stops beating the filtered graph walk; the index's build time and size.
 *
 * Where (bench/search-session.ts): a temporary in-memory PGlite by default; `--wire` serves that PGlite over the
 * Postgres wire protocol (pglite-socket) and runs everything through postgres.js; with DATABASE_URL set, a
 * Postgres server with pgvector (tables bench_search_* are created there and dropped at the end).
 *
 * Options: --rows N (default 50000), --queries N per query set (default 100), --m N, --ef-construction N,
 * --maintenance-work-mem SIZE (default 512MB), --wire, --sweep (the whole ef_search sweep, not only the settings
 * searchProducts uses and their neighbours), --halfvec (also a halfvec index, directly and re-ranked).
 *
 * Latency is wall time per query and, where the database runs in this process (PGlite, embedded or over the
 * wire), also the process's CPU time per query: on a shared machine the wall time includes waiting for a core,
 * the CPU time does not. Both are printed; the targets are judged on wall time.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  heaviestDims,
  QUERY_TOP_DIMS,
  ROWS_PER_DIM,
  TOP_DIMS_PER_ROW,
} from '../src/services/catalog/search-dims.ts';
import { EF_SEARCH, type QueryKind, queryKind } from '../src/services/catalog/search-plan.ts';
import { embedOffline } from '../src/services/embeddings/offline.ts';
import { contentTerms } from '../src/services/embeddings/text.ts';
import { literal, productText, queryText, random } from './search-data.ts';
import { filteredBench } from './search-filtered.ts';
import { formats, K, mb, ms, pickRuns, type Run, recall, secs } from './search-measure.ts';
import { searchBenchOptions } from './search-options.ts';
import { open } from './search-session.ts';

const options = searchBenchOptions(process.argv);
const { rows: ROWS, queries: QUERIES, m: M, efConstruction: EF_CONSTRUCTION } = options;
const MAINTENANCE_WORK_MEM = options.maintenanceWorkMem;
const flag = (name: 'wire' | 'sweep' | 'halfvec') => options[name];
const EF_SWEEP = flag('sweep') ? [40, 64, 100, 200, 300, 400, 600, 800, 1000] : [40, 64, 100, 200, 400, 600];
const HYBRID_EF = flag('sweep') ? [40, 64, 100, 200, 300, 400] : [100, 200, 300];
const TABLE = 'bench_search_items';
const DIMS = 'bench_search_top_dims';
const log = (line: string) => process.stdout.write(`${line}\n`);

/** The production function that picks a vector's heaviest dimensions, taken from its migration. */
const topDimsFunction = readFileSync(new URL('../drizzle/0010_search_top_dims.sql', import.meta.url), 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.replace(/^(\s*--.*\n)*/, '').trim())
  .find((s) => s.startsWith('CREATE FUNCTION vector_top_dims'))!
  .replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION');

async function main() {
  const t0 = performance.now();
  const db = await open(TABLE, flag('wire'));
  const inProcess = !db.where.includes('DATABASE_URL');
  await db.exec('create extension if not exists vector');
  await db.exec(`drop table if exists ${DIMS}; drop table if exists ${TABLE}`);
  await db.exec(`create table ${TABLE} (id int primary key, category int not null, bucket int not null,
    embedding vector(768) not null, embedding_model text not null)`);
  // As master_items (drizzle/0010): vectors inline in the row, not in TOAST.
  await db.exec(`alter table ${TABLE} alter column embedding set storage plain`);
  const version = (
    await db.query<{ v: string }>(`select extversion as v from pg_extension where extname = 'vector'`)
  )[0]?.v;
  log(
    `database: ${db.where}, pgvector ${version}; machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at start`,
  );

  // Embed the synthetic products with the offline embedder (the vectors search really uses), then load them
  // before any index exists (an index present during a bulk load makes it several times slower).
  let tEmbed = 0;
  let tLoad = 0;
  for (let start = 0; start < ROWS; start += 5_000) {
    const rows: string[][] = [];
    const e0 = performance.now();
    for (let i = start; i < Math.min(ROWS, start + 5_000); i++) {
      // category: 50 buckets, so one keeps ~2% of rows (a category filter); bucket: 0..999 for the sweep.
      const category = Math.floor(random() * 50);
      const bucket = Math.floor(random() * 1000);
      rows.push([String(i), String(category), String(bucket), literal(embedOffline(productText()))]);
    }
    tEmbed += performance.now() - e0;
    const l0 = performance.now();
    await db.load(rows);
    tLoad += performance.now() - l0;
  }
  // Like idx_master_items_category: the exact filtered scan reaches a category's rows through it.
  await db.exec(`create index ${TABLE}_category on ${TABLE} (category)`);
  await db.exec(`create index ${TABLE}_bucket on ${TABLE} (bucket)`);
  log(`rows: ${ROWS} (embedded in ${secs(tEmbed)}, loaded in ${secs(tLoad)})`);

  const workers = (
    await db.query<{ w: string }>(`select current_setting('max_parallel_maintenance_workers') as w`)
  )[0]?.w;
  await db.exec(`set maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
  const size = async (relation: string, total = false) =>
    Number(
      (
        await db.query<{ n: string }>(
          `select ${total ? 'pg_total_relation_size' : 'pg_relation_size'}('${relation}')::text as n`,
        )
      )[0]?.n,
    );
  const b0 = performance.now();
  await db.exec(`create index ${TABLE}_embedding on ${TABLE} using hnsw (embedding vector_cosine_ops)
    with (m = ${M}, ef_construction = ${EF_CONSTRUCTION})`);
  const buildMs = performance.now() - b0;
  const indexBytes = await size(`${TABLE}_embedding`);
  // The top-dimensions lists (drizzle/0010), filled by the production function as its trigger would.
  await db.exec(topDimsFunction);
  const d0 = performance.now();
  await db.exec(`create table ${DIMS} (item_id int not null, dim smallint not null, magnitude real not null,
    primary key (item_id, dim))`);
  await db.exec(`insert into ${DIMS} select t.id, d.dim, d.magnitude from ${TABLE} t,
    vector_top_dims(t.embedding, ${TOP_DIMS_PER_ROW}) d`);
  await db.exec(`create index ${DIMS}_dim on ${DIMS} (dim, magnitude desc) include (item_id)`);
  const dimsMs = performance.now() - d0;
  const dimsBytes = await size(DIMS, true);
  let halfBuild = 0;
  let halfBytes = 0;
  if (flag('halfvec')) {
    const h0 = performance.now();
    await db.exec(`create index ${TABLE}_embedding_half on ${TABLE} using hnsw ((embedding::halfvec(768)) halfvec_cosine_ops)
      with (m = ${M}, ef_construction = ${EF_CONSTRUCTION})`);
    halfBuild = performance.now() - h0;
    halfBytes = await size(`${TABLE}_embedding_half`);
  }
  await db.exec(`analyze ${TABLE}; analyze ${DIMS}`);
  const tableBytes = await size(TABLE, true);
  const buildLines = [
    `HNSW index (vector, m ${M}, ef_construction ${EF_CONSTRUCTION}; maintenance_work_mem ${MAINTENANCE_WORK_MEM}, max_parallel_maintenance_workers ${workers}): built in ${secs(buildMs)}, ${mb(indexBytes)} (${(indexBytes / ROWS).toFixed(0)} bytes a row)`,
    `top-dimensions lists (${TOP_DIMS_PER_ROW} a row, with their index): built in ${secs(dimsMs)}, ${mb(dimsBytes)}; table with vectors and all indexes ${mb(tableBytes)}`,
  ];
  if (flag('halfvec'))
    buildLines.push(
      `HNSW index (halfvec expression, same parameters): built in ${secs(halfBuild)}, ${mb(halfBytes)}`,
    );
  for (const line of buildLines) log(line);

  const topK = (where = '', limit = K) => `select id, embedding <=> $1::vector as d from ${TABLE}
    where embedding_model = 'offline' ${where} order by embedding <=> $1::vector limit ${limit}`;
  // The exact plan: distances computed once in a subquery that OFFSET 0 keeps apart, then sorted, so the HNSW
  // index cannot serve the order and every matching row is measured (searchProducts' exact plan).
  const exactK = (where = '') => `select id, d from (select id, embedding <=> $1::vector as d from ${TABLE}
    where embedding_model = 'offline' ${where} offset 0) f order by d limit ${K}`;
  // searchProducts' natural-language plan: the walk's candidates and the top of the query's heaviest dimensions'
  // lists, ranked together by the exact distance.
  const hybridK = (perDim = ROWS_PER_DIM) => `select id, d from (select t.id, t.embedding <=> $1::vector as d
    from ${TABLE} t where t.id = any(array(
      (select id from ${TABLE} where embedding_model = 'offline' order by embedding <=> $1::vector limit ${K})
      union
      select x.item_id from unnest($2::smallint[]) q(dim), lateral (select item_id from ${DIMS} s
        where s.dim = q.dim order by s.magnitude desc limit ${perDim}) x
    )) and t.embedding_model = 'offline' offset 0) f order by d limit ${K}`;
  const halfK = `select id, d from (select id, embedding <=> $1::vector as d from ${TABLE}
    order by embedding::halfvec(768) <=> $1::halfvec(768) limit 40) c order by d limit ${K}`;

  const probe = embedOffline(queryText());
  const explained = (
    await db.query<{ 'QUERY PLAN': string }>(
      `explain ${hybridK()
        .replaceAll('$1', `'${literal(probe)}'`)
        .replace('$2', `'{${heaviestDims(probe).join(',')}}'`)}`,
    )
  )
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  log(
    `natural-language plan: HNSW walk ${explained.includes(`${TABLE}_embedding`) ? 'yes' : 'NO'}, lists by index ${explained.includes(`${DIMS}_dim`) ? 'yes' : 'NO'}, rows by primary key ${explained.includes(`${TABLE}_pkey`) ? 'yes' : 'NO'}`,
  );

  /** Times each query alone, inside one transaction holding the settings (rolled back after). */
  async function run(sqlText: string, setup: string[], params: string[][], before?: string): Promise<Run> {
    const out: Run = { ids: [], dists: [], times: [], cpu: [] };
    await db.exec('begin');
    for (const s of setup) await db.exec(s);
    for (let i = 0; i < 3; i++) await db.query(sqlText, params[i]); // warm-up
    for (const p of params) {
      const c0 = process.cpuUsage();
      const s = performance.now();
      if (before) await db.query(before);
      const r = await db.query<{ id: number; d: number }>(sqlText, p);
      out.times.push(performance.now() - s);
      const c = process.cpuUsage(c0);
      out.cpu.push((c.user + c.system) / 1000);
      out.ids.push(r.map((row) => Number(row.id)));
      out.dists.push(r.map((row) => Number(row.d)));
    }
    await db.exec('rollback');
    return out;
  }
  const { p, figures, row, header } = formats(inProcess, log);

  const texts: Record<QueryKind, string[]> = {
    'product-like': Array.from({ length: QUERIES }, () => productText()),
    'natural-language': Array.from({ length: QUERIES }, () => queryText()),
  };
  const about: Record<QueryKind, string> = {
    'product-like': 'held-out synthetic products, not in the table: the standard ANN benchmark method',
    'natural-language':
      'the relevance set, master item names and product-name fragments: short texts far from any row',
  };
  const summary: string[] = [];
  for (const kind of ['product-like', 'natural-language'] as const) {
    const vectors = texts[kind].map((t) => embedOffline(t));
    const plain = vectors.map((v) => [literal(v)]);
    const withDims = (dims = QUERY_TOP_DIMS) =>
      vectors.map((v) => [literal(v), `{${heaviestDims(v, dims).join(',')}}`]);
    const classified = texts[kind].filter((t) => queryKind(t) === kind).length / QUERIES;
    const exact = await run(exactK(), [], plain);
    log(
      `\n${kind} queries (${QUERIES}; ${about[kind]}); queryKind() agrees on ${(classified * 100).toFixed(0)}%`,
    );
    header();
    log(row('exact scan', exact, exact));
    const chosenEf = EF_SEARCH[kind];
    const terms = texts[kind].map((t) => contentTerms(t).length);
    const short = terms.flatMap((n, i) => (n <= 2 ? [i] : []));
    const longer = terms.flatMap((n, i) => (n > 2 ? [i] : []));
    const byLength = (x: Run) =>
      kind === 'natural-language'
        ? ` (1–2 terms ${recall(pickRuns(x, short), pickRuns(exact, short)).toFixed(3)} over ${short.length}, 3+ ${recall(pickRuns(x, longer), pickRuns(exact, longer)).toFixed(3)})`
        : '';
    const efs = kind === 'product-like' ? EF_SWEEP.filter((ef) => ef <= 200 || flag('sweep')) : EF_SWEEP;
    for (const ef of efs) {
      const h = await run(topK(), [`set local hnsw.ef_search = ${ef}`], plain);
      log(row(`HNSW ef_search ${ef}${byLength(h)}`, h, exact));
      if (kind === 'product-like' && ef === chosenEf)
        summary.push(`${kind.padEnd(17)} HNSW ef_search ${ef}: ${figures(h, exact)}`);
    }
    if (kind === 'natural-language') {
      for (const ef of HYBRID_EF) {
        const h = await run(hybridK(), [`set local hnsw.ef_search = ${ef}`], withDims());
        log(
          row(
            `HNSW ef_search ${ef} + ${ROWS_PER_DIM} rows of ${QUERY_TOP_DIMS} top-dimension lists${byLength(h)}`,
            h,
            exact,
          ),
        );
        if (ef === chosenEf)
          summary.push(`${kind.padEnd(17)} HNSW ef_search ${ef} + top-dimension lists: ${figures(h, exact)}`);
      }
      // Other list depths at the chosen ef_search: fewer rows cost fewer exact distances.
      const variants = flag('sweep')
        ? [
            [4, 100],
            [6, 60],
            [8, 50],
            [12, 40],
          ]
        : [];
      for (const [dims, perDim] of variants) {
        const h = await run(hybridK(perDim), [`set local hnsw.ef_search = ${chosenEf}`], withDims(dims));
        log(
          row(
            `HNSW ef_search ${chosenEf} + ${perDim} rows of ${dims} top-dimension lists${byLength(h)}`,
            h,
            exact,
          ),
        );
      }
    }
    summary.push(
      `${''.padEnd(17)} beside the exact scan: p50 ${ms(p(exact, 0.5))}, p95 ${ms(p(exact, 0.95))}`,
    );
    if (flag('halfvec')) {
      const half = await run(halfK, [`set local hnsw.ef_search = ${chosenEf}`], plain);
      log(row(`halfvec index ef_search ${chosenEf}, 40 re-ranked by exact distance`, half, exact));
    }
    if (kind === 'natural-language')
      await filteredBench({
        db,
        table: TABLE,
        rows: ROWS,
        inProcess,
        plain,
        run,
        topK,
        exactK,
        summary,
        log,
      });
  }

  log(`\nsummary (${ROWS} rows, ${db.where}; load average ${loadavg()[0]!.toFixed(1)} at the end):`);
  for (const line of summary) log(`  ${line}`);
  for (const line of buildLines) log(`  ${line}`);
  log(`total ${secs(performance.now() - t0)}`);
  await db.exec(`drop table if exists ${DIMS}; drop table if exists ${TABLE}`);
  await db.close();
}

await main();
