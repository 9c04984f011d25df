import { z } from 'zod';
import type { InboundMessage } from '../../conversation/channel-adapter.ts';

/**
 * The part of a Telegram Update this bot reads (core.telegram.org/bots/api#update): a private chat's text
 * message, or a press on one of our inline buttons. Everything else Telegram may send (edits, joins,
 * stickers) is a valid update that carries no message. Unknown fields pass: Telegram adds them over time.
 */
const chat = z.object({ id: z.number().int(), type: z.string() });
const message = z.object({
  message_id: z.number().int(),
  chat,
  text: z.string().optional(),
});
const callbackQuery = z.object({
  id: z.string().min(1),
  data: z.string().optional(),
  message: z.object({ message_id: z.number().int(), chat }).optional(),
});

export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
});
export type TelegramUpdate = z.infer<typeof updateSchema>;

/** A button press to acknowledge (the spinner on the button) and whose keyboard to retire. */
export type CallbackAck = { callbackQueryId: string; chatId: string | null; messageId: number | null };

export type ParsedUpdate = { message: InboundMessage | null; callback: CallbackAck | null };

/**
 * Bot commands as words the conversation core understands on every model (the offline one and a real one
 * alike): the command menu is Telegram's, the meaning is the core's. /link goes through as is — the core
 * answers it before any model. "/start CODE" is Telegram's deep link (t.me/<bot>?start=CODE) from the
 * account page, so a code there links the chat.
 */
export function commandText(text: string): string {
  const command = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!command) return text;
  const name = (command[1] ?? '').toLowerCase();
  const rest = (command[2] ?? '').trim();
  switch (name) {
    case 'start':
      return /^[A-Za-z0-9]{4}[-_]?[A-Za-z0-9]{4}$/.test(rest) ? `/link ${rest.replace('_', '-')}` : 'hello';
    case 'plan':
      return 'show my plan';
    case 'inventory':
      return 'show my inventory';
    case 'help':
      return 'help';
    case 'link':
      return rest ? `/link ${rest}` : '/link';
    default:
      return text;
  }
}

/** The neutral message in an update (null when it carries none), and the button press to answer. */
export function readUpdate(update: TelegramUpdate): ParsedUpdate {
  const deliveryId = String(update.update_id);
  const m = update.message;
  if (m && m.chat.type === 'private' && m.text !== undefined && m.text.trim() !== '') {
    const externalId = String(m.chat.id);
    return {
      message: { channel: 'telegram', externalId, text: commandText(m.text), deliveryId },
      callback: null,
    };
  }
  const q = update.callback_query;
  if (q) {
    const chatId = q.message ? String(q.message.chat.id) : null;
    const callback = { callbackQueryId: q.id, chatId, messageId: q.message?.message_id ?? null };
    // The button's data is the choice's value (or "#n"): the core's mapChoice reads it like a typed reply.
    if (chatId && q.message?.chat.type === 'private' && q.data && q.data.trim() !== '')
      return { message: { channel: 'telegram', externalId: chatId, text: q.data, deliveryId }, callback };
    return { message: null, callback };
  }
  return { message: null, callback: null };
}

/** Zod's issues as one sentence naming each field ("update_id: expected number, received string"). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`)
    .join('; ');
}
