import { PASSWORD_MIN, RESET_TOKEN_MINUTES } from '../../../services/accounts/index.ts';
import { type Html, html } from '../shared/html.ts';
import { fieldError, formError, layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

type Errors = Record<string, string>;

const invalid = (errors: Errors, field: string) =>
  errors[field] ? html`aria-invalid="true" aria-describedby="${field}-error"` : '';

/** Asking for a reset link. Without e-mail (SMTP_URL unset) it says how to get help instead. */
export function forgotPasswordPage(
  visitor: Visitor,
  state: { available: boolean; email?: string; errors?: Errors; sent?: boolean },
): Html {
  const errors = state.errors ?? {};
  const body = !state.available
    ? html`<p>This ReadyPlan cannot send e-mail, so it cannot send a reset link. Ask the person who runs it to reset your password, or create a new account.</p>`
    : state.sent
      ? html`<p role="status">If an account uses that address, we have sent it a link to choose a new password. It works once, for ${RESET_TOKEN_MINUTES} minutes. Nothing there? Check your spam folder, or ask again in a few minutes.</p>`
      : html`${formError(errors)}
  <form method="post" action="/forgot-password" novalidate>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <label for="email">The email address of your account</label>
    <input id="email" name="email" type="email" autocomplete="email" required value="${state.email ?? ''}" ${invalid(errors, 'email')}>
    ${fieldError(errors, 'email')}
    <button type="submit" class="button primary">Send me a reset link</button>
  </form>`;
  return layout({
    title: 'Reset your password',
    visitor,
    section: 'auth',
    body: html`<section class="auth card">
  <h1>Reset your password</h1>
  ${body}
  <p><a href="/login">Back to sign in</a></p>
</section>`,
  });
}

/** Choosing the new password, from the link in the e-mail; an unusable link says so and offers a new one. */
export function resetPasswordPage(
  visitor: Visitor,
  state: { token: string; usable: boolean; errors?: Errors },
): Html {
  const errors = state.errors ?? {};
  const body = !state.usable
    ? html`<p class="form-error" role="alert">This reset link has expired or has already been used.</p>
  <p><a class="button" href="/forgot-password">Ask for a new link</a></p>`
    : html`${formError(errors)}
  ${errors.token ? html`<p class="form-error" role="alert">${errors.token} <a href="/forgot-password">Ask for a new link</a></p>` : ''}
  <form method="post" action="/reset-password" novalidate>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <input type="hidden" name="token" value="${state.token}">
    <label for="password">New password <span class="hint">(at least ${PASSWORD_MIN} characters; a few unrelated words work well)</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN}" ${invalid(errors, 'password')}>
    ${fieldError(errors, 'password')}
    <button type="submit" class="button primary">Set my new password</button>
  </form>`;
  return layout({
    title: 'Choose a new password',
    visitor,
    section: 'auth',
    body: html`<section class="auth card">
  <h1>Choose a new password</h1>
  ${body}
</section>`,
  });
}
