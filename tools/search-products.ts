import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { searchProducts } from '../src/services/catalog/search.ts';
import { attempt, type ToolContext } from './context.ts';
import { scenarioInput } from './household-input.ts';

/** Semantic and tag search over the product catalog. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const searchProductsInput = zodSchema(
  z.object({
    query: z.string().trim().min(1).max(300).describe('What to look for, in plain words'),
    scenario: scenarioInput.optional().describe('Only products tagged for this hazard'),
    maxPrice: z.number().nonnegative().optional().describe('Highest price per product, US dollars'),
    limit: z.number().int().min(1).max(10).optional().describe('How many results (default 5)'),
  }),
);

export function searchProductsTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Searches the product catalog by meaning and tags ("water filter for a family", "72 hour ' +
      'food"). Returns real catalog products with prices; never invent products.',
    inputSchema: searchProductsInput,
    execute: ({ query, scenario, maxPrice, limit }) =>
      attempt(async () => {
        const results = await searchProducts(ctx.db, ctx.embedder, {
          q: query,
          limit: limit ?? 5,
          ...(scenario ? { scenario } : {}),
          ...(maxPrice !== undefined ? { maxPrice } : {}),
        });
        return {
          results: results.map((r) => ({
            productId: r.productId,
            name: r.name,
            masterItem: r.masterItem,
            category: r.category,
            supplyKey: r.supplyKey,
            price: r.price,
            url: r.productUrl,
          })),
        };
      }),
  });
}
