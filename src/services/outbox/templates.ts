import { and, eq } from 'drizzle-orm';
import { communicationTemplates, type MessageType, type OutboundChannel } from '../../db/schema/index.ts';
import type { Db } from '../database.ts';

export type Template = { subject: string | null; body: string };

/** The template for a message type on a channel (defaults seeded by drizzle/0016, editable by an admin). */
export async function getTemplate(
  db: Db,
  type: MessageType,
  channel: OutboundChannel,
): Promise<Template | null> {
  const [row] = await db
    .select({ subject: communicationTemplates.subject, body: communicationTemplates.body })
    .from(communicationTemplates)
    .where(and(eq(communicationTemplates.messageType, type), eq(communicationTemplates.channel, channel)));
  return row ?? null;
}

/** Fills `{{name}}` placeholders; an unknown one becomes empty rather than showing braces to a household. */
export function renderTemplate(text: string, variables: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(variables[name] ?? ''));
}
