import type { ChannelAdapter, InboundMessage } from '../conversation/channel-adapter.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Channel } from '../domain/channels.ts';

// biome-ignore lint/suspicious/noExplicitAny: adapters differ in their request and rendering types
type AnyAdapter = ChannelAdapter<any, any>;

/**
 * The inbound worker's and notify's `deliver`: the reply rendered and sent by the adapter of the channel
 * the message came from. A channel that is off has no adapter; a reply for it is an error the worker
 * retries and records, never a silent drop.
 */
export function createDeliver(adapters: Partial<Record<Channel, AnyAdapter>>) {
  return async (message: Pick<InboundMessage, 'channel' | 'externalId'>, reply: Reply): Promise<void> => {
    const adapter = adapters[message.channel];
    if (!adapter) throw new Error(`no ${message.channel} channel is configured to deliver this reply`);
    await adapter.send(message.externalId, adapter.render(reply));
  };
}
