import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { findSkillResources } from '../src/services/skills/resources.ts';
import { attempt, type ToolContext } from './context.ts';
import { scenarioInput } from './household-input.ts';

/** Courses, articles and videos for preparedness skills. */
const findSkillResourcesInput = zodSchema(
  z.object({
    skills: z.array(z.string().min(1).max(60)).max(10).optional().describe('Skill ids, e.g. ["first-aid"]'),
    query: z.string().trim().max(200).optional().describe('Words describing the skill, e.g. "purify water"'),
    scenario: scenarioInput.optional().describe('Only resources for this hazard'),
    limit: z.number().int().min(1).max(10).optional().describe('How many (default 5)'),
  }),
);

export function findSkillResourcesTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Finds learning resources (courses, articles, videos) for preparedness skills, by skill id ' +
      '(e.g. "first-aid", "water-treatment", "gardening"), by words, or by hazard.',
    inputSchema: findSkillResourcesInput,
    execute: ({ skills, query, scenario, limit }) =>
      attempt(async () => ({
        resources: await findSkillResources(ctx.db, {
          skillIds: skills ?? [],
          ...(query ? { query } : {}),
          ...(scenario ? { scenario } : {}),
          limit: limit ?? 5,
        }),
      })),
  });
}
