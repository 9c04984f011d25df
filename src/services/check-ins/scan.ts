import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import { communicationLog, type OutboundChannel, outbox } from '../../db/schema/index.ts';
import {
  type CheckInFrequency,
  checkInContent,
  checkInFrequencies,
  isDue,
  localParts,
  renderTemplate,
  rotationPlan,
  type StockItem,
} from '../../domain/check-ins/index.ts';
import type { Db } from '../database.ts';
import { type EnqueueInput, getTemplate, idempotencyKey, type Template } from '../outbox/index.ts';
import { billingEnabled, tierStatusOf } from '../tiers/index.ts';
import { chosenTimeZone, householdTimeZone } from './preferences.ts';
import { householdRates, stockItem } from './rotations.ts';

/**
 * The recurring check-in scan. Set-based: one query finds every candidate (a user with dated stock, not opted
 * out) with their preferences and tier; the schedule is decided in memory (time zones need Intl); one query
 * per batch of due users reads their items. No query per user, so 100,000 users stay a few queries.
 */

const DEFAULT_WINDOW_DAYS = 30;
const BATCH = 2_000;
const channels: readonly OutboundChannel[] = ['telegram', 'sms', 'email'];

type Candidate = {
  user_id: string;
  tier: 'FREE' | 'BASIC' | 'PRO' | null;
  status: 'active' | 'canceled' | 'past_due' | 'trialing' | null;
  period_end: string | Date | null;
  time_zone: string | null;
  local_hour: number | null;
  weekday: number | null;
  window_days: number | null;
  frequency: string | null;
  channel: OutboundChannel | null;
  quiet_start: string | null;
  quiet_end: string | null;
  snoozed_until: string | Date | null;
  /** The household's place ("Tampa, FL"): its state's zone stands in until a zone is chosen. */
  location: string | null;
};

type ItemRow = {
  user_id: string;
  id: string;
  name: string | null;
  quantity: number;
  expires_on: string;
  supply_key: string | null;
  unit_amount: string | null;
};

export type ScanResult = { candidates: number; due: number; enqueued: number };

const hourOf = (time: string | null, fallback: number) => (time ? Number(time.slice(0, 2)) : fallback);
const toDate = (v: string | Date | null) => (v == null ? null : v instanceof Date ? v : new Date(v));

export async function scanCheckIns(db: Db, now: Date): Promise<ScanResult> {
  const billing = billingEnabled(db);
  // Widest window any preference allows; each user's own window is applied on their local date below.
  const horizon = new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10);
  const today = now.toISOString().slice(0, 10);
  const candidates = rowsOf<Candidate>(
    await db.execute(sql`
      select s.user_id, p.subscription_tier as tier, p.subscription_status as status,
             p.subscription_period_end as period_end, cp.time_zone, cp.local_hour, cp.weekday, cp.window_days, cp.frequency,
             cp.channel, cp.quiet_start::text as quiet_start, cp.quiet_end::text as quiet_end, cp.snoozed_until,
             p.household->>'location' as location
      from (select distinct user_id from inventory_items
            where expiration_date is not null and expiration_date <= ${horizon} and quantity_owned > 0) s
      left join profiles p on p.id = s.user_id
      left join communication_preferences cp on cp.user_id = s.user_id and cp.message_type = 'check_in'
      where coalesce(cp.opted_out, false) = false`),
  );
  const due: { c: Candidate; periodKey: string; today: ReturnType<typeof localParts> }[] = [];
  // Many households share a place: each place's zone is looked up once.
  const zones = new Map<string, string | null>();
  const zoneOf = (location: string) => {
    if (!zones.has(location)) zones.set(location, householdTimeZone(location));
    return zones.get(location) ?? null;
  };
  for (const c of candidates) {
    const rights = tierStatusOf(
      { subscriptionTier: c.tier, subscriptionStatus: c.status, subscriptionPeriodEnd: toDate(c.period_end) },
      billing,
      now,
    );
    if (!rights.entitlements.expiryCheckins) continue;
    // Until a zone is chosen, the household's own zone keeps "9 am" in the morning there.
    const timeZone = chosenTimeZone(c.time_zone) ?? (c.location ? zoneOf(c.location) : null) ?? 'UTC';
    const frequency = (checkInFrequencies as readonly string[]).includes(c.frequency ?? '')
      ? (c.frequency as CheckInFrequency)
      : 'weekly';
    const next = isDue(
      {
        timeZone,
        hour: c.local_hour ?? 9,
        frequency,
        weekday: c.weekday,
        quietHours: { start: hourOf(c.quiet_start, 21), end: hourOf(c.quiet_end, 8) },
        snoozedUntil: toDate(c.snoozed_until),
      },
      now,
    );
    if (next) due.push({ c, periodKey: next.periodKey, today: localParts(now, timeZone) });
  }
  const templates = new Map<OutboundChannel, Template | null>();
  for (const ch of channels) templates.set(ch, await getTemplate(db, 'check_in', ch));
  let enqueued = 0;
  for (let i = 0; i < due.length; i += BATCH) {
    const batch = due.slice(i, i + BATCH);
    // Ids and period keys come from the database and the schedule (uuids, digits, W and dashes): safe inline.
    const ids = `'{${batch.map((d) => d.c.user_id).join(',')}}'::uuid[]`;
    const windows = `'{${batch.map((d) => d.c.window_days ?? DEFAULT_WINDOW_DAYS).join(',')}}'::int[]`;
    const keys = `'{${batch.map((d) => idempotencyKey({ type: 'check_in', userId: d.c.user_id, periodKey: d.periodKey })).join(',')}}'::text[]`;
    // Users who already have this period's check-in are skipped here (one index probe each); the unique key
    // would refuse them anyway.
    const items = rowsOf<ItemRow>(
      await db.execute(sql`
        select i.user_id, i.id, i.name, i.quantity_owned as quantity, i.expiration_date::text as expires_on,
               i.supply_key, i.unit_amount::text as unit_amount
        from unnest(${sql.raw(ids)}, ${sql.raw(keys)}, ${sql.raw(windows)}) as d(user_id, key, window_days)
        -- LATERAL: one index probe per user (idx_inventory_expiration), never a scan of the whole table per batch.
        cross join lateral (
          select i.user_id, i.id, i.name, i.quantity_owned, i.expiration_date, i.supply_key, i.unit_amount
          from inventory_items i
          where i.user_id = d.user_id and i.expiration_date is not null and i.quantity_owned > 0
            -- UTC date plus a day: the user's local date may be ahead; the domain applies the exact window.
            and i.expiration_date <= ${today}::date + d.window_days + 1) i
        where not exists (select 1 from outbox o where o.idempotency_key = d.key)`),
    );
    // Rotation paces from each household's own daily use (its plan or profile), two queries per batch.
    const rates = await householdRates(db, [...new Set(items.map((r) => r.user_id))]);
    const byUser = new Map<string, StockItem[]>();
    for (const r of items) {
      const list = byUser.get(r.user_id) ?? [];
      list.push(
        stockItem(
          {
            id: r.id,
            name: r.name,
            quantity: Number(r.quantity),
            expiresOn: r.expires_on,
            supplyKey: r.supply_key,
            unitAmount: r.unit_amount,
          },
          rates.get(r.user_id)?.rates ?? null,
        ),
      );
      byUser.set(r.user_id, list);
    }
    const messages: EnqueueInput[] = [];
    for (const d of batch) {
      const stock = byUser.get(d.c.user_id);
      if (!stock) continue;
      const content = checkInContent(rotationPlan(stock, d.today, d.c.window_days ?? DEFAULT_WINDOW_DAYS));
      if (content.lines.length === 0) continue;
      messages.push({
        userId: d.c.user_id,
        type: 'check_in',
        periodKey: d.periodKey,
        channel: d.c.channel,
        payload: checkInPayload(d.periodKey, content, templates, d.c.channel),
      });
    }
    enqueued += await enqueueMany(db, messages);
  }
  return { candidates: candidates.length, due: due.length, enqueued };
}

/**
 * The stored message: its text and the numbered item list a reply ("USED 2") is matched against.
 */
function checkInPayload(
  periodKey: string,
  content: ReturnType<typeof checkInContent>,
  templates: Map<OutboundChannel, Template | null>,
  channel: OutboundChannel | null,
) {
  const vars = { items: content.itemsText, rotation: content.actionsText, name: 'there' };
  // No channel chosen: the sender picks the best one the user has, Telegram first, so its text is stored.
  const template = templates.get(channel ?? 'telegram');
  return {
    periodKey,
    lines: content.lines.map(({ number, itemId, name }) => ({ number, itemId, name })),
    subject: template?.subject ? renderTemplate(template.subject, vars) : null,
    text: renderTemplate(template?.body ?? '{{items}}\n{{rotation}}', vars),
  };
}

/**
 * enqueueOutbound's semantics for a batch (one INSERT instead of a transaction per message, which would take
 * minutes for 100,000 users): the same idempotency key, ON CONFLICT DO NOTHING so a repeated scan is a no-op,
 * and a 'queued' log row for each message actually written, in one transaction.
 */
async function enqueueMany(db: Db, messages: EnqueueInput[]): Promise<number> {
  if (messages.length === 0) return 0;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(outbox)
      .values(
        messages.map((m) => ({
          userId: m.userId,
          type: m.type,
          channel: m.channel ?? null,
          idempotencyKey: idempotencyKey(m),
          payload: m.payload,
        })),
      )
      .onConflictDoNothing({ target: outbox.idempotencyKey })
      .returning({ id: outbox.id, channel: outbox.channel });
    if (inserted.length > 0) {
      await tx
        .insert(communicationLog)
        .values(inserted.map((r) => ({ outboxId: r.id, channel: r.channel, status: 'queued' as const })));
    }
    return inserted.length;
  });
}
