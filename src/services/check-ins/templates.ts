import { asc, sql } from 'drizzle-orm';
import { z } from 'zod';
import { communicationTemplates, messageTypes, outboundChannels } from '../../db/schema/index.ts';
import type { Db } from '../database.ts';
import { parseInput } from '../validation.ts';

/**
 * Message templates as an admin edits them (the shipped defaults come from drizzle/0016). The caller has
 * already checked the admin role; this validates the edit and records who made it.
 */
const templateEdit = z.object({
  messageType: z.enum(messageTypes),
  channel: z.enum(outboundChannels),
  subject: z.string().trim().min(1).max(200).nullable().optional(),
  body: z.string().trim().min(1).max(4_000),
});

export function listTemplates(db: Db) {
  return db
    .select()
    .from(communicationTemplates)
    .orderBy(asc(communicationTemplates.messageType), asc(communicationTemplates.channel));
}

export async function saveTemplate(db: Db, adminId: string, input: unknown) {
  const edit = parseInput(templateEdit, input);
  const values = {
    messageType: edit.messageType,
    channel: edit.channel,
    subject: edit.subject ?? null,
    body: edit.body,
    updatedBy: adminId,
  };
  const [row] = await db
    .insert(communicationTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [communicationTemplates.messageType, communicationTemplates.channel],
      set: { subject: values.subject, body: values.body, updatedBy: adminId, updatedAt: sql`now()` },
    })
    .returning();
  return row;
}
