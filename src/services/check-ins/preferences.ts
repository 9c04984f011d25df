import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  communicationPreferences,
  type MessageType,
  messageTypes,
  outboundChannels,
} from '../../db/schema/index.ts';
import { checkInFrequencies, isValidTimeZone, stateTimeZone } from '../../domain/check-ins/index.ts';
import { resolveLocation } from '../../domain/index.ts';
import { getHousehold } from '../accounts/profiles.ts';
import type { Db } from '../database.ts';
import { AppError, badInput } from '../errors.ts';
import { parseInput } from '../validation.ts';

/**
 * Notification preferences per user and message type (check-ins, call reminders, product news): channel,
 * hour, zone, window, frequency, quiet hours, opt-out. A type with no row uses the column defaults.
 */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 21:00');

export const preferencesEdit = z
  .object({
    messageType: z.enum(messageTypes),
    channel: z.enum(outboundChannels).nullable(),
    localHour: z.number().int().min(0).max(23),
    /** 0 Sunday … 6 Saturday; null: any day the frequency allows. */
    weekday: z.number().int().min(0).max(6).nullable(),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin'),
    windowDays: z.number().int().min(1).max(365),
    frequency: z.enum(checkInFrequencies),
    quietStart: hhmm,
    quietEnd: hhmm,
    optedOut: z.boolean(),
  })
  .partial()
  .required({ messageType: true })
  .strict();

/**
 * The time zone of a household's US state ("Tampa, FL" → America/New_York), or null (abroad, or no place yet).
 * Until a person chooses a zone (the column's default, UTC, stands for "not chosen"), their messages keep their
 * hour in it: a 9 am check-in in Tampa is 9 am Eastern, not 4 am.
 */
export function householdTimeZone(location: string | null | undefined): string | null {
  return location ? stateTimeZone(resolveLocation(location).state) : null;
}

/** The zone a person chose, or null: the column's default, UTC, stands for "not chosen". */
export function chosenTimeZone(stored: string | null | undefined): string | null {
  return stored && stored !== 'UTC' ? stored : null;
}

export async function listPreferences(db: Db, userId: string) {
  const [rows, household] = await Promise.all([
    db.select().from(communicationPreferences).where(eq(communicationPreferences.userId, userId)),
    // A user without a profile row yet (just signed up) has no household: the defaults stand.
    getHousehold(db, userId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }),
  ]);
  const zone = householdTimeZone(household?.location);
  return messageTypes.map((type) => {
    const row = rows.find((r) => r.messageType === type);
    const stored = row ?? { ...defaultsFor(type), userId };
    return zone && !chosenTimeZone(stored.timeZone) ? { ...stored, timeZone: zone } : stored;
  });
}

function defaultsFor(messageType: MessageType) {
  return {
    messageType,
    channel: null,
    localHour: 9,
    weekday: null,
    timeZone: 'UTC',
    windowDays: 30,
    frequency: 'weekly',
    optedOut: false,
    quietStart: '21:00:00',
    quietEnd: '08:00:00',
    snoozedUntil: null,
  };
}

/** Changes only the fields given; the first change for a type creates its row. */
export async function savePreferences(db: Db, userId: string, input: unknown) {
  const edit = parseInput(preferencesEdit, input);
  const { messageType, ...fields } = edit;
  // A weekday is a weekly schedule ("text me on Sundays"); a daily or monthly one has no weekday to keep.
  if (fields.weekday != null) {
    if (fields.frequency === undefined) fields.frequency = 'weekly';
    else if (fields.frequency !== 'weekly')
      throw badInput(`Weekday needs a weekly frequency (this edit asks for ${fields.frequency}).`, 'weekday');
  }
  await db
    .insert(communicationPreferences)
    .values({ userId, messageType, ...fields })
    .onConflictDoUpdate({
      target: [communicationPreferences.userId, communicationPreferences.messageType],
      set: { ...fields, updatedAt: sql`now()` },
    });
  const [row] = await db
    .select()
    .from(communicationPreferences)
    .where(
      and(eq(communicationPreferences.userId, userId), eq(communicationPreferences.messageType, messageType)),
    );
  return row;
}

/**
 * A change said in chat ("text me on Sundays at 6pm"): like savePreferences, and when the person has never
 * chosen a time zone (the row still says UTC), the zone of their household's US state is taken, so "6 pm" (or
 * the default 9 am) means their evening (or morning). An explicit zone always wins.
 */
export async function savePreferencesFromChat(db: Db, userId: string, input: Record<string, unknown>) {
  const edit = parseInput(preferencesEdit, input);
  if (edit.timeZone === undefined) {
    const [stored] = await db
      .select({ timeZone: communicationPreferences.timeZone })
      .from(communicationPreferences)
      .where(
        and(
          eq(communicationPreferences.userId, userId),
          eq(communicationPreferences.messageType, edit.messageType),
        ),
      );
    if (!chosenTimeZone(stored?.timeZone)) {
      const zone = householdTimeZone((await getHousehold(db, userId)).location);
      if (zone) return savePreferences(db, userId, { ...edit, timeZone: zone });
    }
  }
  return savePreferences(db, userId, edit);
}
