import { type Html, html } from './html.ts';
import { layout } from './layout.ts';
import type { Visitor } from './visitor.ts';

export function errorPage(
  visitor: Visitor,
  status: number,
  message: string,
  /** What to do about it (e.g. upgrade), shown first. */
  action?: { href: string; label: string },
): Html {
  const heading =
    status === 404
      ? 'Not found'
      : status === 401
        ? 'Please sign in'
        : status === 403
          ? 'Not allowed'
          : status >= 500
            ? 'Something went wrong'
            : 'That did not work';
  return layout({
    title: heading,
    visitor,
    body: html`<section class="card">
  <h1>${heading}</h1>
  <p>${message}</p>
  ${action ? html`<p><a class="button primary" href="${action.href}">${action.label}</a></p>` : ''}
  <p><a href="/chat">Go to the chat</a> · <a href="/plan">Your plan</a></p>
</section>`,
  });
}
