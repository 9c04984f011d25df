import { withSentSmsIds } from '../channels/sms/index.ts';
import { withSentTelegramIds } from '../channels/telegram/index.ts';
import type { Deliver } from '../conversation/inbound.ts';
import { type ConversationDeps, notify } from '../conversation/index.ts';
import type { OutboundChannel } from '../db/schema/index.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import { getTemplate, type OutboxRow, recipientEmail, renderTemplate } from '../services/outbox/index.ts';
import type { Send } from './outbox-sender.ts';

type Payload = { text?: unknown; subject?: unknown; variables?: Record<string, string | number> };

/** The message's text: the payload's own, else its type's template on the channel filled with its variables. */
async function textOf(deps: ConversationDeps, row: OutboxRow, channel: OutboundChannel) {
  const payload = row.payload as Payload;
  if (typeof payload.text === 'string')
    return {
      subject: typeof payload.subject === 'string' ? payload.subject : 'ReadyPlan',
      text: payload.text,
    };
  const template = await getTemplate(deps.db, row.type, channel);
  if (!template) throw new Error(`no ${row.type} template for ${channel}`);
  const variables = payload.variables ?? {};
  return {
    subject: renderTemplate(template.subject ?? 'ReadyPlan', variables),
    text: renderTemplate(template.body, variables),
  };
}

/**
 * The production `Send`: e-mail through the mailer when the row asks for e-mail and SMTP is configured,
 * otherwise the conversation core's `notify` (the user's linked Telegram chat or number, recorded in their
 * thread) and the channels' `deliver`. A user no channel reaches is an error, so the row is retried and
 * finally marked failed with the reason, never dropped silently.
 */
export function createOutboxSend(deps: ConversationDeps, deliver: Deliver, mailer: Mailer | null): Send {
  return async (row) => {
    if (row.channel === 'email') {
      if (!mailer) throw new Error('e-mail is not configured (SMTP_URL)');
      const to = await recipientEmail(deps.db, row.userId);
      if (!to) throw new Error('the user no longer exists');
      const { subject, text } = await textOf(deps, row, 'email');
      await mailer.send({ to, subject, text });
      return { channel: 'email', providerMessageId: null };
    }
    const chat = row.channel;
    const { text } = await textOf(deps, row, chat ?? 'telegram');
    // The provider's id is kept with the message: Twilio's sid so its status callbacks reach this message's
    // log, Telegram's message_id (Telegram reports no status) so the log names the message that went out.
    const {
      result: { result, sids },
      ids,
    } = await withSentTelegramIds(() =>
      withSentSmsIds(() =>
        notify(
          deps,
          {
            userId: row.userId,
            reply: { text, toolCalls: [], status: 'ok' },
            ...(chat ? { channel: chat } : {}),
          },
          deliver,
        ),
      ),
    );
    if (!result.delivered) throw new Error(`not delivered: ${result.reason}`);
    const providerMessageId = (result.channel === 'sms' ? sids[0] : ids[0]) ?? null;
    return { channel: result.channel === 'web' ? null : result.channel, providerMessageId };
  };
}
