import type {
  ImportSummary,
  listBundles,
  listProducts,
  listQueue,
} from '../../../services/catalog-import/index.ts';
import { type Html, html, money, safeUrl } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

type State = {
  queue: Awaited<ReturnType<typeof listQueue>>;
  products: Awaited<ReturnType<typeof listProducts>>;
  bundles: Awaited<ReturnType<typeof listBundles>>;
  q: string;
};

const csrfField = (v: Visitor) => html`<input type="hidden" name="_csrf" value="${v.csrfToken}">`;
const fitText = (fit: unknown) => {
  const f = (fit ?? {}) as { fit?: Record<string, unknown>; covers?: { supply: string; amount: number }[] };
  const parts = Object.entries(f.fit ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  for (const c of f.covers ?? []) parts.push(`covers ${c.amount} ${c.supply}`);
  return parts.join('; ') || '—';
};

/** The review queue (accept into a candidate, reject with a reason), feed upload, products (retire) and bundles. */
export function catalogAdminPage(visitor: Visitor, state: State): Html {
  return layout({
    title: 'Catalog',
    visitor,
    section: 'account',
    body: html`<h1>Catalog</h1>
<p>Fit proposed from a listing's words is not planned with until confirmed (API: PATCH /api/admin/catalog/products/:id with confirmFit).</p>
<h2>Waiting for review (${state.queue.length})</h2>
${
  state.queue.length === 0
    ? html`<p>Nothing waiting.</p>`
    : html`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">Listing</th><th scope="col">Candidates</th><th scope="col">Proposed fit</th><th scope="col">Decide</th></tr></thead><tbody>${state.queue.map(
        (l) => html`<tr>
<td>${l.url ? html`<a href="${safeUrl(l.url)}" rel="noopener noreferrer nofollow" target="_blank">${l.name}</a>` : l.name}<br><small>${l.brand ?? ''} · ${l.seller ?? ''} · ${l.feed ?? ''}${l.nearDuplicateOf ? ' · may duplicate an existing product' : ''}</small></td>
<td>${(l.candidates ?? []).map((c) => html`${c.name} <small>(${c.score.toFixed(2)}, ${c.via})</small><br>`)}</td>
<td><small>${fitText(l.proposedFit)}</small></td>
<td><form method="post" action="/admin/catalog/queue/${l.id}/accept">${csrfField(visitor)}<select name="masterItemId" aria-label="Master item">${(l.candidates ?? []).map((c) => html`<option value="${c.masterItemId}">${c.name}</option>`)}</select> <button type="submit">Accept</button></form>
<form method="post" action="/admin/catalog/queue/${l.id}/reject">${csrfField(visitor)}<input name="reason" aria-label="Reason" placeholder="reason" required minlength="3"> <button type="submit">Reject</button></form></td>
</tr>`,
      )}</tbody></table></div>`
}
<h2>Upload a feed</h2>
<form method="post" action="/admin/catalog/upload">${csrfField(visitor)}
<label>Feed name <input name="feed" value="admin-upload"></label>
<label>Format <select name="format"><option value="csv">CSV</option><option value="json">JSON</option></select></label>
<label>Rows (name, brand, price, currency, url, asin, gtin/upc, description, pack_size, seller, observed_at, in_stock)<br><textarea name="text" rows="6" cols="80" required></textarea></label>
<button type="submit">Import</button></form>
<h2>Products</h2>
<form method="get" action="/admin/catalog"><input name="q" value="${state.q}" aria-label="Search products"> <button type="submit">Search</button></form>
<div class="table-wrap"><table class="data"><thead><tr><th scope="col">Product</th><th scope="col">Master item</th><th scope="col">Price</th><th scope="col">Fit</th><th scope="col">Retire</th></tr></thead><tbody>${state.products.map(
      (
        p,
      ) => html`<tr><td>${p.name}<br><small>${p.sku ?? p.id}</small></td><td>${p.masterItem ?? '—'}</td><td>${p.price === null ? '—' : money(Number(p.price))}</td><td>${p.fitStatus}</td>
<td>${p.retiredAt ? 'retired' : html`<form method="post" action="/admin/catalog/products/${p.id}/retire">${csrfField(visitor)}<input name="reason" aria-label="Reason" placeholder="reason" required minlength="3"> <button type="submit">Retire</button></form>`}</td></tr>`,
    )}</tbody></table></div>
<h2>Bundles</h2>
${state.bundles.map(
  (b) =>
    html`<details><summary>${b.name}</summary><ul>${b.items.map((i) => html`<li>${i.quantity} × ${i.product}${i.optional ? ' (optional)' : ''}${i.retired ? ' — retired' : ''}</li>`)}</ul><small>Edit: PATCH /api/admin/catalog/bundles/${b.id}</small></details>`,
)}`,
  });
}

/** What an upload did, rows refused with their line and field. */
export function importResultPage(visitor: Visitor, summary: ImportSummary): Html {
  return layout({
    title: 'Feed imported',
    visitor,
    section: 'account',
    body: html`<h1>Feed imported</h1>
<p>${summary.rows} rows: ${summary.listings.new} new listings, ${summary.listings.changed} changed, ${summary.listings.unchanged} unchanged, ${summary.duplicates} repeated; ${summary.offers.added} new offers; ${summary.matched.merged} merged into products, ${summary.matched.waiting} waiting for review.</p>
${summary.problems.length === 0 ? html`<p>Every row was good.</p>` : html`<h2>Rows refused</h2><ul>${summary.problems.map((p) => html`<li>Line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}</li>`)}</ul>`}
<p><a href="/admin/catalog">Back to the catalog</a></p>`,
  });
}
