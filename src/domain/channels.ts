/**
 * The channels people reach ReadyPlan on. Every other list or union of channels (the database enum, the
 * conversation core, tools, the offline model, CLI flags) derives from this one.
 */
export const CHANNELS = ['web', 'telegram', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
