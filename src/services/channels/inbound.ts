import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { type InboundStatus, inboundUpdates } from '../../db/schema/index.ts';
import type { Channel } from '../../domain/channels.ts';
import { badInput } from '../errors.ts';
import { checkExternalId } from './identities.ts';

/**
 * The durable inbox behind the Telegram and SMS webhooks: an update is stored (one insert) before the
 * webhook answers, and turns run from here. This table is what the check-ins issue's job queue (pg-boss)
 * takes over later: the same claim-with-SKIP-LOCKED, retry and lease semantics, on pg-boss's own tables.
 */
export type InboundRow = typeof inboundUpdates.$inferSelect;

export type NewInbound = { channel: Channel; externalId: string; text: string; deliveryId?: string };

const DELIVERY_ID_MAX = 200;

let lastMs = 0;
let counter = 0;
/**
 * A time-ordered UUID (version 7, RFC 9562) with a per-process counter in rand_a, so updates stored in the
 * same millisecond still sort in arrival order (created_at can tie): one sender's messages are answered in
 * the order the webhook stored them.
 */
export function arrivalId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else counter += 1;
  const bytes = randomBytes(16);
  const ms = BigInt(lastMs) + BigInt(counter >> 12); // a counter overflow borrows the next millisecond
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** Longer texts are stored as sent; the turn refuses them with a reply (MAX_MESSAGE_CHARS) rather than here. */
const TEXT_MAX = 20_000;

/**
 * Stores an update unless its (channel, delivery id) is already stored: `ON CONFLICT DO NOTHING` on the
 * unique constraint, so a redelivered Telegram update_id or Twilio MessageSid is a no-op, on one server or
 * many. Returns whether it was new.
 */
export async function storeInbound(db: Db, update: NewInbound): Promise<boolean> {
  const { channel, externalId } = checkExternalId(update.channel, update.externalId);
  if (typeof update.deliveryId !== 'string' || update.deliveryId.trim() === '')
    throw badInput('deliveryId is required to store an inbound update', 'deliveryId');
  if (update.deliveryId.length > DELIVERY_ID_MAX)
    throw badInput(`deliveryId is longer than ${DELIVERY_ID_MAX} characters`, 'deliveryId');
  if (typeof update.text !== 'string') throw badInput('text must be a string', 'text');
  const stored = await db
    .insert(inboundUpdates)
    .values({
      id: arrivalId(),
      channel,
      externalId,
      deliveryId: update.deliveryId,
      text: update.text.slice(0, TEXT_MAX),
    })
    .onConflictDoNothing({ target: [inboundUpdates.channel, inboundUpdates.deliveryId] })
    .returning({ id: inboundUpdates.id });
  return stored.length === 1;
}

/**
 * Claims up to `limit` updates for one worker and leases them for `leaseMs`. Claimable: pending rows whose
 * back-off has passed, and rows a dead worker left `processing`/`replied` past their lease. At most one per
 * sender per claim, and none from a sender with a live claim, so one chat's messages are answered in order.
 *
 * Concurrency, correct on a real Postgres server: the candidates are locked with `FOR UPDATE SKIP LOCKED`,
 * so two workers never claim the same row (the second skips what the first locked), and the claim is a
 * single UPDATE … RETURNING. The window function picks candidates without locks; the locking select
 * re-checks the status, so a row claimed meanwhile is not taken twice.
 */
export async function claimInbound(
  db: Db,
  options: { limit: number; leaseMs: number; now?: Date },
): Promise<InboundRow[]> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const until = new Date(now.getTime() + options.leaseMs).toISOString();
  const result = await db.execute(sql`
    with candidates as (
      select ranked.id from (
        select u.id, u.channel, u.external_id, u.created_at,
          row_number() over (partition by u.channel, u.external_id order by u.created_at, u.id) as n
        from inbound_updates u
        where (u.status = 'pending' and u.available_at <= ${at}::timestamptz)
           or (u.status in ('processing', 'replied') and u.locked_until < ${at}::timestamptz)
      ) ranked
      where ranked.n = 1
        and not exists (
          select 1 from inbound_updates busy
          where busy.channel = ranked.channel and busy.external_id = ranked.external_id
            and busy.status in ('processing', 'replied') and busy.locked_until >= ${at}::timestamptz
        )
      order by ranked.created_at
      limit ${options.limit}
    ), locked as (
      select id from inbound_updates
      where id in (select id from candidates)
        and ((status = 'pending' and available_at <= ${at}::timestamptz)
          or (status in ('processing', 'replied') and locked_until < ${at}::timestamptz))
      for update skip locked
    )
    update inbound_updates u
    set status = case when u.status = 'replied' then 'replied' else 'processing' end,
        attempts = u.attempts + 1,
        locked_until = ${until}::timestamptz
    from locked
    where u.id = locked.id
    returning u.id`);
  const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(inboundUpdates).where(inArray(inboundUpdates.id, ids));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}

/** The turn ran: keep its reply, so a failed send is retried without running the turn again. */
export async function markReplied(db: Db, id: string, reply: Record<string, unknown>): Promise<void> {
  await db.update(inboundUpdates).set({ status: 'replied', reply }).where(eq(inboundUpdates.id, id));
}

export async function markDone(db: Db, id: string, now = new Date()): Promise<void> {
  await db
    .update(inboundUpdates)
    .set({ status: 'done', lockedUntil: null, finishedAt: now, lastError: null })
    .where(eq(inboundUpdates.id, id));
}

/**
 * A failed attempt: back to `pending` (or `replied`, keeping the reply) after `delayMs`, or `failed` for good
 * once `maxAttempts` are spent.
 */
export async function markAttemptFailed(
  db: Db,
  row: Pick<InboundRow, 'id' | 'attempts' | 'status'>,
  error: string,
  options: { maxAttempts: number; delayMs: number; now?: Date },
): Promise<InboundStatus> {
  const now = options.now ?? new Date();
  const next: InboundStatus =
    row.attempts >= options.maxAttempts ? 'failed' : row.status === 'replied' ? 'replied' : 'pending';
  await db
    .update(inboundUpdates)
    .set({
      status: next,
      lastError: error.slice(0, 2000),
      availableAt: new Date(now.getTime() + options.delayMs),
      // A `replied` row waits out its back-off as an expired lease would be claimed: lease = back-off.
      lockedUntil: next === 'replied' ? new Date(now.getTime() + options.delayMs - 1) : null,
      finishedAt: next === 'failed' ? now : null,
    })
    .where(eq(inboundUpdates.id, row.id));
  return next;
}

/** Updates waiting or running (what `drain` waits for), not counting those in a back-off beyond `now`. */
export async function countOpenInbound(db: Db, now = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(inboundUpdates)
    .where(
      sql`(${inboundUpdates.status} = 'pending' and ${inboundUpdates.availableAt} <= ${now.toISOString()}::timestamptz)
          or (${inboundUpdates.status} in ('processing', 'replied') and ${inboundUpdates.lockedUntil} < ${now.toISOString()}::timestamptz)`,
    );
  return row?.n ?? 0;
}

/**
 * Forgets finished updates older than `before`. Telegram redelivers for up to a day and Twilio retries for
 * minutes, so a week of delivery ids is kept for de-duplication.
 */
export async function purgeInbound(db: Db, before: Date): Promise<number> {
  const gone = await db
    .delete(inboundUpdates)
    .where(and(inArray(inboundUpdates.status, ['done', 'failed']), lt(inboundUpdates.createdAt, before)))
    .returning({ id: inboundUpdates.id });
  return gone.length;
}
