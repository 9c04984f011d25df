import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const callTypes = ['FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE'] as const;

export const expertCalls = pgTable(
  'expert_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callType: text('call_type').$type<(typeof callTypes)[number]>().notNull(),
    title: text('title').notNull(),
    description: text('description'),
    scheduledDate: timestamp('scheduled_date', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').default(60),
    timezone: text('timezone').default('America/New_York'),
    tierRequired: text('tier_required').$type<'FREE' | 'BASIC' | 'PRO'>().notNull().default('BASIC'),
    maxAttendees: integer('max_attendees'),
    expertName: text('expert_name'),
    expertBio: text('expert_bio'),
    expertPhotoUrl: text('expert_photo_url'),
    expertSpecialty: text('expert_specialty'),
    zoomLink: text('zoom_link'),
    zoomMeetingId: text('zoom_meeting_id'),
    zoomPassword: text('zoom_password'),
    recordingUrl: text('recording_url'),
    recordingAvailableDate: timestamp('recording_available_date', { withTimezone: true }),
    status: text('status')
      .$type<'SCHEDULED' | 'IN_PROGRESS' | 'COMPLETED' | 'CANCELLED'>()
      .default('SCHEDULED'),
    adminNotes: text('admin_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_calls_by_date').on(t.scheduledDate),
    index('idx_calls_by_type').on(t.callType),
    index('idx_calls_by_status').on(t.status),
    check('expert_calls_type_check', sql`${t.callType} in ('FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE')`),
    check('expert_calls_tier_check', sql`${t.tierRequired} in ('FREE', 'BASIC', 'PRO')`),
    check(
      'expert_calls_status_check',
      sql`${t.status} in ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')`,
    ),
  ],
);

export const callAttendance = pgTable(
  'call_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => expertCalls.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
    attended: boolean('attended').default(false),
    joinedAt: timestamp('joined_at', { withTimezone: true }),
    leftAt: timestamp('left_at', { withTimezone: true }),
    durationMinutes: integer('duration_minutes'),
    rating: integer('rating'),
    feedbackText: text('feedback_text'),
    adminNotes: text('admin_notes'),
    /**
     * What the booking shares with the expert: the plan's summary and the inventory gaps when booked, so
     * the call starts from the household's real situation (see services/calls/shared-context.ts).
     */
    sharedContext: jsonb('shared_context').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_attendance_by_call').on(t.callId),
    index('idx_attendance_by_user').on(t.userId),
    index('idx_attendance_attended').on(t.attended).where(sql`${t.attended} = true`),
    unique('call_attendance_call_id_user_id_unique').on(t.callId, t.userId),
    check('call_attendance_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);
