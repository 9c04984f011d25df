import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { type ConversationChannel, conversations, messages, profiles } from '../../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { type Actor, anonymousKeyHash, withActor } from './actor.ts';
import type { MessageRow, NewAiRun } from './conversations.ts';

/** The thread as a turn starts: everything the model needs, read in one transaction. */
export type TurnStart = {
  conversationId: string;
  /** The thread's saved plan, and whether a plan was built in it (the plan itself is not read here). */
  planId: string | null;
  hasDraft: boolean;
  summary: string | null;
  /** The last `historyLimit` messages before this turn, oldest first. */
  history: Pick<MessageRow, 'role' | 'content'>[];
  /** The household facts (the profile's when signed in, the thread's when anonymous), as stored. */
  household: unknown;
  /** The parts of the assistant's previous message (its offered choices). */
  lastAssistantParts: unknown[];
  /** The user's message as stored (a numbered choice resolved to its value), and its row. */
  text: string;
  messageId: string;
  isFirstTurn: boolean;
};

export type BeginTurnInput = {
  channel: ConversationChannel;
  conversationId?: string | null;
  historyLimit: number;
  /**
   * Turns the raw message into what is stored and answered, given the previous reply's parts. A repeat that
   * turns out not to be one may call it twice; the last call is the one the turn uses.
   */
  resolveText: (lastAssistantParts: unknown[]) => { content: string; parts: unknown[] };
  /** Folds messages that left the history window into the running summary (deterministic). */
  summarize: (previous: string | null, older: Pick<MessageRow, 'role' | 'content'>[]) => string;
  /**
   * The same message sent again (the web's Retry and Regenerate): when the thread ends with it — alone (its
   * reply never arrived yet) or with its reply (to be answered anew) — it and its reply are replaced by this
   * turn's, so the thread holds it once, and the history the model sees ends before it. A reply the earlier
   * attempt stores later is dropped (finishTurn stores a reply only while its message exists). Otherwise a
   * normal turn.
   */
  repeat?: boolean;
};

/**
 * Opens (or starts) the thread, reads the bounded history, the household and the previous reply, folds
 * older messages into the summary, and stores the user's message — in one transaction under row-level
 * security, so a turn costs one round of locking before the model starts.
 */
export async function beginTurn(db: Db, actor: Actor, input: BeginTurnInput): Promise<TurnStart> {
  return withActor(db, actor, async (tx) => {
    // The profile's household comes with the thread (a subquery: one round trip, not two).
    const columns = {
      id: conversations.id,
      planId: conversations.planId,
      summary: conversations.summary,
      summarizedCount: conversations.summarizedCount,
      household: sql<unknown>`coalesce((select ${profiles.household} from ${profiles} where ${profiles.id} = ${conversations.userId}), ${conversations.household})`,
      hasDraft: sql<boolean>`${conversations.draftPlan} is not null`,
    };
    let conversation:
      | {
          id: string;
          planId: string | null;
          summary: string | null;
          summarizedCount: number;
          household: unknown;
          hasDraft: boolean;
        }
      | undefined;
    if (input.conversationId) {
      [conversation] = await tx
        .select(columns)
        .from(conversations)
        .where(eq(conversations.id, input.conversationId))
        .limit(1);
      if (!conversation) throw notFound('Conversation');
    } else {
      [conversation] = await tx
        .insert(conversations)
        .values({
          userId: actor.userId,
          anonymousKey: actor.userId === null ? anonymousKeyHash(actor.anonymousKey) : null,
          channel: input.channel,
        })
        .returning(columns);
    }
    const id = conversation!.id;
    // The newest messages and the thread's total in one query.
    const window = input.conversationId
      ? await tx
          .select({
            seq: messages.seq,
            role: messages.role,
            content: messages.content,
            parts: messages.parts,
            total: sql<number>`count(*) over ()`.mapWith(Number),
          })
          .from(messages)
          .where(eq(messages.conversationId, id))
          .orderBy(desc(messages.seq))
          .limit(input.historyLimit)
      : [];
    const total = window[0]?.total ?? 0;
    const recent = window.reverse();
    const repeated = input.repeat ? repeatedTurn(recent, input.resolveText) : null;
    const lastAssistant = [...recent.slice(0, repeated?.at)].reverse().find((m) => m.role === 'assistant');
    let summary = conversation!.summary;
    const older = total - recent.length;
    if (older > conversation!.summarizedCount) {
      const fold = await tx
        .select({ role: messages.role, content: messages.content })
        .from(messages)
        .where(eq(messages.conversationId, id))
        .orderBy(messages.seq)
        .offset(conversation!.summarizedCount)
        .limit(older - conversation!.summarizedCount);
      summary = input.summarize(summary, fold);
      await tx.update(conversations).set({ summary, summarizedCount: older }).where(eq(conversations.id, id));
    }
    const household: unknown = conversation!.household ?? {};
    const resolved =
      repeated?.resolved ?? input.resolveText(Array.isArray(lastAssistant?.parts) ? lastAssistant.parts : []);
    // From the repeated message on (its reply included, even one stored since the window was read).
    if (repeated)
      await tx.delete(messages).where(and(eq(messages.conversationId, id), gte(messages.seq, repeated.seq)));
    const title = total === 0 ? resolved.content.slice(0, 80) : null;
    const [stored] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        with stored as (
          insert into messages (conversation_id, role, content, parts)
          values (${id}, 'user', ${resolved.content}, ${JSON.stringify(resolved.parts)}::jsonb)
          returning id
        ), touched as (
          update conversations set updated_at = now(), title = coalesce(title, ${title}) where id = ${id}
        )
        select id from stored`),
    );
    const history = repeated ? recent.slice(0, repeated.at) : recent;
    return {
      conversationId: id,
      planId: conversation!.planId,
      hasDraft: conversation!.hasDraft,
      summary,
      history: history.map((m) => ({ role: m.role, content: m.content })),
      household,
      lastAssistantParts: Array.isArray(lastAssistant?.parts) ? lastAssistant.parts : [],
      text: resolved.content,
      messageId: stored!.id,
      isFirstTurn: total - (recent.length - history.length) === 0,
    };
  });
}

type WindowMessage = { seq: number; role: string; content: string; parts: unknown };

/**
 * Where a repeated message sits in the thread's newest messages: the last user message, when only its reply
 * (or nothing) follows it and it says what the repeat says once resolved against the reply before it (a
 * numbered choice resolves the same way twice). Null when the thread does not end with that message.
 */
function repeatedTurn(
  recent: readonly WindowMessage[],
  resolveText: BeginTurnInput['resolveText'],
): { at: number; seq: number; resolved: ReturnType<BeginTurnInput['resolveText']> } | null {
  const at = recent.findLastIndex((m) => m.role === 'user');
  if (at < 0 || at < recent.length - 2) return null;
  const before = recent.slice(0, at).findLast((m) => m.role === 'assistant');
  const resolved = resolveText(Array.isArray(before?.parts) ? before.parts : []);
  if (recent[at]!.content !== resolved.content) return null;
  return { at, seq: recent[at]!.seq, resolved };
}

/**
 * Stores the assistant's reply and the run record in one transaction. Given the message it answers, the
 * reply is stored only while that message is still in the thread (a Retry or Regenerate replaced it: the
 * newer attempt's reply is the one kept); the run is recorded either way.
 */
export async function finishTurn(
  db: Db,
  actor: Actor,
  conversationId: string,
  reply: { content: string; parts: unknown[] },
  run: NewAiRun,
  answering?: string,
): Promise<void> {
  const cost = run.estimatedCostUsd === null ? null : run.estimatedCostUsd.toFixed(6);
  const answered = answering ? sql`exists (select 1 from messages where id = ${answering})` : sql`true`;
  // One statement: the reply, the run record and the thread's timestamp (row-level security checks each).
  await withActor(db, actor, (tx) =>
    tx.execute(sql`
      with stored as (
        insert into messages (conversation_id, role, content, parts)
        select ${conversationId}, 'assistant', ${reply.content}, ${JSON.stringify(reply.parts)}::jsonb
        where ${answered}
      ), recorded as (
        insert into ai_runs (conversation_id, user_id, model, input_tokens, output_tokens, latency_ms,
          time_to_first_token_ms, steps, tool_calls, estimated_cost_usd, status, error)
        values (${conversationId}, ${actor.userId}, ${run.model}, ${run.inputTokens ?? 0}, ${run.outputTokens ?? 0},
          ${run.latencyMs}, ${run.timeToFirstTokenMs ?? null}, ${run.steps ?? 0},
          ${JSON.stringify(run.toolCalls ?? [])}::jsonb, ${cost}, ${run.status}, ${run.error ?? null})
      )
      update conversations set updated_at = now() where id = ${conversationId}`),
  );
}

/**
 * A message the system starts (a check-in, a reminder), stored as the assistant's in the thread it goes to
 * (a new thread when there is none, or the old one is gone), so a reply to it — "2" for its second choice —
 * continues from it. Returns the thread's id.
 */
export async function recordAssistantMessage(
  db: Db,
  actor: Actor,
  input: { channel: ConversationChannel; conversationId: string | null; content: string; parts: unknown[] },
): Promise<string> {
  return withActor(db, actor, async (tx) => {
    let id = input.conversationId;
    if (id) {
      const [found] = await tx
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.id, id));
      id = found?.id ?? null;
    }
    if (!id) {
      const [created] = await tx
        .insert(conversations)
        .values({
          userId: actor.userId,
          anonymousKey: actor.userId === null ? anonymousKeyHash(actor.anonymousKey) : null,
          channel: input.channel,
          title: input.content.slice(0, 80),
        })
        .returning({ id: conversations.id });
      id = created!.id;
    }
    await tx.execute(sql`
      with stored as (
        insert into messages (conversation_id, role, content, parts)
        values (${id}, 'assistant', ${input.content}, ${JSON.stringify(input.parts)}::jsonb)
      )
      update conversations set updated_at = now() where id = ${id}`);
    return id;
  });
}
