import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { checkInFrequencies } from '../src/domain/check-ins/index.ts';
import { messageTypes, outboundChannels, savePreferences } from '../src/services/check-ins/index.ts';
import { attempt, needsAccount, type ToolContext } from './context.ts';

/** Built once: the SDK caches the JSON schema a Schema object carries. */
const input = zodSchema(
  z.object({
    messageType: z
      .enum(messageTypes)
      .default('check_in')
      .describe('check_in: expiry check-ins; call_reminder: expert call reminders; product_news'),
    channel: z.enum(outboundChannels).optional().describe('"text me" is sms'),
    localHour: z.number().int().min(0).max(23).optional().describe('Local hour 0–23 to send at'),
    frequency: z.enum(checkInFrequencies).optional().describe('"on Sundays" or "weekly" is weekly'),
    windowDays: z
      .number()
      .int()
      .min(1)
      .max(365)
      .optional()
      .describe('List what expires within this many days'),
    optedOut: z.boolean().optional().describe('true for "stop reminders"; false to resume'),
  }),
);

/** Changes how and when ReadyPlan messages the person ("text me weekly", "stop reminders"). */
export function notificationPreferencesTool(ctx: ToolContext) {
  return tool({
    description:
      'Changes notification preferences for one message type: channel, local hour, frequency, expiry window, ' +
      'or opt-out ("stop reminders"). Only the fields given change.',
    inputSchema: input,
    execute: async (fields) => {
      if (!ctx.userId) return needsAccount(ctx, 'Notification preferences');
      const userId = ctx.userId;
      return attempt(async () => {
        const saved = await savePreferences(ctx.db, userId, fields);
        return {
          preference: {
            messageType: saved?.messageType,
            channel: saved?.channel ?? 'best available',
            localHour: saved?.localHour,
            timeZone: saved?.timeZone,
            frequency: saved?.frequency,
            windowDays: saved?.windowDays,
            optedOut: saved?.optedOut,
          },
        };
      }, ctx);
    },
  });
}
