import { isSupplyKey, supplyByKey } from '../../../domain/supplies.ts';
import type { InventoryRotations } from '../../../services/check-ins/index.ts';
import type { InventoryRow, PlanReadiness, ReadinessBasis } from '../../../services/inventory/index.ts';
import { daysItem } from '../plans/plan-page.ts';
import { PRIORITY_LABEL } from '../plans/plan-view.ts';
import { barChart, scoreColor } from '../shared/charts.ts';
import { type Html, html, humanize, jsonScript, number } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

export type InventoryPageModel = {
  plan: { id: string; title: string } | null;
  readiness: PlanReadiness | null;
  /** The plan's needs and daily rates, for the page script to recompute readiness after an offline change. */
  basis: ReadinessBasis | null;
  items: InventoryRow[];
  /** Each expiring item's pace of use, from the household's own daily consumption. */
  rotations: InventoryRotations;
  today: string;
};

/** What the page script needs of a row (client/inventory.ts's Row). */
const rowJson = (r: InventoryRow) => ({
  id: r.id,
  name: r.name,
  supplyKey: r.supplyKey,
  unitAmount: r.unitAmount,
  quantityOwned: r.quantityOwned ?? 0,
  expirationDate: r.expirationDate,
});

function needRow(n: PlanReadiness['needs'][number]): Html {
  const done = n.coverage >= 1;
  const step = n.unit === 'count' || n.unit === 'rolls' || n.unit === 'doses' ? 1 : 'any';
  return html`<tr data-key="${n.key}" class="${done ? 'owned' : ''}">
  <td data-label="Supply"><label class="check"><input type="checkbox" class="own-all" ${done ? 'checked' : ''} aria-label="I have all of: ${n.name}"> <strong>${n.name}</strong></label>
    <span class="pill p${n.priority}">${PRIORITY_LABEL[n.priority]}</span></td>
  <td data-label="Need">${number(n.needed, 2)} ${n.unit}</td>
  <td data-label="Owned" class="owned-cell"><input class="owned" type="number" inputmode="decimal" min="0" step="${step}" value="${number(n.owned, 4).replace(/,/g, '')}" aria-label="Owned ${n.unit} of ${n.name}" data-needed="${n.needed}"> <span class="unit">${n.unit}</span></td>
  <td data-label="Expires"><input class="expires" type="date" value="${n.expirationDate ?? ''}" aria-label="Expiry date of ${n.name}"></td>
  <td data-label="Covered"><span class="meter" aria-hidden="true"><span style="width:${Math.round(n.coverage * 100)}%"></span></span> <span class="coverage">${Math.round(n.coverage * 100)}%</span></td>
</tr>`;
}

/**
 * An item's row: its count, "used N" / "restocked N" and its expiry date, which work offline too (queued on
 * the device by assets/offline.js, client/inventory.ts, which renders the same row after a change).
 */
function itemRow(item: InventoryRow, today: string): Html {
  const expired = item.expirationDate !== null && item.expirationDate < today;
  const name = item.name ?? 'Item';
  const size =
    item.unitAmount !== null && Number(item.unitAmount) !== 1
      ? ` × ${number(Number(item.unitAmount), 4)}`
      : '';
  // What the plan counts it as, in words ("Shelf-stable food energy"), and the unit a bare count is in.
  const supply = item.supplyKey && isSupplyKey(item.supplyKey) ? supplyByKey(item.supplyKey) : null;
  const unit = supply && !size && supply.unit !== 'count' ? ` ${supply.unit}` : '';
  return html`<tr data-id="${item.id}" data-supply="${item.supplyKey ?? ''}" class="${expired ? 'expired' : ''}">
  <td data-label="Item"><strong>${name}</strong>${supply && supply.label.toLowerCase() !== name.toLowerCase() ? html` <span class="hint">${supply.label}</span>` : ''}</td>
  <td data-label="Count"><span class="item-count">${number(item.quantityOwned ?? 0)}</span>${unit}${size}</td>
  <td data-label="Change"><span class="item-change"><input class="change-n" type="number" inputmode="numeric" min="1" max="1000000" step="1" value="1" aria-label="How many of ${name}"><button type="button" class="button small" data-change="used">Used</button><button type="button" class="button small" data-change="restocked">Restocked</button></span></td>
  <td data-label="Expires"><input class="item-expires" type="date" value="${item.expirationDate ?? ''}" aria-label="Expiry date of ${name}">${expired ? html` <span class="pill p1">expired</span>` : ''}</td>
  <td data-label=""><button type="button" class="link item-delete">Remove</button></td>
</tr>`;
}

const PACE_BASIS: Record<InventoryRotations['basis'], string> = {
  plan: 'Paced by what your household eats and drinks a day in your plan: use the oldest first and replace it, and nothing goes to waste.',
  household:
    'Paced by what your household eats and drinks a day: use the oldest first and replace it, and nothing goes to waste.',
  default:
    'Paced at one a day until we know your household: tell the chat who lives with you for a pace that fits.',
};

/** "Keep it fresh": what to use this week and the pace for each item that expires (soonest first). */
function rotationSection({ basis, rotations }: InventoryRotations): Html {
  if (rotations.length === 0) return html``;
  const week = rotations.filter((r) => !r.expired && r.useThisWeek > 0);
  return html`<section class="card" aria-labelledby="rotation-h">
  <h2 id="rotation-h">Keep it fresh</h2>
  <p class="hint">${PACE_BASIS[basis]}</p>
  ${
    week.length > 0
      ? html`<p><strong>Use this week:</strong> ${week.map((r, i) => html`${i > 0 ? ', ' : ''}${number(r.useThisWeek)} × ${r.item.name}`)}.</p>`
      : ''
  }
  <ul class="rotation">${rotations.slice(0, 12).map((r) => html`<li class="${r.expired ? 'expired' : ''}">${r.sentence}</li>`)}</ul>
</section>`;
}

export function readinessPanel(readiness: PlanReadiness): Html {
  return html`<div class="readiness-grid">
  <div class="score-block">
    <p class="score-caption">Readiness score</p>
    <p class="score-big"><strong id="readiness-score" data-score="${readiness.score}" style="color:${scoreColor(readiness.score)}">${readiness.score}</strong><span>/100</span></p>
    <ul class="days" id="days-of-supply">${readiness.daysOfSupply.map((d) => daysItem(d))}</ul>
  </div>
  <div id="readiness-chart">${barChart({
    id: 'readiness-by-category',
    title: 'Readiness by category (0–100)',
    max: 100,
    bars: readiness.byCategory.map((c) => ({
      label: humanize(c.category),
      value: c.score,
      display: `${c.score}`,
    })),
    color: (b) => scoreColor(b.value),
  })}</div>
</div>`;
}

export function inventoryPage(visitor: Visitor, model: InventoryPageModel): Html {
  const { plan, readiness } = model;
  return layout({
    title: 'Inventory',
    visitor,
    section: 'inventory',
    bodyClass: 'inventory',
    scripts: ['/assets/inventory.js'],
    body: html`<h1>What you own</h1>
${model.items.length > 0 ? html`<p class="jump"><a href="#items-h">Record what you used or bought</a></p>` : ''}
${jsonScript('inventory-context', {
  planId: plan?.id ?? null,
  basis: plan && readiness ? model.basis : null,
  rows: model.items.map(rowJson),
  today: model.today,
})}
${
  plan && readiness
    ? html`<section class="card" aria-labelledby="ready-h" aria-live="polite">
  <h2 id="ready-h">Readiness for <a href="/plans/${plan.id}">${plan.title}</a></h2>
  <div id="readiness-panel">${readinessPanel(readiness)}</div>
</section>
<section class="card" aria-labelledby="needs-h">
  <h2 id="needs-h">Your plan's needs</h2>
  <p class="hint">Tick what you have in full, or type how much you own; it saves at once.</p>
  <p class="status" id="save-status" role="status" aria-live="polite"></p>
  <div class="table-wrap"><table class="data stack" id="needs-table">
    <thead><tr><th scope="col">Supply</th><th scope="col">Need</th><th scope="col">Owned</th><th scope="col">Expires</th><th scope="col">Covered</th></tr></thead>
    <tbody>${readiness.needs.map(needRow)}</tbody>
  </table></div>
</section>`
    : html`<section class="card"><p>No saved plan yet, so there is nothing to measure against. <a href="/chat">Ask for a plan</a> first — it takes one message.</p></section>`
}
${rotationSection(model.rotations)}
<section class="card" aria-labelledby="items-h">
  <h2 id="items-h">All items</h2>
  <p class="hint">Used some, or bought more? Say how many and press Used or Restocked. This works offline too: the change waits on this device and is sent when the network is back.</p>
  <p class="status" id="sync-status" role="status" aria-live="polite"></p>
  <div class="table-wrap"><table class="data stack" id="items-table">
    <thead><tr><th scope="col">Item</th><th scope="col">Count</th><th scope="col">Change</th><th scope="col">Expires</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
    <tbody>${model.items.map((i) => itemRow(i, model.today))}</tbody>
  </table></div>
  <details class="add-item"><summary>Add an item</summary>
    <form id="add-item-form" class="stack-form">
      <label for="new-name">Name</label><input id="new-name" name="name" required maxlength="200">
      <label for="new-qty">Count</label><input id="new-qty" name="quantityOwned" type="number" min="0" step="1" value="1">
      <label for="new-expires">Expires</label><input id="new-expires" name="expirationDate" type="date">
      <button class="button" type="submit">Add</button>
      <p class="field-error" id="add-error" role="alert"></p>
    </form>
  </details>
</section>`,
  });
}

export function inventoryUpgradePage(visitor: Visitor, tier: string): Html {
  return layout({
    title: 'Inventory',
    visitor,
    section: 'inventory',
    body: html`<h1>What you own</h1>
<section class="card" id="upgrade">
  <h2>Inventory tracking is part of Basic</h2>
  <p>This account is on ${tier}. With Basic you tick off what you own, record quantities and expiry dates, and your readiness score and days of supply update at once.</p>
  <p><a class="button primary" href="/pricing">See plans</a></p>
</section>`,
  });
}
