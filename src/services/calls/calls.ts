import { and, asc, count, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { callAttendance, type callTypes, expertCalls, type SubscriptionTier } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { isUuid } from '../../domain/ids.ts';
import { logActivity } from '../analytics/activity.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import {
  assertCallAllowed,
  assertOneOnOneQuota,
  atLeast,
  checkTier,
  lowestTierForCall,
  quarterOf,
} from '../tiers/tiers.ts';
import { sharedContextFor } from './shared-context.ts';

export { quarterOf } from '../tiers/tiers.ts';

type CallType = (typeof callTypes)[number];

export type ExpertCallSummary = {
  id: string;
  callType: CallType;
  title: string;
  description: string | null;
  expertName: string | null;
  expertSpecialty: string | null;
  scheduledDate: Date;
  durationMinutes: number | null;
  timezone: string | null;
  tierRequired: SubscriptionTier;
  seatsLeft: number | null;
  booked: boolean;
  /** Whether this person's tier lets them book it (false for anonymous people). */
  allowed: boolean;
};

/** The tier a call needs: its own tier_required or what its kind needs (product.md), whichever is higher. */
export function requiredTier(call: { callType: CallType; tierRequired: SubscriptionTier }): SubscriptionTier {
  const byType = lowestTierForCall(call.callType);
  return atLeast(byType, call.tierRequired) ? byType : call.tierRequired;
}

export function checkCallId(callId: string): void {
  if (!isUuid(callId)) throw badInput('callId must be a call id (a UUID) from the list of calls', 'callId');
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
  const tier = userId ? await checkTier(db, userId, now) : null;
  return calls.map((c) => {
    let allowed = false;
    if (tier) {
      try {
        assertCallAllowed(tier, c);
        allowed = true;
      } catch {
        // Not allowed: the list still shows it, with the tier it needs.
      }
    }
    return {
      id: c.id,
      callType: c.callType,
      title: c.title,
      description: c.description,
      expertName: c.expertName,
      expertSpecialty: c.expertSpecialty,
      scheduledDate: c.scheduledDate,
      durationMinutes: c.durationMinutes,
      timezone: c.timezone,
      tierRequired: requiredTier(c),
      seatsLeft: c.maxAttendees === null ? null : Math.max(0, c.maxAttendees - (taken.get(c.id) ?? 0)),
      booked: mine.has(c.id),
      allowed,
    };
  });
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
 *   call run one after another and max_attendees is never exceeded; the count is a separate statement, so
 *   under READ COMMITTED it sees every booking committed before the lock was granted (a single
 *   INSERT … SELECT count(*) would not: its snapshot predates the wait);
 * - for a 1-on-1 call the user's profile row is locked too, so the quarterly quota is counted without a race;
 * - (call_id, user_id) is unique, so a double submit books once (ON CONFLICT DO NOTHING).
 * The lock and the count run as the system role (others' attendance is hidden from the user by row-level
 * security); the insert runs as the user, so the policy checks the row is theirs.
 * The booking carries what it shares with the expert: the plan summary and inventory gaps.
 */
export async function bookExpertCall(
  db: Db,
  userId: string,
  callId: string,
  now: Date = new Date(),
): Promise<Booking> {
  checkCallId(callId);
  const tier = await checkTier(db, userId, now);
  // A cheap look before the plan summary is gathered: a call already full is refused at once. Only a hint:
  // the decision is made again under the call's lock below.
  const [peek] = await db
    .select({ max: expertCalls.maxAttendees, title: expertCalls.title, taken: count(callAttendance.id) })
    .from(expertCalls)
    .leftJoin(callAttendance, eq(callAttendance.callId, expertCalls.id))
    .where(eq(expertCalls.id, callId))
    .groupBy(expertCalls.id);
  if (peek && peek.max !== null && Number(peek.taken) >= peek.max) {
    const mine = await withUser(db, userId, (tx) =>
      tx
        .select({ id: callAttendance.id })
        .from(callAttendance)
        .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId))),
    );
    if (mine.length === 0) throw new AppError('CONFLICT', `"${peek.title}" is full.`);
  }
  const shared = await sharedContextFor(db, userId, now);
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
    assertCallAllowed(tier, call);
    const seatsLeft = async () => {
      if (call.maxAttendees === null) return null;
      const [taken] = await tx
        .select({ n: count() })
        .from(callAttendance)
        .where(eq(callAttendance.callId, callId));
      return Math.max(0, call.maxAttendees - Number(taken?.n ?? 0));
    };
    const [existing] = await tx
      .select({ id: callAttendance.id })
      .from(callAttendance)
      .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId)))
      .limit(1);
    const base = { callId, title: call.title, scheduledDate: call.scheduledDate };
    if (existing) return { ...base, alreadyBooked: true, seatsLeft: await seatsLeft() };
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
      assertOneOnOneQuota(tier, Number(used?.n ?? 0));
    }
    const left = await seatsLeft();
    if (left !== null && left <= 0) throw new AppError('CONFLICT', `"${call.title}" is full.`);
    await tx.execute(
      sql`select set_config('app.user_id', ${userId}, true), set_config('role', 'app_user', true)`,
    );
    const inserted = await tx
      .insert(callAttendance)
      .values({ callId, userId, sharedContext: shared })
      .onConflictDoNothing({ target: [callAttendance.callId, callAttendance.userId] })
      .returning({ id: callAttendance.id });
    if (inserted.length > 0) {
      await logActivity(tx, {
        userId,
        activityType: 'CALL_REGISTERED',
        metadata: { call_id: callId, call_type: call.callType },
      });
    }
    return {
      ...base,
      alreadyBooked: inserted.length === 0,
      seatsLeft: left === null ? null : left - inserted.length,
    };
  });
}

/** Cancels the user's booking (its seat goes back to the call). Only before the call starts. */
export async function cancelExpertCall(
  db: Db,
  userId: string,
  callId: string,
  now: Date = new Date(),
): Promise<void> {
  checkCallId(callId);
  await withUser(db, userId, async (tx) => {
    const [call] = await tx
      .select({ scheduledDate: expertCalls.scheduledDate, title: expertCalls.title })
      .from(expertCalls)
      .where(eq(expertCalls.id, callId));
    if (!call) throw notFound('Booking');
    if (call.scheduledDate.getTime() <= now.getTime()) {
      throw new AppError('CONFLICT', `"${call.title}" has already started; it can no longer be cancelled.`);
    }
    const gone = await tx
      .delete(callAttendance)
      .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId)))
      .returning({ id: callAttendance.id });
    if (gone.length === 0) throw notFound('Booking');
  });
}
