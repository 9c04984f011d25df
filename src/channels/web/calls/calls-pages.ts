import type { ExpertCallSummary, SharedContext } from '../../../services/calls/index.ts';
import { TIER_NAMES } from '../../../services/tiers/tiers.ts';
import { type Html, html, number } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const csrfField = (v: Visitor) => html`<input type="hidden" name="_csrf" value="${v.csrfToken}">`;

type Booking = {
  callId: string;
  title: string;
  scheduledDate: Date;
  status: string | null;
  attended: boolean | null;
};
type Recording = {
  callId: string;
  title: string;
  expertName: string | null;
  scheduledDate: Date;
  recordingUrl: string | null;
};

export function callsPage(
  visitor: Visitor,
  state: {
    calls: ExpertCallSummary[];
    bookings: Booking[];
    recordings: Recording[] | null;
    notice: string | null;
    now: Date;
  },
): Html {
  const upcoming = state.calls.map(
    (
      c,
    ) => html`<li><a href="/calls/${c.id}"><strong>${c.title}</strong></a>${c.expertName ? ` with ${c.expertName}` : ''} — ${when(c.scheduledDate)}
<br><small>${TIER_NAMES[c.tierRequired]}+${c.seatsLeft !== null ? ` · ${c.seatsLeft} seat${c.seatsLeft === 1 ? '' : 's'} left` : ''}</small>
${
  c.booked
    ? html` <span class="badge">Booked</span>`
    : c.allowed
      ? html`<form method="post" action="/calls/${c.id}/book" class="inline">${csrfField(visitor)}<button class="button small" type="submit">Book</button></form>`
      : visitor.user
        ? html` <a class="button small" href="/pricing">Upgrade to ${TIER_NAMES[c.tierRequired]}</a>`
        : html` <a class="button small" href="/login?next=/calls">Sign in to book</a>`
}</li>`,
  );
  const mine = state.bookings.map(
    (b) => html`<li><a href="/calls/${b.callId}">${b.title}</a> — ${when(b.scheduledDate)}
<a href="/calls/${b.callId}/calendar.ics" download>Add to calendar (.ics)</a>
${
  b.scheduledDate > state.now
    ? html`<form method="post" action="/calls/${b.callId}/cancel" class="inline">${csrfField(visitor)}<button class="link" type="submit">Cancel</button></form>`
    : b.attended
      ? ' · attended'
      : ''
}</li>`,
  );
  return layout({
    title: 'Expert calls',
    visitor,
    section: 'account',
    notice: state.notice,
    body: html`<h1>Expert calls</h1>
<h2>Upcoming</h2>${upcoming.length ? html`<ul class="list">${upcoming}</ul>` : html`<p>No calls scheduled right now.</p>`}
${visitor.user ? html`<h2>My bookings</h2>${mine.length ? html`<ul class="list">${mine}</ul>` : html`<p>None yet.</p>`}` : ''}
<h2>Recordings</h2>${
      state.recordings === null
        ? html`<p>The recordings library is part of the Pro plan. <a href="/pricing">See plans</a></p>`
        : state.recordings.length
          ? html`<ul class="list">${state.recordings.map((r) => html`<li><a href="${r.recordingUrl ?? '#'}" rel="noopener">${r.title}</a>${r.expertName ? ` — ${r.expertName}` : ''} (${r.scheduledDate.toISOString().slice(0, 10)})</li>`)}</ul>`
          : html`<p>No recordings yet.</p>`
    }`,
  });
}

function sharedBlock(shared: SharedContext | null): Html {
  if (!shared?.plan) return html`<p><em>No saved plan yet.</em></p>`;
  const p = shared.plan;
  return html`<p><strong>${p.title}</strong> — ${p.location}, ${p.people} people, ${p.durationDays} days (${p.scenarios.join(', ')}); readiness ${p.readinessScore}/100.</p>
<p>${p.summary}</p>
${
  shared.gaps.length
    ? html`<table class="data"><thead><tr><th scope="col">Gap</th><th scope="col">Needed</th><th scope="col">Owned</th></tr></thead><tbody>${shared.gaps.map((g) => html`<tr><td>${g.name} <small>(${g.category})</small></td><td>${number(g.needed)} ${g.unit}</td><td>${number(g.owned)}</td></tr>`)}</tbody></table>`
    : html`<p>No gaps: the inventory covers the plan.</p>`
}`;
}

type CallRow = {
  id: string;
  title: string;
  description: string | null;
  scheduledDate: Date;
  expertName: string | null;
  zoomLink: string | null;
};

export function callPage(
  visitor: Visitor,
  state: {
    call: CallRow;
    booked: boolean;
    past: boolean;
    rating: number | null;
    notice: string | null;
    /** Present for the call's expert or an admin. */
    attendees:
      | {
          name: string | null;
          attended: boolean | null;
          rating: number | null;
          shared: SharedContext | null;
        }[]
      | null;
  },
): Html {
  const { call } = state;
  const mine = state.booked
    ? html`<p><span class="badge">Booked</span> <a href="/calls/${call.id}/calendar.ics" download>Add to calendar (.ics)</a>${call.zoomLink ? html` · <a href="${call.zoomLink}" rel="noopener">Join link</a>` : ''}</p>
${
  state.past
    ? html`<form method="post" action="/calls/${call.id}/feedback">${csrfField(visitor)}
<label>How useful was it? (1–5) <input name="rating" type="number" min="1" max="5" required value="${state.rating ?? ''}"></label>
<label>Anything to tell us? <textarea name="text" maxlength="2000"></textarea></label>
<button class="button" type="submit">Send feedback</button></form>`
    : html`<form method="post" action="/calls/${call.id}/cancel">${csrfField(visitor)}<button class="button" type="submit">Cancel my booking</button></form>`
}`
    : state.past
      ? html``
      : html`<form method="post" action="/calls/${call.id}/book">${csrfField(visitor)}<button class="button primary" type="submit">Book</button></form>
<p><small>Booking shares your plan summary and inventory gaps with the expert, so the call starts from your situation.</small></p>`;
  return layout({
    title: call.title,
    visitor,
    section: 'account',
    notice: state.notice,
    body: html`<p><a href="/calls">← All calls</a></p><h1>${call.title}</h1>
<p>${when(call.scheduledDate)}${call.expertName ? ` · with ${call.expertName}` : ''}</p>
${call.description ? html`<p>${call.description}</p>` : ''}
${mine}
${
  state.attendees
    ? html`<h2>Attendees (${state.attendees.length})</h2>${state.attendees.map(
        (a, i) =>
          html`<section class="card"><h3>${a.name ?? `Attendee ${i + 1}`}${a.attended ? ' · attended' : ''}${a.rating ? ` · rated ${a.rating}/5` : ''}</h3>${sharedBlock(a.shared)}</section>`,
      )}`
    : ''
}`,
  });
}
