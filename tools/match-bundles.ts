import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { resolveLocation } from '../src/domain/location.ts';
import { getHouseholdFor } from '../src/services/accounts/profiles.ts';
import { matchBundles } from '../src/services/bundles/match.ts';
import { actorFor, attempt, type ToolContext } from './context.ts';
import { scenarioInput } from './household-input.ts';

function ageGroups(members: { kind: string }[]): string[] {
  const map: Record<string, string> = {
    infant: 'infants',
    child: 'children',
    teen: 'teens',
    adult: 'adults',
    senior: 'seniors',
  };
  return [...new Set(members.map((m) => map[m.kind]!).filter(Boolean))];
}

/** Ready-made bundles ranked for the household (scenario, family size, climate, ages, budget). */
const matchBundlesInput = zodSchema(
  z.object({
    scenarios: z.array(scenarioInput).max(12).optional().describe('Hazards the bundle should cover'),
    people: z.number().int().min(1).max(100).optional().describe('Household size'),
    budget: z.number().nonnegative().optional().describe('Most to spend on one bundle, US dollars'),
    limit: z.number().int().min(1).max(10).optional().describe('How many bundles (default 3)'),
  }),
);

export function matchBundlesTool(ctx: ToolContext) {
  return tool({
    description:
      "Read-only. Ranks the catalog's ready-made kits (bundles) for the household by scenario, family size, " +
      'climate, ages and budget, saying why each fits. Omitted fields come from the saved household.',
    inputSchema: matchBundlesInput,
    execute: (input) =>
      attempt(async () => {
        const household = await getHouseholdFor(ctx.db, actorFor(ctx), ctx.conversationId);
        const climate = household.location ? resolveLocation(household.location).climate : null;
        const matches = await matchBundles(ctx.db, {
          scenarios: input.scenarios ?? household.scenarios ?? [],
          people: input.people ?? household.members?.length ?? 1,
          ageGroups: ageGroups(household.members ?? []),
          climate,
          budget: input.budget ?? household.budget ?? null,
          limit: input.limit ?? 3,
        });
        return {
          bundles: matches.map((b) => ({
            bundleId: b.bundleId,
            name: b.name,
            price: b.price,
            itemCount: b.itemCount,
            score: b.score,
            withinBudget: b.withinBudget,
            reasons: b.reasons,
          })),
        };
      }),
  });
}
