import type { GeneratedKit } from '../../../domain/generated-kit.ts';
import { walletCard } from '../plans/wallet-card.ts';
import { type Html, html } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

/**
 * The checklist for the moment of the emergency: large type, few words, everything from the saved plan and
 * its wallet card (the hazard first actions condensed from Ready.gov), kept offline by the service worker.
 */
const GENERAL_FIRST_STEPS = [
  'Evacuate when officials order it; otherwise shelter in place in the safest room for the hazard.',
  'Smell gas or see damage to pipes? Shut off the gas and the main water valve, and leave if you smell gas.',
  'Grab the go-bag: water, medicines, documents, phone charger, cash, flashlight.',
];

export function checklistPage(visitor: Visitor, plan: { id: string; kit: GeneratedKit } | null): Html {
  if (!plan) {
    return layout({
      title: 'Emergency checklist',
      visitor,
      section: 'plan',
      bodyClass: 'checklist',
      body: html`<h1>Emergency checklist</h1><p>You have no saved plan yet. <a href="/chat">Build one in the chat</a>, save it, and its checklist will be here, also offline.</p>
<ol class="checklist-steps">${GENERAL_FIRST_STEPS.map((s) => html`<li>${s}</li>`)}</ol>`,
    });
  }
  const card = walletCard(plan.kit);
  const grab = plan.kit.evacuation.guidance.slice(0, 4);
  return layout({
    title: 'Emergency checklist',
    visitor,
    section: 'plan',
    bodyClass: 'checklist',
    body: html`<h1>Emergency checklist</h1>
<p class="checklist-where">${card.location} · ${card.household.join(' · ')}</p>
<section aria-labelledby="first-h"><h2 id="first-h">Right now</h2>
<ol class="checklist-steps">${GENERAL_FIRST_STEPS.map((s) => html`<li><label><input type="checkbox"> ${s}</label></li>`)}</ol></section>
${card.hazards.map(
  (h) =>
    html`<section class="checklist-hazard" data-hazard="${h.id}"><h2>${h.name}</h2><ol class="checklist-steps">${h.actions.map(
      (a) => html`<li><label><input type="checkbox"> ${a}</label></li>`,
    )}</ol></section>`,
)}
${grab.length ? html`<section aria-labelledby="grab-h"><h2 id="grab-h">Leaving</h2><ul class="checklist-steps">${grab.map((g) => html`<li>${g}</li>`)}</ul></section>` : ''}
<section aria-labelledby="meet-h"><h2 id="meet-h">Meeting points</h2><ol class="checklist-steps">${card.meetingPoints.map(
      (p) => html`<li><strong>${p.label}</strong>${p.hint ? html` — ${p.hint}` : ''}</li>`,
    )}</ol></section>
<section aria-labelledby="call-h"><h2 id="call-h">Call</h2><ul class="checklist-steps">${card.keyNumbers
      .filter((n) => n.number)
      .map((n) => html`<li>${n.label}: <a href="tel:${n.number}">${n.number}</a></li>`)}
<li>Out-of-area contact: ${card.outOfAreaContact}</li></ul></section>
<p><a class="button" href="/plans/${plan.id}/wallet-card">Wallet card</a> <a class="button" href="/plans/${plan.id}">Whole plan</a></p>`,
  });
}
