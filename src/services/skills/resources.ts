import { and, arrayOverlaps, asc, desc, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { skillsResources } from '../../db/schema/index.ts';
import { parseInput } from '../validation.ts';

export const skillResourceQuerySchema = z.object({
  skillIds: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  query: z.string().trim().max(200).optional(),
  scenario: z.string().trim().max(40).optional(),
  limit: z.number().int().min(1).max(30).default(6),
});
export type SkillResourceQuery = z.input<typeof skillResourceQuerySchema>;

export type SkillResource = {
  skillId: string | null;
  skillName: string;
  title: string;
  url: string;
  source: string | null;
  resourceType: string;
  difficulty: string | null;
  durationMinutes: number | null;
  summary: string | null;
};

/** Learning resources from skills_resources, verified and featured first; by skill id, words, or scenario. */
export async function findSkillResources(db: DbOrTx, input: SkillResourceQuery): Promise<SkillResource[]> {
  const q = parseInput(skillResourceQuerySchema, input);
  const filters: SQL[] = [];
  if (q.skillIds.length > 0) filters.push(inArray(skillsResources.skillId, q.skillIds));
  if (q.query) {
    const words = q.query
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter((w) => w.length > 3)
      .slice(0, 6);
    const byWord = words.flatMap((w) => [
      ilike(skillsResources.skillName, `%${w}%`),
      ilike(skillsResources.title, `%${w}%`),
      ilike(skillsResources.skillId, `%${w}%`),
    ]);
    if (byWord.length > 0) filters.push(or(...byWord)!);
  }
  if (q.scenario) filters.push(arrayOverlaps(skillsResources.scenarios, [q.scenario]));
  const rows = await db
    .select()
    .from(skillsResources)
    .where(filters.length > 0 ? and(...filters) : undefined)
    .orderBy(desc(skillsResources.isVerified), desc(skillsResources.isFeatured), asc(skillsResources.title))
    .limit(q.limit);
  return rows.map((r) => ({
    skillId: r.skillId,
    skillName: r.skillName,
    title: r.title,
    url: r.url,
    source: r.source,
    resourceType: r.resourceType,
    difficulty: r.difficulty,
    durationMinutes: r.durationMinutes,
    summary: r.summary,
  }));
}
