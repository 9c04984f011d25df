import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const skillsResources = pgTable(
  'skills_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    skillName: text('skill_name').notNull(),
    /** The planner's skill id (e.g. 'water-purification') that a gap is matched on. */
    skillId: text('skill_id'),
    category: text('category').notNull(),
    resourceType: text('resource_type').$type<'VIDEO' | 'ARTICLE' | 'PDF' | 'COURSE'>().notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    thumbnailUrl: text('thumbnail_url'),
    author: text('author'),
    source: text('source'),
    durationMinutes: integer('duration_minutes'),
    difficulty: text('difficulty').$type<'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED'>(),
    summary: text('summary'),
    keyTechniques: jsonb('key_techniques').$type<string[]>(),
    prerequisites: text('prerequisites').array(),
    relatedSkills: text('related_skills').array(),
    scenarios: text('scenarios').array(),
    rating: numeric('rating'),
    viewCount: integer('view_count').default(0),
    isVerified: boolean('is_verified').default(false),
    isFeatured: boolean('is_featured').default(false),
    adminNotes: text('admin_notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index('idx_skills_by_name').on(t.skillName),
    index('idx_skills_by_category').on(t.category),
    index('idx_skills_by_scenario').using('gin', t.scenarios),
    index('idx_skills_verified').on(t.isVerified).where(sql`${t.isVerified} = true`),
    index('idx_skills_by_skill_id').on(t.skillId),
    check('skills_resources_type_check', sql`${t.resourceType} in ('VIDEO', 'ARTICLE', 'PDF', 'COURSE')`),
    check(
      'skills_resources_difficulty_check',
      sql`${t.difficulty} in ('BEGINNER', 'INTERMEDIATE', 'ADVANCED')`,
    ),
  ],
);
