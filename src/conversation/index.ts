export { admitWebMessage } from './admission.ts';
export type { ChannelAdapter, InboundMessage } from './channel-adapter.ts';
export { mapChoice } from './choices.ts';
export { handleMessage, webExternalId } from './handle-message.ts';
export {
  acceptInbound,
  startInboundWorker,
} from './inbound.ts';

export { parseLinkCommand } from './link-command.ts';
export { notify } from './notify.ts';

export type { Reply } from './reply.ts';

export {
  type Channel,
  type ConversationDeps,
  createConversation,
  MAX_MESSAGE_CHARS,
  type TurnRun,
} from './turn.ts';
