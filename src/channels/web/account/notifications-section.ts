import { WEEKDAY_NAMES } from '../../../domain/check-ins/index.ts';
import type { listPreferences, notificationNotes } from '../../../services/check-ins/index.ts';
import { type Html, html } from '../shared/html.ts';
import { fieldError } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

/**
 * "Notifications" on the account page: one form per message type (check-ins, call reminders, product news)
 * posting to /account/notifications, saved through the same service as the JSON API. Only channels that
 * can reach the person are offered (plus the one already chosen, so a save never changes it silently).
 * Check-ins on a tier without them show the upgrade hint, not a form that promises messages.
 */
type Preference = Awaited<ReturnType<typeof listPreferences>>[number];
type Notes = Awaited<ReturnType<typeof notificationNotes>>;

export type NotificationsView = {
  preferences: Preference[];
  notes: Notes;
  /** The form that failed, with the message beside its field. */
  failed?: { messageType: string; field: string; message: string } | null;
};

export const NOTIFICATIONS_SAVED = 'Your notification settings are saved.';

const TITLES: Record<string, { title: string; about: string }> = {
  check_in: {
    title: 'Expiry check-ins',
    about: 'What expires soon, what to use this week, and quick replies (USED 1, RESTOCKED 1, SNOOZE 7).',
  },
  call_reminder: { title: 'Expert call reminders', about: '24 hours and 1 hour before a call you booked.' },
  product_news: { title: 'Product news', about: 'Occasional news about ReadyPlan.' },
};
const CHANNEL_NAMES = { telegram: 'Telegram', sms: 'Text message (SMS)', email: 'E-mail' } as const;
const FREQUENCIES = [
  ['daily', 'Every day'],
  ['weekly', 'Once a week'],
  ['monthly', 'Once a month'],
] as const;

const hourLabel = (h: number) =>
  h === 0 ? '12 am' : h < 12 ? `${h} am` : h === 12 ? '12 pm' : `${h - 12} pm`;

function select(
  id: string,
  name: string,
  options: readonly (readonly [string, string])[],
  current: string,
  invalid: boolean,
): Html {
  return html`<select id="${id}" name="${name}" ${invalid ? html`aria-invalid="true" aria-describedby="${name}-error"` : ''}>
    ${options.map(([value, label]) => html`<option value="${value}" ${value === current ? 'selected' : ''}>${label}</option>`)}
  </select>`;
}

function preferenceForm(visitor: Visitor, p: Preference, view: NotificationsView): Html {
  const type = p.messageType;
  const { title, about } = TITLES[type] ?? { title: type, about: '' };
  const errors =
    view.failed?.messageType === type
      ? { [view.failed.field]: view.failed.message }
      : ({} as Record<string, string>);
  const id = (field: string) => `${type}-${field}`;
  const channels = new Set<string>(view.notes.reachable);
  if (p.channel) channels.add(p.channel);
  const channelOptions: [string, string][] = [
    ['', 'Best available'],
    ...[...channels].map((c) => [c, CHANNEL_NAMES[c as keyof typeof CHANNEL_NAMES] ?? c] as [string, string]),
  ];
  const scheduled = type !== 'call_reminder';
  return html`<form method="post" action="/account/notifications#notifications" class="notification-form" novalidate>
  <fieldset>
    <legend>${title}</legend>
    <p class="hint">${about}</p>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <input type="hidden" name="messageType" value="${type}">
    <label for="${id('channel')}">Channel</label>
    ${select(id('channel'), 'channel', channelOptions, p.channel ?? '', !!errors.channel)}
    ${fieldError(errors, 'channel')}
    ${
      scheduled
        ? html`<label for="${id('frequency')}">How often</label>
    ${select(id('frequency'), 'frequency', FREQUENCIES, p.frequency, !!errors.frequency)}
    ${fieldError(errors, 'frequency')}
    <label for="${id('weekday')}">Day <span class="hint">(weekly)</span></label>
    ${select(
      id('weekday'),
      'weekday',
      [['', 'Any day'], ...WEEKDAY_NAMES.map((d, i) => [String(i), d] as [string, string])],
      p.weekday == null ? '' : String(p.weekday),
      !!errors.weekday,
    )}
    ${fieldError(errors, 'weekday')}
    <label for="${id('localHour')}">Hour <span class="hint">(never inside quiet hours, 9 pm–8 am)</span></label>
    ${select(
      id('localHour'),
      'localHour',
      Array.from({ length: 24 }, (_, h) => [String(h), hourLabel(h)] as [string, string]),
      String(p.localHour),
      !!errors.localHour,
    )}
    ${fieldError(errors, 'localHour')}
    <label for="${id('timeZone')}">Time zone <span class="hint">(such as America/New_York)</span></label>
    <input id="${id('timeZone')}" name="timeZone" value="${p.timeZone}" autocomplete="off" ${errors.timeZone ? html`aria-invalid="true" aria-describedby="timeZone-error"` : ''}>
    ${fieldError(errors, 'timeZone')}`
        : ''
    }
    ${
      type === 'check_in'
        ? html`<label for="${id('windowDays')}">List what expires within (days)</label>
    <input id="${id('windowDays')}" name="windowDays" type="number" min="1" max="365" inputmode="numeric" value="${String(p.windowDays)}" ${errors.windowDays ? html`aria-invalid="true" aria-describedby="windowDays-error"` : ''}>
    ${fieldError(errors, 'windowDays')}`
        : ''
    }
    <label class="checkbox"><input type="checkbox" name="optedOut" value="on" ${p.optedOut ? 'checked' : ''}> Stop these messages</label>
    ${fieldError(errors, 'optedOut')}
    ${fieldError(errors, 'form')}
    <button type="submit" class="button">Save ${title.toLowerCase()}</button>
  </fieldset>
</form>`;
}

export function notificationsSection(visitor: Visitor, view: NotificationsView): Html {
  const { notes } = view;
  return html`<section class="card" id="notifications">
  <h2>Notifications</h2>
  ${
    view.failed && !view.preferences.some((p) => p.messageType === view.failed?.messageType)
      ? html`<p class="form-error" role="alert">${view.failed.message}</p>`
      : ''
  }
  ${
    notes.reachable.length === 0
      ? html`<p>No chat or phone number is linked yet, so nothing can reach you outside this site. <a href="#link">Link Telegram or your phone</a>.</p>`
      : ''
  }
  ${view.preferences.map((p) =>
    p.messageType === 'check_in' && !notes.entitled
      ? html`<div class="upgrade-hint"><h3>${TITLES.check_in?.title}</h3>
  <p>Expiry check-ins — what expires soon and what to use this week — come with the ${notes.requiredTier ?? 'Pro'} plan. This account gets none. <a href="${notes.upgradePath ?? '/pricing'}">See plans</a>.</p></div>`
      : preferenceForm(visitor, p, view),
  )}
</section>`;
}
