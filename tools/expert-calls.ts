import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { bookExpertCall, listExpertCalls } from '../src/services/calls/calls.ts';
import { attempt, needsAccount, type ToolContext } from './context.ts';

/** Upcoming founder, expert and 1-on-1 calls with seats left. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const listExpertCallsInput = zodSchema(
  z.object({
    callType: z
      .enum(['FOUNDER_GROUP', 'EXPERT_GROUP', 'ONE_ON_ONE'])
      .optional()
      .describe('Only this kind of call'),
    limit: z.number().int().min(1).max(10).optional().describe('How many (default 5)'),
  }),
);

export function listExpertCallsTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Lists upcoming founder group calls, expert calls and 1-on-1 calls: date, expert, the tier ' +
      'needed, seats left and whether this person is booked.',
    inputSchema: listExpertCallsInput,
    execute: ({ callType, limit }) =>
      attempt(async () => {
        const calls = await listExpertCalls(ctx.db, ctx.userId, {
          now: ctx.now(),
          limit: limit ?? 5,
          ...(callType ? { callType } : {}),
        });
        return { calls: calls.map((c) => ({ ...c, scheduledDate: c.scheduledDate.toISOString() })) };
      }),
  });
}

/** Books the person onto a call, within their tier and the call's capacity. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const bookExpertCallInput = zodSchema(
  z.object({
    callId: z.uuid().describe('The call id from listExpertCalls'),
  }),
);

export function bookExpertCallTool(ctx: ToolContext) {
  return tool({
    description:
      'CHANGES DATA. Books the person onto an expert or group call by its id (from listExpertCalls). Checks ' +
      'their tier and the seats left; booking twice is harmless. Shares their plan summary and inventory gaps ' +
      'with the expert. Returns calendarUrl (an .ics file to add it to a calendar) and callUrl (to cancel).',
    inputSchema: bookExpertCallInput,
    execute: async ({ callId }) => {
      if (!ctx.userId) return needsAccount(ctx, 'Booking a call');
      const userId = ctx.userId;
      return attempt(async () => {
        const booking = await bookExpertCall(ctx.db, userId, callId, ctx.now());
        return {
          booking: {
            ...booking,
            scheduledDate: booking.scheduledDate.toISOString(),
            // The calendar file (RFC 5545) and the call's page, where it can be cancelled.
            calendarUrl: `${ctx.publicUrl}/calls/${callId}/calendar.ics`,
            callUrl: `${ctx.publicUrl}/calls/${callId}`,
          },
        };
      }, ctx);
    },
  });
}
