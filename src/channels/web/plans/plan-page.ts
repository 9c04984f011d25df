import { describeCoverage } from '../../../domain/plan/coverage.ts';
import { barChart, scoreColor, scoreGauge } from '../shared/charts.ts';
import { type Html, html, money, number, safeUrl, scenarioLabel, titleCase } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';
import {
  barterSection,
  bundlesSection,
  evacuationSection,
  phasesSection,
  simulationSection,
  skillsSection,
} from './plan-guidance-sections.ts';
import { daysText, type PlanView, PRIORITY_LABEL } from './plan-view.ts';

const mobilityLabel = (m: string) => (m === 'BUG_OUT' ? 'Leaving (bug-out)' : 'Sheltering in place');

function durationLabel(days: number): string {
  if (days >= 730) return `${number(days / 365, 1)} years`;
  if (days >= 365) return '1 year';
  if (days >= 60) return `${Math.round(days / 30)} months`;
  if (days % 7 === 0 && days >= 14) return `${days / 7} weeks`;
  return `${days} days`;
}

function actions(view: PlanView, visitor: Visitor): Html {
  if (view.planId) {
    return html`<div class="actions no-print">
  <button type="button" class="button" data-print>Print</button>
  <a class="button" href="/plans/${view.planId}.pdf" download data-testid="pdf-link">Download PDF</a>
  <a class="button" href="/plans/${view.planId}/wallet-card">Wallet card</a>
  <a class="button primary" href="/inventory?plan=${view.planId}">Track what you own</a>
</div>`;
  }
  const cid = view.draftConversationId ?? '';
  return html`<div class="actions no-print">
  <button type="button" class="button" data-print>Print</button>
  ${
    visitor.user
      ? html`<form method="post" action="/plans/draft/${cid}/save" class="inline">
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <button type="submit" class="button primary">Save this plan</button>
  </form>`
      : html`<a class="button primary" href="/signup?save=${cid}">Create a free account to save it</a>`
  }
</div>
<p class="notice no-print">This plan lives in your chat and is not saved yet.${visitor.user ? ' On the Free plan, saving replaces your saved plan.' : ''}</p>`;
}

function readinessSection(view: PlanView): Html {
  return html`<section class="card" id="readiness" aria-labelledby="readiness-h">
  <h2 id="readiness-h">Readiness</h2>
  <div class="readiness-grid">
    <div class="score-block">
      ${scoreGauge(view.readinessScore, 'Readiness')}
      <p class="score-caption">Readiness score <strong id="readiness-score" data-score="${view.readinessScore}">${view.readinessScore}</strong>/100</p>
      <p class="hint">Weighted coverage of every need by what you own (critical needs count 3×).</p>
    </div>
    <div>
      <h3>By category</h3>
      <div id="readiness-chart">${barChart({
        id: 'readiness-by-category',
        title: 'Readiness by category (0–100)',
        max: 100,
        bars: view.readinessByCategory.map((c) => ({
          label: titleCase(c.category),
          value: c.score,
          display: `${c.score}`,
        })),
        color: (b) => scoreColor(b.value),
      })}</div>
    </div>
  </div>
  <h3>Days of supply</h3>
  <ul class="days" id="days-of-supply">
    ${view.daysOfSupply.map((d) => daysItem(d))}
  </ul>
</section>`;
}

export function daysItem(d: { category: string; days: number; targetDays: number }): Html {
  const pct = d.targetDays > 0 ? Math.min(100, Math.round((100 * d.days) / d.targetDays)) : 0;
  return html`<li data-category="${d.category}">
  <span class="days-text">${daysText(d)}</span>
  <span class="meter" role="progressbar" aria-valuemin="0" aria-valuemax="${d.targetDays}" aria-valuenow="${d.days}" aria-label="${daysText(d)}"><span style="width:${pct}%"></span></span>
</li>`;
}

function budgetSection(view: PlanView): Html {
  const { budget } = view.kit;
  return html`<section class="card" aria-labelledby="budget-h">
  <h2 id="budget-h">Budget</h2>
  <p><strong>${money(budget.spent)}</strong> of ${money(budget.limit)} spent · covers <strong>${describeCoverage(budget)}</strong>${budget.strategy ? html` · ${budget.strategy === 'exact' ? 'exact optimizer' : `${budget.strategy} optimizer`}` : ''}</p>
  <h3>Spend by category</h3>
  ${barChart({
    id: 'spend-by-category',
    title: 'Spend by category (US dollars)',
    bars: view.spendByCategory.map((s) => ({
      label: titleCase(s.category),
      value: s.amount,
      display: money(s.amount),
    })),
  })}
  ${
    budget.leftOut.length > 0
      ? html`<details><summary>Left out (${budget.leftOut.length})</summary><ul>${budget.leftOut.map(
          (l) =>
            html`<li><strong>${view.supplyName(l.key)}</strong>: ${l.reason.replace(/^[^:]+:\s*/, '')}</li>`,
        )}</ul></details>`
      : ''
  }
</section>`;
}

function rationSection(view: PlanView): Html {
  const { water, food, medications, infants, hygiene, disagreements } = view.kit.rationPlan;
  const extra = [...medications, ...infants, ...hygiene];
  return html`<section class="card" aria-labelledby="rations-h">
  <h2 id="rations-h">Water and food</h2>
  <div class="grid two">
    <div>
      <h3>Water</h3>
      <p class="big">${number(water.gallonsPerDay)} gal/day · ${number(water.totalGallons)} gal total</p>
      <p class="basis">${water.basis}</p>
      ${water.adjustments.length ? html`<ul>${water.adjustments.map((a) => html`<li>${a}</li>`)}</ul>` : ''}
    </div>
    <div>
      <h3>Food</h3>
      <p class="big">${number(food.kcalPerDay, 0)} kcal/day · ${number(food.totalKcal, 0)} kcal total</p>
      <p class="basis">${food.basis}</p>
      ${
        food.storage.length
          ? html`<div class="table-wrap"><table class="data compact"><thead><tr><th>Food group</th><th>Quantity</th><th>Weight</th></tr></thead><tbody>${food.storage.map(
              (s) =>
                html`<tr><td>${titleCase(s.group)}</td><td>${number(s.quantity)} ${s.unit}</td><td>${s.weightLb !== undefined ? `${number(s.weightLb)} lb` : '—'}</td></tr>`,
            )}</tbody></table></div>`
          : ''
      }
    </div>
  </div>
  ${
    extra.length
      ? html`<h3>Medications, infant and hygiene</h3><ul>${extra.map((m) => html`<li>${m.name}: ${number(m.quantity)} ${m.unit}</li>`)}</ul>
  ${[...new Set(extra.map((m) => m.basis))].map((b) => html`<p class="basis">${b}</p>`)}`
      : ''
  }
  ${
    disagreements.length
      ? html`<details><summary>Where the sources disagree (${disagreements.length})</summary><ul>${disagreements.map(
          (d) => html`<li><strong>${d.topic}</strong>: ${d.chosen} — ${d.why}</li>`,
        )}</ul></details>`
      : ''
  }
</section>`;
}

function suppliesSection(view: PlanView): Html {
  const supplies = [...view.kit.supplies].sort(
    (a, b) => a.priority - b.priority || a.category.localeCompare(b.category),
  );
  return html`<section class="card" aria-labelledby="supplies-h">
  <h2 id="supplies-h">Supplies (${supplies.length})</h2>
  <div class="table-wrap"><table class="data stack" id="supplies-table">
    <thead><tr><th scope="col">Supply</th><th scope="col">Category</th><th scope="col">Quantity</th><th scope="col">Priority</th><th scope="col">Why</th></tr></thead>
    <tbody>${supplies.map(
      (s) => html`<tr data-key="${s.key ?? ''}">
      <td data-label="Supply"><strong>${s.name}</strong></td>
      <td data-label="Category">${titleCase(s.category)}</td>
      <td data-label="Quantity">${number(s.quantity, 2)} ${s.unit}</td>
      <td data-label="Priority"><span class="pill p${s.priority}">${PRIORITY_LABEL[s.priority]}</span></td>
      <td data-label="Why">${s.reason}</td>
    </tr>`,
    )}</tbody>
  </table></div>
</section>`;
}

function itemsSection(view: PlanView): Html {
  const { items } = view.kit;
  return html`<section class="card" aria-labelledby="items-h">
  <h2 id="items-h">What to buy (${items.length})</h2>
  ${
    items.length === 0
      ? html`<p>No purchases in this plan${view.kit.budget.limit === 0 ? ' (budget $0: needs only)' : ''}.</p>`
      : html`<div class="table-wrap"><table class="data stack" id="items-table">
    <thead><tr><th scope="col">Item</th><th scope="col">Qty</th><th scope="col">Each</th><th scope="col">Total</th><th scope="col">Covers</th></tr></thead>
    <tbody>${items.map(
      (i) => html`<tr>
      <td data-label="Item">${i.productUrl ? html`<a href="${safeUrl(i.productUrl)}" target="_blank" rel="noopener noreferrer nofollow">${i.name}</a>` : i.name}${i.bundleId ? html` <span class="pill">bundle</span>` : ''}</td>
      <td data-label="Qty">${i.quantity}</td>
      <td data-label="Each">${money(i.unitPrice)}${i.priceObservedAt ? html`<br><small class="price-seen">price as of ${i.priceObservedAt}</small>` : ''}</td>
      <td data-label="Total">${money(i.lineTotal)}</td>
      <td data-label="Covers">${i.covers.map((k) => view.supplyName(k)).join(', ')}</td>
    </tr>`,
    )}</tbody>
    <tfoot><tr><th scope="row" colspan="3">Total</th><td>${money(view.kit.budget.spent)}</td><td></td></tr></tfoot>
  </table></div>`
  }
  ${
    view.kit.purchaseSchedule?.length
      ? html`<h3>Month by month</h3><ol>${view.kit.purchaseSchedule.map(
          (m) =>
            html`<li>Month ${m.month}: ${money(m.spent)} — ${m.items.map((i) => `${i.name} × ${i.quantity}`).join(', ')} (coverage ${Math.round(m.cumulativeCoverage * 100)}%)</li>`,
        )}</ol>`
      : ''
  }
</section>`;
}

export function planHeader(view: PlanView): Html {
  const k = view.kit;
  const implied = k.impliedScenarios.filter((s) => !k.chosenScenarios.includes(s));
  return html`<header class="plan-header">
  <h1>${k.title}</h1>
  <p class="meta">${k.location.input} · ${k.household.members.length} ${k.household.members.length === 1 ? 'person' : 'people'}${k.household.pets.length ? html` · ${k.household.pets.length} pet${k.household.pets.length > 1 ? 's' : ''}` : ''} · ${durationLabel(k.durationDays)} · ${mobilityLabel(k.mobility)}</p>
  <p class="tags">${k.chosenScenarios.map((s) => html`<span class="pill">${scenarioLabel(s)}</span> `)}${implied.map((s) => html`<span class="pill muted" title="Likely where you live">${scenarioLabel(s)}</span> `)}</p>
  <p class="summary">${k.summary}</p>
  ${k.location.message ? html`<p class="hint">${k.location.message}</p>` : ''}
  <p class="hint">Household: ${[...k.household.members.map((m) => m.label), ...k.household.pets.map((p) => `${p.species}, ${p.weightLb} lb`)].join(' · ')}</p>
</header>`;
}

export function planPage(visitor: Visitor, view: PlanView, notice: string | null = null): Html {
  return layout({
    title: view.kit.title,
    visitor,
    section: 'plan',
    notice,
    bodyClass: 'plan',
    scripts: ['/assets/plan.js'],
    body: html`${planHeader(view)}
${actions(view, visitor)}
${readinessSection(view)}
${budgetSection(view)}
${rationSection(view)}
${itemsSection(view)}
${suppliesSection(view)}
${bundlesSection(view)}
${skillsSection(view)}
${barterSection(view)}
${simulationSection(view)}
${phasesSection(view)}
${evacuationSection(view)}
${
  view.kit.basis.length
    ? html`<section class="card sources"><details><summary>Sources</summary><ul>${view.kit.basis.map((b) => html`<li>${b}</li>`)}</ul></details></section>`
    : ''
}`,
  });
}
