import type { DbOrTx } from '../../db/client.ts';
import { skillsResources } from '../../db/schema/skills.ts';
import type { SeedData } from '../catalog/seed-schemas.ts';
import { upsertByNaturalKey } from '../catalog/upsert.ts';

/** The learning resources of data/skills/skills-resources.json, upserted on their url and title. */
export async function seedSkillResources(tx: DbOrTx, resources: SeedData['skillsResources']): Promise<void> {
  await upsertByNaturalKey(
    tx,
    skillsResources,
    ['url', 'title'],
    resources.map((s) => ({
      skillName: s.skillName,
      skillId: s.skillId,
      category: s.category,
      resourceType: s.resourceType,
      title: s.title,
      url: s.url,
      thumbnailUrl: s.thumbnailUrl ?? null,
      author: s.author,
      source: s.source,
      durationMinutes: s.durationMinutes,
      difficulty: s.difficulty,
      summary: s.summary,
      keyTechniques: s.keyTechniques,
      prerequisites: s.prerequisites,
      relatedSkills: s.relatedSkills,
      scenarios: s.scenarios,
      isVerified: s.isVerified,
      isFeatured: s.isFeatured,
    })),
    { touch: 'updated_at' },
  );
}
