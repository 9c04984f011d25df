import { isUuid } from '../domain/ids.ts';
import {
  type ChannelUser,
  checkExternalId,
  identifyChannelUser,
  redactExternalId,
  setCurrentConversation,
} from '../services/channels/identities.ts';
import { takeTurn } from '../services/channels/turn-limit.ts';
import { anonymousKeyHash } from '../services/conversations/actor.ts';
import { AppError, badInput } from '../services/errors.ts';
import { requireMessageQuota } from '../services/tiers/quotas.ts';
import { TierLimitError } from '../services/tiers/tiers.ts';
import type { InboundMessage } from './channel-adapter.ts';
import { smsKeyword } from './keywords.ts';
import { parseLinkCommand, runLinkCommand } from './link-command.ts';
import type { Reply } from './reply.ts';
import { type ConversationDeps, runTurn, type TurnInput } from './turn.ts';

/**
 * The core's entry for every channel: (channel, external id, text) → reply. It resolves who is talking
 * itself — a Telegram chat or phone number through its channel identity (a password-less user made on first
 * contact, so it has one plan and one inventory), the web through its signed-in user or guest key — and
 * continues that identity's current conversation. Before any model: SMS keywords (STOP/START/HELP, in
 * runTurn, never rate-limited: carriers require them to work), /link and LINK, the turn rate limit and the
 * tier's daily message quota.
 */
export type HandleOptions = {
  /** The web's open thread (the page knows it); chats and numbers continue their identity's own. */
  conversationId?: string | null;
};

/** The web's external id: the signed-in user's (`user:<uuid>`) or the guest cookie's key (`guest:<key>`). */
export function webExternalId(who: { userId: string } | { anonymousKey: string }): string {
  return 'userId' in who ? `user:${who.userId}` : `guest:${who.anonymousKey}`;
}

function webActor(externalId: string): { userId: string } | { anonymousKey: string } {
  if (externalId.startsWith('user:') && isUuid(externalId.slice(5))) return { userId: externalId.slice(5) };
  if (externalId.startsWith('guest:') && externalId.length >= 14)
    return { anonymousKey: externalId.slice(6) };
  throw badInput('a web externalId is user:<id> or guest:<key of 8+ characters>', 'externalId');
}

const rateLimitNotice = (seconds: number) => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return (
    `You're sending messages faster than I can answer them well. I'll pick up again in about ${minutes} ` +
    `minute${minutes === 1 ? '' : 's'} — anything you send until then won't get a reply.`
  );
};

export async function handleMessage(
  deps: ConversationDeps,
  message: InboundMessage,
  options: HandleOptions = {},
): Promise<Reply> {
  const { channel, externalId } = checkExternalId(message.channel, message.externalId);
  if (typeof message.text !== 'string') throw badInput('text must be a string', 'text');
  const text = message.text.trim();

  let identity: ChannelUser | null = null;
  let who: { userId: string } | { anonymousKey: string };
  let subject: string;
  let conversationId: string | null;
  if (channel === 'web') {
    who = webActor(externalId);
    subject = 'userId' in who ? `user:${who.userId}` : `guest:${anonymousKeyHash(who.anonymousKey)}`;
    conversationId = options.conversationId ?? null;
  } else {
    identity = await identifyChannelUser(deps.db, channel, externalId);
    who = { userId: identity.userId };
    subject = `identity:${identity.identityId}`;
    conversationId = identity.conversationId;
  }

  let fixedReply: string | undefined;
  const keyword = channel === 'sms' ? smsKeyword(text) : null;
  if (keyword === null && text !== '') {
    const limit = await takeTurn(deps.db, subject, deps.turnLimit, deps.now?.());
    if (limit.outcome === 'silenced')
      return { conversationId: conversationId ?? '', text: '', toolCalls: [], status: 'ok', silent: true };
    if (limit.outcome === 'noticed') {
      deps.log?.('conversation: turn rate limit reached', { channel, from: redactExternalId(externalId) });
      fixedReply = rateLimitNotice(limit.retryAfterSeconds);
    }
  }
  const command = identity && fixedReply === undefined ? parseLinkCommand(text) : null;
  // The tier's daily message quota (services/tiers): a person over it hears why, instead of a model turn.
  if (fixedReply === undefined && keyword === null && !command && 'userId' in who && text !== '') {
    try {
      await requireMessageQuota(deps.db, who.userId, deps.now?.());
    } catch (error) {
      if (!(error instanceof TierLimitError)) throw error;
      fixedReply = `${error.message} More messages a day: ${channel === 'web' ? '' : deps.publicUrl}${error.upgradePath}`;
    }
  }
  if (identity && command && channel !== 'web') {
    fixedReply = await runLinkCommand(
      deps.db,
      { channel, externalId, userId: identity.userId },
      command,
      deps.publicUrl,
    );
    // A merge may have folded this chat's user into the web account: continue as whoever it is now.
    identity = await identifyChannelUser(deps.db, channel, externalId);
    who = { userId: identity.userId };
  }

  const input: TurnInput = {
    channel,
    text,
    conversationId,
    ...who,
    ...(fixedReply !== undefined ? { fixedReply } : {}),
  };
  let turn: Awaited<ReturnType<typeof runTurn>>;
  try {
    turn = await runTurn(deps, input);
  } catch (error) {
    // The identity's thread is gone (deleted with its plan, or never readable): start a new one.
    if (!(identity && conversationId && error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    turn = await runTurn(deps, { ...input, conversationId: null });
  }
  const reply = await turn.reply;
  if (identity && turn.conversationId !== identity.conversationId)
    await setCurrentConversation(deps.db, identity.identityId, turn.conversationId);
  return reply;
}
