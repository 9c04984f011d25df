import { tool, zodSchema } from 'ai';
import { z } from 'zod';

/** Quick replies for the person: buttons on the web and Telegram, a numbered list by SMS. */
const presentChoicesInput = zodSchema(
  z.object({
    choices: z
      .array(
        z.object({
          label: z.string().trim().min(1).max(40).describe('What the button says'),
          value: z.string().trim().min(1).max(200).describe('The message sent when it is chosen'),
        }),
      )
      .min(1)
      .max(6)
      .describe('The replies to offer, best first'),
  }),
);

export function presentChoicesTool() {
  return tool({
    description:
      'Read-only. Offers the person up to 6 quick replies for the question just asked (buttons on web and ' +
      'Telegram, a numbered list by SMS). Call it at most once per reply, after writing the question.',
    inputSchema: presentChoicesInput,
    execute: async ({ choices }) => ({ ok: true as const, shown: choices.length }),
  });
}
