import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import { callReminderDue, callWhen } from '../../domain/check-ins/index.ts';
import type { Db } from '../database.ts';
import { enqueueOutbound } from '../outbox/index.ts';

/**
 * Expert call reminders, 24 hours and 1 hour before, to every registered user who has not opted out of call
 * reminders. Run every few minutes; the idempotency key `call_reminder:<user>:<call>:<24h|1h>` makes a repeat
 * run (or two workers) a no-op. One query finds every registration of a call in the next 24 hours.
 */
type Row = {
  user_id: string;
  call_id: string;
  title: string;
  scheduled_date: string | Date;
  zoom_link: string | null;
  call_zone: string | null;
  user_zone: string | null;
  channel: 'telegram' | 'sms' | 'email' | null;
};

export async function enqueueCallReminders(db: Db, now: Date): Promise<number> {
  const until = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select a.user_id, c.id as call_id, c.title, c.scheduled_date, c.zoom_link, c.timezone as call_zone,
             cp.time_zone as user_zone, cp.channel
      from expert_calls c
      join call_attendance a on a.call_id = c.id
      left join communication_preferences cp on cp.user_id = a.user_id and cp.message_type = 'call_reminder'
      where c.status = 'SCHEDULED' and c.scheduled_date > ${now.toISOString()} and c.scheduled_date <= ${until}
        and coalesce(cp.opted_out, false) = false`),
  );
  let enqueued = 0;
  for (const r of rows) {
    const callAt = r.scheduled_date instanceof Date ? r.scheduled_date : new Date(r.scheduled_date);
    const kind = callReminderDue(callAt, now);
    if (!kind) continue;
    const when = callWhen(callAt, kind, r.user_zone ?? r.call_zone ?? 'UTC');
    const id = await enqueueOutbound(db, {
      userId: r.user_id,
      type: 'call_reminder',
      periodKey: `${r.call_id}:${kind}`,
      channel: r.channel,
      payload: { variables: { title: r.title, when, link: r.zoom_link ?? '', name: 'there' } },
    });
    if (id) enqueued += 1;
  }
  return enqueued;
}
