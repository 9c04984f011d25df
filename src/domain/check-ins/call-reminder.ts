/**
 * Pure: which reminder a registered user gets before an expert call. The 24-hour one from 24 hours before;
 * the 1-hour one from 1 hour before; once inside the last hour only the 1-hour one (a 24-hour reminder sent
 * 40 minutes before the call would say the wrong thing). Each is sent once (its own idempotency key).
 */
export const callReminderKinds = ['24h', '1h'] as const;
export type CallReminderKind = (typeof callReminderKinds)[number];

const HOUR = 3_600_000;

export function callReminderDue(callAt: Date, now: Date): CallReminderKind | null {
  const ahead = callAt.getTime() - now.getTime();
  if (ahead <= 0) return null;
  if (ahead <= HOUR) return '1h';
  if (ahead <= 24 * HOUR) return '24h';
  return null;
}

/** "in 1 hour (Tue, 3:00 PM CET)": the time in the user's zone, or the call's own when the user set none. */
export function callWhen(callAt: Date, kind: CallReminderKind, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(callAt);
  return `${kind === '1h' ? 'in 1 hour' : 'in 24 hours'} (${local})`;
}
