import { and, asc, count, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { callAttendance, type callTypes, expertCalls } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { AppError, notFound } from '../errors.ts';
import { checkTier, TIER_ENTITLEMENTS, TIER_RANK } from '../tiers/tiers.ts';

type CallType = (typeof callTypes)[number];
type Tier = 'FREE' | 'BASIC' | 'PRO';

/** The least tier each kind of call needs (product.md): founder group calls Basic, expert and 1-on-1 Pro. */
const TYPE_MINIMUM: Record<CallType, Tier> = {
  FOUNDER_GROUP: 'BASIC',
  EXPERT_GROUP: 'PRO',
  ONE_ON_ONE: 'PRO',
};

export type ExpertCallSummary = {
  id: string;
  callType: CallType;
  title: string;
  expertName: string | null;
  expertSpecialty: string | null;
  scheduledDate: Date;
  durationMinutes: number | null;
  timezone: string | null;
  tierRequired: Tier;
  seatsLeft: number | null;
  booked: boolean;
};

function requiredTier(call: { callType: CallType; tierRequired: Tier }): Tier {
  const byType = TYPE_MINIMUM[call.callType];
  return TIER_RANK[byType] > TIER_RANK[call.tierRequired] ? byType : call.tierRequired;
}

/** The calendar quarter (UTC) an instant falls in, as [start, end). */
export function quarterOf(at: Date): [Date, Date] {
  const q = Math.floor(at.getUTCMonth() / 3);
  return [
    new Date(Date.UTC(at.getUTCFullYear(), q * 3, 1)),
    new Date(Date.UTC(at.getUTCFullYear(), q * 3 + 3, 1)),
  ];
}

/**
 * Upcoming scheduled calls, soonest first, with seats left. Attendance is counted by the system role
 * (row-level security would show a user only their own rows); only counts leave this function.
 */
export async function listExpertCalls(
  db: Db,
  userId: string | null,
  options: { now?: Date; callType?: CallType; limit?: number } = {},
): Promise<ExpertCallSummary[]> {
  const now = options.now ?? new Date();
  const calls = await db
    .select()
    .from(expertCalls)
    .where(
      and(
        eq(expertCalls.status, 'SCHEDULED'),
        gt(expertCalls.scheduledDate, now),
        options.callType ? eq(expertCalls.callType, options.callType) : undefined,
      ),
    )
    .orderBy(asc(expertCalls.scheduledDate))
    .limit(options.limit ?? 10);
  if (calls.length === 0) return [];
  const ids = calls.map((c) => c.id);
  const counts = await db
    .select({ callId: callAttendance.callId, n: count() })
    .from(callAttendance)
    .where(inArray(callAttendance.callId, ids))
    .groupBy(callAttendance.callId);
  const taken = new Map(counts.map((c) => [c.callId, Number(c.n)]));
  const mine = userId
    ? new Set(
        (
          await withUser(db, userId, (tx) =>
            tx
              .select({ callId: callAttendance.callId })
              .from(callAttendance)
              .where(inArray(callAttendance.callId, ids)),
          )
        ).map((r) => r.callId),
      )
    : new Set<string>();
  return calls.map((c) => ({
    id: c.id,
    callType: c.callType,
    title: c.title,
    expertName: c.expertName,
    expertSpecialty: c.expertSpecialty,
    scheduledDate: c.scheduledDate,
    durationMinutes: c.durationMinutes,
    timezone: c.timezone,
    tierRequired: requiredTier(c),
    seatsLeft: c.maxAttendees === null ? null : Math.max(0, c.maxAttendees - (taken.get(c.id) ?? 0)),
    booked: mine.has(c.id),
  }));
}

export type Booking = {
  callId: string;
  title: string;
  scheduledDate: Date;
  alreadyBooked: boolean;
  seatsLeft: number | null;
};

/**
 * Books the user onto a call. Correct under concurrency on a real Postgres, by construction:
 * - the call's row is locked (SELECT … FOR UPDATE) before its attendees are counted, so bookings of one
 *   call run one after another; the count is a separate statement, so under READ COMMITTED it sees every
 *   booking committed before the lock was granted (a single INSERT … SELECT count(*) would not: its
 *   snapshot predates the wait);
 * - the user's profile row is locked too, so their 1-on-1 quota is counted without a race;
 * - (call_id, user_id) is unique, so a double submit books once.
 * The lock and the count run as the system role (attendance of others is hidden from the user by
 * row-level security); the insert runs as the user, so the policy checks the row is theirs.
 */
export async function bookExpertCall(
  db: Db,
  userId: string,
  callId: string,
  now: Date = new Date(),
): Promise<Booking> {
  const tier = await checkTier(db, userId, now);
  return db.transaction(async (tx) => {
    const locked = rowsOf<{ id: string }>(
      await tx.execute(sql`select id from expert_calls where id = ${callId} for update`),
    );
    if (locked.length === 0) throw notFound('Expert call');
    const [call] = await tx.select().from(expertCalls).where(eq(expertCalls.id, callId)).limit(1);
    if (!call) throw notFound('Expert call');
    if (call.status !== 'SCHEDULED' || call.scheduledDate.getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', `"${call.title}" is no longer open for booking.`);
    }
    const needed = requiredTier(call);
    if (TIER_RANK[tier.tier] < TIER_RANK[needed]) {
      throw new AppError(
        'TIER_LIMIT',
        `"${call.title}" is for ${needed} members; this account is on ${tier.tier}. Upgrade to ${needed} to book it.`,
      );
    }
    const [existing] = await tx
      .select({ id: callAttendance.id })
      .from(callAttendance)
      .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId)))
      .limit(1);
    const seatsLeft = async () => {
      if (call.maxAttendees === null) return null;
      const [taken] = await tx
        .select({ n: count() })
        .from(callAttendance)
        .where(eq(callAttendance.callId, callId));
      return Math.max(0, call.maxAttendees - Number(taken?.n ?? 0));
    };
    if (existing) {
      return {
        callId,
        title: call.title,
        scheduledDate: call.scheduledDate,
        alreadyBooked: true,
        seatsLeft: await seatsLeft(),
      };
    }
    if (call.callType === 'ONE_ON_ONE') {
      await tx.execute(sql`select id from profiles where id = ${userId} for update`);
      const [from, to] = quarterOf(call.scheduledDate);
      const [used] = await tx
        .select({ n: count() })
        .from(callAttendance)
        .innerJoin(expertCalls, eq(expertCalls.id, callAttendance.callId))
        .where(
          and(
            eq(callAttendance.userId, userId),
            eq(expertCalls.callType, 'ONE_ON_ONE'),
            gte(expertCalls.scheduledDate, from),
            lt(expertCalls.scheduledDate, to),
          ),
        );
      const quota = TIER_ENTITLEMENTS[tier.tier].oneOnOneCallsPerQuarter;
      if (Number(used?.n ?? 0) >= quota) {
        throw new AppError(
          'TIER_LIMIT',
          `This quarter's 1-on-1 call (${quota} per quarter) is already booked.`,
        );
      }
    }
    const left = await seatsLeft();
    if (left !== null && left <= 0) throw new AppError('CONFLICT', `"${call.title}" is full.`);
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    await tx.execute(sql`set local role app_user`);
    const inserted = await tx
      .insert(callAttendance)
      .values({ callId, userId })
      .onConflictDoNothing({ target: [callAttendance.callId, callAttendance.userId] })
      .returning({ id: callAttendance.id });
    return {
      callId,
      title: call.title,
      scheduledDate: call.scheduledDate,
      alreadyBooked: inserted.length === 0,
      seatsLeft: left === null ? null : left - inserted.length,
    };
  });
}

export async function cancelExpertCall(db: Db, userId: string, callId: string): Promise<void> {
  await withUser(db, userId, async (tx) => {
    const gone = await tx
      .delete(callAttendance)
      .where(eq(callAttendance.callId, callId))
      .returning({ id: callAttendance.id });
    if (gone.length === 0) throw notFound('Booking');
  });
}
