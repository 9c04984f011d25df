import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseGuidanceFile } from '../guidance/documents.ts';
import { SeedFileError } from './seed-error.ts';
import {
  bundleSchema,
  categorySchema,
  checkProduct,
  expertCallSchema,
  masterItemSchema,
  type ProductSeed,
  productSchema,
  type SeedData,
  skillResourceSchema,
  supplierSchema,
} from './seed-schemas.ts';

export { SeedFileError };

/** The hand-written seed data: data/ at the root of the repository. */
export const defaultDataDir = fileURLToPath(new URL('../../../data', import.meta.url));

function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
}

function readJson(file: string, shown: string): unknown {
  if (!existsSync(file)) throw new SeedFileError(shown, '', 'file not found');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedFileError(shown, '', `not valid JSON (${(error as Error).message})`);
  }
}

function parseList<T extends z.ZodType>(schema: T, value: unknown, shown: string): z.infer<T>[] {
  const parsed = z.array(schema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    // Name the product too: a field path alone sends the reader counting array entries.
    const row = Array.isArray(value) && typeof issue.path[0] === 'number' ? value[issue.path[0]] : undefined;
    const sku = typeof row?.sku === 'string' ? `sku ${row.sku}: ` : '';
    throw new SeedFileError(shown, fieldPath(issue.path), `${sku}${issue.message}`);
  }
  return parsed.data;
}

function unique<T>(rows: { row: T; file: string; index: number }[], key: (row: T) => string, field: string) {
  const seen = new Map<string, string>();
  for (const { row, file, index } of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first)
      throw new SeedFileError(file, `[${index}].${field}`, `duplicate ${field} "${k}" (first at ${first})`);
    seen.set(k, `${file}[${index}]`);
  }
}

const located = <T>(rows: T[], file: string) => rows.map((row, index) => ({ row, file, index }));

/**
 * Reads and validates every seed file under `dataDir`, then checks the references between them (a product's
 * master item and supplier, a bundle's skus, a category's parent). Throws SeedFileError at the first problem.
 */
export function loadSeedData(dataDir: string = defaultDataDir): SeedData {
  const shown = (file: string) => relative(join(dataDir, '..'), file) || file;
  const load = <T extends z.ZodType>(schema: T, ...parts: string[]) => {
    const file = join(dataDir, ...parts);
    return parseList(schema, readJson(file, shown(file)), shown(file));
  };

  const categories = load(categorySchema, 'catalog', 'categories.json');
  const suppliers = load(supplierSchema, 'catalog', 'suppliers.json');
  const masterItems = load(masterItemSchema, 'catalog', 'master-items.json');
  const bundles = load(bundleSchema, 'catalog', 'bundles.json');
  const skillsResources = load(skillResourceSchema, 'skills', 'skills-resources.json');
  const expertCalls = load(expertCallSchema, 'calls', 'expert-calls.json');

  const productsDir = join(dataDir, 'catalog', 'products');
  if (!existsSync(productsDir)) throw new SeedFileError(shown(productsDir), '', 'folder not found');
  const productFiles = readdirSync(productsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const products: { row: ProductSeed; file: string; index: number }[] = [];
  for (const name of productFiles) {
    const file = join(productsDir, name);
    products.push(
      ...located(parseList(productSchema, readJson(file, shown(file)), shown(file)), shown(file)),
    );
  }

  const guidanceDir = join(dataDir, 'guidance');
  if (!existsSync(guidanceDir)) throw new SeedFileError(shown(guidanceDir), '', 'folder not found');
  const guidance = readdirSync(guidanceDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = join(guidanceDir, name);
      return parseGuidanceFile(readFileSync(file, 'utf8'), shown(file));
    });

  // Natural keys are unique, so a re-seed updates the same rows.
  const catFile = shown(join(dataDir, 'catalog', 'categories.json'));
  const supFile = shown(join(dataDir, 'catalog', 'suppliers.json'));
  const itemFile = shown(join(dataDir, 'catalog', 'master-items.json'));
  const bundleFile = shown(join(dataDir, 'catalog', 'bundles.json'));
  unique(located(categories, catFile), (c) => c.slug, 'slug');
  unique(located(suppliers, supFile), (s) => s.key, 'key');
  unique(located(suppliers, supFile), (s) => s.name, 'name');
  unique(located(masterItems, itemFile), (m) => m.name, 'name');
  unique(products, (p) => p.sku, 'sku');
  unique(
    products.filter((p) => p.row.asin),
    (p) => p.asin!,
    'asin',
  );
  unique(located(bundles, bundleFile), (b) => b.slug, 'slug');
  unique(
    located(skillsResources, shown(join(dataDir, 'skills', 'skills-resources.json'))),
    (s) => `${s.url} ${s.title}`,
    'title',
  );
  unique(located(expertCalls, shown(join(dataDir, 'calls', 'expert-calls.json'))), (c) => c.title, 'title');
  const guidanceIds = new Map<string, string>();
  for (const g of guidance) {
    const first = guidanceIds.get(g.id);
    if (first) throw new SeedFileError(g.file, 'id', `duplicate id "${g.id}" (first in ${first})`);
    guidanceIds.set(g.id, g.file);
  }

  // References between files.
  const categorySlugs = new Set(categories.map((c) => c.slug));
  categories.forEach((c, i) => {
    if (c.parent !== null && !categorySlugs.has(c.parent)) {
      throw new SeedFileError(catFile, `[${i}].parent`, `no category with slug "${c.parent}"`);
    }
  });
  const parentOf = new Map(categories.map((c) => [c.slug, c.parent]));
  categories.forEach((c, i) => {
    const seen = new Set<string>([c.slug]);
    for (let p = c.parent; p !== null; p = parentOf.get(p) ?? null) {
      if (seen.has(p))
        throw new SeedFileError(catFile, `[${i}].parent`, `the parents of "${c.slug}" form a cycle`);
      seen.add(p);
    }
  });
  masterItems.forEach((m, i) => {
    if (!categorySlugs.has(m.category)) {
      throw new SeedFileError(itemFile, `[${i}].category`, `no category with slug "${m.category}"`);
    }
  });
  const itemNames = new Set(masterItems.map((m) => m.name));
  const supplierKeys = new Set(suppliers.map((s) => s.key));
  for (const { row, file, index } of products) {
    checkProduct(row, file, index);
    if (!itemNames.has(row.masterItem)) {
      throw new SeedFileError(file, `[${index}].masterItem`, `no master item named "${row.masterItem}"`);
    }
    if (!supplierKeys.has(row.supplier)) {
      throw new SeedFileError(file, `[${index}].supplier`, `no supplier with key "${row.supplier}"`);
    }
  }
  const skus = new Set(products.map((p) => p.row.sku));
  bundles.forEach((b, i) => {
    b.items.forEach((item, j) => {
      if (!skus.has(item.sku)) {
        throw new SeedFileError(bundleFile, `[${i}].items[${j}].sku`, `no product with sku "${item.sku}"`);
      }
    });
    const inBundle = new Set<string>();
    b.items.forEach((item, j) => {
      if (inBundle.has(item.sku)) {
        throw new SeedFileError(bundleFile, `[${i}].items[${j}].sku`, `sku "${item.sku}" is listed twice`);
      }
      inBundle.add(item.sku);
    });
  });

  return {
    categories,
    suppliers,
    masterItems,
    products: products.map((p) => p.row),
    bundles,
    skillsResources,
    expertCalls,
    guidance,
  };
}
