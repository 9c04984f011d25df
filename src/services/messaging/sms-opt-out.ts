import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channelIdentities, profiles } from '../../db/schema/index.ts';
import { smsOptedOut } from '../accounts/sms-consent.ts';

/**
 * Whether a phone number has opted out (replied STOP and not START since). The conversation core records
 * the opt-out on the number's user; the SMS sender asks here before every message, so nothing the system
 * starts (a check-in, a reminder) reaches a stopped number either. Looked up by number, before anyone is
 * known: the system role, as for channel identities.
 */
export async function smsNumberOptedOut(db: Db, phoneNumber: string): Promise<boolean> {
  const [row] = await db
    .select({ household: profiles.household })
    .from(channelIdentities)
    .innerJoin(profiles, eq(profiles.id, channelIdentities.userId))
    .where(and(eq(channelIdentities.channel, 'sms'), eq(channelIdentities.externalId, phoneNumber)))
    .limit(1);
  return row ? smsOptedOut(row.household) : false;
}
