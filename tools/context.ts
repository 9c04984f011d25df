import type { Channel } from '../src/domain/channels.ts';
import { type Actor, actorOf } from '../src/services/conversations/actor.ts';
import type { Db } from '../src/services/database.ts';
import type { Embedder } from '../src/services/embeddings/embedder.ts';
import { AppError } from '../src/services/errors.ts';
import type { Solver } from '../src/services/plans/solver-pool.ts';

export type { Channel };

/**
 * What every tool acts with, fixed by the conversation before the model runs. The acting user is here and
 * never in a tool's input: whatever the model sends, a tool can only act for this user (or this anonymous
 * session), and row-level security enforces it again in the database.
 */
export type ToolContext = {
  db: Db;
  embedder: Embedder;
  /** The runtime's solver pool (plans solve on this thread without one). */
  solver?: Solver | undefined;
  /** The conversation's signed-in user; null for an anonymous session. */
  userId: string | null;
  /** The anonymous session's key (set when userId is null). */
  anonymousKey?: string | null;
  conversationId: string;
  channel: Channel;
  /** Where people reach the web app, for links. */
  publicUrl: string;
  now: () => Date;
};

/** The context's actor (the conversation core checked it before the model ran). */
export const actorFor = (ctx: ToolContext): Actor => actorOf(ctx.userId, ctx.anonymousKey);

/** A tool's failure, returned to the model as data so it can tell the person or correct its input. */
export type ToolFailure = {
  ok: false;
  error: { code: string; message: string; field?: string };
  /** What to offer the person next (sign up, upgrade …). */
  hint?: string;
  url?: string;
};

export function failure(
  code: string,
  message: string,
  extra: Omit<ToolFailure, 'ok' | 'error'> = {},
): ToolFailure {
  return { ok: false, error: { code, message }, ...extra };
}

/**
 * Runs a tool's work; an application error the person may see becomes a failure result (the loop goes
 * on and the model explains it); anything else is thrown and reported by the SDK as a tool error.
 */
export async function attempt<T extends object>(
  work: () => Promise<T>,
  ctx?: Pick<ToolContext, 'publicUrl'>,
): Promise<({ ok: true } & T) | ToolFailure> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    if (error instanceof AppError && error.expose) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
        ...(error.code === 'TIER_LIMIT'
          ? { hint: 'upgrade', ...(ctx ? { url: `${ctx.publicUrl}/pricing` } : {}) }
          : {}),
      };
    }
    throw error;
  }
}

/** For tools that need an account: a failure telling the model to ask the person to sign up. */
export function needsAccount(ctx: ToolContext, what: string): ToolFailure {
  return failure('UNAUTHENTICATED', `${what} needs an account. Create one (free) to keep it.`, {
    hint: 'signup',
    url: `${ctx.publicUrl}/signup`,
  });
}

export function planUrl(ctx: ToolContext, planId: string): string {
  return `${ctx.publicUrl}/plans/${planId}`;
}
