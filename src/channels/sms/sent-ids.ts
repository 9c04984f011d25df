import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Twilio sids of the messages sent while `fn` runs. The channel's `deliver` answers nothing (a turn's
 * reply needs no id), but the outbox must keep the provider's id so that status callbacks reach its
 * communication log (src/services/outbox/status.ts). The adapter reports each accepted send through
 * recordStatus; that report lands here when a caller is listening, and nowhere otherwise.
 */
const listening = new AsyncLocalStorage<string[]>();

export async function withSentSmsIds<T>(fn: () => Promise<T>): Promise<{ result: T; sids: string[] }> {
  const sids: string[] = [];
  const result = await listening.run(sids, fn);
  return { result, sids };
}

export function noteSentSmsId(sid: string): void {
  listening.getStore()?.push(sid);
}
