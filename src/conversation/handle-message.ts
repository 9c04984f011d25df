import {
  type ChannelUser,
  checkExternalId,
  identifyChannelUser,
  setCurrentConversation,
} from '../services/channels/identities.ts';
import { answerQuickAction } from '../services/check-ins/index.ts';
import { AppError, badInput } from '../services/errors.ts';
import { type Admittee, admit, webActor, webAdmittee } from './admission.ts';
import type { InboundMessage } from './channel-adapter.ts';
import { smsKeyword } from './keywords.ts';
import { parseLinkCommand, runLinkCommand } from './link-command.ts';
import type { Reply } from './reply.ts';
import { type ConversationDeps, runTurn, type TurnInput } from './turn.ts';

export { webExternalId } from './admission.ts';

/**
 * The core's entry for every channel: (channel, external id, text) → reply. It resolves who is talking
 * itself — a Telegram chat or phone number through its channel identity (a password-less user made on first
 * contact, so it has one plan and one inventory), the web through its signed-in user or guest key — and
 * continues that identity's current conversation. Before any model: SMS keywords (STOP/START/HELP, in
 * runTurn, never rate-limited: carriers require them to work), /link and LINK, the turn rate limit and the
 * tier's daily message quota, and replies to a check-in ("USED 2", "SNOOZE 7") when the user has had one.
 */
export type HandleOptions = {
  /** The web's open thread (the page knows it); chats and numbers continue their identity's own. */
  conversationId?: string | null;
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
  let admittee: Admittee;
  let conversationId: string | null;
  if (channel === 'web') {
    who = webActor(externalId);
    admittee = webAdmittee(externalId);
    conversationId = options.conversationId ?? null;
  } else {
    identity = await identifyChannelUser(deps.db, channel, externalId);
    who = { userId: identity.userId };
    admittee = { channel, subject: `identity:${identity.identityId}`, userId: identity.userId, externalId };
    conversationId = identity.conversationId;
  }

  let fixedReply: string | undefined;
  const keyword = channel === 'sms' ? smsKeyword(text) : null;
  const command = identity ? parseLinkCommand(text) : null;
  if (keyword === null && text !== '') {
    const admission = await admit(deps, admittee, { quota: !command });
    if (admission.silent)
      return { conversationId: conversationId ?? '', text: '', toolCalls: [], status: 'ok', silent: true };
    fixedReply = admission.fixedReply;
  }
  if (identity && command && fixedReply === undefined && channel !== 'web') {
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

  if (fixedReply === undefined && keyword === null && 'userId' in who) {
    const now = deps.now?.() ?? new Date();
    fixedReply = (await answerQuickAction(deps.db, who.userId, text, now)) ?? undefined;
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
