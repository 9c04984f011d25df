import type { TierStatus } from '../../../services/tiers/tiers.ts';
import { TIER_ENTITLEMENTS, TIER_NAMES, TIERS } from '../../../services/tiers/tiers.ts';
import { type Html, html, money } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

type Tier = (typeof TIERS)[number];

const FEATURE_ROWS: [string, (t: Tier) => string][] = [
  ['Saved plans', (t) => (TIER_ENTITLEMENTS[t].savedPlans === 1 ? '1 (a new one replaces it)' : 'Unlimited')],
  ['Inventory tracking', (t) => (TIER_ENTITLEMENTS[t].inventoryTracking ? '✓' : '—')],
  ['Expiry check-ins', (t) => (TIER_ENTITLEMENTS[t].expiryCheckins ? '✓' : '—')],
  ['Founder group calls', (t) => (TIER_ENTITLEMENTS[t].founderGroupCalls ? '✓' : '—')],
  ['Expert calls and recordings', (t) => (TIER_ENTITLEMENTS[t].expertCalls ? '✓' : '—')],
  [
    '1-on-1 calls',
    (t) => {
      const n = TIER_ENTITLEMENTS[t].oneOnOneCallsPerQuarter;
      return n > 0 ? `${n} per quarter` : '—';
    },
  ],
  ['Messages to the assistant', (t) => `${TIER_ENTITLEMENTS[t].messagesPerDay} a day`],
];

function tierTable(): Html {
  return html`<div class="table-wrap"><table class="data">
  <thead><tr><th scope="col">Feature</th>${TIERS.map((t) => html`<th scope="col">${TIER_NAMES[t]}</th>`)}</tr></thead>
  <tbody>${FEATURE_ROWS.map(([label, value]) => html`<tr><th scope="row">${label}</th>${TIERS.map((t) => html`<td>${value(t)}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

type Offer = {
  tier: 'BASIC' | 'PRO';
  interval: 'month' | 'year';
  price: { amount: number; currency: string } | null;
};

function checkoutForm(visitor: Visitor, offer: Offer): Html {
  const { tier, interval, price } = offer;
  const cost = price
    ? `${price.currency === 'USD' ? money(price.amount) : `${price.amount.toFixed(2)} ${price.currency}`} a ${interval}`
    : interval === 'month'
      ? 'monthly'
      : 'yearly';
  return html`<form method="post" action="/billing/checkout" class="inline">
  <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
  <input type="hidden" name="tier" value="${tier}"><input type="hidden" name="interval" value="${interval}">
  <button class="button ${tier === 'PRO' ? 'primary' : ''}" type="submit">${TIER_NAMES[tier]} · ${cost}</button>
</form>`;
}

/**
 * The pricing page. Billing off (no Stripe configured): a self-hosted server, where every account already
 * has every feature, says so instead of offering upgrades.
 */
export function pricingPage(
  visitor: Visitor,
  state: {
    billing: boolean;
    status: TierStatus | null;
    offered: Offer[];
  },
): Html {
  let action: Html;
  if (!state.billing) {
    action = html`<p class="notice" role="status">This ReadyPlan server is self-hosted and billing is off:
every account has every feature of the ${TIER_NAMES.PRO} plan, with nothing to pay.</p>`;
  } else if (!visitor.user) {
    action = html`<p><a class="button primary" href="/signup">Create a free account</a> to upgrade.</p>`;
  } else if (state.status && state.status.tier !== 'FREE') {
    action = html`<p>You're on <strong>${TIER_NAMES[state.status.tier]}</strong>.
<a href="/billing">Manage your subscription</a>.</p>`;
  } else {
    action = html`<p>Upgrade with secure Stripe Checkout:</p>
<div class="actions">${state.offered.map((o) => checkoutForm(visitor, o))}</div>`;
  }
  return layout({
    title: 'Plans and pricing',
    visitor,
    section: 'pricing',
    body: html`<h1>Plans</h1>${tierTable()}${action}`,
  });
}

export type HistoryRow = {
  description: string;
  amount: number;
  currency: string | null;
  status: string;
  date: Date;
  invoicePdfUrl: string | null;
  type: string;
};

export function billingPage(
  visitor: Visitor,
  state: { status: TierStatus; history: HistoryRow[]; notice: string | null },
): Html {
  const { status } = state;
  const summary =
    status.billing === 'self-hosted'
      ? html`<p>This server is self-hosted and billing is off: your account has every feature.</p>`
      : html`<p>Plan: <strong>${TIER_NAMES[status.tier]}</strong>${
          status.subscribedTier !== 'FREE'
            ? html` (${status.status}${status.periodEnd ? html`, current period ends ${status.periodEnd.toISOString().slice(0, 10)}` : ''})`
            : ''
        }</p>
<div class="actions">
  <a class="button" href="/pricing">Compare plans</a>
  <form method="post" action="/billing/portal" class="inline"><input type="hidden" name="_csrf" value="${visitor.csrfToken}"><button class="button" type="submit">Manage subscription</button></form>
</div>`;
  const rows = state.history.map(
    (r) => html`<tr><td>${r.date.toISOString().slice(0, 10)}</td><td>${r.description}</td>
<td>${r.type === 'SUBSCRIPTION_REFUND' ? '−' : ''}${money(r.amount)}${r.currency && r.currency !== 'USD' ? ` ${r.currency}` : ''}</td>
<td>${r.status.toLowerCase()}</td><td>${r.invoicePdfUrl ? html`<a href="${r.invoicePdfUrl}" rel="noopener">Invoice (PDF)</a>` : ''}</td></tr>`,
  );
  return layout({
    title: 'Billing',
    visitor,
    section: 'account',
    notice: state.notice,
    body: html`<h1>Billing</h1>${summary}
<h2>History</h2>
${
  rows.length === 0
    ? html`<p>No payments yet.</p>`
    : html`<div class="table-wrap"><table class="data"><thead><tr><th scope="col">Date</th><th scope="col">What</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Invoice</th></tr></thead><tbody>${rows}</tbody></table></div>`
}`,
  });
}
