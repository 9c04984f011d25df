import type { LanguageModelV3 } from '@ai-sdk/provider';
import { type ModelMessage, type StepResult, stepCountIs, streamText, type ToolSet } from 'ai';
import { type PlannerTools, plannerAgent } from '../../agents/index.ts';
import type { Channel } from '../domain/channels.ts';
import { readHousehold } from '../services/accounts/profiles.ts';
import { setSmsOptOut, smsOptedOut } from '../services/accounts/sms-consent.ts';
import type { TurnLimit } from '../services/channels/turn-limit.ts';
import { type Actor, actorOf } from '../services/conversations/actor.ts';
import { beginTurn, finishTurn } from '../services/conversations/turns.ts';
import type { Db } from '../services/database.ts';
import type { Embedder } from '../services/embeddings/embedder.ts';
import { badInput } from '../services/errors.ts';
import type { Solver } from '../services/plans/solver-pool.ts';
import { mapChoice } from './choices.ts';
import { choicesOf, exchangesOf } from './exchanges.ts';
import { fixedReplyModel } from './fixed-reply-model.ts';
import { SMS_REPLIES, smsKeyword } from './keywords.ts';
import { estimateCostUsd } from './pricing.ts';
import { type Choice, type Reply, replyParts, storedReplyParts } from './reply.ts';
import { summarize } from './summary.ts';

export type { Channel };

export type ConversationDeps = {
  db: Db;
  embedder: Embedder;
  model: LanguageModelV3;
  /** The runtime's solver pool, for plans the tools build; without one they solve on this thread. */
  solver?: Solver;
  /** Where people reach the web app (links in replies). */
  publicUrl: string;
  now?: () => Date;
  /** Messages of history the model sees (older ones are summarised). Default 20. */
  historyLimit?: number;
  /** Most model steps in one turn. Default: the agent's. */
  maxSteps?: number;
  /** Called with diagnostics (never user-facing). */
  log?: (message: string, detail?: unknown) => void;
  /** Turns per identity per window (services/channels/turn-limit.ts); the default when omitted. */
  turnLimit?: TurnLimit;
};

export type TurnInput = {
  channel: Channel;
  /** The signed-in user, or null/undefined for an anonymous session (then anonymousKey is required). */
  userId?: string | null;
  anonymousKey?: string | null;
  /** Continue this thread; a new one is started when omitted. */
  conversationId?: string | null;
  text: string;
  /**
   * An answer the core decided before any model (a link code, the rate-limit notice): recorded in the thread
   * like any turn, at no cost. SMS keywords are recognised here, in runTurn, and need no fixed reply.
   */
  fixedReply?: string;
  /** The same message sent again (the web's Retry and Regenerate): see beginTurn's `repeat`. */
  repeat?: boolean;
};

export type TurnRun = {
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  timeToFirstTokenMs: number | null;
  steps: number;
  toolCalls: { toolName: string; input: unknown; ok: boolean; error?: string }[];
  estimatedCostUsd: number | null;
};

export type Turn = {
  conversationId: string;
  /** The message the model answered (a numbered choice is already mapped to its value). */
  text: string;
  /** The AI SDK result: stream it to the web (toUIMessageStream / pipeUIMessageStreamToResponse). */
  stream: ReturnType<typeof streamText<PlannerTools>>;
  /** The channel-neutral reply, once the turn has finished and been recorded. */
  reply: Promise<Reply>;
  /** What the turn cost and how long it took (the ai_runs row). */
  run: Promise<TurnRun>;
};

export const MAX_MESSAGE_CHARS = 4000;
const HISTORY_LIMIT = 20;

/**
 * One turn, for every channel: identify the user (or the anonymous session), open the thread with a
 * bounded history (older turns summarised), run the planner agent with streamText, persist the user's and
 * the assistant's messages and an ai_runs record, and return the stream plus a channel-neutral reply.
 */
export async function runTurn(deps: ConversationDeps, input: TurnInput): Promise<Turn> {
  const started = performance.now();
  const now = deps.now ?? (() => new Date());
  const text = input.text.trim();
  if (text === '') throw badInput('the message is empty', 'text');
  if (text.length > MAX_MESSAGE_CHARS)
    throw badInput(`the message is longer than ${MAX_MESSAGE_CHARS} characters`, 'text');
  const actor: Actor = actorOf(input.userId ?? null, input.anonymousKey);
  // One transaction: open the thread, read history, household and the last reply's choices, store the
  // message (a numbered reply such as "2" becomes the choice it picks).
  let lastChoices: Choice[] = [];
  const start = await beginTurn(deps.db, actor, {
    channel: input.channel,
    conversationId: input.conversationId ?? null,
    historyLimit: deps.historyLimit ?? HISTORY_LIMIT,
    summarize,
    repeat: input.repeat === true,
    resolveText: (parts) => {
      lastChoices = choicesOf(parts);
      const content = mapChoice(text, lastChoices);
      return { content, parts: content === text ? [] : [{ type: 'choice', typed: text }] };
    },
  });
  const conversationId = start.conversationId;
  const message = start.text;
  const household = readHousehold(start.household);

  // SMS keywords are the carrier's contract, answered before any model; a stopped number hears nothing
  // more until START.
  let fixed: { text: string; silent: boolean } | null = null;
  if (input.channel === 'sms') {
    const keyword = smsKeyword(message);
    if (keyword === 'stop' || keyword === 'start') {
      await setSmsOptOut(deps.db, actor, conversationId, keyword === 'stop', now());
      fixed = { text: SMS_REPLIES[keyword], silent: false };
    } else if (smsOptedOut(start.household)) fixed = { text: '', silent: true };
    else if (keyword === 'help') fixed = { text: SMS_REPLIES.help, silent: false };
  }
  if (!fixed && input.fixedReply !== undefined) fixed = { text: input.fixedReply, silent: false };
  const model = fixed ? fixedReplyModel(fixed.text) : deps.model;
  // On the web, links stay relative to the site the person is on.
  const publicUrl = input.channel === 'web' ? '' : deps.publicUrl;

  const history: ModelMessage[] = start.history.map(
    (m) => ({ role: m.role, content: m.content }) as ModelMessage,
  );
  const messages: ModelMessage[] = [...history, { role: 'user', content: message }];
  const ctx = {
    db: deps.db,
    embedder: deps.embedder,
    solver: deps.solver,
    userId: actor.userId,
    anonymousKey: actor.userId === null ? actor.anonymousKey : null,
    conversationId,
    channel: input.channel,
    publicUrl,
    now,
  };
  const system = plannerAgent.system({
    channel: input.channel,
    signedIn: actor.userId !== null,
    publicUrl,
    household: household as Record<string, unknown>,
    planId: start.planId,
    hasDraft: start.hasDraft,
    lastChoices,
    today: now().toISOString().slice(0, 10),
    summary: start.summary,
  });

  let firstToken: number | null = null;
  let streamError: unknown = null;
  const stream = streamText({
    model,
    system,
    messages,
    tools: plannerAgent.tools(ctx),
    stopWhen: stepCountIs(deps.maxSteps ?? plannerAgent.maxSteps),
    temperature: plannerAgent.settings.temperature,
    maxOutputTokens: plannerAgent.settings.maxOutputTokens,
    onChunk: ({ chunk }) => {
      if (firstToken === null && chunk.type === 'text-delta' && chunk.text.length > 0) {
        firstToken = performance.now() - started;
      }
    },
    onError: ({ error }) => {
      streamError = error;
      deps.log?.('conversation: model stream failed', error);
    },
  });

  const finished = (async () => {
    let steps: StepResult<ToolSet>[] = [];
    let inputTokens = 0;
    let outputTokens = 0;
    try {
      await stream.consumeStream();
      steps = (await stream.steps) as unknown as StepResult<ToolSet>[];
      const usage = await stream.totalUsage;
      inputTokens = usage.inputTokens ?? 0;
      outputTokens = usage.outputTokens ?? 0;
    } catch (error) {
      streamError ??= error;
    }
    const exchanges = exchangesOf(steps);
    const written = steps
      .map((s) => s.text.trim())
      .filter(Boolean)
      .join('\n\n');
    const failed = streamError !== null && written === '';
    // A model may end on tool calls without a word (or hit the step limit): never send an empty reply.
    const replyText = fixed
      ? fixed.text
      : failed
        ? 'Sorry — I ran into a problem answering that. Please try again in a moment.'
        : written || (exchanges.length > 0 ? 'Done — anything else?' : 'Sorry, I have no answer to that.');
    const parts = replyParts(exchanges);
    const built = exchanges.some((e) => e.toolName === 'buildPlan' && e.ok);
    if (!parts.link && built && parts.planCard && !parts.planCard.url && actor.userId === null) {
      parts.link = { label: 'Create a free account to save it', url: `${publicUrl}/signup` };
    }
    const latencyMs = Math.round(performance.now() - started);
    const run: TurnRun = {
      model: model.modelId,
      inputTokens,
      outputTokens,
      latencyMs,
      timeToFirstTokenMs: firstToken === null ? null : Math.round(firstToken),
      steps: steps.length,
      toolCalls: exchanges.map((e) => ({
        toolName: e.toolName,
        input: e.input,
        ok: e.ok,
        ...(e.error ? { error: e.error } : {}),
      })),
      estimatedCostUsd: estimateCostUsd(model.modelId, inputTokens, outputTokens),
    };
    const reply: Reply = {
      conversationId,
      text: replyText,
      ...parts,
      toolCalls: exchanges.map((e) => ({ toolName: e.toolName, ok: e.ok })),
      status: failed ? 'error' : 'ok',
      ...(fixed?.silent ? { silent: true } : {}),
    };
    await finishTurn(
      deps.db,
      actor,
      conversationId,
      {
        content: replyText,
        parts: [
          ...exchanges.map((e) => ({ type: 'tool', toolName: e.toolName, input: e.input, ok: e.ok })),
          ...storedReplyParts(reply),
        ],
      },
      {
        conversationId,
        model: run.model,
        inputTokens: run.inputTokens,
        outputTokens: run.outputTokens,
        latencyMs: run.latencyMs,
        timeToFirstTokenMs: run.timeToFirstTokenMs,
        steps: run.steps,
        toolCalls: run.toolCalls,
        estimatedCostUsd: run.estimatedCostUsd,
        status: failed ? 'error' : 'ok',
        error:
          streamError === null
            ? null
            : String(streamError instanceof Error ? streamError.message : streamError).slice(0, 2000),
      },
      start.messageId,
    );
    return { reply, run };
  })();
  // Both promises settle together; a caller awaiting only one must not leave the other unhandled.
  const reply = finished.then((f) => f.reply);
  const run = finished.then((f) => f.run);
  reply.catch(() => {});
  run.catch(() => {});
  return { conversationId, text: message, stream, reply, run };
}

/** The conversation core bound to its dependencies: what channels call. */
export function createConversation(deps: ConversationDeps) {
  return {
    runTurn: (input: TurnInput) => runTurn(deps, input),
  };
}
