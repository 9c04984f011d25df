import { PASSWORD_MIN } from '../../../services/accounts/index.ts';
import { type Html, html } from '../shared/html.ts';
import { fieldError, formError, layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';
import { type LinkView, linkSection } from './link-section.ts';
import { type NotificationsView, notificationsSection } from './notifications-section.ts';

export type AccountView = {
  email: string;
  tier: string;
  createdAt: Date;
  plans: number;
  inventory: number;
  sessions: { id: string; userAgent: string | null; lastSeenAt: Date; current: boolean }[];
  /** Linked Telegram chats and phone numbers, and a link code just made (link-section.ts). */
  links?: LinkView;
  /** Notification preferences per message type, what can reach the person, and a failed save. */
  notifications?: NotificationsView;
};

export function accountPage(
  visitor: Visitor,
  view: AccountView,
  state: {
    errors?: Record<string, string>;
    /** Problems with the password change that name no field (a throttled attempt). */
    passwordErrors?: Record<string, string>;
    notice?: string | null;
  } = {},
): Html {
  const errors = state.errors ?? {};
  return layout({
    title: 'Your account',
    visitor,
    section: 'account',
    notice: state.notice ?? null,
    body: html`<h1>Your account</h1>
<section class="card">
  <dl class="facts">
    <div><dt>Email</dt><dd>${view.email}</dd></div>
    <div><dt>Plan</dt><dd>${view.tier} <a href="/pricing">compare plans</a> · <a href="/billing">billing</a></dd></div>
    <div><dt>More</dt><dd><a href="/calls">Expert calls</a> · <a href="/account/api-keys">API keys</a></dd></div>
    <div><dt>Member since</dt><dd>${view.createdAt.toISOString().slice(0, 10)}</dd></div>
    <div><dt>Saved plans</dt><dd>${view.plans}</dd></div>
    <div><dt>Inventory items</dt><dd>${view.inventory}</dd></div>
  </dl>
</section>
<section class="card">
  <h2>Signed-in devices</h2>
  <ul class="plain">
    ${view.sessions.map(
      (s) =>
        html`<li>${s.userAgent ?? 'Unknown browser'} · last seen ${s.lastSeenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC${s.current ? html` <strong>(this device)</strong>` : ''}</li>`,
    )}
  </ul>
</section>
${view.links ? linkSection(visitor, view.links, errors) : ''}
${view.notifications ? notificationsSection(visitor, view.notifications) : ''}
<section class="card">
  <h2>Change password</h2>
  <p>Changing it signs out every other device.</p>
  ${formError(state.passwordErrors ?? {})}
  <form method="post" action="/account/password" novalidate>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <label for="current-password">Current password</label>
    <input id="current-password" name="current" type="password" autocomplete="current-password" required ${errors.current ? html`aria-invalid="true" aria-describedby="current-error"` : ''}>
    ${fieldError(errors, 'current')}
    <label for="new-password">New password <span class="hint">(at least ${PASSWORD_MIN} characters; a few unrelated words work well)</span></label>
    <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN}" ${errors.newPassword ? html`aria-invalid="true" aria-describedby="newPassword-error"` : ''}>
    ${fieldError(errors, 'newPassword')}
    <button type="submit" class="button">Change password</button>
  </form>
</section>
<section class="card">
  <h2>Your data</h2>
  <p>Download everything ReadyPlan stores about you — account, household, plans, inventory, conversations — as one JSON file.</p>
  <a class="button" href="/account/export.json" download>Export my data (JSON)</a>
</section>
<section class="card danger">
  <h2>Delete account</h2>
  <p>This permanently deletes your account and everything in it: plans, inventory, conversations and settings. It cannot be undone.</p>
  ${formError(errors)}
  <form method="post" action="/account/delete" novalidate>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <label for="confirm">Type your email address (<strong>${view.email}</strong>) to confirm</label>
    <input id="confirm" name="confirm" type="email" autocomplete="off" required ${errors.confirm ? html`aria-invalid="true" aria-describedby="confirm-error"` : ''}>
    ${fieldError(errors, 'confirm')}
    <label for="delete-password">Your password</label>
    <input id="delete-password" name="password" type="password" autocomplete="current-password" required ${errors.password ? html`aria-invalid="true" aria-describedby="password-error"` : ''}>
    ${fieldError(errors, 'password')}
    <button type="submit" class="button danger">Delete my account and data</button>
  </form>
</section>`,
  });
}
