import { type Html, html } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';
import type { WalletCard } from './wallet-card.ts';

export function walletCardPage(visitor: Visitor, planId: string, card: WalletCard): Html {
  return layout({
    title: card.title,
    visitor,
    section: 'plan',
    bodyClass: 'wallet',
    scripts: ['/assets/plan.js'],
    body: html`<div class="actions no-print">
  <a class="button" href="/plans/${planId}">Back to the plan</a>
  <button type="button" class="button" data-print>Print</button>
  <a class="button primary" href="/plans/${planId}/wallet-card.pdf" download>Download PDF</a>
</div>
<article class="wallet-card" aria-labelledby="card-h">
  <header>
    <h1 id="card-h">${card.title}</h1>
    <p>${card.location} · ${card.household.join(' · ')}</p>
  </header>
  <div class="card-grid">
    <section>
      <h2>Key numbers</h2>
      <dl class="numbers">${card.keyNumbers.map(
        (n) =>
          html`<div><dt>${n.label}</dt><dd>${n.number || html`<span class="blank" aria-label="write it here"></span>`}</dd></div>`,
      )}</dl>
    </section>
    <section>
      <h2>Meeting points</h2>
      <ol class="points">${card.meetingPoints.map(
        (p) =>
          html`<li><strong>${p.label}</strong><span class="blank" aria-label="write the place here"></span><small>${p.hint}</small></li>`,
      )}</ol>
      <h2>Out-of-area contact</h2>
      <p>Name <span class="blank short"></span> Phone <span class="blank short"></span></p>
      <p><small>${card.outOfAreaContact}</small></p>
    </section>
  </div>
  <section>
    <h2>First three things to do</h2>
    <div class="hazards">${card.hazards.map(
      (h) =>
        html`<div class="hazard" data-hazard="${h.id}"><h3>${h.name}</h3><ol>${h.actions.map((a) => html`<li>${a}</li>`)}</ol></div>`,
    )}</div>
  </section>
  <footer><ul>${card.reminders.map((r) => html`<li>${r}</li>`)}</ul><p class="source">After Ready.gov's Family Emergency Communication Plan · ready.gov/plan</p></footer>
</article>`,
  });
}
