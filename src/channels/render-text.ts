import type { Reply } from '../conversation/reply.ts';
import type { Channel } from '../domain/channels.ts';
import { renderSms } from './sms/render.ts';
import { renderTelegram, telegramText } from './telegram/render.ts';
import { renderWeb } from './web/chat/render.ts';

/**
 * The reply as a channel sends it, as one block of text: what the terminal chat prints and the dialogue
 * evals read. Telegram's is its MarkdownV2 wire text (messages apart by a blank line, buttons as [ label ]);
 * SMS's is the exact message, trimmed with a link to `publicUrl` when it would not fit three segments.
 */
export function renderText(channel: Channel, reply: Reply, publicUrl: string): string {
  if (channel === 'sms') return renderSms(reply, { moreUrl: `${publicUrl}/plan` }).text;
  if (channel === 'telegram') return telegramText(renderTelegram(reply));
  const w = renderWeb(reply);
  const buttons = w.choices.map((c) => `[ ${c.label} ]`);
  return buttons.length ? `${w.markdown}\n\n${buttons.join(' ')}` : w.markdown;
}
