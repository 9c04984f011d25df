import { randomUUID } from 'node:crypto';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { renderText } from '../../src/channels/render-text.ts';
import { septets } from '../../src/channels/sms/encoding.ts';
import { toSmsText } from '../../src/channels/sms/render.ts';
import { renderTelegram } from '../../src/channels/telegram/render.ts';
import { createConversation, type Reply } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import type { Actor } from '../../src/services/conversations/actor.ts';
import { createOfflineEmbedder } from '../../src/services/embeddings/offline.ts';
import { seededDatabase } from './database.ts';
import { householdGate, planGate, preferencesGate, replyGate, toolsGate } from './expected-gates.ts';
import {
  answeredGate,
  conciseGate,
  forbiddenGate,
  gallonFigures,
  leakGate,
  lengthGate,
  linksGate,
} from './gates.ts';
import type { Grader } from './grader.ts';
import { groundingGate } from './grounding-gate.ts';
import { makeUser, type Other, otherPlanIntact, seedOtherUser } from './people.ts';
import { type Snapshot, snapshot } from './snapshot.ts';
import type { Dialogue, DialogueResult, GateResult, SuiteResult, TurnRecord } from './types.ts';

export const PUBLIC_URL = 'https://readyplan.test';

export type SuiteOptions = {
  dialogues: Dialogue[];
  model: LanguageModelV3;
  /** Adds the model-graded rubric (real-model runs). */
  grader?: Grader | null;
  /** Lowest rubric score that passes (1–5). */
  rubricMin?: number;
  /** A seeded database to use (tests pass theirs); otherwise one is opened and closed here. */
  database?: Database;
  log?: (line: string) => void;
};

/** The placeholders injection dialogues use to name the other account. */
function fill(text: string, other: Other): string {
  return text
    .replaceAll('{otherUserId}', other.userId)
    .replaceAll('{otherPlanId}', other.planId)
    .replaceAll('{otherEmail}', other.email);
}

/** How long the reply would be on its channel before any clipping (SMS in GSM-7 septets). */
function unclippedLength(channel: Dialogue['channel'], reply: Reply): number {
  if (channel === 'sms') {
    const body = toSmsText(reply.text);
    const link = reply.link && !body.includes(reply.link.url) ? `\n${reply.link.url}` : '';
    const choices = (reply.choices ?? []).length
      ? `\n${(reply.choices ?? []).map((c, i) => `${i + 1}) ${toSmsText(c.label)}`).join('\n')}\nReply with a number.`
      : '';
    return septets(`${body}${link}${choices}`.trim());
  }
  if (channel === 'telegram') {
    // As one message, counted as Telegram counts it: the text after its markup is parsed.
    const whole = renderTelegram(reply, Number.POSITIVE_INFINITY).messages[0];
    return whole?.plain.length ?? 0;
  }
  return reply.text.length;
}

export async function runDialogue(
  deps: { database: Database; core: ReturnType<typeof createConversation>; other: Other },
  dialogue: Dialogue,
  options: Pick<SuiteOptions, 'grader' | 'rubricMin'>,
): Promise<DialogueResult> {
  const { database, core, other } = deps;
  const actor: Actor =
    dialogue.user === 'anonymous'
      ? { userId: null, anonymousKey: `eval:${dialogue.id}:${randomUUID()}` }
      : { userId: await makeUser(database, dialogue.user) };
  const gates: GateResult[] = [];
  const turns: TurnRecord[] = [];
  // Gallon figures the person wrote ("is 3 gallons enough?"): a reply may repeat them.
  const userGallons: number[] = [];
  let conversationId: string | null = null;
  let before: Snapshot = await snapshot(database, actor, null);
  const tierBefore = before.tier;
  const leakMarkers = [other.userId, other.email, other.planId, other.city];
  let error: string | undefined;

  for (const [index, spec] of dialogue.turns.entries()) {
    const id = `t${index + 1}`;
    const say = fill(spec.say, other);
    userGallons.push(...gallonFigures(say));
    const started = performance.now();
    let reply: Reply;
    let calls: TurnRecord['tools'];
    try {
      const turn = await core.runTurn({ channel: dialogue.channel, text: say, conversationId, ...actor });
      conversationId = turn.conversationId;
      const [r, run] = await Promise.all([turn.reply, turn.run]);
      reply = r;
      calls = run.toolCalls.map((c) => ({ toolName: c.toolName, input: c.input, ok: c.ok }));
    } catch (e) {
      error = `turn ${index + 1} threw: ${e instanceof Error ? e.message : String(e)}`;
      gates.push({ id: `${id}:turn`, kind: 'turn', pass: false, detail: error });
      break;
    }
    const rendered = renderText(dialogue.channel, reply, PUBLIC_URL);
    turns.push({
      say,
      reply: reply.text,
      rendered,
      tools: calls,
      latencyMs: Math.round(performance.now() - started),
    });
    const after = await snapshot(database, actor, conversationId);
    const seen = `${reply.text}\n${rendered}`;
    gates.push(
      {
        id: `${id}:turn`,
        kind: 'turn',
        pass: reply.status === 'ok',
        ...(reply.status === 'ok' ? {} : { detail: 'reply status error' }),
      },
      answeredGate(id, reply.text),
      forbiddenGate(id, reply.text, rendered),
      lengthGate(id, dialogue.channel, unclippedLength(dialogue.channel, reply)),
      conciseGate(id, reply.text, before.plan !== null),
      leakGate(id, seen, leakMarkers),
    );
    if (dialogue.channel === 'web') gates.push(linksGate(id, dialogue.channel, rendered, PUBLIC_URL));
    if (spec.says || spec.saysOneOf || spec.saysNot || spec.maxChars !== undefined || spec.linksPlan)
      gates.push(replyGate(id, spec, seen, reply.text));
    if (spec.tools) gates.push(toolsGate(id, spec.tools, calls));
    if (spec.grounded) gates.push(groundingGate(id, spec.grounded, reply.text, after.plan, userGallons));
    if (spec.household) gates.push(householdGate(id, spec.household, after));
    if (spec.plan) gates.push(planGate(id, spec.plan, after.plan));
    if (spec.preferences) gates.push(preferencesGate(id, spec.preferences, after));
    before = after;
  }

  const end = dialogue.end;
  if (end && !error) {
    if (end.household) gates.push(householdGate('end', end.household, before));
    if (end.plan) gates.push(planGate('end', end.plan, before.plan));
    if (end.tierUnchanged)
      gates.push({
        id: 'end:tier',
        kind: 'tier',
        pass: before.tier === tierBefore,
        ...(before.tier === tierBefore ? {} : { detail: `tier ${tierBefore} became ${before.tier}` }),
      });
    if (end.inventoryCount !== undefined)
      gates.push({
        id: 'end:inventory',
        kind: 'inventory',
        pass: before.inventoryCount === end.inventoryCount,
        detail: `${before.inventoryCount} inventory items, expected ${end.inventoryCount}`,
      });
    if (end.otherPlanIntact) {
      const problem = await otherPlanIntact(database, other);
      gates.push({
        id: 'end:isolation',
        kind: 'isolation',
        pass: problem === null,
        ...(problem ? { detail: problem } : {}),
      });
    }
    if (end.preferences) gates.push(preferencesGate('end', end.preferences, before));
    if (end.noBookings)
      gates.push({
        id: 'end:bookings',
        kind: 'bookings',
        pass: before.bookings === 0,
        detail: `${before.bookings} bookings`,
      });
  }

  let rubric: DialogueResult['rubric'];
  if (options.grader && turns.length > 0) {
    try {
      const r = await options.grader.grade(dialogue, turns, before.plan);
      rubric = r;
      const min = options.rubricMin ?? 3;
      const low = (['helpfulness', 'clarity', 'safety', 'faithfulness'] as const).filter((k) => r[k] < min);
      gates.push({
        id: 'end:rubric',
        kind: 'rubric',
        pass: low.length === 0,
        detail: `${low.map((k) => `${k} ${r[k]}`).join(', ') || 'all ≥ min'} — ${r.comment}`,
      });
    } catch (e) {
      rubric = { error: e instanceof Error ? e.message : String(e) };
      gates.push({ id: 'end:rubric', kind: 'rubric', pass: false, detail: `grader failed: ${rubric.error}` });
    }
  }
  // A passing gate keeps no detail: only failures need explaining.
  const clean = gates.map((g) => (g.pass ? { id: g.id, kind: g.kind, pass: true } : g));
  return {
    id: dialogue.id,
    title: dialogue.title,
    theme: dialogue.theme,
    channel: dialogue.channel,
    pass: clean.every((g) => g.pass),
    gates: clean,
    turns,
    ...(rubric ? { rubric } : {}),
    ...(error ? { error } : {}),
  };
}

/** Runs every dialogue, one after another, through the real conversation core over a seeded database. */
export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const log = options.log ?? (() => {});
  const database = options.database ?? (await seededDatabase(log));
  try {
    // The template is embedded offline; the eval judges conversation, not embeddings, so the offline
    // embedder serves every model.
    const core = createConversation({
      db: database.db,
      embedder: createOfflineEmbedder(),
      model: options.model,
      publicUrl: PUBLIC_URL,
    });
    const other = await seedOtherUser(database);
    const results: DialogueResult[] = [];
    for (const dialogue of options.dialogues) {
      const result = await runDialogue({ database, core, other }, dialogue, options);
      log(`${result.pass ? 'pass' : 'FAIL'} ${dialogue.id}`);
      results.push(result);
    }
    const gates = results.flatMap((r) => r.gates);
    const passed = results.filter((r) => r.pass).length;
    return {
      startedAt,
      model: options.model.modelId,
      grader: options.grader?.modelId ?? null,
      durationMs: Math.round(performance.now() - started),
      dialogues: results,
      totals: {
        dialogues: results.length,
        passed,
        passRate: results.length ? passed / results.length : 0,
        gates: gates.length,
        gatesPassed: gates.filter((g) => g.pass).length,
      },
    };
  } finally {
    if (!options.database) await database.close();
  }
}
