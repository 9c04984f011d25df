import { PASSWORD_MIN } from '../../../services/accounts/index.ts';
import { type Html, html } from '../shared/html.ts';
import { fieldError, formError, layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

type FormState = {
  email?: string;
  errors?: Record<string, string>;
  next?: string;
  save?: string | null;
  /** Whether password reset by e-mail is on (SMTP_URL): the pages offer it, or say how to get help. */
  resetAvailable?: boolean;
};

function hidden(visitor: Visitor, state: FormState): Html {
  return html`<input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    ${state.next ? html`<input type="hidden" name="next" value="${state.next}">` : ''}
    ${state.save ? html`<input type="hidden" name="save" value="${state.save}">` : ''}`;
}

const query = (state: FormState) => {
  const params = new URLSearchParams();
  if (state.next) params.set('next', state.next);
  if (state.save) params.set('save', state.save);
  const s = params.toString();
  return s ? `?${s}` : '';
};

export function signupPage(visitor: Visitor, state: FormState = {}): Html {
  const errors = state.errors ?? {};
  return layout({
    title: 'Create your account',
    visitor,
    section: 'auth',
    body: html`<section class="auth card">
  <h1>Create your free account</h1>
  <p class="lead">${state.save ? 'Your plan will be saved to the new account.' : 'Save your plan, track what you own, and pick up on any device.'}</p>
  ${formError(errors)}
  <form method="post" action="/signup" novalidate>
    ${hidden(visitor, state)}
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="email" required value="${state.email ?? ''}" ${errors.email ? html`aria-invalid="true" aria-describedby="email-error"` : ''}>
    ${fieldError(errors, 'email')}
    <label for="password">Password <span class="hint">(at least ${PASSWORD_MIN} characters; a few unrelated words work well)</span></label>
    <input id="password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN}" ${errors.password ? html`aria-invalid="true" aria-describedby="password-error"` : ''}>
    ${fieldError(errors, 'password')}
    <button type="submit" class="button primary">Create account</button>
  </form>
  <p>Already have an account? <a href="/login${query(state)}">Sign in</a></p>
</section>`,
  });
}

export function loginPage(visitor: Visitor, state: FormState = {}): Html {
  const errors = state.errors ?? {};
  return layout({
    title: 'Sign in',
    visitor,
    section: 'auth',
    body: html`<section class="auth card">
  <h1>Sign in</h1>
  ${formError(errors)}
  <form method="post" action="/login" novalidate>
    ${hidden(visitor, state)}
    <label for="email">Email</label>
    <input id="email" name="email" type="email" autocomplete="email" required value="${state.email ?? ''}" ${errors.email ? html`aria-invalid="true" aria-describedby="email-error"` : ''}>
    ${fieldError(errors, 'email')}
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required ${errors.password ? html`aria-invalid="true" aria-describedby="password-error"` : ''}>
    ${fieldError(errors, 'password')}
    <button type="submit" class="button primary">Sign in</button>
  </form>
  ${forgotten(state)}
  <p>New here? <a href="/signup${query(state)}">Create a free account</a></p>
</section>`,
  });
}

/** What the sign-in page says about a forgotten password: the reset when e-mail is on, else who can help. */
function forgotten(state: FormState): Html {
  return state.resetAvailable
    ? html`<p><a href="/forgot-password">Forgot your password?</a></p>`
    : html`<p class="hint">Forgot your password? This ReadyPlan cannot send e-mail, so ask the person who runs it to reset it for you.</p>`;
}
