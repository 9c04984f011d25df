/**
 * Bounded history: the model sees the last N messages; older turns are folded into conversations.summary
 * deterministically (no model call), one clipped line per message, newest kept when it grows too long.
 */
export const SUMMARY_LINE_CHARS = 160;
export const SUMMARY_MAX_CHARS = 1500;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function summarize(
  previous: string | null,
  messages: readonly { role: 'user' | 'assistant'; content: string }[],
): string {
  const lines = [
    ...(previous ? previous.split('\n').filter(Boolean) : []),
    ...messages.map(
      (m) => `${m.role === 'user' ? 'User' : 'Assistant'}: ${clip(m.content, SUMMARY_LINE_CHARS)}`,
    ),
  ];
  while (lines.length > 1 && lines.join('\n').length > SUMMARY_MAX_CHARS) lines.shift();
  return lines.join('\n');
}
