import { createHash } from 'node:crypto';
import { type Html, html, type Renderable } from './html.ts';
import type { Visitor } from './visitor.ts';

export type PageOptions = {
  title: string;
  visitor: Visitor;
  body: Renderable;
  /** Which nav entry is current. */
  section?: 'home' | 'chat' | 'plan' | 'inventory' | 'account' | 'pricing' | 'auth';
  scripts?: string[];
  bodyClass?: string;
  /** A message shown once at the top (after a redirect). */
  notice?: string | null;
};

export const ASSET_VERSION = '1';

export function layout(options: PageOptions): Html {
  const { visitor, section } = options;
  const current = (name: PageOptions['section']) => (section === name ? 'page' : false);
  const link = (href: string, label: string, name: PageOptions['section']) =>
    html`<a href="${href}" ${current(name) ? html`aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ReadyPlan</title>
<meta name="csrf-token" content="${visitor.csrfToken}">
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/offline.css?v=${ASSET_VERSION}">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="apple-touch-icon" href="/assets/icon-192.png">
<meta name="theme-color" content="#0f172a">
${offlineMeta(visitor)}
<link rel="stylesheet" href="/assets/app.css?v=${ASSET_VERSION}">
</head>
<body class="${options.bodyClass ?? ''}">
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <a class="brand" href="/"><span class="logo" aria-hidden="true">◆</span> ReadyPlan</a>
  <nav aria-label="Main">
    ${link('/chat', 'Chat', 'chat')}
    ${link('/plan', 'Plan', 'plan')}
    ${link('/inventory', 'Inventory', 'inventory')}
    ${
      visitor.user
        ? html`${link('/account', 'Account', 'account')}
    <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="${visitor.csrfToken}"><button class="link" type="submit">Sign out</button></form>`
        : html`${link('/login', 'Sign in', 'auth')} <a class="button small" href="/signup">Create account</a>`
    }
  </nav>
</header>
<main id="main">
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${options.body}
</main>
<footer class="site">
  <p>ReadyPlan numbers follow Ready.gov/FEMA, CDC, Red Cross and the Dietary Guidelines for Americans. In an emergency call 911.</p>
</footer>
<script src="/assets/offline.js?v=${ASSET_VERSION}" defer></script>
${(options.scripts ?? []).map((src) => html`<script src="${src}?v=${ASSET_VERSION}" defer></script>`)}
</body>
</html>`;
}

/**
 * For the service worker and assets/offline.js: which account a page was rendered for (a hash, not the id:
 * the worker names that account's cache after it and keeps only pages carrying it) and when, so a kept
 * copy can say "updated 2 hours ago".
 */
function offlineMeta(visitor: Visitor): Html {
  if (!visitor.user) return html``;
  const hash = createHash('sha256').update(`readyplan-offline:${visitor.user.id}`).digest('hex').slice(0, 32);
  return html`<meta name="rp-user" content="${hash}">
<meta name="rp-rendered" content="${new Date().toISOString()}">`;
}

/** A field's error message under it, when the form came back with one. */
export function fieldError(errors: Record<string, string>, field: string): Html {
  return errors[field] ? html`<p class="field-error" id="${field}-error">${errors[field]}</p>` : html``;
}

/** A problem with the form as a whole (not one field). */
export function formError(errors: Record<string, string>): Html {
  return errors.form ? html`<p class="form-error" role="alert">${errors.form}</p>` : html``;
}
