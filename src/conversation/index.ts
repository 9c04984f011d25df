export { type Admission, admitWebMessage } from './admission.ts';
export type { ChannelAdapter, InboundMessage } from './channel-adapter.ts';
export { mapChoice } from './choices.ts';
export { type HandleOptions, handleMessage, webExternalId } from './handle-message.ts';
export {
  acceptInbound,
  type Deliver,
  type InboundWorker,
  type InboundWorkerOptions,
  startInboundWorker,
} from './inbound.ts';
export { SMS_REPLIES, type SmsKeyword, smsKeyword } from './keywords.ts';
export { type LinkCommand, parseLinkCommand } from './link-command.ts';
export { type NotifyInput, type NotifyResult, notify } from './notify.ts';
export { estimateCostUsd, PRICES_PER_MILLION } from './pricing.ts';
export type { Choice, PlanCard, Reply } from './reply.ts';
export { summarize } from './summary.ts';
export {
  type Channel,
  type ConversationDeps,
  createConversation,
  MAX_MESSAGE_CHARS,
  runTurn,
  type Turn,
  type TurnInput,
  type TurnRun,
} from './turn.ts';
