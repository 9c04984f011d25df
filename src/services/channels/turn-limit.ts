import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type TurnOutcome, turnEvents } from '../../db/schema/index.ts';

/**
 * A rate limit on turns per identity (a chat, a number, a web user or guest), so a flood of messages
 * cannot run up model cost or outbound SMS spend. Postgres-backed, so every instance counts the same turns.
 *
 * The mechanism is login throttling's (src/services/accounts/throttle.ts): a transaction-scoped advisory
 * lock on the subject serialises the count-and-record, so parallel messages cannot all slip under the
 * limit. Over the limit, the first message in the window gets ONE polite notice (`noticed`); the rest get
 * nothing (`silenced`) until the window has room again.
 */
export type TurnLimit = { turns: number; windowMs: number };

/** 30 turns in 10 minutes: far above a person typing, well below a script. */
export const DEFAULT_TURN_LIMIT: TurnLimit = { turns: 30, windowMs: 10 * 60 * 1000 };

export type TurnDecision = { outcome: TurnOutcome; retryAfterSeconds: number };

export async function takeTurn(
  db: Db,
  subject: string,
  limit: TurnLimit = DEFAULT_TURN_LIMIT,
  now = new Date(),
): Promise<TurnDecision> {
  const since = new Date(now.getTime() - limit.windowMs);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`turns:${subject}`}, 0))`);
    const rows = await tx
      .select({ outcome: turnEvents.outcome, at: turnEvents.createdAt })
      .from(turnEvents)
      .where(and(eq(turnEvents.subject, subject), gt(turnEvents.createdAt, since)))
      .orderBy(turnEvents.createdAt);
    const allowed = rows.filter((r) => r.outcome === 'allowed');
    let outcome: TurnOutcome = 'allowed';
    let retryAfterSeconds = 0;
    if (allowed.length >= limit.turns) {
      // Room again when the oldest allowed turn that keeps the count at the limit leaves the window.
      const lifts = allowed[allowed.length - limit.turns]!.at.getTime() + limit.windowMs;
      retryAfterSeconds = Math.max(1, Math.ceil((lifts - now.getTime()) / 1000));
      const noticedSinceLastTurn = rows.some(
        (r) => r.outcome === 'noticed' && r.at.getTime() >= allowed[allowed.length - 1]!.at.getTime(),
      );
      outcome = noticedSinceLastTurn ? 'silenced' : 'noticed';
    }
    await tx.insert(turnEvents).values({ subject, outcome, createdAt: now });
    return { outcome, retryAfterSeconds };
  });
}

/** Forgets events older than the longest window anyone counts. */
export async function purgeTurnEvents(db: Db, before: Date): Promise<number> {
  const gone = await db
    .delete(turnEvents)
    .where(lt(turnEvents.createdAt, before))
    .returning({ id: turnEvents.id });
  return gone.length;
}
