import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { money } from '../../domain/money.ts';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import { climateTags, oneOf, SEARCH_CLIMATES, suitsClimate } from '../catalog/climate.ts';
import { parseInput } from '../validation.ts';

const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case tag such as winter-storm');

export const bundleMatchSchema = z.object({
  scenarios: z.array(oneOf(SCENARIO_IDS)).max(20).default([]),
  people: z.number().int().min(1).max(100),
  /** Member kinds (infant, child, teen, adult, senior), plus pet, pregnant and mobility-limited as bundles tag them. */
  ageGroups: z.array(tag).max(10).default([]),
  climate: oneOf(SEARCH_CLIMATES).nullable().optional(),
  budget: z.number().nonnegative().nullable().optional(),
  limit: z.number().int().min(1).max(50).default(5),
});

export type BundleMatchInput = z.input<typeof bundleMatchSchema>;

export type BundleMatch = {
  bundleId: string;
  slug: string;
  name: string;
  description: string | null;
  price: number | null;
  itemCount: number;
  scenarios: string[];
  minPeople: number | null;
  maxPeople: number | null;
  ageGroups: string[];
  climates: string[];
  /** 0–1: the weighted components, times the penalties for a bundle no member can use or one over budget. */
  score: number;
  components: { scenarios: number; familySize: number; climate: number; ageGroups: number };
  matchedScenarios: string[];
  withinBudget: boolean | null;
  /** Plain sentences saying why the bundle ranks where it does. */
  reasons: string[];
};

/** How much each part of the fit counts (sums to 1). Scenarios count most: a kit is built for a hazard. */
export const BUNDLE_WEIGHTS = { scenarios: 0.45, familySize: 0.2, climate: 0.15, ageGroups: 0.2 } as const;

const WILDCARDS = new Set(['all', 'any']);
/** Member kinds (src/domain/plan-input.ts); other age-group tags (pet, pregnant, mobility-limited) are needs. */
const MEMBER_KINDS = new Set(['infant', 'child', 'teen', 'adult', 'senior']);
const isOpen = (tags: string[]) => tags.length === 0 || tags.some((t) => WILDCARDS.has(t));
const list = (items: string[]) => items.join(', ');

type Row = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  total_estimated_price: string | null;
  scenarios: string[] | null;
  min_people: number | null;
  max_people: number | null;
  age_groups: string[] | null;
  climates: string[] | null;
  item_count: number;
};

/**
 * Ranks the bundles for a household: scenario overlap, family size within the bundle's min/max people, climate
 * and the household's age groups, with a budget check. Every match says why, component by component.
 */
export async function matchBundles(db: DbOrTx, input: BundleMatchInput): Promise<BundleMatch[]> {
  const want = parseInput(bundleMatchSchema, input);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select b.id, b.slug, b.name, b.description, b.total_estimated_price::text, b.scenarios, b.min_people,
        b.max_people, b.age_groups, b.climates, (select count(*) from bundle_items i where i.bundle_id = b.id)::int
        as item_count
      from bundles b
      -- A bundle whose required item can no longer be offered (retired, or a feed's fit nobody confirmed) is
      -- not a kit anyone can buy as described: it is not recommended until a curator fixes it.
      where not exists (
        select 1 from bundle_items i join specific_products sp on sp.id = i.specific_product_id
        where i.bundle_id = b.id and not i.is_optional
          and (sp.retired_at is not null or sp.fit_status <> 'confirmed'))`),
  );
  const matches = rows.map((row) => score(row, want));
  return matches
    .sort(
      (a, b) =>
        b.score - a.score || (a.price ?? Infinity) - (b.price ?? Infinity) || a.slug.localeCompare(b.slug),
    )
    .slice(0, want.limit);
}

function score(row: Row, want: z.output<typeof bundleMatchSchema>): BundleMatch {
  const reasons: string[] = [];
  const scenarios = row.scenarios ?? [];
  const ageGroups = row.age_groups ?? [];
  const climates = row.climates ?? [];
  const price = row.total_estimated_price === null ? null : Number(row.total_estimated_price);

  // Scenarios: mostly the share of the household's scenarios the bundle is built for (coverage), partly the
  // share of the bundle that is about them (focus), so a hurricane kit outranks a kit for every hazard.
  const wanted = [...new Set(want.scenarios)];
  const matchedScenarios = wanted.filter((s) => scenarios.includes(s));
  let scenarioScore: number;
  if (wanted.length === 0) {
    scenarioScore = 0.5;
    reasons.push('No scenarios given, so every bundle counts as a partial scenario match.');
  } else {
    const coverage = matchedScenarios.length / wanted.length;
    const focus = scenarios.length > 0 ? matchedScenarios.length / scenarios.length : 0;
    scenarioScore = 0.75 * coverage + 0.25 * focus;
    if (matchedScenarios.length === 0) reasons.push(`Built for ${list(scenarios)}, none of ${list(wanted)}.`);
    else {
      const missing = wanted.filter((s) => !scenarios.includes(s));
      const others = scenarios.length - matchedScenarios.length;
      reasons.push(
        (missing.length === 0
          ? `Covers every scenario asked for: ${list(wanted)}`
          : `Covers ${list(matchedScenarios)}; not built for ${list(missing)}`) +
          (others > 0 ? ` (and ${others} other scenario${others > 1 ? 's' : ''}).` : ', and nothing else.'),
      );
    }
  }

  // Family size: full marks within min–max; a bundle too big wastes money, one too small needs a second copy.
  const min = row.min_people ?? 1;
  const max = row.max_people ?? Number.POSITIVE_INFINITY;
  let familyScore: number;
  if (want.people >= min && want.people <= max) {
    familyScore = 1;
    reasons.push(
      `Sized for ${min}${Number.isFinite(max) ? `–${max}` : '+'} people; the household is ${want.people}.`,
    );
  } else if (want.people < min) {
    familyScore = want.people / min;
    reasons.push(
      `Sized for at least ${min} people; the household of ${want.people} would pay for more than it needs.`,
    );
  } else {
    familyScore = max / want.people;
    const copies = Math.ceil(want.people / max);
    reasons.push(`Sized for up to ${max} people; a household of ${want.people} needs ${copies} of it.`);
  }

  // Climate: made for it beats suits any, which beats made for another.
  let climateScore = 1;
  if (want.climate) {
    const made = climates.filter((c) => climateTags(want.climate!).includes(c));
    if (made.length > 0) reasons.push(`Made for ${list(made)} climates, as in ${want.climate}.`);
    else if (suitsClimate(climates, want.climate)) {
      climateScore = 0.85;
      reasons.push('Suits any climate.');
    } else {
      climateScore = 0.2;
      reasons.push(`Made for ${list(climates)} climates, not ${want.climate}.`);
    }
  }

  // Age groups: a kit no member can use (an infant kit, no infant) is a poor fit. Otherwise the score is the
  // share of the household's member kinds the kit provides for; a kit only for a special need (pets, mobility)
  // the household has counts in full, and a family kit is not marked down for not feeding the dog.
  let ageScore = 1;
  let unusable = false;
  const groups = [...new Set(want.ageGroups)];
  if (groups.length > 0 && !isOpen(ageGroups)) {
    const served = groups.filter((g) => ageGroups.includes(g));
    const members = groups.filter((g) => MEMBER_KINDS.has(g));
    const kitMembers = ageGroups.filter((g) => MEMBER_KINDS.has(g));
    const membersServed = members.filter((g) => kitMembers.includes(g));
    if (served.length === 0) {
      unusable = true;
      ageScore = 0;
      reasons.push(`Made for ${list(ageGroups)}; the household has no ${list(ageGroups)} members.`);
    } else if (kitMembers.length === 0 || members.length === 0) {
      reasons.push(`Made for ${list(served)}, which the household has.`);
    } else {
      ageScore = membersServed.length / members.length;
      if (membersServed.length < members.length) {
        reasons.push(
          `Provides for ${list(membersServed)}, not ${list(members.filter((g) => !membersServed.includes(g)))}.`,
        );
      } else reasons.push(`Provides for every age group in the household (${list(members)}).`);
    }
  } else if (groups.length > 0) reasons.push('Suits every age group.');

  let total =
    BUNDLE_WEIGHTS.scenarios * scenarioScore +
    BUNDLE_WEIGHTS.familySize * familyScore +
    BUNDLE_WEIGHTS.climate * climateScore +
    BUNDLE_WEIGHTS.ageGroups * ageScore;
  if (unusable) total *= 0.25;

  let withinBudget: boolean | null = null;
  if (want.budget !== null && want.budget !== undefined && price !== null) {
    withinBudget = price <= want.budget;
    if (withinBudget) reasons.push(`Costs ${money(price)}, within the ${money(want.budget)} budget.`);
    else {
      total *= 0.6;
      reasons.push(
        `Costs ${money(price)}, ${money(price - want.budget)} over the ${money(want.budget)} budget.`,
      );
    }
  }

  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    bundleId: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    price,
    itemCount: Number(row.item_count),
    scenarios,
    minPeople: row.min_people,
    maxPeople: row.max_people,
    ageGroups,
    climates,
    score: round(total),
    components: {
      scenarios: round(scenarioScore),
      familySize: round(familyScore),
      climate: round(climateScore),
      ageGroups: round(ageScore),
    },
    matchedScenarios,
    withinBudget,
    reasons,
  };
}
