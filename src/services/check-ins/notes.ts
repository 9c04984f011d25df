import type { MessageType, OutboundChannel } from '../../db/schema/index.ts';
import { listUserIdentities } from '../channels/identities.ts';
import type { Db } from '../database.ts';
import { recipientEmail } from '../outbox/index.ts';
import { checkTier, lowestTierWith, TIER_NAMES, UPGRADE_PATH } from '../tiers/index.ts';

/**
 * What a preference means for this person: whether the message type is sent to them at all (check-ins are a
 * tier's right) and which channels can reach them (a linked Telegram chat or number; e-mail only where SMTP
 * is configured and the account has a real address — chat-only accounts have a reserved `.invalid` one).
 */
export type ChannelNotes = {
  /** false: this tier gets no such messages; the app shows an upgrade hint instead. */
  entitled: boolean;
  /** The tier that includes them, when not entitled. */
  requiredTier: string | null;
  upgradePath: string | null;
  /** The channels that can reach the person now. */
  reachable: OutboundChannel[];
};

export async function availableChannels(
  db: Db,
  userId: string,
  options: { email: boolean },
): Promise<OutboundChannel[]> {
  const linked = new Set((await listUserIdentities(db, userId)).map((i) => i.channel));
  const out: OutboundChannel[] = [];
  if (linked.has('telegram')) out.push('telegram');
  if (linked.has('sms')) out.push('sms');
  if (options.email) {
    const address = await recipientEmail(db, userId);
    if (address && !address.endsWith('.invalid')) out.push('email');
  }
  return out;
}

export async function notificationNotes(
  db: Db,
  userId: string,
  preference: { messageType: MessageType },
  now: Date,
  options: { email: boolean } = { email: false },
): Promise<ChannelNotes> {
  const tier = await checkTier(db, userId, now);
  const entitled = preference.messageType !== 'check_in' || tier.entitlements.expiryCheckins;
  const needed = entitled ? null : TIER_NAMES[lowestTierWith('expiryCheckins')];
  return {
    entitled,
    requiredTier: needed,
    upgradePath: entitled ? null : UPGRADE_PATH,
    reachable: await availableChannels(db, userId, options),
  };
}
