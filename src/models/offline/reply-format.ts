import type { Channel } from '../../domain/channels.ts';

// Numbers, money, durations and emphasis as every reply writes them, per channel.

export const num = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
// The one money format (always cents): "$349.53 of $350.00", as the plan page and the PDF write it.
export { money } from '../../domain/money.ts';
export const days = (d: number) =>
  d % 365 === 0
    ? `${d / 365}-year`
    : d % 30 === 0 && d >= 60
      ? `${d / 30}-month`
      : d === 14
        ? 'two-week'
        : `${d}-day`;

export function bold(channel: Channel, text: string) {
  if (channel === 'sms') return text;
  return channel === 'telegram' ? `*${text}*` : `**${text}**`;
}

export function assumptionsText(assumptions: string[], channel: Channel): string {
  if (assumptions.length === 0) return '';
  if (channel === 'sms') return `Assumed: ${assumptions.join('; ')}.`;
  return `_Assumed: ${assumptions.join('; ')} — tell me if any of that is wrong._`;
}
