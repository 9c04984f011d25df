import type { Channel } from '../domain/channels.ts';
import type { Reply } from './reply.ts';

/** A message as the conversation core sees it, whatever channel it arrived on. */
export type InboundMessage = {
  channel: Channel;
  /** Who sent it on that channel: a Telegram chat id, an E.164 phone number, a web visitor's key. */
  externalId: string;
  text: string;
  /**
   * The provider's id for this delivery (Telegram update_id, Twilio MessageSid). A redelivery carries the
   * same id, so the core processes it once. Absent for the web, whose requests are not redelivered.
   */
  deliveryId?: string;
};

/**
 * One channel's edge, a few lines over the conversation core: check that a request really comes from the
 * provider, turn it into a neutral message, render the core's neutral reply the channel's way, and send it.
 * Every adapter passes the one contract suite (test/channels/adapter-contract.ts).
 */
export interface ChannelAdapter<Request, Rendered> {
  readonly channel: Channel;
  /** True only when the request carries the provider's proof (secret token, signature). Never throws. */
  verify(request: Request): boolean;
  /** The neutral message, or null for an update that carries none (an edit, a join, a status ping). */
  parse(request: Request): InboundMessage | null;
  /** The reply as this channel shows it (Markdown and buttons, a numbered SMS within three segments…). */
  render(reply: Reply): Rendered;
  /** Delivers a rendered reply to one chat or number (the web's "send" writes to the open response). */
  send(externalId: string, rendered: Rendered): Promise<void>;
  /** Shows that an answer is being written ("typing…") until stopTyping or send; for channels that can. */
  indicateTyping?(externalId: string): Promise<void>;
  stopTyping?(externalId: string): void;
}
