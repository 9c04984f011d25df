import { createHash, timingSafeEqual } from 'node:crypto';
import { type Api, GrammyError } from 'grammy';
import type { ChannelAdapter, InboundMessage } from '../../conversation/channel-adapter.ts';
import type { Reply } from '../../conversation/reply.ts';
import { badInput } from '../../services/errors.ts';
import { renderTelegram, type TelegramRendering } from './render.ts';
import { noteSentTelegramId } from './sent-ids.ts';
import { describeIssues, type ParsedUpdate, readUpdate, updateSchema } from './update.ts';

/** A webhook request as the adapter needs it: the secret header and the parsed JSON body. */
export type TelegramWebhookRequest = { secretToken: string | undefined; body: unknown };

export type TelegramAdapter = ChannelAdapter<TelegramWebhookRequest, TelegramRendering> & {
  /** The update's message and its button press (parse's result plus what the webhook answers). */
  readUpdate(body: unknown): ParsedUpdate;
  /** "typing…" in the chat, repeated until the reply is sent or stopTyping (Telegram shows one ~5 s). */
  indicateTyping(externalId: string): Promise<void>;
  stopTyping(externalId: string): void;
  /** Answers a button press (stops its spinner) and retires that message's keyboard. */
  acknowledgeCallback(ack: NonNullable<ParsedUpdate['callback']>): Promise<void>;
  /** Stops every repeating typing indicator (shutdown). */
  close(): void;
};

export type TelegramAdapterOptions = {
  /** grammY's Bot API client (`bot.api`), pointed at Telegram or at a local Bot API server. */
  api: Api;
  /** TELEGRAM_WEBHOOK_SECRET; without one every webhook request is refused. */
  webhookSecret: string | undefined;
  log?: (message: string, detail?: unknown) => void;
  /** How long a typing indicator may keep repeating without a reply. Default 2 minutes. */
  typingMaxMs?: number;
  /** How often it is repeated: Telegram shows one for about 5 s. Default 4 s. */
  typingEveryMs?: number;
};

/**
 * Equal-length digests compared with timingSafeEqual: the time taken says nothing about how much of the
 * secret a guess got right, nor about its length.
 */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Telegram refused the markup itself (a rendering bug): worth a plain-text resend, not a lost reply. */
function isEntityError(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /can't parse entities/i.test(error.description)
  );
}

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const { api, webhookSecret } = options;
  const log = options.log ?? (() => {});
  const typingMaxMs = options.typingMaxMs ?? 120_000;
  const typingEveryMs = options.typingEveryMs ?? 4000;
  const typing = new Map<string, NodeJS.Timeout>();

  function stopTyping(chatId: string) {
    const timer = typing.get(chatId);
    if (timer) clearInterval(timer);
    typing.delete(chatId);
  }

  function readUpdateBody(body: unknown): ParsedUpdate {
    const parsed = updateSchema.safeParse(body);
    if (!parsed.success) throw badInput(`not a Telegram update: ${describeIssues(parsed.error)}`, 'body');
    return readUpdate(parsed.data);
  }

  async function sendOne(chatId: string, m: TelegramRendering['messages'][number]) {
    const extra = m.replyMarkup ? { reply_markup: m.replyMarkup } : {};
    try {
      noteSentTelegramId(
        (await api.sendMessage(chatId, m.text, { parse_mode: m.parseMode, ...extra })).message_id,
      );
    } catch (error) {
      if (!isEntityError(error)) throw error;
      log('telegram: markup refused, sent as plain text', {
        description: (error as GrammyError).description,
      });
      noteSentTelegramId((await api.sendMessage(chatId, m.plain, extra)).message_id);
    }
  }

  return {
    channel: 'telegram',
    verify(request) {
      if (!webhookSecret) return false;
      return sameSecret(request.secretToken, webhookSecret);
    },
    parse(request): InboundMessage | null {
      return readUpdateBody(request.body).message;
    },
    readUpdate: readUpdateBody,
    render(reply: Reply) {
      return renderTelegram(reply);
    },
    async send(externalId, rendered) {
      stopTyping(externalId);
      // In order, one after another: Telegram shows them in the order they arrive.
      for (const m of rendered.messages) await sendOne(externalId, m);
    },
    async indicateTyping(externalId) {
      await api.sendChatAction(externalId, 'typing');
      if (typing.has(externalId)) return;
      const started = Date.now();
      const timer = setInterval(() => {
        if (Date.now() - started > typingMaxMs) return stopTyping(externalId);
        api.sendChatAction(externalId, 'typing').catch((error: unknown) => {
          stopTyping(externalId);
          log('telegram: typing indicator failed', { error: String(error) });
        });
      }, typingEveryMs);
      timer.unref();
      typing.set(externalId, timer);
    },
    stopTyping,
    async acknowledgeCallback(ack) {
      await api.answerCallbackQuery(ack.callbackQueryId);
      // The choice is made: the old buttons go, so a second press cannot answer a question twice.
      if (ack.chatId === null || ack.messageId === null) return;
      try {
        await api.editMessageReplyMarkup(ack.chatId, ack.messageId, {
          reply_markup: { inline_keyboard: [] },
        });
      } catch (error) {
        // A second press on the same message: its keyboard is already gone, which is the goal.
        const unchanged = error instanceof GrammyError && /message is not modified/i.test(error.description);
        if (!unchanged) throw error;
      }
    },
    close() {
      for (const chatId of [...typing.keys()]) stopTyping(chatId);
    },
  };
}
