import { desc, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { skillsResources } from '../../db/schema/index.ts';

export type SkillResource = { title: string; url: string; source: string | null; resourceType: string };

/** Resources for each skill id: verified and featured first, then beginner-friendly; at most `perSkill`. */
export async function resourcesForSkills(
  db: DbOrTx,
  skillIds: string[],
  perSkill = 3,
): Promise<Map<string, SkillResource[]>> {
  const result = new Map<string, SkillResource[]>();
  if (skillIds.length === 0) return result;
  const rows = await db
    .select({
      skillId: skillsResources.skillId,
      title: skillsResources.title,
      url: skillsResources.url,
      source: skillsResources.source,
      resourceType: skillsResources.resourceType,
    })
    .from(skillsResources)
    .where(inArray(skillsResources.skillId, skillIds))
    .orderBy(
      desc(skillsResources.isVerified),
      sql`case ${skillsResources.difficulty} when 'BEGINNER' then 0 when 'INTERMEDIATE' then 1 else 2 end`,
      desc(skillsResources.isFeatured),
      skillsResources.title,
    );
  for (const row of rows) {
    if (!row.skillId) continue;
    const list = result.get(row.skillId) ?? [];
    if (list.length < perSkill)
      list.push({ title: row.title, url: row.url, source: row.source, resourceType: row.resourceType });
    result.set(row.skillId, list);
  }
  return result;
}
