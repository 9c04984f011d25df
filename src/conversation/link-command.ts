import type { Channel } from '../domain/channels.ts';
import { createLinkCode, LINK_CODE_TTL_MS, redeemLinkCode } from '../services/channels/link-codes.ts';
import type { Db } from '../services/database.ts';
import { AppError } from '../services/errors.ts';

/**
 * "/link" in Telegram or "LINK" by SMS, answered by the core before any model: alone it makes a code to type
 * on the web account page; with a code made there ("/link ABCD-EFGH") it joins this chat or number to that
 * account. Both spellings work on both channels. A sentence that merely starts with "link" is the model's.
 */
export type LinkCommand = { code: string | null };

const COMMAND = /^\/?link(?:@\w+)?(?:\s+([A-Za-z0-9]{4}[-\s]?[A-Za-z0-9]{4}))?[.!]?$/i;

export function parseLinkCommand(text: string): LinkCommand | null {
  const match = COMMAND.exec(text.trim());
  return match ? { code: match[1] ?? null } : null;
}

/** Runs the command for a chat or number; returns the text to answer with. */
export async function runLinkCommand(
  db: Db,
  who: { channel: Exclude<Channel, 'web'>; externalId: string; userId: string },
  command: LinkCommand,
  publicUrl: string,
): Promise<string> {
  const send = who.channel === 'sms' ? 'LINK' : '/link';
  if (command.code === null) {
    const { code } = await createLinkCode(db, who.userId);
    const minutes = Math.round(LINK_CODE_TTL_MS / 60_000);
    return (
      `Your link code is ${code}. Sign in at ${publicUrl}/account and enter it within ${minutes} minutes to ` +
      `join this ${who.channel === 'sms' ? 'number' : 'chat'} to your web account. Or get a code on that page ` +
      `and send ${send} followed by the code here.`
    );
  }
  try {
    const linked = await redeemLinkCode(db, {
      channel: who.channel,
      externalId: who.externalId,
      code: command.code,
    });
    if (linked.mergedUserId === null) return 'This is already linked to that account.';
    const { plans, inventory } = linked.moved;
    return (
      `Linked. This ${who.channel === 'sms' ? 'number' : 'chat'} and your web account are now one account` +
      (plans + inventory > 0 ? ` — your plans and inventory are together.` : '.')
    );
  } catch (error) {
    // A wrong code and a conflict are the person's to fix: tell them; anything else is ours and propagates.
    if (error instanceof AppError && (error.code === 'BAD_INPUT' || error.code === 'CONFLICT'))
      return error.message;
    throw error;
  }
}
