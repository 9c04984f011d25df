import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Telegram message ids (sendMessage's `result.message_id`) of the messages sent while `fn` runs, like
 * src/channels/sms/sent-ids.ts for Twilio sids: the channel's `deliver` answers nothing, but the outbox keeps
 * the provider's id in `outbox` and `communication_log`. The adapter notes each accepted send; the note lands
 * here when a caller is listening, and nowhere otherwise.
 */
const listening = new AsyncLocalStorage<string[]>();

export async function withSentTelegramIds<T>(fn: () => Promise<T>): Promise<{ result: T; ids: string[] }> {
  const ids: string[] = [];
  const result = await listening.run(ids, fn);
  return { result, ids };
}

export function noteSentTelegramId(messageId: number): void {
  listening.getStore()?.push(String(messageId));
}
