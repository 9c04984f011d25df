import { z } from 'zod';
import data from './data/supplies.json' with { type: 'json' };

/**
 * The shared supply vocabulary (data/supplies.json): needs are stated only in these keys and
 * units so the catalog and the optimizer can match products to them.
 */
const SupplySchema = z.object({
  key: z.string(),
  category: z.string(),
  unit: z.string(),
  label: z.string(),
});
export type Supply = z.infer<typeof SupplySchema>;

export const SUPPLIES: readonly Supply[] = z.array(SupplySchema).parse(data.supplies);
const byKey = new Map(SUPPLIES.map((s) => [s.key, s]));

export function isSupplyKey(key: string): boolean {
  return byKey.has(key);
}

export function supplyByKey(key: string): Supply {
  const supply = byKey.get(key);
  if (!supply) throw new Error(`unknown supply key ${key}`);
  return supply;
}
