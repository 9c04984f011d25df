import { createUIMessageStream, pipeUIMessageStreamToResponse, type UIMessageChunk } from 'ai';
import express, { Router } from 'express';
import { z } from 'zod';
import {
  admitWebMessage,
  type ConversationDeps,
  createConversation,
  MAX_MESSAGE_CHARS,
  webExternalId,
} from '../../../conversation/index.ts';
import { listConversations, listMessages } from '../../../services/conversations/index.ts';
import { AppError, badInput } from '../../../services/errors.ts';
import type { WebRouteDeps } from '../shared/deps.ts';
import { actorOf, noticeOf, parseBody, UUID } from '../shared/request.ts';
import { csrfProtection, visitorMiddleware, visitorOf } from '../shared/visitor.ts';
import { createWebChatAdapter } from './adapter.ts';
import { type ChatHistoryMessage, chatPage } from './chat-page.ts';

/**
 * POST /api/chat body: `{ text, conversationId? }`, or the AI SDK's `useChat` body (`{ messages: UIMessage[] }`,
 * of which the last user message is taken). The thread lives on the server; the reply streams back in the
 * AI SDK UI message stream protocol, with two data parts of ours: `data-conversation` first (the thread id
 * to continue) and `data-reply` before `finish` (the channel-neutral reply: plan card, link, choices).
 */
const chatBodySchema = z.object({
  conversationId: z.string().regex(UUID, 'must be a conversation id').nullable().optional(),
  id: z.string().max(200).optional(),
  text: z.string({ message: 'must be text' }).optional(),
  /** Retry and Regenerate send the last message again: it is answered anew, not stored twice. */
  repeat: z.boolean({ message: 'must be true or false' }).optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.string(),
        content: z.string().optional(),
        parts: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
      }),
    )
    .max(500)
    .optional(),
});

export function chatTextOf(body: z.infer<typeof chatBodySchema>): string {
  let text = body.text;
  if (text === undefined && body.messages) {
    const last = [...body.messages].reverse().find((m) => m.role === 'user');
    text = last
      ? (last.parts
          ?.filter((p) => p.type === 'text')
          .map((p) => p.text ?? '')
          .join('') ?? last.content)
      : undefined;
  }
  if (text === undefined || text.trim() === '')
    throw badInput('Type a message to send: the text is empty.', 'text');
  if (text.length > MAX_MESSAGE_CHARS)
    throw badInput(
      `Your message is longer than ${MAX_MESSAGE_CHARS} characters. Please shorten it or send it in parts.`,
      'text',
    );
  return text;
}

/** Over the turn rate limit: 429 with Retry-After (the error handler sets it), the message kept in the page. */
class ChatRateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      'RATE_LIMITED',
      `You're sending messages faster than I can answer them well. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and send it again.`,
    );
    this.name = 'ChatRateLimitedError';
  }
}

export function chatRouter(deps: WebRouteDeps): Router {
  const router = Router();
  const db = deps.database.db;
  const visitor = visitorMiddleware(deps);
  const csrf = csrfProtection(deps.config);
  const conversationDeps: ConversationDeps = {
    db,
    embedder: deps.embedder,
    model: deps.model,
    publicUrl: deps.config.publicUrl,
    solver: deps.solver,
    // The logger writes an error as its summary: a model error carries the request body (the conversation).
    log: (message, detail) => deps.logger.error({ err: detail }, message),
  };
  const core = createConversation(conversationDeps);

  async function latestWebThread(res: express.Response) {
    const actor = actorOf(visitorOf(res));
    if (!actor) return null;
    const thread = (await listConversations(db, actor, 20)).find((c) => c.channel === 'web');
    if (!thread) return null;
    const messages = await listMessages(db, actor, thread.id, 200);
    return {
      conversationId: thread.id,
      messages: messages.map(
        (m): ChatHistoryMessage => ({ role: m.role, content: m.content, parts: m.parts }),
      ),
    };
  }

  router.get('/chat', visitor, async (req, res) => {
    const thread = await latestWebThread(res);
    res.type('html').send(
      chatPage(visitorOf(res), {
        conversationId: thread?.conversationId ?? null,
        messages: thread?.messages ?? [],
        notice: noticeOf(req),
      }).value,
    );
  });

  router.get('/api/chat/history', visitor, async (_req, res) => {
    res.json((await latestWebThread(res)) ?? { conversationId: null, messages: [] });
  });

  router.post('/api/chat', express.json({ limit: '512kb' }), visitor, csrf, async (req, res) => {
    const body = parseBody(chatBodySchema, req.body);
    const text = chatTextOf(body);
    const v = visitorOf(res);
    if (!v.user && !v.anonymousKey) throw new AppError('UNAUTHENTICATED', 'Reload the page to start a chat');
    // The turn rate limit (per user or guest, in Postgres) and the daily quota, as every channel has them.
    const who = v.user ? { userId: v.user.id } : { anonymousKey: v.anonymousKey ?? '' };
    const admission = await admitWebMessage(conversationDeps, { externalId: webExternalId(who) });
    if (admission.retryAfterSeconds !== undefined)
      throw new ChatRateLimitedError(admission.retryAfterSeconds);
    const turn = await core.runTurn({
      channel: 'web',
      userId: v.user?.id ?? null,
      anonymousKey: v.user ? null : v.anonymousKey,
      conversationId: body.conversationId ?? null,
      text,
      repeat: body.repeat === true,
      ...(!admission.silent && admission.fixedReply !== undefined
        ? { fixedReply: admission.fixedReply }
        : {}),
    });
    // The SDK's stream, with our reply inserted just before its `finish` part (so the client has it all).
    let finish: UIMessageChunk | null = null;
    const withReply = turn.stream.toUIMessageStream().pipeThrough(
      new TransformStream<UIMessageChunk, UIMessageChunk>({
        transform(part, controller) {
          if (part.type === 'finish') finish = part;
          else controller.enqueue(part);
        },
        async flush(controller) {
          const reply = await turn.reply.catch(() => null);
          // The reply as the web channel renders it (renderWeb, via the web adapter), sent into this response.
          if (reply) {
            const web = createWebChatAdapter({
              write: (_to, data) => controller.enqueue({ type: 'data-reply', data }),
            });
            await web.send(webExternalId(who), web.render(reply));
          }
          controller.enqueue(finish ?? { type: 'finish' });
        },
      }),
    );
    const stream = createUIMessageStream({
      execute: ({ writer }) => {
        writer.write({
          type: 'data-conversation',
          data: { conversationId: turn.conversationId },
          transient: true,
        });
        writer.merge(withReply);
      },
      onError: () => 'Sorry — something went wrong while answering. Please try again.',
    });
    pipeUIMessageStreamToResponse({
      response: res,
      stream,
      headers: { 'x-conversation-id': turn.conversationId, 'cache-control': 'no-store' },
    });
  });

  return router;
}
