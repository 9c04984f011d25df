import { z } from 'zod';
import data from './data/skills.json' with { type: 'json' };
import { type Mobility, MobilitySchema } from './plan-input.ts';
import { type ScenarioId, ScenarioIdSchema } from './scenarios.ts';

export const SKILL_CATEGORIES = [
  'medical',
  'water',
  'food',
  'shelter',
  'fire',
  'communication',
  'navigation',
  'security',
  'production',
] as const;

const SkillSchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.enum(SKILL_CATEGORIES),
  /** The skills library's ids (skills_resources.skill_id) whose resources teach this skill. */
  resourceSkillIds: z.array(z.string()).min(1),
});
export type Skill = z.infer<typeof SkillSchema>;

export const SKILLS: readonly Skill[] = z.array(SkillSchema).parse(data.skills);
const skillById = new Map(SKILLS.map((s) => [s.id, s]));

const REQUIREMENTS = z
  .array(
    z.object({
      scenario: z.union([z.literal('all'), ScenarioIdSchema]),
      skill: z.string().refine((id) => skillById.has(id), { message: 'unknown skill id' }),
      why: z.string(),
      minDays: z.number().int().optional(),
      mobility: MobilitySchema.optional(),
      requires: z.literal('not-urban').optional(),
    }),
  )
  .parse(data.requirements);

export interface SkillNeed extends Skill {
  why: string;
  scenarios: ScenarioId[];
}

export interface SkillContext {
  scenarios: readonly ScenarioId[];
  durationDays: number;
  mobility: Mobility;
  setting?: 'urban' | 'rural' | 'unknown';
}

/** Skills the plan's scenarios, length and mobility call for, one entry per skill. */
export function requiredSkills(context: SkillContext): SkillNeed[] {
  const needs = new Map<string, SkillNeed>();
  for (const r of REQUIREMENTS) {
    const inScenario = r.scenario === 'all' || context.scenarios.includes(r.scenario);
    if (!inScenario) continue;
    if (r.minDays !== undefined && context.durationDays < r.minDays) continue;
    if (r.mobility !== undefined && r.mobility !== context.mobility) continue;
    if (r.requires === 'not-urban' && context.setting === 'urban') continue;
    const skill = skillById.get(r.skill);
    if (!skill) continue;
    const existing = needs.get(skill.id);
    const scenarios = r.scenario === 'all' ? [] : [r.scenario];
    if (existing) {
      existing.why = existing.why.includes(r.why) ? existing.why : `${existing.why}; ${r.why}`;
      existing.scenarios = [...new Set([...existing.scenarios, ...scenarios])];
    } else {
      needs.set(skill.id, { ...skill, why: r.why, scenarios });
    }
  }
  return [...needs.values()];
}

/** Required skills the household does not yet have; resources are attached later by a service. */
export function skillGaps(context: SkillContext & { skills: readonly string[] }): SkillNeed[] {
  const have = new Set(context.skills.map((s) => s.trim().toLowerCase()));
  return requiredSkills(context).filter((s) => !have.has(s.id) && !have.has(s.name.toLowerCase()));
}
