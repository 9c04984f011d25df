import type { DbOrTx } from '../../db/client.ts';
import { expertCalls } from '../../db/schema/calls.ts';
import type { ExpertCallSeed } from '../catalog/seed-schemas.ts';
import { upsertByNaturalKey } from '../catalog/upsert.ts';

/** Milliseconds the zone is ahead of UTC at `at`. */
function zoneOffset(zone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant that is `hour`:00 local time in `zone`, `days` calendar days after `now`'s date in that zone. */
export function scheduledAt(now: Date, days: number, hour: number, zone: string): Date {
  const today = new Date(now.getTime() + zoneOffset(zone, now));
  const wall = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hour);
  let instant = wall - zoneOffset(zone, new Date(wall));
  instant = wall - zoneOffset(zone, new Date(instant));
  return new Date(instant);
}

function expertCallRow(call: ExpertCallSeed, now: Date): typeof expertCalls.$inferInsert {
  const scheduledDate = scheduledAt(now, call.scheduledInDays, call.hour, call.timezone);
  return {
    callType: call.callType,
    title: call.title,
    description: call.description,
    scheduledDate,
    durationMinutes: call.durationMinutes,
    timezone: call.timezone,
    tierRequired: call.tierRequired,
    maxAttendees: call.maxAttendees,
    expertName: call.expertName,
    expertBio: call.expertBio,
    expertSpecialty: call.expertSpecialty,
    status: call.status,
    // A recording is published the day after the call; no recording URL is invented.
    recordingAvailableDate: call.recordingAvailable
      ? new Date(scheduledDate.getTime() + (call.durationMinutes + 24 * 60) * 60_000)
      : null,
  };
}

/**
 * The expert calls of data/calls/expert-calls.json, upserted on their title. Their dates are relative to `now`
 * ("in 10 days at 19:00 New York time"), so a fresh database always has upcoming calls.
 */
export async function seedExpertCalls(tx: DbOrTx, calls: ExpertCallSeed[], now: Date): Promise<void> {
  await upsertByNaturalKey(
    tx,
    expertCalls,
    ['title'],
    calls.map((c) => expertCallRow(c, now)),
    { touch: 'updated_at' },
  );
}
