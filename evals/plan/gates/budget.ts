import { fmt } from '../derive.ts';
import { failIf, type Gate } from './types.ts';

const cents = (n: number) => Math.round(n * 100);

export const budgetGates: Gate[] = [
  {
    id: 'budget.sum-and-limit',
    type: 'budget',
    run: ({ plan }) => {
      const problems: string[] = [];
      const sum = plan.items.reduce((s, i) => s + i.lineTotal, 0);
      // plan-cli.md: "budget.spent is the sum of items[].lineTotal and never exceeds budget.limit".
      if (Math.abs(cents(sum) - cents(plan.budget.spent)) > 1)
        problems.push(`spent $${fmt(plan.budget.spent, 2)} but lines sum to $${fmt(sum, 2)}`);
      if (cents(plan.budget.spent) > cents(plan.budget.limit))
        problems.push(`spent $${fmt(plan.budget.spent, 2)} over the $${fmt(plan.budget.limit, 2)} limit`);
      for (const i of plan.items)
        if (Math.abs(cents(i.quantity * i.unitPrice) - cents(i.lineTotal)) > 1)
          problems.push(`${i.name}: ${i.quantity} × $${i.unitPrice} ≠ $${i.lineTotal}`);
      return failIf(problems, `$${fmt(plan.budget.spent, 2)} of $${fmt(plan.budget.limit, 2)}`);
    },
  },
];

export const catalogGates = [
  {
    id: 'catalog.membership',
    type: 'catalog',
    run: ({ plan, catalog }) => {
      const problems: string[] = [];
      const all = [...plan.items, ...(plan.purchaseSchedule ?? []).flatMap((m) => m.items)];
      for (const i of all) {
        const p = catalog.byId.get(i.productId);
        if (!p) problems.push(`${i.name}: productId ${i.productId} is not in the catalog`);
        else if (Math.abs(cents(p.price) - cents(i.unitPrice)) > 1)
          problems.push(`${i.name}: priced $${i.unitPrice}, the catalog says $${p.price}`);
      }
      return failIf([...new Set(problems)]);
    },
  },
  {
    id: 'catalog.links',
    type: 'catalog',
    run: ({ plan }) => {
      // Issue 9: "links go to a product page or the store's search for that product", not a store's home page.
      const bad = plan.items.filter((i) => {
        const url = (i as { productUrl?: string | null }).productUrl;
        if (!url) return false;
        try {
          const u = new URL(url);
          return (u.pathname === '/' || u.pathname === '') && u.search === '';
        } catch {
          return true;
        }
      });
      return failIf(
        bad.map((i) => `${i.name} links to ${(i as { productUrl?: string }).productUrl}, a home page`),
      );
    },
  },
] satisfies Gate[];
