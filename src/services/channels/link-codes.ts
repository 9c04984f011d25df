import { randomInt } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { linkCodes } from '../../db/schema/index.ts';
import type { Channel } from '../../domain/channels.ts';
import { isUuid } from '../../domain/ids.ts';
import { hashToken } from '../accounts/tokens.ts';
import { AppError, badInput } from '../errors.ts';
import { hasPassword, identifyChannelUser } from './identities.ts';
import { type MergeCounts, mergeUsers } from './merge-users.ts';

/**
 * Link codes join a Telegram chat or phone number to a web account: one side makes a code (the account page,
 * or /link in Telegram, LINK by SMS), the other types it. A code is short-lived (10 minutes), single-use and
 * stored only as its SHA-256. 8 characters from 32 (40 bits) against a turn rate limit per identity cannot
 * be guessed in 10 minutes.
 */
export const LINK_CODE_TTL_MS = 10 * 60 * 1000;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: codes are read aloud and retyped
const LENGTH = 8;

/** "abcd efgh", "ABCD-EFGH" and "abcdefgh" are the same code. */
export function normalizeLinkCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function isLinkCodeShape(code: string): boolean {
  const c = normalizeLinkCode(code);
  return c.length === LENGTH && [...c].every((ch) => ALPHABET.includes(ch));
}

/** A new code for the user (their earlier unused codes stop working); shown as "ABCD-EFGH". */
export async function createLinkCode(
  db: Db,
  userId: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  if (!isUuid(userId)) throw badInput('userId must be a user id', 'userId');
  const raw = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS);
  await db.transaction(async (tx) => {
    await tx.delete(linkCodes).where(and(eq(linkCodes.userId, userId), isNull(linkCodes.usedAt)));
    await tx.insert(linkCodes).values({ userId, codeHash: hashToken(raw), expiresAt, createdAt: now });
  });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

export type LinkResult = {
  /** The user everything now belongs to. */
  userId: string;
  /** The user folded into it (deleted), or null when both sides were already one user. */
  mergedUserId: string | null;
  moved: MergeCounts;
};

const refused = () =>
  badInput('That link code is wrong or has expired. Make a new one and try again.', 'code');

/**
 * Redeems a code for the person typing it: a Telegram chat or phone number (its user is found or created),
 * or on the web the signed-in user (externalId is the user's id). The two users become one in one
 * transaction (merge-users.ts): the side with a password (the web account) keeps its id; when neither has
 * one, the code's maker does. Two password accounts are never merged (CONFLICT). A wrong, used or expired
 * code is refused and changes nothing.
 */
export async function redeemLinkCode(
  db: Db,
  input: { channel: Channel; externalId: string; code: string },
  now = new Date(),
): Promise<LinkResult> {
  if (typeof input.code !== 'string' || !isLinkCodeShape(input.code)) throw refused();
  let redeemer: string;
  if (input.channel === 'web') {
    if (!isUuid(input.externalId))
      throw badInput('on the web, externalId is the signed-in user id', 'externalId');
    redeemer = input.externalId;
  } else {
    redeemer = (await identifyChannelUser(db, input.channel, input.externalId)).userId;
  }
  const codeHash = hashToken(normalizeLinkCode(input.code));
  return db.transaction(async (tx) => {
    // Single use, race-free: the conditional UPDATE consumes the code once; a second redeemer finds no row.
    const [code] = await tx
      .update(linkCodes)
      .set({ usedAt: now })
      .where(and(eq(linkCodes.codeHash, codeHash), isNull(linkCodes.usedAt), gt(linkCodes.expiresAt, now)))
      .returning({ userId: linkCodes.userId });
    if (!code) throw refused();
    const maker = code.userId;
    if (maker === redeemer)
      return { userId: maker, mergedUserId: null, moved: { plans: 0, inventory: 0, conversations: 0 } };
    const [makerHasPassword, redeemerHasPassword] = [
      await hasPassword(tx, maker),
      await hasPassword(tx, redeemer),
    ];
    if (makerHasPassword && redeemerHasPassword)
      throw new AppError(
        'CONFLICT',
        'Both are web accounts with a password; only a chat or a phone number can be linked.',
        {
          field: 'code',
        },
      );
    const [survivor, absorbed] =
      redeemerHasPassword && !makerHasPassword ? [redeemer, maker] : [maker, redeemer];
    const moved = await mergeUsers(tx, absorbed, survivor);
    return { userId: survivor, mergedUserId: absorbed, moved };
  });
}
