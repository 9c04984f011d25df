import { type Html, html, jsonScript } from '../shared/html.ts';
import { layout } from '../shared/layout.ts';
import type { Visitor } from '../shared/visitor.ts';

export type ChatHistoryMessage = { role: 'user' | 'assistant'; content: string; parts: unknown[] };

export function chatPage(
  visitor: Visitor,
  model: { conversationId: string | null; messages: ChatHistoryMessage[]; notice: string | null },
): Html {
  return layout({
    title: 'Chat',
    visitor,
    section: 'chat',
    bodyClass: 'chat',
    notice: model.notice,
    scripts: ['/assets/chat.js'],
    body: html`<h1 class="visually-hidden">Chat with ReadyPlan</h1>
${jsonScript('chat-context', {
  conversationId: model.conversationId,
  signedIn: visitor.user !== null,
  messages: model.messages,
})}
<section class="chat-panel">
  <div class="chat-toolbar">
    <p class="hint">${visitor.user ? html`Signed in as ${visitor.user.email}` : html`You are chatting as a guest. <a href="/signup">Create a free account</a> to save your plan.`}</p>
    <button type="button" class="link" id="new-chat">New chat</button>
  </div>
  <ol class="messages" id="messages" aria-live="polite" aria-relevant="additions text">
    <li class="message assistant intro"><div class="bubble"><p>Hi! Tell me about your household — who lives with you (ages), where you live, what worries you (hurricanes, earthquakes, power cuts…), for how long, and your budget. For example: <em>“We're 2 adults and 2 kids in Tampa, FL, worried about hurricanes, 2 weeks, $300.”</em></p></div></li>
  </ol>
  <form id="chat-form" class="composer" autocomplete="off">
    <label for="chat-input" class="visually-hidden">Your message</label>
    <textarea id="chat-input" name="text" rows="2" maxlength="4000" placeholder="Describe your household…" required></textarea>
    <button type="submit" class="button primary" id="send">Send</button>
  </form>
  <p class="field-error" id="chat-error" role="alert"></p>
</section>
<noscript><p class="notice">The chat needs JavaScript. Your saved plan is at <a href="/plan">/plan</a>.</p></noscript>`,
  });
}
