import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small server speaking the Telegram Bot API wire format (core.telegram.org/bots/api): `POST
 * /bot<token>/<method>` with a JSON body, answered `{ ok: true, result }` or `{ ok: false, error_code,
 * description }`. It checks what the real server refuses — the token, MarkdownV2 with a bare reserved
 * character, text over 4096 characters after entities are parsed, callback_data over 64 bytes, an edit that
 * changes nothing — and records every call. The real grammY client points at it (TELEGRAM_API_ROOT).
 */

export type TelegramCall = { method: string; payload: Record<string, unknown>; result?: unknown };
type Failure = { error_code: number; description: string };

const RESERVED = '_*[]()~`>#+-=|{}.!';

/**
 * Telegram's MarkdownV2 parse of the subset of entities a bot sends: the visible text and the links' URLs,
 * or why it is refused.
 */
export function parseMarkdownV2(text: string): { plain: string; urls: string[] } | { error: string } {
  let plain = '';
  const urls: string[] = [];
  const open: string[] = [];
  let mode: 'text' | 'code' | 'url' = 'text';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined) return { error: "can't parse entities: unexpected end after '\\'" };
      if (mode === 'url') urls[urls.length - 1] += next;
      else plain += next;
      i += 1;
      continue;
    }
    if (mode === 'code') {
      if (ch === '`') mode = 'text';
      else plain += ch;
      continue;
    }
    if (mode === 'url') {
      if (ch === ')') mode = 'text';
      else urls[urls.length - 1] += ch;
      continue;
    }
    if (ch === '`') mode = 'code';
    else if (ch === '*' || ch === '_' || ch === '~') {
      if (open[open.length - 1] === ch) open.pop();
      else open.push(ch);
    } else if (ch === '[') open.push('[');
    else if (ch === ']' && open[open.length - 1] === '[' && text[i + 1] === '(') {
      open.pop();
      mode = 'url';
      urls.push('');
      i += 1;
    } else if (RESERVED.includes(ch))
      return {
        error: `can't parse entities: Character '${ch}' is reserved and must be escaped with the preceding '\\'`,
      };
    else plain += ch;
  }
  if (mode !== 'text' || open.length > 0)
    return { error: "can't parse entities: Can't find end of the entity" };
  return { plain, urls };
}

export type FakeTelegram = {
  apiRoot: string;
  token: string;
  botInfo: {
    id: number;
    is_bot: true;
    first_name: string;
    username: string;
    can_join_groups: boolean;
    can_read_all_group_messages: boolean;
    supports_inline_queries: boolean;
    can_connect_to_business: boolean;
    has_main_web_app: boolean;
    has_topics_enabled: boolean;
    allows_users_to_create_topics: boolean;
    can_manage_bots: boolean;
    supports_join_request_queries: boolean;
  };
  calls: TelegramCall[];
  /** sendMessage payloads, optionally for one chat. */
  sent(chatId?: string | number): Record<string, unknown>[];
  /** Queues an update for getUpdates (long polling); update_id is assigned when absent. */
  queueUpdate(update: Record<string, unknown>): number;
  /** The next call of `method` fails with this error (as the real server would answer). */
  failNext(method: string, failure: Failure): void;
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startFakeTelegram(token = '123456:TEST-token'): Promise<FakeTelegram> {
  const calls: TelegramCall[] = [];
  const updates: Record<string, unknown>[] = [];
  const failures = new Map<string, Failure[]>();
  const markups = new Map<string, string>(); // `${chat}:${message}` → reply_markup JSON
  const waiting = new Set<() => void>();
  let nextUpdateId = 1000;
  let nextMessageId = 1;
  const botInfo = {
    id: 424242,
    is_bot: true as const,
    first_name: 'ReadyPlan',
    username: 'readyplan_test_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };

  function answer(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
  const bad = (description: string): Failure => ({
    error_code: 400,
    description: `Bad Request: ${description}`,
  });

  function checkMarkup(markup: unknown): Failure | null {
    const rows = (markup as { inline_keyboard?: { text?: string; callback_data?: string }[][] })
      ?.inline_keyboard;
    if (markup === undefined) return null;
    if (!Array.isArray(rows)) return bad('inline keyboard expected');
    for (const b of rows.flat()) {
      if (!b.text) return bad('text buttons are unallowed in the inline keyboard');
      const bytes = Buffer.byteLength(b.callback_data ?? '');
      if (bytes < 1 || bytes > 64) return bad('BUTTON_DATA_INVALID');
    }
    return null;
  }

  function sendMessage(p: Record<string, unknown>): Failure | unknown {
    if (p.chat_id === undefined) return bad('chat_id is empty');
    if (typeof p.text !== 'string' || p.text.length === 0) return bad('message text is empty');
    let visible = p.text;
    if (p.parse_mode === 'MarkdownV2') {
      const parsed = parseMarkdownV2(p.text);
      if ('error' in parsed) return bad(parsed.error);
      visible = parsed.plain;
    } else if (p.parse_mode !== undefined) return bad(`unsupported parse_mode ${String(p.parse_mode)}`);
    if (visible.length > 4096) return bad('message is too long');
    const markupProblem = checkMarkup(p.reply_markup);
    if (markupProblem) return markupProblem;
    const message_id = nextMessageId++;
    markups.set(`${p.chat_id}:${message_id}`, JSON.stringify(p.reply_markup ?? { inline_keyboard: [] }));
    return {
      message_id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(p.chat_id), type: 'private' },
      text: visible,
      ...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
    };
  }

  async function getUpdates(p: Record<string, unknown>, req: IncomingMessage): Promise<unknown> {
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    // Updates below the offset are confirmed: Telegram forgets them.
    while (updates.length > 0 && (updates[0]?.update_id as number) < offset) updates.shift();
    const deadline = Date.now() + Math.min(Number(p.timeout ?? 0), 2) * 1000;
    while (updates.length === 0 && Date.now() < deadline && !req.destroyed) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const limit = typeof p.limit === 'number' ? p.limit : 100;
    return updates.slice(0, limit);
  }

  const handlers: Record<string, (p: Record<string, unknown>, req: IncomingMessage) => unknown> = {
    getMe: () => botInfo,
    deleteWebhook: () => true,
    setWebhook: (p) =>
      typeof p.url === 'string' && p.url.startsWith('https://')
        ? true
        : bad('bad webhook: HTTPS url must be provided for webhook'),
    sendMessage,
    sendChatAction: (p) =>
      p.action === 'typing' && p.chat_id !== undefined ? true : bad('wrong parameter action in request'),
    answerCallbackQuery: (p) =>
      typeof p.callback_query_id === 'string'
        ? true
        : bad('query is too old and response timeout expired or query ID is invalid'),
    editMessageReplyMarkup: (p) => {
      const key = `${p.chat_id}:${p.message_id}`;
      const before = markups.get(key);
      if (before === undefined) return bad('message to edit not found');
      const after = JSON.stringify(p.reply_markup ?? { inline_keyboard: [] });
      if (before === after)
        return bad(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      markups.set(key, after);
      return true;
    },
    getUpdates,
  };

  const server = createServer(async (req, res) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match)
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== token)
      return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2] as string;
    let body = '';
    for await (const chunk of req) body += chunk;
    const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    const call: TelegramCall = { method, payload };
    calls.push(call);
    for (const wake of waiting) wake();
    const failure = failures.get(method)?.shift();
    if (failure) return answer(res, failure.error_code, { ok: false, ...failure });
    const handler = handlers[method];
    if (!handler)
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    const result = await handler(payload, req);
    if (result && typeof result === 'object' && 'error_code' in result)
      return answer(res, (result as Failure).error_code, { ok: false, ...(result as Failure) });
    call.result = result;
    answer(res, 200, { ok: true, result });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    sent: (chatId) =>
      calls
        .filter(
          (c) =>
            c.method === 'sendMessage' &&
            (chatId === undefined || String(c.payload.chat_id) === String(chatId)),
        )
        .map((c) => c.payload),
    queueUpdate(update) {
      const update_id = (update.update_id as number | undefined) ?? nextUpdateId++;
      updates.push({ ...update, update_id });
      return update_id;
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('fake Telegram: timed out waiting for the expected calls');
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiting.delete(wake);
            resolve();
          };
          waiting.add(wake);
          setTimeout(wake, 50);
        });
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
