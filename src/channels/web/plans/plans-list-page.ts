import { type Html, html } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

export function plansListPage(
  visitor: Visitor,
  plans: { id: string; title: string; location: string | null; updatedAt: Date }[],
): Html {
  return layout({
    title: 'Your plans',
    visitor,
    section: 'plan',
    body: html`<h1>Your plans</h1>
${
  plans.length === 0
    ? html`<section class="card"><p>No saved plan yet. <a href="/chat">Ask for one in the chat</a> — it takes one message.</p></section>`
    : html`<ul class="plan-list">${plans.map(
        (p) =>
          html`<li class="card"><a href="/plans/${p.id}"><strong>${p.title}</strong></a><br><span class="hint">${p.location ?? ''} · updated ${p.updatedAt.toISOString().slice(0, 10)}</span></li>`,
      )}</ul>`
}`,
  });
}

/** /plan when there is neither a saved plan nor one drafted in a chat. */
export function noPlanYetPage(visitor: Visitor): Html {
  return layout({
    title: 'Your plan',
    visitor,
    section: 'plan',
    body: html`<h1>Your plan</h1><section class="card"><p>No plan yet. <a href="/chat">Ask for one in the chat</a> — one message is enough, for example “We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300”.</p></section>`,
  });
}
