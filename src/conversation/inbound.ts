import { redactExternalId } from '../services/channels/identities.ts';
import {
  claimInbound,
  countOpenInbound,
  type InboundRow,
  markAttemptFailed,
  markDone,
  markReplied,
  purgeInbound,
  storeInbound,
} from '../services/channels/inbound.ts';
import { purgeTurnEvents } from '../services/channels/turn-limit.ts';
import { AppError } from '../services/errors.ts';
import type { InboundMessage } from './channel-adapter.ts';
import { handleMessage } from './handle-message.ts';
import type { Reply } from './reply.ts';
import type { ConversationDeps } from './turn.ts';

/**
 * Webhooks acknowledge fast and turns run from a durable inbox (services/channels/inbound.ts): the route
 * calls `acceptInbound` (one insert, deduplicated by (channel, deliveryId)) and answers; a worker claims
 * stored updates, runs `handleMessage`, and calls `deliver` once per update. The inbox is the durable table
 * the check-ins issue's job queue (pg-boss) takes over later; until then this worker is the queue.
 */

/** Sends a reply to the chat or number a message came from (the channel adapter's render + send). */
export type Deliver = (message: InboundMessage, reply: Reply) => Promise<void>;

/** Stores the update before the webhook answers; `accepted: false` for a redelivery (already stored). */
export async function acceptInbound(
  deps: Pick<ConversationDeps, 'db'>,
  message: InboundMessage,
): Promise<{ accepted: boolean }> {
  return { accepted: await storeInbound(deps.db, message) };
}

export type InboundWorkerOptions = {
  /** Updates handled at once (one per sender at a time, so a chat's messages keep their order). Default 4. */
  concurrency?: number;
  /** How often an idle worker looks for new updates. Default 250 ms; `wake()` looks at once. */
  pollMs?: number;
  /** How long a claim lasts before another worker may take the update over (its worker died). Default 5 min. */
  leaseMs?: number;
  /** Attempts per update before it is marked failed. Default 5. */
  maxAttempts?: number;
  /** Back-off before attempt n+1. Default 2^n seconds, at most a minute. */
  retryDelayMs?: (attempt: number) => number;
  /**
   * Told when a stored message's turn starts running and when it has finished (with a reply or an error): a
   * channel shows "typing…" in between (Telegram). Synchronous and must not throw: it cannot fail a turn.
   */
  onTurn?: { start(message: InboundMessage): void; end(message: InboundMessage): void };
};

export type InboundWorker = {
  /** Stops claiming and waits for the updates in hand. */
  stop(): Promise<void>;
  /** Runs until nothing claimable is left and nothing is in hand (retries waiting out a back-off excepted). */
  drain(): Promise<void>;
  /** Looks for new updates now (a webhook that just stored one may call it). */
  wake(): void;
};

const APOLOGY = 'Sorry — I could not answer that message. Please send it again in a little while.';
const KEEP_DELIVERY_IDS_MS = 7 * 24 * 3600 * 1000;
const PURGE_EVERY_MS = 3600 * 1000;

/**
 * Delivery is exactly once per update in normal running, at least once across a crash: the reply is kept on
 * the row before `deliver` runs (a failed send is retried without a second turn), and the row is marked
 * done after. A process that dies between `deliver` and done sends again when the lease runs out — the
 * smallest window there is without the provider's idempotency. A silent reply (a number that sent STOP,
 * messages past the rate-limit notice) is not delivered at all.
 */
export function startInboundWorker(
  deps: ConversationDeps,
  deliver: Deliver,
  options: InboundWorkerOptions = {},
): InboundWorker {
  const concurrency = options.concurrency ?? 4;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 5 * 60 * 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const retryDelayMs = options.retryDelayMs ?? ((n: number) => Math.min(60_000, 1000 * 2 ** n));
  const now = () => deps.now?.() ?? new Date();
  const log = deps.log ?? (() => {});
  const inHand = new Set<Promise<void>>();
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let lastPurge = 0;

  async function handle(row: InboundRow): Promise<void> {
    const message: InboundMessage = {
      channel: row.channel,
      externalId: row.externalId,
      text: row.text,
      deliveryId: row.deliveryId,
    };
    let reply: Reply | null = row.status === 'replied' && row.reply ? (row.reply as unknown as Reply) : null;
    try {
      if (!reply) {
        options.onTurn?.start(message);
        try {
          reply = await handleMessage(deps, message);
        } catch (error) {
          // The person's mistake (an empty or overlong message) is answered, not retried.
          if (!(error instanceof AppError && error.code === 'BAD_INPUT')) throw error;
          reply = { conversationId: '', text: error.message, toolCalls: [], status: 'error' };
        } finally {
          options.onTurn?.end(message);
        }
        await markReplied(deps.db, row.id, reply as unknown as Record<string, unknown>);
      }
      if (!reply.silent) await deliver(message, reply);
      await markDone(deps.db, row.id, now());
    } catch (error) {
      const status = await markAttemptFailed(
        deps.db,
        { id: row.id, attempts: row.attempts, status: reply ? 'replied' : 'processing' },
        describe(error),
        { maxAttempts, delayMs: retryDelayMs(row.attempts), now: now() },
      );
      log('inbound: attempt failed', {
        channel: row.channel,
        from: redactExternalId(row.externalId),
        attempt: row.attempts,
        status,
        error: describe(error),
      });
      // The turn never ran to a reply: say so once rather than leave the person waiting in silence.
      if (status === 'failed' && !reply) {
        await deliver(message, { conversationId: '', text: APOLOGY, toolCalls: [], status: 'error' }).catch(
          (e) => log('inbound: apology not delivered', { channel: row.channel, error: describe(e) }),
        );
      }
    }
  }

  /** Claims what there is room for and starts handling it; returns how many were claimed. */
  async function tick(): Promise<number> {
    const room = concurrency - inHand.size;
    if (room <= 0) return 0;
    const rows = await claimInbound(deps.db, { limit: room, leaseMs, now: now() });
    for (const row of rows) {
      const work: Promise<void> = handle(row)
        .catch((error) =>
          log('inbound: update not settled', { channel: row.channel, error: describe(error) }),
        )
        .finally(() => inHand.delete(work));
      inHand.add(work);
    }
    return rows.length;
  }

  async function purge(): Promise<void> {
    const at = now().getTime();
    if (at - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = at;
    await purgeInbound(deps.db, new Date(at - KEEP_DELIVERY_IDS_MS));
    await purgeTurnEvents(deps.db, new Date(at - 24 * 3600 * 1000));
  }

  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        await purge();
        claimed = await tick();
      } catch (error) {
        log('inbound: claim failed', { error: describe(error) });
      }
      if (stopped) break;
      if (claimed > 0 && inHand.size < concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, inHand.size >= concurrency ? 10 : pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();

  return {
    async stop() {
      stopped = true;
      wakeUp?.();
      await loop;
      await Promise.allSettled([...inHand]);
    },
    async drain() {
      for (;;) {
        const claimed = await tick();
        if (inHand.size > 0) await Promise.race([...inHand]);
        else if (claimed === 0) await new Promise((resolve) => setTimeout(resolve, 10));
        if (claimed === 0 && inHand.size === 0 && (await countOpenInbound(deps.db, now())) === 0) return;
      }
    },
    wake() {
      wakeUp?.();
    },
  };
}

/** An error as logs may show it: name and message, never a stack full of personal data. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
