// Draws the chat's messages into #messages, one <li> per message kept by id, so a streaming reply only
// changes what changed (focus, selection and scroll position survive). No state lives here.
import type { ChatStatus } from 'ai';
import { money, number } from '../../shared/format.ts';
import { type ChatMessage, type ReplyData, textOf } from './chat.ts';
import { renderMarkdown } from './markdown.ts';
import { chipsOf, hasContent, replyOf, TOOL_LABELS } from './parts.ts';

/** Why a turn did not complete, kept beside the user's message until it is retried. */
export type Failure = { mark: string; reason: string; retryAt: number | null };

export type ViewModel = {
  messages: ChatMessage[];
  status: ChatStatus;
  failures: ReadonlyMap<string, Failure>;
  /** Replies cut short (stopped, or the turn failed part-way), by assistant message id, with a note. */
  incomplete: ReadonlyMap<string, string>;
  /** After a reload mid-reply: the text that had arrived, shown until the server has the whole reply. */
  resuming: { text: string } | null;
  now: number;
};
export type Actions = { retry(): void; regenerate(): void; choose(value: string): void };

type Drawn = { li: HTMLLIElement; key: string };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, className: string, onClick: () => void) {
  const b = el('button', className, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

function link(href: string, label: string, className: string) {
  const a = el('a', className, label);
  // Same-site paths and http(s) only, as everywhere else on the site.
  a.href = /^https?:\/\//i.test(href) || (href.startsWith('/') && !href.startsWith('//')) ? href : '#';
  return a;
}

function planCard(reply: ReplyData) {
  const card = reply.planCard!;
  const box = el('div', 'plan-card');
  const stats = el('div', 'stats');
  for (const fact of [
    card.location,
    `${card.people} ${card.people === 1 ? 'person' : 'people'}`,
    `${card.durationDays} days`,
    `Water ${number(card.waterGallons)} gal`,
    `Food ${number(Math.round(card.foodKcal), 0)} kcal`,
    `Readiness ${card.readinessScore}/100`,
    `${money(card.budget.spent)} of ${money(card.budget.limit)}`,
  ])
    stats.append(el('span', '', fact));
  box.append(el('h3', '', card.title), stats);
  const href = card.url || (reply.conversationId ? `/plans/draft/${reply.conversationId}` : null);
  if (href) {
    const p = el('p');
    p.dataset.testid = 'plan-link';
    p.append(link(href, card.url ? 'Open your plan' : 'See the full plan', 'button primary small'));
    box.append(p);
  }
  return box;
}

function drawUser(
  li: HTMLLIElement,
  message: ChatMessage,
  failure: Failure | undefined,
  model: ViewModel,
  actions: Actions,
  isLastUser: boolean,
) {
  li.className = `message user${failure ? ' failed' : ''}`;
  li.replaceChildren(el('div', 'bubble', textOf(message)));
  if (!failure) return;
  const box = el('div', 'failure');
  box.setAttribute('role', 'alert');
  box.append(el('span', 'failure-mark', failure.mark), ' ', el('span', 'failure-reason', failure.reason));
  if (isLastUser && model.status !== 'submitted' && model.status !== 'streaming') {
    const waiting = failure.retryAt !== null && failure.retryAt > model.now;
    const label = waiting ? `Retry in ${Math.ceil((failure.retryAt! - model.now) / 1000)} s` : 'Retry';
    const retry = button(label, 'button small retry', actions.retry);
    retry.disabled = waiting;
    box.append(' ', retry);
  }
  li.append(box);
}

function drawAssistant(
  li: HTMLLIElement,
  message: ChatMessage,
  model: ViewModel,
  actions: Actions,
  isLast: boolean,
) {
  const busy = model.status === 'submitted' || model.status === 'streaming';
  li.className = 'message assistant';
  const text = textOf(message);
  // The reply's text is re-rendered only when it changed; data-deltas counts the renders (tests watch it grow).
  let body = li.querySelector<HTMLElement>(':scope > .bubble > .reply-text');
  if (!body) {
    const chips = el('div', 'chips');
    chips.setAttribute('aria-label', 'Steps');
    const bubble = el('div', 'bubble');
    body = el('div', 'reply-text');
    body.dataset.deltas = '0';
    bubble.append(body, el('div', 'extras'), el('div', 'after'));
    li.replaceChildren(chips, bubble);
  }
  if (body.dataset.text !== text) {
    body.innerHTML = renderMarkdown(text);
    body.dataset.text = text;
    body.dataset.deltas = String(Number(body.dataset.deltas) + 1);
  }
  body.classList.toggle('typing', busy && isLast);

  const chipBox = li.querySelector<HTMLElement>(':scope > .chips')!;
  chipBox.replaceChildren(
    ...chipsOf(message).map((chip) => {
      const label = TOOL_LABELS[chip.tool] ?? chip.tool;
      const span = el(
        'span',
        'chip',
        chip.state === 'running' ? `${label}…` : chip.state === 'error' ? `${label}: failed` : label,
      );
      span.dataset.tool = chip.tool;
      span.dataset.state = chip.state;
      return span;
    }),
  );

  const reply = replyOf(message);
  const extras = li.querySelector<HTMLElement>('.extras')!;
  const extrasKey = JSON.stringify([reply?.planCard, reply?.link]);
  if (extras.dataset.key !== extrasKey) {
    extras.dataset.key = extrasKey;
    extras.replaceChildren();
    if (reply?.planCard) extras.append(planCard(reply));
    if (reply?.link && reply.link.url !== reply.planCard?.url) {
      const p = el('p');
      p.append(link(reply.link.url, reply.link.label, 'button small'));
      extras.append(p);
    }
  }

  // Choices answer the latest message only; Regenerate is offered on the last reply once it is complete.
  const after = li.querySelector<HTMLElement>('.after')!;
  const note = model.incomplete.get(message.id);
  const key = JSON.stringify([isLast && !busy, reply?.choices, note]);
  if (after.dataset.key === key) return;
  after.dataset.key = key;
  after.replaceChildren();
  if (note) after.append(el('p', 'incomplete', note));
  if (!isLast || busy) return;
  if (reply?.choices.length) {
    const choices = el('div', 'choices');
    for (const choice of reply.choices)
      choices.append(button(choice.label, 'button small', () => actions.choose(choice.value)));
    after.append(choices);
  }
  const tools = el('div', 'reply-actions');
  tools.append(button('Regenerate', 'link regenerate', actions.regenerate));
  after.append(tools);
}

export function createView(list: HTMLOListElement, actions: Actions) {
  const drawn = new Map<string, Drawn>();
  const waiting = el('li', 'message assistant waiting');
  waiting.setAttribute('aria-label', 'ReadyPlan is answering');
  waiting.append(el('div', 'bubble', 'ReadyPlan is answering…'));

  return function draw(model: ViewModel) {
    const busy = model.status === 'submitted' || model.status === 'streaming';
    const visible = model.messages.filter(hasContent);
    const lastUser = [...visible].reverse().find((m) => m.role === 'user');
    const seen = new Set<string>();
    let anchor: Element | null = list.querySelector(':scope > .intro');
    visible.forEach((message, index) => {
      seen.add(message.id);
      let entry = drawn.get(message.id);
      if (!entry) {
        entry = { li: el('li'), key: '' };
        entry.li.dataset.id = message.id;
        drawn.set(message.id, entry);
      }
      const isLast = index === visible.length - 1;
      if (message.role === 'user') {
        const failure = model.failures.get(message.id);
        const key = JSON.stringify([
          textOf(message),
          failure,
          message === lastUser,
          busy,
          failure?.retryAt && failure.retryAt > model.now
            ? Math.ceil((failure.retryAt - model.now) / 1000)
            : 0,
        ]);
        if (entry.key !== key) drawUser(entry.li, message, failure, model, actions, message === lastUser);
        entry.key = key;
      } else drawAssistant(entry.li, message, model, actions, isLast);
      // Keep DOM order equal to message order (a retry removes and re-adds messages).
      const expected = anchor ? anchor.nextElementSibling : list.firstElementChild;
      if (expected !== entry.li) {
        if (anchor) anchor.after(entry.li);
        else list.prepend(entry.li);
      }
      anchor = entry.li;
    });
    for (const [id, entry] of drawn)
      if (!seen.has(id)) {
        entry.li.remove();
        drawn.delete(id);
      }
    // While waiting for the first words (or after a reload, for the rest of a reply), one placeholder.
    const last = visible[visible.length - 1];
    const showWaiting = (busy && last?.role === 'user') || (model.resuming !== null && last?.role === 'user');
    if (showWaiting) {
      waiting.querySelector('.bubble')!.textContent = model.resuming?.text
        ? `${model.resuming.text}\n\n(ReadyPlan is still answering…)`
        : 'ReadyPlan is answering…';
      if (list.lastElementChild !== waiting) list.append(waiting);
    } else waiting.remove();
  };
}
