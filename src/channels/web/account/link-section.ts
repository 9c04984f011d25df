import type { Channel } from '../../../domain/channels.ts';
import { type Html, html } from '../shared/html.ts';
import { fieldError } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

/**
 * "Link Telegram or your phone" on the account page: a code to send from the chat (/link CODE, or LINK
 * CODE by text), or a code the chat gave to enter here. Linked chats and numbers are listed shortened —
 * they are personal data.
 */
export type LinkView = {
  linked: { channel: Exclude<Channel, 'web'>; shown: string }[];
  /** A code just made, shown once. */
  code?: { code: string; expiresAt: Date } | null;
};

const NAMES = { telegram: 'Telegram chat', sms: 'Phone number' } as const;

export function linkSection(visitor: Visitor, view: LinkView, errors: Record<string, string>): Html {
  return html`<section class="card" id="link">
  <h2>Link Telegram or your phone</h2>
  <p>Use ReadyPlan in a Telegram chat or by text message with this account's plans and inventory.</p>
  ${
    view.linked.length
      ? html`<ul class="plain">${view.linked.map((l) => html`<li>${NAMES[l.channel]} ${l.shown}</li>`)}</ul>`
      : html`<p>Nothing is linked yet.</p>`
  }
  ${
    view.code
      ? html`<p class="notice" role="status">Your code: <strong class="link-code">${view.code.code}</strong> — send <code>/link ${view.code.code}</code> to the ReadyPlan bot in Telegram, or text <code>LINK ${view.code.code}</code>, before ${view.code.expiresAt.toISOString().slice(11, 16)} UTC.</p>`
      : html`<form method="post" action="/account/link-code">
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <button type="submit" class="button">Get a link code</button>
  </form>`
  }
  <form method="post" action="/account/link" novalidate>
    <input type="hidden" name="_csrf" value="${visitor.csrfToken}">
    <label for="link-code">Or enter the code the chat gave you (send <code>/link</code> or text <code>LINK</code> to get one)</label>
    <input id="link-code" name="code" autocomplete="off" inputmode="text" placeholder="ABCD-EFGH" ${errors.code ? html`aria-invalid="true" aria-describedby="code-error"` : ''}>
    ${fieldError(errors, 'code')}
    <button type="submit" class="button">Link</button>
  </form>
</section>`;
}
