import type { GeneratedKit, KitItem } from '../generated-kit.ts';
import type { OptimizeResult } from '../optimizer/index.ts';
import { supplyByKey } from '../supplies.ts';
import { scaleProvisions } from './needs-report.ts';
import type { ProductInfo } from './product-info.ts';
import { supplyOfModelKey } from './virtual-needs.ts';

// The plan's purchase lines: the optimizer's items, bundles opened into their parts, and what was left out.

export const cents = (n: number) => Math.round(n * 100);

export function kitItems(
  optimizer: Pick<OptimizeResult, 'items'>,
  products: ReadonlyMap<string, ProductInfo>,
): KitItem[] {
  return optimizer.items.flatMap((item): KitItem[] => {
    const info = products.get(item.productId);
    if (item.bundleId && info?.parts?.length) {
      // A bundle is priced as the sum of its parts, so its lines add up to what the optimizer spent.
      return info.parts.map((part) => ({
        productId: part.productId,
        name: part.name,
        quantity: part.quantity * item.quantity,
        unitPrice: part.unitPrice,
        lineTotal: cents(part.unitPrice * part.quantity * item.quantity) / 100,
        covers: item.covers,
        bundleId: item.bundleId ?? null,
        productUrl: part.productUrl,
        category: 'bundle',
        provides: scaleProvisions(
          products.get(part.productId)?.provides ?? [],
          part.quantity * item.quantity,
        ),
        priceObservedAt: products.get(part.productId)?.priceObservedAt ?? null,
      }));
    }
    return [
      {
        productId: item.productId,
        name: item.name,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
        lineTotal: item.lineTotal,
        covers: item.covers,
        bundleId: item.bundleId ?? null,
        productUrl: info?.productUrl ?? null,
        ...(info?.category ? { category: info.category } : {}),
        provides: scaleProvisions(info?.provides ?? [], item.quantity),
        priceObservedAt: info?.priceObservedAt ?? null,
      },
    ];
  });
}

/** The optimizer's left-out list in supply terms: the shaping keys (food groups, pet species) fold back. */
export function leftOutOf(leftOut: OptimizeResult['leftOut']): GeneratedKit['budget']['leftOut'] {
  const out = new Map<string, string>();
  for (const l of leftOut) {
    const key = supplyOfModelKey(l.key);
    if (key === null || out.has(key)) continue;
    const species = l.key.startsWith('pet-food:') ? ` (${l.key.slice('pet-food:'.length)})` : '';
    out.set(key, `${supplyByKey(key)?.label ?? key}${species}: ${l.reason}`);
  }
  return [...out].map(([key, reason]) => ({ key, reason }));
}
