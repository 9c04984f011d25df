import { type Html, html, humanize, number, safeUrl } from '../shared/html.ts';
import type { PlanView } from './plan-view.ts';

/**
 * The plan's guidance sections. Long lists fold (<details>) so a phone shows a screen or two per section;
 * plan.js opens every fold before printing, so paper still carries everything.
 */

/** Days shown before the rest of the simulated days fold away. */
const FIRST_DAYS = 3;

export function bundlesSection(view: PlanView): Html {
  if (view.kit.bundles.length === 0) return html``;
  return html`<section class="card" id="bundles" aria-labelledby="bundles-h">
  <h2 id="bundles-h">Bundles that fit</h2>
  <ul class="bundles">${view.kit.bundles.map(
    (b) => html`<li><strong>${b.name}</strong> <span class="pill">match ${Math.round(b.score * 100)}%</span>
    <ul>${b.reasons.map((r) => html`<li>${r}</li>`)}</ul></li>`,
  )}</ul>
</section>`;
}

export function skillsSection(view: PlanView): Html {
  const { skillGaps, requiredSkills } = view.kit;
  return html`<section class="card" id="skills" aria-labelledby="skills-h">
  <h2 id="skills-h">Skills to learn</h2>
  ${
    skillGaps.length === 0
      ? html`<p>The household already has the skills these scenarios need.</p>`
      : html`<div class="groups skills">${skillGaps.map(
          (g) => html`<details class="group">
    <summary><span class="group-name">${g.name ?? humanize(g.skill)}</span> <span class="group-meta">${g.category ? humanize(g.category) : ''}${g.resources.length ? ` · ${g.resources.length} ${g.resources.length === 1 ? 'resource' : 'resources'}` : ''}</span></summary>
    ${
      g.resources.length
        ? html`<ul>${g.resources.map(
            (r) =>
              html`<li><a href="${safeUrl(r.url)}" target="_blank" rel="noopener noreferrer">${r.title}</a>${r.source ? html` · ${r.source}` : ''}</li>`,
          )}</ul>`
        : html`<p class="hint">Practice with your household; no course needed.</p>`
    }
  </details>`,
        )}</div>`
  }
  ${requiredSkills.length ? html`<p class="hint">All skills these scenarios call for: ${requiredSkills.map(humanize).join(', ')}.</p>` : ''}
</section>`;
}

export function barterSection(view: PlanView): Html {
  const goods = view.kit.barterGoods;
  if (goods.length === 0) return html``;
  return html`<section class="card" id="barter" aria-labelledby="barter-h">
  <h2 id="barter-h">Barter goods</h2>
  <details><summary>${goods.length} ${goods.length === 1 ? 'good' : 'goods'} worth keeping to trade</summary>
  <div class="table-wrap"><table class="data compact"><thead><tr><th>Good</th><th>Quantity</th><th>Why</th></tr></thead>
  <tbody>${goods.map((b) => html`<tr><td>${b.name}</td><td>${number(b.quantity)} ${b.unit}</td><td>${b.why ?? ''}</td></tr>`)}</tbody></table></div>
  </details>
</section>`;
}

export function simulationSection(view: PlanView): Html {
  const log = view.kit.simulationLog;
  const day = (d: (typeof log)[number]) => html`<li><strong>Day ${d.day}</strong> ${d.text}</li>`;
  const rest = log.slice(FIRST_DAYS);
  return html`<section class="card" id="first-days" aria-labelledby="sim-h">
  <h2 id="sim-h">How the first days could go</h2>
  <ol class="timeline">${log.slice(0, FIRST_DAYS).map(day)}</ol>
  ${rest.length ? html`<details><summary>The next ${rest.length} ${rest.length === 1 ? 'day' : 'days'}</summary><ol class="timeline" start="${FIRST_DAYS + 1}">${rest.map(day)}</ol></details>` : ''}
</section>`;
}

export function phasesSection(view: PlanView): Html {
  return html`<section class="card" id="phases" aria-labelledby="phases-h">
  <h2 id="phases-h">Phases</h2>
  <ol class="phases">${view.kit.phases.map(
    (p) => html`<li><strong>${p.name}</strong> <span class="hint">day ${p.fromDay}–${p.toDay}</span>
    <ul>${p.focus.map((f) => html`<li>${f}</li>`)}</ul></li>`,
  )}</ol>
</section>`;
}

export function evacuationSection(view: PlanView): Html {
  const e = view.kit.evacuation;
  return html`<section class="card" id="evacuation" aria-labelledby="evac-h">
  <h2 id="evac-h">Evacuation and meeting points</h2>
  <h3>Meeting points</h3>
  <ol>${e.meetingPoints.map((m) => html`<li>${m}</li>`)}</ol>
  ${e.outOfAreaContact ? html`<h3>Out-of-area contact</h3><p>${e.outOfAreaContact}</p>` : ''}
  <details><summary>Guidance (${e.guidance.length})</summary>
  <ul>${e.guidance.map((g) => html`<li>${g}</li>`)}</ul>
  </details>
</section>`;
}
