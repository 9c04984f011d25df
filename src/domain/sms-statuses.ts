/**
 * Twilio's message statuses (twilio.com/docs/messaging/api/message-resource#message-status-values): what the
 * status callback may carry and what `sms_deliveries.status` may hold — one list for both.
 */
export const SMS_STATUSES = [
  'accepted',
  'scheduled',
  'canceled',
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'read',
] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];
