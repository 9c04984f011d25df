import { type Html, html, humanize, number, safeUrl } from '../shared/html.ts';
import type { PlanView } from './plan-view.ts';

export function bundlesSection(view: PlanView): Html {
  if (view.kit.bundles.length === 0) return html``;
  return html`<section class="card" aria-labelledby="bundles-h">
  <h2 id="bundles-h">Bundles that fit</h2>
  <ul class="bundles">${view.kit.bundles.map(
    (b) => html`<li><strong>${b.name}</strong> <span class="pill">match ${Math.round(b.score * 100)}%</span>
    <ul>${b.reasons.map((r) => html`<li>${r}</li>`)}</ul></li>`,
  )}</ul>
</section>`;
}

export function skillsSection(view: PlanView): Html {
  const { skillGaps, requiredSkills } = view.kit;
  return html`<section class="card" aria-labelledby="skills-h">
  <h2 id="skills-h">Skills to learn</h2>
  ${
    skillGaps.length === 0
      ? html`<p>The household already has the skills these scenarios need.</p>`
      : html`<ul class="skills">${skillGaps.map(
          (
            g,
          ) => html`<li><strong>${g.name ?? humanize(g.skill)}</strong>${g.category ? html` <span class="pill">${g.category}</span>` : ''}
      ${
        g.resources.length
          ? html`<ul>${g.resources.map(
              (r) =>
                html`<li><a href="${safeUrl(r.url)}" target="_blank" rel="noopener noreferrer">${r.title}</a>${r.source ? html` · ${r.source}` : ''}</li>`,
            )}</ul>`
          : html`<p class="hint">Practice with your household; no course needed.</p>`
      }</li>`,
        )}</ul>`
  }
  ${requiredSkills.length ? html`<p class="hint">All skills these scenarios call for: ${requiredSkills.map(humanize).join(', ')}.</p>` : ''}
</section>`;
}

export function barterSection(view: PlanView): Html {
  if (view.kit.barterGoods.length === 0) return html``;
  return html`<section class="card" aria-labelledby="barter-h">
  <h2 id="barter-h">Barter goods</h2>
  <div class="table-wrap"><table class="data compact"><thead><tr><th>Good</th><th>Quantity</th><th>Why</th></tr></thead>
  <tbody>${view.kit.barterGoods.map((b) => html`<tr><td>${b.name}</td><td>${number(b.quantity)} ${b.unit}</td><td>${b.why ?? ''}</td></tr>`)}</tbody></table></div>
</section>`;
}

export function simulationSection(view: PlanView): Html {
  return html`<section class="card" aria-labelledby="sim-h">
  <h2 id="sim-h">How the first days could go</h2>
  <ol class="timeline">${view.kit.simulationLog.map((d) => html`<li><strong>Day ${d.day}</strong> ${d.text}</li>`)}</ol>
</section>`;
}

export function phasesSection(view: PlanView): Html {
  return html`<section class="card" aria-labelledby="phases-h">
  <h2 id="phases-h">Phases</h2>
  <ol class="phases">${view.kit.phases.map(
    (p) => html`<li><strong>${p.name}</strong> <span class="hint">day ${p.fromDay}–${p.toDay}</span>
    <ul>${p.focus.map((f) => html`<li>${f}</li>`)}</ul></li>`,
  )}</ol>
</section>`;
}

export function evacuationSection(view: PlanView): Html {
  const e = view.kit.evacuation;
  return html`<section class="card" aria-labelledby="evac-h">
  <h2 id="evac-h">Evacuation and meeting points</h2>
  <h3>Meeting points</h3>
  <ol>${e.meetingPoints.map((m) => html`<li>${m}</li>`)}</ol>
  ${e.outOfAreaContact ? html`<h3>Out-of-area contact</h3><p>${e.outOfAreaContact}</p>` : ''}
  <h3>Guidance</h3>
  <ul>${e.guidance.map((g) => html`<li>${g}</li>`)}</ul>
</section>`;
}
