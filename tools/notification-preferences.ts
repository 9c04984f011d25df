import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { checkInFrequencies, parseWeekday } from '../src/domain/check-ins/index.ts';
import {
  messageTypes,
  notificationNotes,
  outboundChannels,
  savePreferencesFromChat,
} from '../src/services/check-ins/index.ts';
import { badInput } from '../src/services/errors.ts';
import { attempt, failure, type ToolContext } from './context.ts';

/** Built once: the SDK caches the JSON schema a Schema object carries. */
const input = zodSchema(
  z.object({
    messageType: z
      .enum(messageTypes)
      .default('check_in')
      .describe('check_in: expiry check-ins; call_reminder: expert call reminders; product_news'),
    channel: z.enum(outboundChannels).optional().describe('"text me" is sms'),
    localHour: z.number().int().min(0).max(23).optional().describe('Local hour 0–23 to send at'),
    weekday: z
      .union([z.number().int(), z.string().max(20), z.null()])
      .optional()
      .describe(
        'The day a weekly message goes out: "Sunday", "sundays", "sun" or 0–6 (0 Sunday); "any" or null for any day',
      ),
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

/** Changes how and when ReadyPlan messages the person ("text me on Sundays", "stop reminders"). */
export function notificationPreferencesTool(ctx: ToolContext) {
  return tool({
    description:
      'Changes notification preferences for one message type: channel, local hour, weekday, frequency, ' +
      'expiry window, or opt-out ("stop reminders"). Only the fields given change.',
    inputSchema: input,
    execute: async ({ weekday, ...fields }) => {
      if (!ctx.userId)
        return failure(
          'UNAUTHENTICATED',
          'Reminders go to an account, and this chat has none yet. Create one (free) first.',
          {
            hint: 'signup',
            url: `${ctx.publicUrl}/signup`,
          },
        );
      const userId = ctx.userId;
      return attempt(async () => {
        const day = weekday === undefined ? undefined : parseWeekday(weekday);
        if (day === undefined && weekday !== undefined)
          throw badInput(`Weekday must be a day of the week such as Sunday (not "${weekday}").`, 'weekday');
        const saved = await savePreferencesFromChat(ctx.db, userId, {
          ...fields,
          ...(day === undefined ? {} : { weekday: day }),
        });
        if (!saved) throw new Error('the saved preference could not be read back');
        return {
          changed: Object.keys({ ...fields, ...(day === undefined ? {} : { weekday: day }) }).filter(
            (k) => k !== 'messageType',
          ),
          preference: {
            messageType: saved.messageType,
            channel: saved.channel ?? 'best available',
            localHour: saved.localHour,
            weekday: saved.weekday,
            timeZone: saved.timeZone,
            frequency: saved.frequency,
            windowDays: saved.windowDays,
            optedOut: saved.optedOut,
          },
          ...(await notificationNotes(ctx.db, userId, saved, ctx.now())),
        };
      }, ctx);
    },
  });
}
