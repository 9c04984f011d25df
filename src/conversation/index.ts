export { SMS_REPLIES, type SmsKeyword, smsKeyword } from './keywords.ts';
export { estimateCostUsd, PRICES_PER_MILLION } from './pricing.ts';
export {
  mapChoice,
  type Rendering,
  renderSms,
  renderTelegram,
  renderText,
  renderWeb,
  SMS_MAX_SEPTETS,
  type SmsRendering,
  septets,
  type TelegramRendering,
  toSmsText,
  toTelegramMarkdown,
  type WebRendering,
} from './render.ts';
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
