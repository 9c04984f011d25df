import type { analyticsReport } from '../../../services/analytics/index.ts';
import { type Html, html, money, number } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

type Report = Awaited<ReturnType<typeof analyticsReport>>;
type Alert = {
  id: string;
  kind: string;
  severity: string;
  subject: string;
  detail: Record<string, unknown>;
  createdAt: Date;
  resolvedAt: Date | null;
};
type ApiLog = { method: string; path: string; status: number; durationMs: number; createdAt: Date };

const table = (head: string[], rows: Html[]) =>
  rows.length === 0
    ? html`<p>Nothing yet.</p>`
    : html`<div class="table-wrap"><table class="data"><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
const pct = (v: number | null) => (v === null ? '—' : `${number(v, 2)}%`);

/** The admin page: the source document's analytics, then security alerts and the API request log. */
export function adminPage(
  visitor: Visitor,
  state: { report: Report; alerts: Alert[]; apiLogs: ApiLog[] },
): Html {
  const r = state.report;
  return layout({
    title: 'Admin',
    visitor,
    section: 'account',
    body: html`<h1>Admin</h1>
<h2>Bundle funnel</h2>
${table(
  ['Bundle', 'Shown to', 'Clicked', 'Bought', 'CTR', 'Conversion', 'Revenue'],
  r.bundleFunnel.map(
    (f) =>
      html`<tr><td>${f.name}</td><td>${f.impressions}</td><td>${f.clickers}</td><td>${f.purchasers}</td><td>${pct(f.ctrPct)}</td><td>${pct(f.cvrPct)}</td><td>${money(f.revenue)}</td></tr>`,
  ),
)}
<h2>Bundle revenue</h2>
${table(
  ['Bundle', 'Orders', 'Revenue'],
  r.bundleRevenue.map(
    (b) =>
      html`<tr><td>${b.bundleName ?? b.bundleId}</td><td>${b.orderCount}</td><td>${money(b.totalRevenue)}</td></tr>`,
  ),
)}
<h2>Click-through per bundle</h2>
${table(
  ['Bundle', 'Shown to', 'Clicks', 'CTR'],
  r.bundleCtr.map(
    (b) =>
      html`<tr><td>${b.bundleName}</td><td>${b.impressions}</td><td>${b.clicks}</td><td>${b.ctr === null ? '—' : number(b.ctr, 2)}</td></tr>`,
  ),
)}
<h2>Most-substituted products</h2>
${table(
  ['Product', 'Substitutions'],
  r.mostSubstitutedProducts.map(
    (p) => html`<tr><td>${p.originalProduct ?? p.productId}</td><td>${p.substitutionCount}</td></tr>`,
  ),
)}
<h2>Customization impact</h2>
${table(
  ['Products', 'Clicks', 'Checkout share'],
  r.customizationImpact.map(
    (c) =>
      html`<tr><td>${c.isOriginal ? 'Bundle defaults' : 'Substituted'}</td><td>${c.clicks}</td><td>${number(c.conversionRate * 100, 1)}%</td></tr>`,
  ),
)}
<h2>Activity, last 30 days</h2>
${table(
  ['Type', 'Count'],
  r.activityLast30Days.map((a) => html`<tr><td>${a.type}</td><td>${a.n}</td></tr>`),
)}
<h2>Security alerts</h2>
${table(
  ['When', 'Kind', 'Severity', 'Subject', 'Count', ''],
  state.alerts.map(
    (
      a,
    ) => html`<tr><td>${a.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</td><td>${a.kind}</td><td>${a.severity}</td><td><code>${a.subject}</code></td><td>${String(a.detail.count ?? 1)}</td>
<td>${a.resolvedAt ? 'resolved' : html`<form method="post" action="/admin/alerts/${a.id}/resolve" class="inline"><input type="hidden" name="_csrf" value="${visitor.csrfToken}"><button class="link" type="submit">Resolve</button></form>`}</td></tr>`,
  ),
)}
<h2>API requests</h2>
${table(
  ['When', 'Request', 'Status', 'ms'],
  state.apiLogs.map(
    (l) =>
      html`<tr><td>${l.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td><td>${l.method} ${l.path}</td><td>${l.status}</td><td>${l.durationMs}</td></tr>`,
  ),
)}`,
  });
}

type Key = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The person's API keys; a key just made is shown once, here. */
export function apiKeysPage(
  visitor: Visitor,
  state: { keys: Key[]; created: { name: string; key: string } | null },
): Html {
  return layout({
    title: 'API keys',
    visitor,
    section: 'account',
    body: html`<h1>API keys</h1>
<p>Keys let your own scripts call the ReadyPlan API (<code>Authorization: Bearer rp_…</code>) as you.</p>
${
  state.created
    ? html`<div class="notice" role="status"><p>Your new key “${state.created.name}”. Copy it now: it is not shown again.</p><p><code>${state.created.key}</code></p></div>`
    : ''
}
<form method="post" action="/account/api-keys"><input type="hidden" name="_csrf" value="${visitor.csrfToken}">
<label>Name <input name="name" required maxlength="60"></label> <button class="button" type="submit">Create key</button></form>
${table(
  ['Name', 'Key', 'Created', 'Last used', ''],
  state.keys.map(
    (
      k,
    ) => html`<tr><td>${k.name}</td><td><code>${k.prefix}…</code></td><td>${k.createdAt.toISOString().slice(0, 10)}</td><td>${k.lastUsedAt ? k.lastUsedAt.toISOString().slice(0, 10) : '—'}</td>
<td>${k.revokedAt ? 'revoked' : html`<form method="post" action="/account/api-keys/${k.id}/revoke" class="inline"><input type="hidden" name="_csrf" value="${visitor.csrfToken}"><button class="link" type="submit">Revoke</button></form>`}</td></tr>`,
  ),
)}`,
  });
}
