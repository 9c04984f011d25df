import { describeCoverage } from '../../../domain/plan/coverage.ts';
import { barChart, scoreColor, scoreGauge } from '../shared/charts.ts';
import { type Html, html, humanize, money, number, scenarioLabel } from '../shared/html.ts';
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
import {
  firstStepsSection,
  itemsSection,
  type SectionLink,
  sectionNav,
  suppliesSection,
} from './plan-hurry-sections.ts';
import { daysText, type PlanView } from './plan-view.ts';

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
          label: humanize(c.category),
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
  return html`<section class="card" id="budget" aria-labelledby="budget-h">
  <h2 id="budget-h">Budget</h2>
  <p><strong>${money(budget.spent)}</strong> of ${money(budget.limit)} spent · covers <strong>${describeCoverage(budget)}</strong>${budget.strategy ? html` · ${budget.strategy === 'exact' ? 'exact optimizer' : `${budget.strategy} optimizer`}` : ''}</p>
  <h3>Spend by category</h3>
  ${barChart({
    id: 'spend-by-category',
    title: 'Spend by category (US dollars)',
    bars: view.spendByCategory.map((s) => ({
      label: humanize(s.category),
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
  return html`<section class="card" id="water-food" aria-labelledby="rations-h">
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
                html`<tr><td>${humanize(s.group)}</td><td>${number(s.quantity)} ${s.unit}</td><td>${s.weightLb !== undefined ? `${number(s.weightLb)} lb` : '—'}</td></tr>`,
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

/** The section menu, in page order; sections a plan does not have are left out. */
function sectionLinks(view: PlanView): SectionLink[] {
  const k = view.kit;
  return [
    { id: 'do-first', label: 'Do this first' },
    { id: 'readiness', label: 'Readiness' },
    { id: 'budget', label: 'Budget' },
    { id: 'water-food', label: 'Water and food' },
    { id: 'buy', label: 'What to buy' },
    { id: 'supplies', label: 'Supplies' },
    ...(k.bundles.length ? [{ id: 'bundles', label: 'Bundles' }] : []),
    { id: 'skills', label: 'Skills' },
    ...(k.barterGoods.length ? [{ id: 'barter', label: 'Barter' }] : []),
    { id: 'first-days', label: 'First days' },
    { id: 'phases', label: 'Phases' },
    { id: 'evacuation', label: 'Evacuation' },
    ...(k.basis.length ? [{ id: 'sources', label: 'Sources' }] : []),
  ];
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
${firstStepsSection(view)}
${actions(view, visitor)}
${sectionNav(sectionLinks(view))}
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
    ? html`<section class="card sources" id="sources"><details><summary>Sources</summary><ul>${view.kit.basis.map((b) => html`<li>${b}</li>`)}</ul></details></section>`
    : ''
}`,
  });
}
