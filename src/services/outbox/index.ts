export {
  claimDue,
  type EnqueueInput,
  enqueueOutbound,
  idempotencyKey,
  markSent,
  type OutboxRow,
  recipientEmail,
} from './outbox.ts';
export {
  backoffDelayMs,
  DEFAULT_RETRY,
  markAttemptFailed,
  type RetryPolicy,
  settleExpiredLeases,
} from './retry.ts';
export { recordOutboxProviderStatus } from './status.ts';
export { getTemplate, renderTemplate, type Template } from './templates.ts';
