// The AI SDK's framework-free chat (AbstractChat) bound to plain DOM state, and the transport to POST /api/chat.
// The SDK parses the UI message stream, builds the messages, handles stop and regenerate; this file only adds
// what our server needs (the thread lives on the server, so each request carries the one new text) and turns
// every failure into a sentence a person can act on.
import {
  AbstractChat,
  type ChatInit,
  type ChatState,
  type ChatStatus,
  DefaultChatTransport,
  type UIMessage,
} from 'ai';
import type { Choice, PlanCard } from '../../../../conversation/reply.ts';

/** The `data-reply` part our server sends before `finish`: the channel-neutral reply's extras. */
export type ReplyData = {
  conversationId: string | null;
  status?: 'ok' | 'error';
  choices: Choice[];
  link: { label: string; url: string } | null;
  planCard: PlanCard | null;
};
export type ChatMessage = UIMessage<never, { reply: ReplyData; conversation: { conversationId: string } }>;

/** A failed request, with the reason to show beside the message and when a retry may go (429). */
export class ChatFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ChatFailure';
  }
}

/** Plain state with one listener: the view re-renders (once per frame) whenever the SDK changes it. */
class DomChatState implements ChatState<ChatMessage> {
  error: Error | undefined = undefined;
  #status: ChatStatus = 'ready';
  #messages: ChatMessage[];
  constructor(
    messages: ChatMessage[],
    private readonly changed: () => void,
  ) {
    this.#messages = messages;
  }
  get status() {
    return this.#status;
  }
  set status(status: ChatStatus) {
    this.#status = status;
    this.changed();
  }
  get messages() {
    return this.#messages;
  }
  set messages(messages: ChatMessage[]) {
    this.#messages = [...messages];
    this.changed();
  }
  pushMessage = (message: ChatMessage) => {
    this.#messages = [...this.#messages, message];
    this.changed();
  };
  popMessage = () => {
    this.#messages = this.#messages.slice(0, -1);
    this.changed();
  };
  replaceMessage = (index: number, message: ChatMessage) => {
    this.#messages = this.#messages.map((m, i) => (i === index ? message : m));
    this.changed();
  };
  snapshot = <T>(thing: T): T => structuredClone(thing);
}

export class BrowserChat extends AbstractChat<ChatMessage> {
  readonly #state: DomChatState;
  constructor({
    messages,
    changed,
    ...init
  }: Omit<ChatInit<ChatMessage>, 'messages'> & { messages: ChatMessage[]; changed: () => void }) {
    const state = new DomChatState(messages, changed);
    super({ ...init, state });
    this.#state = state;
  }
  /** Drop messages from `index` on (a failed turn's empty or partial reply before a retry). */
  truncate(index: number) {
    this.#state.messages = this.#state.messages.slice(0, index);
  }
}

async function failureOf(response: Response): Promise<ChatFailure> {
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  const said = typeof body.error === 'string' && body.error !== 'Something went wrong' ? body.error : '';
  if (response.status === 429) {
    const header = Number(response.headers.get('retry-after'));
    const wait = Number.isFinite(header) && header > 0 ? Math.ceil(header) : 10;
    return new ChatFailure(
      `${said || 'Too many messages in a short time.'} You can retry in ${wait} s.`,
      wait,
    );
  }
  if (response.status >= 500)
    return new ChatFailure(`The server had a problem answering (error ${response.status}).`);
  return new ChatFailure(said || `The message was refused (error ${response.status}).`);
}

/** fetch that turns an HTTP error into a ChatFailure (the SDK would surface the raw body) and a drop into a sentence. */
const chatFetch: typeof fetch = async (input, init) => {
  let response: Response;
  try {
    response = await fetch(input, init);
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ChatFailure('The connection dropped before the message reached ReadyPlan.');
  }
  if (!response.ok) throw await failureOf(response);
  return response;
};

/**
 * The SDK's HTTP transport: the body is `{ text, conversationId }` (the server keeps the thread, so the
 * history is never re-sent), and a stream that ends without `finish` counts as cut off, not as an answer.
 */
export class ReadyPlanTransport extends DefaultChatTransport<ChatMessage> {
  constructor(csrf: string, conversationId: () => string | null) {
    super({
      api: '/api/chat',
      headers: { 'x-csrf-token': csrf },
      fetch: chatFetch,
      // Retry and Regenerate are the SDK's regenerate: the server answers the same message again
      // without storing it twice.
      prepareSendMessagesRequest: ({ messages, trigger }) => {
        const last = [...messages].reverse().find((m) => m.role === 'user');
        return {
          body: {
            text: last ? textOf(last) : '',
            conversationId: conversationId(),
            repeat: trigger === 'regenerate-message',
          },
        };
      },
    });
  }
  protected override processResponseStream(stream: ReadableStream<Uint8Array>) {
    let finished = false;
    return super.processResponseStream(stream).pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          if (chunk.type === 'finish') finished = true;
          controller.enqueue(chunk);
        },
        flush() {
          if (!finished) throw new ChatFailure('The reply was cut off before it finished.');
        },
      }),
    );
  }
}

export const textOf = (message: ChatMessage) =>
  message.parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n\n');

/** A sentence for whatever ended a turn: ours already are; the stream's own and the network's are not. */
export function reasonOf(
  error: Error | undefined,
  partial: boolean,
): { reason: string; wait: number | null } {
  if (error instanceof ChatFailure) return { reason: error.message, wait: error.retryAfterSeconds };
  if (error instanceof TypeError)
    return {
      reason: partial
        ? 'The connection dropped while the reply was arriving.'
        : 'The connection dropped before the reply arrived.',
      wait: null,
    };
  // An `error` part from the server: its sentence, unless it is the SDK's bare default.
  const said = error?.message?.trim() ?? '';
  return {
    reason: said && said !== 'An error occurred.' ? said : 'ReadyPlan ran into a problem while answering.',
    wait: null,
  };
}
