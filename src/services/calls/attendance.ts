import { and, asc, desc, eq, isNotNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { callAttendance, expertCalls, profiles } from '../../db/schema/index.ts';
import { withUser } from '../../db/with-user.ts';
import { isUuid } from '../../domain/ids.ts';
import { AppError, badInput, notFound } from '../errors.ts';
import { requireFeature } from '../tiers/tiers.ts';
import { parseInput } from '../validation.ts';
import { checkCallId } from './calls.ts';
import { icsFor } from './ics.ts';
import type { SharedContext } from './shared-context.ts';

/** The user's bookings, soonest first, with what an attendee needs (join link once booked). */
export async function myBookings(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({
        callId: expertCalls.id,
        title: expertCalls.title,
        callType: expertCalls.callType,
        scheduledDate: expertCalls.scheduledDate,
        durationMinutes: expertCalls.durationMinutes,
        expertName: expertCalls.expertName,
        zoomLink: expertCalls.zoomLink,
        status: expertCalls.status,
        attended: callAttendance.attended,
        rating: callAttendance.rating,
      })
      .from(callAttendance)
      .innerJoin(expertCalls, eq(expertCalls.id, callAttendance.callId))
      .where(eq(callAttendance.userId, userId))
      .orderBy(asc(expertCalls.scheduledDate)),
  );
}

/** The calendar file of a booking (only the person booked gets it: the booking is read under row-level security). */
export async function bookingIcs(
  db: Db,
  userId: string,
  callId: string,
  options: { publicUrl: string; now?: Date },
): Promise<{ filename: string; body: string }> {
  checkCallId(callId);
  const booking = (await myBookings(db, userId)).find((b) => b.callId === callId);
  if (!booking) throw notFound('Booking');
  const [call] = await db.select().from(expertCalls).where(eq(expertCalls.id, callId));
  if (!call) throw notFound('Booking');
  const description = [
    call.description,
    call.expertName
      ? `With ${call.expertName}${call.expertSpecialty ? ` (${call.expertSpecialty})` : ''}`
      : null,
    call.zoomLink ? `Join: ${call.zoomLink}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    filename: `readyplan-call-${callId.slice(0, 8)}.ics`,
    body: icsFor({
      uid: `${callId}.${userId}@readyplan`,
      start: call.scheduledDate,
      durationMinutes: call.durationMinutes ?? 60,
      title: call.title,
      description,
      url: `${options.publicUrl}/calls/${callId}`,
      now: options.now ?? new Date(),
    }),
  };
}

const attendanceSchema = z
  .object({
    joinedAt: z.date(),
    leftAt: z.date(),
  })
  .refine((a) => a.leftAt.getTime() >= a.joinedAt.getTime(), {
    message: 'leftAt must not be before joinedAt',
    path: ['leftAt'],
  });

/**
 * Records that a person attended (from the meeting provider's report or the host). The system's write:
 * app_user may not set attendance (drizzle/0012 column grants).
 */
export async function recordAttendance(
  db: Db,
  callId: string,
  userId: string,
  input: { joinedAt: Date; leftAt: Date },
): Promise<void> {
  const { joinedAt, leftAt } = parseInput(attendanceSchema, input);
  const updated = await db
    .update(callAttendance)
    .set({
      attended: true,
      joinedAt,
      leftAt,
      durationMinutes: Math.round((leftAt.getTime() - joinedAt.getTime()) / 60_000),
    })
    .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId)))
    .returning({ id: callAttendance.id });
  if (updated.length === 0) throw notFound('Booking');
}

export const feedbackSchema = z.object({
  rating: z.number().int().min(1, 'rating must be 1 to 5').max(5, 'rating must be 1 to 5'),
  text: z.string().trim().max(2000, 'feedback must be at most 2000 characters').optional(),
});

/** The attendee's rating (1–5) and words, once the call has started. Written as the user (own row only). */
export async function giveFeedback(
  db: Db,
  userId: string,
  callId: string,
  input: { rating: number; text?: string },
  now: Date = new Date(),
): Promise<void> {
  checkCallId(callId);
  const feedback = parseInput(feedbackSchema, input);
  await withUser(db, userId, async (tx) => {
    const [call] = await tx
      .select({ scheduledDate: expertCalls.scheduledDate })
      .from(expertCalls)
      .where(eq(expertCalls.id, callId));
    if (!call) throw notFound('Booking');
    if (call.scheduledDate.getTime() > now.getTime()) {
      throw new AppError('CONFLICT', 'Feedback opens when the call has taken place.');
    }
    const updated = await tx
      .update(callAttendance)
      .set({ rating: feedback.rating, feedbackText: feedback.text ?? null })
      .where(and(eq(callAttendance.callId, callId), eq(callAttendance.userId, userId)))
      .returning({ id: callAttendance.id });
    if (updated.length === 0) throw notFound('Booking');
  });
}

/** The recordings library: a Pro feature (TierLimitError otherwise). */
export async function listRecordings(db: Db, userId: string, now: Date = new Date()) {
  await requireFeature(db, userId, 'callRecordings', now);
  return db
    .select({
      callId: expertCalls.id,
      title: expertCalls.title,
      expertName: expertCalls.expertName,
      expertSpecialty: expertCalls.expertSpecialty,
      scheduledDate: expertCalls.scheduledDate,
      recordingUrl: expertCalls.recordingUrl,
    })
    .from(expertCalls)
    .where(and(isNotNull(expertCalls.recordingUrl), lte(expertCalls.recordingAvailableDate, now)))
    .orderBy(desc(expertCalls.scheduledDate));
}

/**
 * The call's page for its expert (or an admin): who is coming, and what each booking shared — the plan
 * summary and inventory gaps. Read by the system role after checking the viewer's role; e-mails are not shown.
 */
/** The call's hosts: experts and admins (profiles.role, a column only the system role writes). */
async function requireHost(db: Db, viewerId: string): Promise<void> {
  const [viewer] = await db.select({ role: profiles.role }).from(profiles).where(eq(profiles.id, viewerId));
  if (viewer?.role !== 'ADMIN' && viewer?.role !== 'EXPERT') {
    throw new AppError('FORBIDDEN', 'Only the call’s expert or an admin can see its attendees.');
  }
}

/** A host records who attended (from the meeting's participant report). */
export async function recordAttendanceAs(
  db: Db,
  hostId: string,
  callId: string,
  attendeeId: string,
  input: { joinedAt: Date; leftAt: Date },
): Promise<void> {
  checkCallId(callId);
  await requireHost(db, hostId);
  if (!isUuid(attendeeId)) throw badInput('userId must be an attendee id (a UUID)', 'userId');
  await recordAttendance(db, callId, attendeeId, input);
}

export async function callForExpert(db: Db, viewerId: string, callId: string) {
  checkCallId(callId);
  await requireHost(db, viewerId);
  const [call] = await db.select().from(expertCalls).where(eq(expertCalls.id, callId));
  if (!call) throw notFound('Expert call');
  const attendees = await db
    .select({
      userId: callAttendance.userId,
      name: profiles.fullName,
      registeredAt: callAttendance.registeredAt,
      attended: callAttendance.attended,
      rating: callAttendance.rating,
      feedbackText: callAttendance.feedbackText,
      shared: callAttendance.sharedContext,
    })
    .from(callAttendance)
    .leftJoin(profiles, eq(profiles.id, callAttendance.userId))
    .where(eq(callAttendance.callId, callId))
    .orderBy(asc(callAttendance.registeredAt));
  return {
    call,
    attendees: attendees.map((a) => ({ ...a, shared: (a.shared ?? null) as SharedContext | null })),
  };
}
