import type { KitItem, SupplyItem } from '../../../domain/generated-kit.ts';
import { type Html, html, humanize, money, number, safeUrl } from '../shared/html.ts';
import { daysText, type PlanView, PRIORITY_LABEL } from './plan-view.ts';

/**
 * The parts of the plan page for someone in a hurry: what to do first, a section menu that stays on
 * screen, and the two long lists (what to buy, supplies) folded into one group per category.
 */

/** The category a purchase serves: that of the first need it covers (as the spend chart counts it). */
function itemCategory(view: PlanView, item: KitItem): string {
  const categoryOf = new Map(view.kit.supplies.filter((s) => s.key).map((s) => [s.key!, s.category]));
  return item.covers.map((k) => categoryOf.get(k)).find(Boolean) ?? item.category ?? 'other';
}

function itemPriority(view: PlanView, item: KitItem): 1 | 2 | 3 {
  const priorities = view.kit.supplies
    .filter((s) => s.key && item.covers.includes(s.key))
    .map((s) => s.priority);
  return (priorities.length ? Math.min(...priorities) : 3) as 1 | 2 | 3;
}

/** The next three purchases: most urgent need first, leaving out what the inventory already covers. */
export function nextPurchases(view: PlanView, count = 3): KitItem[] {
  const stillNeeded = (item: KitItem) =>
    item.covers.length === 0 || item.covers.some((k) => (view.needCoverage.get(k) ?? 0) < 1);
  return view.kit.items
    .map((item, index) => ({ item, index, priority: itemPriority(view, item) }))
    .filter((x) => stillNeeded(x.item))
    .sort((a, b) => a.priority - b.priority || a.index - b.index)
    .slice(0, count)
    .map((x) => x.item);
}

/** The biggest gap: the critical supply with the fewest days stored, as a sentence. */
export function biggestGap(view: PlanView): string | null {
  const short = view.daysOfSupply
    .filter((d) => d.targetDays > 0 && d.days < d.targetDays)
    .sort((a, b) => a.days / a.targetDays - b.days / b.targetDays);
  const d = short[0];
  if (d)
    return `${daysText(d).replace(/^./, (c) => c.toUpperCase())} stored (${number(d.have)} of ${number(d.need)} ${d.unit}).`;
  const least = view.kit.budget.leastCoveredCritical;
  if (least)
    return `${least.name}: ${number(least.provided)} of ${number(least.needed)} ${least.unit} after these purchases.`;
  return null;
}

/** The needs a purchase covers, by name; internal sub-keys ("food-kcal:72h") are not names and are left out. */
const coverNames = (view: PlanView, item: KitItem) =>
  [...new Set(item.covers.filter((k) => !k.includes(':')).map((k) => view.supplyName(k)))].join(', ');

const itemLink = (i: KitItem) =>
  i.productUrl
    ? html`<a href="${safeUrl(i.productUrl)}" target="_blank" rel="noopener noreferrer nofollow">${i.name}</a>`
    : i.name;

export function firstStepsSection(view: PlanView): Html {
  const buys = nextPurchases(view);
  const gap = biggestGap(view);
  return html`<section class="card first-steps" id="do-first" aria-labelledby="do-first-h">
  <h2 id="do-first-h">Do this first</h2>
  ${
    buys.length
      ? html`<ol class="first-buys">${buys.map(
          (
            i,
          ) => html`<li><span class="buy">${itemLink(i)}</span> <span class="buy-qty">× ${i.quantity} · ${money(i.lineTotal)}</span>
      <span class="hint">for ${coverNames(view, i) || humanize(itemCategory(view, i))}</span></li>`,
        )}</ol>`
      : html`<p>Nothing left to buy in this plan.</p>`
  }
  <p class="gap" id="biggest-gap"><strong>Biggest gap:</strong> ${gap ?? 'none — every critical supply is stored for the whole plan.'}</p>
</section>`;
}

export type SectionLink = { id: string; label: string };

/** The section menu: sticky at the top of the window, one row that scrolls sideways on a phone. */
export function sectionNav(links: SectionLink[]): Html {
  return html`<nav class="plan-nav no-print" aria-label="Plan sections"><ul>${links.map(
    (l) => html`<li><a href="#${l.id}">${l.label}</a></li>`,
  )}</ul></nav>`;
}

function groupBy<T>(rows: T[], key: (row: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups];
}

const priorityCounts = (priorities: number[]) =>
  ([1, 2, 3] as const)
    .map((p) => ({ p, n: priorities.filter((x) => x === p).length }))
    .filter((c) => c.n > 0)
    .map((c) => `${c.n} ${PRIORITY_LABEL[c.p].toLowerCase()}`)
    .join(' · ');

export function itemsSection(view: PlanView): Html {
  const { items } = view.kit;
  const groups = groupBy(
    items.map((item) => ({ item, category: itemCategory(view, item), priority: itemPriority(view, item) })),
    (x) => x.category,
  ).sort(
    (a, b) =>
      Math.min(...a[1].map((x) => x.priority)) - Math.min(...b[1].map((x) => x.priority)) ||
      a[0].localeCompare(b[0]),
  );
  return html`<section class="card" id="buy" aria-labelledby="items-h">
  <h2 id="items-h">What to buy (${items.length})</h2>
  ${
    items.length === 0
      ? html`<p>No purchases in this plan${view.kit.budget.limit === 0 ? ' (budget $0: needs only)' : ''}.</p>`
      : html`<div id="items-table" class="groups">${groups.map(
          ([category, rows]) => html`<details class="group" data-category="${category}">
    <summary><span class="group-name">${humanize(category)}</span> <span class="group-meta">${rows.length} ${rows.length === 1 ? 'item' : 'items'} · ${money(rows.reduce((s, r) => s + r.item.lineTotal, 0))}</span></summary>
    <table class="data stack items"><thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Each</th><th scope="col">Total</th><th scope="col">Covers</th></tr></thead>
    <tbody>${rows.map(
      ({ item: i }) => html`<tr>
      <td data-label="Item">${itemLink(i)}${i.bundleId ? html` <span class="pill">bundle</span>` : ''}</td>
      <td data-label="Qty">${i.quantity}</td>
      <td data-label="Each">${money(i.unitPrice)}${i.priceObservedAt ? html`<br><small class="price-seen">price as of ${i.priceObservedAt}</small>` : ''}</td>
      <td data-label="Total">${money(i.lineTotal)}</td>
      <td data-label="Covers">${coverNames(view, i)}</td>
    </tr>`,
    )}</tbody></table>
  </details>`,
        )}</div>
  <p class="total">Total <strong>${money(view.kit.budget.spent)}</strong> of ${money(view.kit.budget.limit)}</p>`
  }
  ${
    view.kit.purchaseSchedule?.length
      ? html`<details><summary>Month by month (${view.kit.purchaseSchedule.length})</summary><ol>${view.kit.purchaseSchedule.map(
          (m) =>
            html`<li>Month ${m.month}: ${money(m.spent)} — ${m.items.map((i) => `${i.name} × ${i.quantity}`).join(', ')} (coverage ${Math.round(m.cumulativeCoverage * 100)}%)</li>`,
        )}</ol></details>`
      : ''
  }
</section>`;
}

export function suppliesSection(view: PlanView): Html {
  const byPriority = (a: SupplyItem, b: SupplyItem) =>
    a.priority - b.priority || a.name.localeCompare(b.name);
  const groups = groupBy([...view.kit.supplies].sort(byPriority), (s) => s.category).sort(
    (a, b) => a[1][0]!.priority - b[1][0]!.priority || a[0].localeCompare(b[0]),
  );
  return html`<section class="card" id="supplies" aria-labelledby="supplies-h">
  <h2 id="supplies-h">Supplies (${view.kit.supplies.length})</h2>
  <div class="groups" id="supplies-table">${groups.map(
    ([category, rows]) => html`<details class="group" data-category="${category}">
    <summary><span class="group-name">${humanize(category)}</span> <span class="group-meta">${priorityCounts(rows.map((r) => r.priority))}</span></summary>
    <table class="data stack supplies"><thead><tr><th scope="col">Supply</th><th scope="col">Quantity</th><th scope="col">Priority</th><th scope="col">Why</th></tr></thead>
    <tbody>${rows.map(
      (s) => html`<tr data-key="${s.key ?? ''}">
      <td data-label="Supply"><strong>${s.name}</strong></td>
      <td data-label="Quantity">${number(s.quantity, 2)} ${s.unit}</td>
      <td data-label="Priority"><span class="pill p${s.priority}">${PRIORITY_LABEL[s.priority]}</span></td>
      <td data-label="Why">${s.reason}</td>
    </tr>`,
    )}</tbody></table>
  </details>`,
  )}</div>
</section>`;
}
