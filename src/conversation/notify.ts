import type { Channel } from '../domain/channels.ts';
import { smsOptedOut } from '../services/accounts/sms-consent.ts';
import { getProfile } from '../services/accounts/users.ts';
import { listUserIdentities, setCurrentConversation } from '../services/channels/identities.ts';
import { recordAssistantMessage } from '../services/conversations/turns.ts';
import type { InboundMessage } from './channel-adapter.ts';
import type { Deliver } from './inbound.ts';
import { type Reply, storedReplyParts } from './reply.ts';
import type { ConversationDeps } from './turn.ts';

/**
 * Messages the system starts (expiry check-ins, reminders): the core picks where the person hears it — a
 * linked Telegram chat or phone number, the preferred channel first, else the one they reached us on first —
 * records it in that identity's current thread (so "2" in answer picks its second choice) and hands it to
 * the same `deliver` that sends turn replies. A number that sent STOP is skipped until START. The web has
 * no push: a web-only user is not reachable here (`delivered: false`).
 */
export type NotifyInput = {
  userId: string;
  /** What to say; conversationId is filled in with the thread it is recorded in. */
  reply: Omit<Reply, 'conversationId'> & { conversationId?: string };
  channel?: Exclude<Channel, 'web'>;
};

export type NotifyResult =
  | { delivered: true; channel: Channel; conversationId: string }
  | { delivered: false; reason: 'no-linked-channel' | 'opted-out' };

export async function notify(
  deps: ConversationDeps,
  input: NotifyInput,
  deliver: Deliver,
): Promise<NotifyResult> {
  const identities = (await listUserIdentities(deps.db, input.userId)).filter((i) => i.channel !== 'web');
  if (identities.length === 0) return { delivered: false, reason: 'no-linked-channel' };
  const profile = await getProfile(deps.db, input.userId);
  const stopped = smsOptedOut(profile?.household);
  const reachable = identities.filter((i) => !(i.channel === 'sms' && stopped));
  if (reachable.length === 0) return { delivered: false, reason: 'opted-out' };
  const target = reachable.find((i) => i.channel === input.channel) ?? reachable[0]!;

  const conversationId = await recordAssistantMessage(
    deps.db,
    { userId: input.userId },
    {
      channel: target.channel,
      conversationId: target.conversationId,
      content: input.reply.text,
      parts: storedReplyParts(input.reply),
    },
  );
  if (conversationId !== target.conversationId)
    await setCurrentConversation(deps.db, target.id, conversationId);
  const message: InboundMessage = { channel: target.channel, externalId: target.externalId, text: '' };
  await deliver(message, { ...input.reply, conversationId });
  return { delivered: true, channel: target.channel, conversationId };
}
