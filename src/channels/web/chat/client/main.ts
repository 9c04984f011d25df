// The chat page: the AI SDK's Chat (see chat.ts) drives the conversation; this file wires the composer, Stop,
// Retry, Regenerate and choices to it, keeps failed turns visible with their reason, and after a reload
// mid-reply shows what had arrived until the server (which records every turn) has the whole reply.
import { BrowserChat, type ChatMessage, ReadyPlanTransport, reasonOf, textOf } from './chat.ts';
import { fromHistory, hasContent, type StoredMessage } from './parts.ts';
import { createView, type Failure } from './view.ts';

type Context = { conversationId: string | null; signedIn: boolean; messages: StoredMessage[] };
type Pending = { conversationId: string | null; userText: string; text: string };

const PENDING = 'readyplan.chat.pending';
const DRAFT = 'readyplan.chat.draft';
const RESUME_POLL_MS = 1500;
const RESUME_GIVE_UP_MS = 120_000;

const context = JSON.parse(document.getElementById('chat-context')!.textContent!) as Context;
const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')!.content;
const list = document.getElementById('messages') as HTMLOListElement;
const form = document.getElementById('chat-form') as HTMLFormElement;
const input = document.getElementById('chat-input') as HTMLTextAreaElement;
const send = document.getElementById('send') as HTMLButtonElement;
const stop = document.createElement('button');
stop.type = 'button';
stop.id = 'stop';
stop.className = 'button';
stop.textContent = 'Stop';
stop.hidden = true;
send.after(stop);

let conversationId = context.conversationId;
const failures = new Map<string, Failure>();
const incomplete = new Map<string, string>();
let resuming: { text: string } | null = null;
let stopping = false;
let queued = false;

const draw = createView(list, {
  retry: () => void retry(),
  regenerate: () => void runTurn(() => chat.regenerate()),
  choose: (value) => void sendText(value),
});

function render() {
  queued = false;
  const nearBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 120;
  draw({ messages: chat.messages, status: chat.status, failures, incomplete, resuming, now: Date.now() });
  const busy = chat.status === 'submitted' || chat.status === 'streaming';
  send.hidden = busy;
  stop.hidden = !busy;
  // Follow a reply as it grows, unless the person scrolled up to read.
  if (busy && nearBottom) list.lastElementChild?.scrollIntoView({ block: 'end' });
  if (busy) savePending();
}
// Many state changes arrive in one go (a chunk, a status): draw once for them.
const schedule = () => {
  if (!queued) {
    queued = true;
    queueMicrotask(render);
  }
};

const chat = new BrowserChat({
  messages: fromHistory(context.messages ?? [], conversationId),
  changed: schedule,
  transport: new ReadyPlanTransport(csrf, () => conversationId),
  onData: (part) => {
    if (part.type === 'data-conversation') conversationId = part.data.conversationId;
  },
});

const lastUserIndex = () => chat.messages.findLastIndex((m) => m.role === 'user');

function savePending() {
  const i = lastUserIndex();
  if (i < 0) return;
  const reply = chat.messages[i + 1];
  const pending: Pending = {
    conversationId,
    userText: textOf(chat.messages[i]!),
    text: reply ? textOf(reply) : '',
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
}

/** After a request ends: a failure or a stop is written beside the user's message, never lost. */
function settle() {
  const i = lastUserIndex();
  const user = chat.messages[i];
  const reply: ChatMessage | undefined = chat.messages[i + 1];
  const partial = reply !== undefined && textOf(reply).trim() !== '';
  if (chat.status === 'error' && user) {
    const { reason, wait } = reasonOf(chat.error, partial);
    failures.set(user.id, {
      mark: 'Failed:',
      reason,
      retryAt: wait === null ? null : Date.now() + wait * 1000,
    });
    if (reply && partial) incomplete.set(reply.id, 'This reply is incomplete.');
    if (wait !== null) countdown(wait);
    chat.clearError();
  } else if (stopping && user) {
    if (partial) incomplete.set(reply!.id, 'Stopped.');
    else failures.set(user.id, { mark: 'Stopped:', reason: 'you stopped it before a reply.', retryAt: null });
  }
  // No empty assistant bubbles: a reply with nothing in it goes.
  if (reply && !hasContent(reply)) chat.truncate(i + 1);
  if (!failures.has(user?.id ?? '')) sessionStorage.removeItem(PENDING);
  stopping = false;
}

async function runTurn(request: () => Promise<void>) {
  if (chat.status === 'submitted' || chat.status === 'streaming') return;
  document.body.dataset.chatState = 'streaming';
  try {
    await request();
  } finally {
    settle();
    render();
    document.body.dataset.chatState = 'idle';
    // Counts finished turns, however they ended (tests wait on it; a refused turn ends within one frame).
    document.body.dataset.turns = String(Number(document.body.dataset.turns ?? 0) + 1);
    // The reason for a failure, or the end of the reply (its plan card), is what must be in view: above the
    // sticky composer, which scroll-padding-bottom leaves room for.
    const user = chat.messages[lastUserIndex()];
    const failure = user
      ? list.querySelector<HTMLElement>(`li[data-id="${CSS.escape(user.id)}"] .failure`)
      : null;
    list.lastElementChild?.scrollIntoView({ block: 'end' });
    failure?.scrollIntoView({ block: 'nearest' });
  }
}

function sendText(text: string) {
  const message = text.trim();
  if (!message) return;
  return runTurn(() => chat.sendMessage({ text: message }));
}

/** Retry the last turn: drop its partial reply and send the same words again. */
function retry() {
  const i = lastUserIndex();
  const user = chat.messages[i];
  if (!user) return;
  failures.delete(user.id);
  for (const m of chat.messages.slice(i + 1)) incomplete.delete(m.id);
  chat.truncate(i + 1);
  return runTurn(() => chat.regenerate());
}

// A 429's Retry button counts down to when the server will take the message.
function countdown(seconds: number) {
  const timer = setInterval(render, 1000);
  setTimeout(
    () => {
      clearInterval(timer);
      render();
    },
    seconds * 1000 + 50,
  );
}

stop.addEventListener('click', () => {
  stopping = true;
  void chat.stop();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value;
  if (!text.trim() || chat.status === 'submitted' || chat.status === 'streaming') return;
  input.value = '';
  sessionStorage.removeItem(DRAFT);
  void sendText(text);
});
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
// What is typed survives a reload.
input.value = sessionStorage.getItem(DRAFT) ?? '';
input.addEventListener('input', () => sessionStorage.setItem(DRAFT, input.value));
document.getElementById('new-chat')!.addEventListener('click', () => {
  if (chat.status === 'submitted' || chat.status === 'streaming') return;
  conversationId = null;
  failures.clear();
  incomplete.clear();
  resuming = null;
  sessionStorage.removeItem(PENDING);
  chat.messages = [];
  input.focus();
});

// The composer is sticky: scrolling a message into view leaves room for it.
new ResizeObserver(() => {
  document.documentElement.style.scrollPaddingBottom = `${form.offsetHeight + 8}px`;
}).observe(form);

/** Reloaded while a reply was streaming: show what had arrived, then the server's whole reply. */
async function resume() {
  const last = context.messages[context.messages.length - 1];
  if (last?.role !== 'user') return;
  const saved = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null') as Pending | null;
  const same =
    saved && saved.conversationId === conversationId && saved.userText.trim() === last.content.trim();
  resuming = { text: same ? saved.text : '' };
  render();
  const started = Date.now();
  while (Date.now() - started < RESUME_GIVE_UP_MS) {
    await new Promise((r) => setTimeout(r, RESUME_POLL_MS));
    // A poll that fails (offline for a moment) is simply tried again on the next tick.
    const response = await fetch('/api/chat/history', { headers: { accept: 'application/json' } }).catch(
      () => null,
    );
    if (!response?.ok) continue;
    const thread = (await response.json()) as { conversationId: string | null; messages: StoredMessage[] };
    if (thread.conversationId !== conversationId) break;
    if (thread.messages[thread.messages.length - 1]?.role === 'assistant') {
      resuming = null;
      sessionStorage.removeItem(PENDING);
      chat.messages = fromHistory(thread.messages, conversationId);
      render();
      return;
    }
  }
  resuming = null;
  const user = chat.messages[lastUserIndex()];
  if (user) failures.set(user.id, { mark: 'Failed:', reason: 'no reply arrived.', retryAt: null });
  render();
}

render();
list.lastElementChild?.scrollIntoView({ block: 'end' });
document.body.dataset.chatState = 'idle';
void resume();
