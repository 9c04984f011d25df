import { type Html, html } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

export function homePage(visitor: Visitor, notice: string | null): Html {
  return layout({
    title: 'Household disaster readiness, planned in minutes',
    visitor,
    section: 'home',
    notice,
    body: html`<section class="hero">
  <h1>Your household's disaster plan, in one conversation</h1>
  <p class="lead">Tell ReadyPlan who lives with you, where, and what worries you. It works out the water, food and supplies you need — by the published rules of Ready.gov, CDC and the Red Cross — picks what to buy first within your budget, and keeps track of what you own.</p>
  <p><a class="button primary" href="/chat">Start planning</a> ${visitor.user ? html`<a class="button" href="/plan">Open my plan</a>` : html`<a class="button" href="/signup">Create a free account</a>`}</p>
</section>
<section class="grid three">
  <div class="card"><h2>Exact numbers</h2><p>Gallons of water and calories per person from published tables, adjusted for heat, nursing, infants and pets.</p></div>
  <div class="card"><h2>Within your budget</h2><p>An exact optimizer chooses real catalog products that cover the most critical needs first.</p></div>
  <div class="card"><h2>Kept up to date</h2><p>Tick off what you own; readiness and days of supply update at once. Print it, or carry the wallet card.</p></div>
</section>`,
  });
}
