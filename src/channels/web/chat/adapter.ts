import type { ChannelAdapter, InboundMessage } from '../../../conversation/channel-adapter.ts';
import { webExternalId } from '../../../conversation/handle-message.ts';
import type { Reply } from '../../../conversation/reply.ts';
import { csrfMatches } from '../../../services/accounts/index.ts';
import { AppError } from '../../../services/errors.ts';
import type { Visitor } from '../shared/visitor.ts';
import { renderWeb, type WebRendering } from './render.ts';

/**
 * The web chat as a channel adapter, like Telegram's and SMS's. A request's proof is the browser's: a
 * session or guest cookie (the visitor middleware has resolved it) and the CSRF token derived from that
 * cookie's secret. The web has no push: `send` writes to the response that is open (the route streams the
 * text as it comes and then the rendered reply), so the adapter is made per response.
 */
export type WebChatRequest = {
  visitor: Pick<Visitor, 'user' | 'sessionToken' | 'anonymousKey'>;
  /** The x-csrf-token header (or _csrf field) as sent. */
  csrfToken: unknown;
  /** The message, as taken from the body (chatTextOf). */
  text: string;
};

/** renderWeb's parts plus what the page keeps of the turn (the thread to continue, progress chips). */
export type WebChatRendering = WebRendering & Pick<Reply, 'conversationId' | 'status' | 'toolCalls'>;

export type WebChatAdapterOptions = {
  /** Where `send` writes: the open response's stream. Without one there is nowhere to send. */
  write?: (externalId: string, rendered: WebChatRendering) => Promise<void> | void;
};

export type WebChatAdapter = ChannelAdapter<WebChatRequest, WebChatRendering>;

export function createWebChatAdapter(options: WebChatAdapterOptions = {}): WebChatAdapter {
  return {
    channel: 'web',
    verify(request) {
      const secret = request.visitor.sessionToken ?? request.visitor.anonymousKey;
      if (!secret || (!request.visitor.user && !request.visitor.anonymousKey)) return false;
      return csrfMatches(secret, request.csrfToken);
    },
    parse(request): InboundMessage | null {
      const { user, anonymousKey } = request.visitor;
      if (!user && !anonymousKey) return null;
      return {
        channel: 'web',
        externalId: webExternalId(user ? { userId: user.id } : { anonymousKey: anonymousKey! }),
        text: request.text,
      };
    },
    render(reply) {
      return {
        ...renderWeb(reply),
        conversationId: reply.conversationId,
        status: reply.status,
        toolCalls: reply.toolCalls,
      };
    },
    async send(externalId, rendered) {
      if (!options.write)
        throw new AppError(
          'UNAVAILABLE',
          'The web has no open page to send to; it shows replies as they are asked for',
        );
      await options.write(externalId, rendered);
    },
  };
}
