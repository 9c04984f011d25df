import type { Channel } from '../domain/channels.ts';
import { isUuid } from '../domain/ids.ts';
import { redactExternalId } from '../services/channels/identities.ts';
import { takeTurn } from '../services/channels/turn-limit.ts';
import { anonymousKeyHash } from '../services/conversations/actor.ts';
import { badInput } from '../services/errors.ts';
import { requireMessageQuota } from '../services/tiers/quotas.ts';
import { TierLimitError } from '../services/tiers/tiers.ts';
import type { InboundMessage } from './channel-adapter.ts';
import type { ConversationDeps } from './turn.ts';

/**
 * Whether a message gets a model turn, decided before any model runs: the turn rate limit per identity
 * (one polite notice when it is hit, then silence until the window has room) and the tier's daily message
 * quota (a person over it hears why and where to upgrade). Carrier keywords never come here; /link counts
 * toward the rate limit (it guesses codes) but not the quota.
 * handleMessage admits every chat and SMS; the web's streaming route admits its messages the same way.
 */
export type Admission =
  /** Send nothing: past the one notice of the rate limit. */
  | { silent: true; retryAfterSeconds: number }
  /**
   * Run the turn; with `fixedReply`, answer that instead of asking the model; `retryAfterSeconds` when
   * that reply is the rate limit's notice (the web answers 429 with Retry-After instead).
   */
  | { silent: false; fixedReply?: string; retryAfterSeconds?: number };

export type Admittee = {
  channel: Channel;
  /** Whom the rate limit counts: a channel identity, a web user, a guest key's hash. */
  subject: string;
  /** The account whose tier sets the quota (guests have none). */
  userId: string | null;
  /** For logs, shortened. */
  externalId: string;
};

/** The web's external id: the signed-in user's (`user:<uuid>`) or the guest cookie's key (`guest:<key>`). */
export function webExternalId(who: { userId: string } | { anonymousKey: string }): string {
  return 'userId' in who ? `user:${who.userId}` : `guest:${who.anonymousKey}`;
}

export function webActor(externalId: string): { userId: string } | { anonymousKey: string } {
  if (externalId.startsWith('user:') && isUuid(externalId.slice(5))) return { userId: externalId.slice(5) };
  if (externalId.startsWith('guest:') && externalId.length >= 14)
    return { anonymousKey: externalId.slice(6) };
  throw badInput('a web externalId is user:<id> or guest:<key of 8+ characters>', 'externalId');
}

export function webAdmittee(externalId: string): Admittee {
  const who = webActor(externalId);
  return 'userId' in who
    ? { channel: 'web', subject: `user:${who.userId}`, userId: who.userId, externalId }
    : { channel: 'web', subject: `guest:${anonymousKeyHash(who.anonymousKey)}`, userId: null, externalId };
}

const rateLimitNotice = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return (
    `You're sending messages faster than I can answer them well. I'll pick up again in about ${minutes} ` +
    `minute${minutes === 1 ? '' : 's'} — anything you send until then won't get a reply.`
  );
};

export async function admit(
  deps: ConversationDeps,
  who: Admittee,
  options: { quota?: boolean } = {},
): Promise<Admission> {
  const limit = await takeTurn(deps.db, who.subject, deps.turnLimit, deps.now?.());
  if (limit.outcome === 'silenced') return { silent: true, retryAfterSeconds: limit.retryAfterSeconds };
  if (limit.outcome === 'noticed') {
    deps.log?.('conversation: turn rate limit reached', {
      channel: who.channel,
      from: redactExternalId(who.externalId),
    });
    return {
      silent: false,
      fixedReply: rateLimitNotice(limit.retryAfterSeconds),
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  if (who.userId && options.quota !== false) {
    try {
      await requireMessageQuota(deps.db, who.userId, deps.now?.());
    } catch (error) {
      if (!(error instanceof TierLimitError)) throw error;
      const base = who.channel === 'web' ? '' : deps.publicUrl;
      return {
        silent: false,
        fixedReply: `${error.message} More messages a day: ${base}${error.upgradePath}`,
      };
    }
  }
  return { silent: false };
}

/** The web's streaming route: admit a message from the signed-in user or guest it names. */
export function admitWebMessage(deps: ConversationDeps, message: Pick<InboundMessage, 'externalId'>) {
  return admit(deps, webAdmittee(message.externalId));
}
