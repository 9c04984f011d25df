import { type Request, Router } from 'express';
import { z } from 'zod';
import { productSearchSchema, type SearchDb, searchProducts } from '../../../services/catalog/search.ts';
import type { Embedder } from '../../../services/embeddings/embedder.ts';
import { badInput } from '../../../services/errors.ts';
import { parseInput } from '../../../services/validation.ts';

export type ProductsRouteDeps = { db: SearchDb; embedder: Embedder };

const number = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, `must be ${what}`)
    .transform(Number);

/** Query-string parameters of GET /api/products/search: all strings on the wire, typed here. */
const querySchema = z.strictObject({
  q: z.string(),
  limit: number('a whole number from 1 to 50')
    .pipe(z.number().int('must be a whole number from 1 to 50'))
    .optional(),
  category: z.string().optional(),
  categorySlug: z.string().optional(),
  scenario: productSearchSchema.shape.scenario,
  climate: productSearchSchema.shape.climate,
  maxPrice: number('a price in dollars such as 49.99').optional(),
  status: productSearchSchema.shape.status,
  inStock: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
});

function parseQuery(req: Request) {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(req.query)) {
    if (Array.isArray(value)) throw badInput(`${key} must be given once`, key);
    if (typeof value !== 'string') throw badInput(`${key} must be a plain value`, key);
    raw[key] = value;
  }
  if (raw.q === undefined) throw badInput('q is required: what to search for', 'q');
  const { category, categorySlug, ...rest } = parseInput(querySchema, raw, 'query');
  if (category && categorySlug && category !== categorySlug) {
    throw badInput('category and categorySlug disagree; give one', 'category');
  }
  return { ...rest, categorySlug: categorySlug ?? category };
}

/**
 * GET /api/products/search?q=…&limit=…[&category=…&scenario=…&climate=…&maxPrice=…&status=verified&inStock=true]
 * → { results: [{ productId, name, masterItem, category, price, … }] }, best first. Bad parameters answer 400
 * with { error, field } through the app's error handler.
 */
export function productsRouter(deps: ProductsRouteDeps): Router {
  const router = Router();
  router.get('/api/products/search', async (req, res) => {
    const input = parseQuery(req);
    const results = await searchProducts(deps.db, deps.embedder, input);
    res.json({
      results: results.map((r) => ({
        productId: r.productId,
        name: r.name,
        masterItem: r.masterItem,
        category: r.category,
        price: r.price,
        sku: r.sku,
        categorySlug: r.categorySlug,
        supplyKey: r.supplyKey,
        supplier: r.supplier,
        type: r.type,
        status: r.status,
        productUrl: r.productUrl,
        imageUrl: r.imageUrl,
        scenarios: r.scenarios,
        metadata: r.metadata,
        score: r.score,
        why: r.why,
      })),
    });
  });
  return router;
}
