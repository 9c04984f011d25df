import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { users } from './users.ts';

export const mobilityTypes = ['BUG_OUT', 'SHELTER_IN_PLACE'] as const;

export const missionReports = pgTable(
  'mission_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    location: text('location'),
    scenarios: text('scenarios').array(),
    familySize: integer('family_size'),
    durationDays: integer('duration_days'),
    mobilityType: text('mobility_type').$type<(typeof mobilityTypes)[number]>(),
    budgetAmount: numeric('budget_amount', { precision: 12, scale: 2 }),
    reportData: jsonb('report_data').$type<GeneratedKit>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('idx_mission_reports_user').on(t.userId, t.updatedAt),
    index('idx_mission_reports_scenarios').using('gin', t.scenarios),
    check('mission_reports_mobility_check', sql`${t.mobilityType} in ('BUG_OUT', 'SHELTER_IN_PLACE')`),
    check('mission_reports_duration_check', sql`${t.durationDays} is null or ${t.durationDays} > 0`),
  ],
);

/** Legacy prototype table: kept so old rows stay readable; a trigger (drizzle/0002) refuses new inserts. */
export const savedScenarios = pgTable('saved_scenarios', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  scenarioType: text('scenario_type'),
  location: text('location'),
  data: jsonb('data'),
  deprecated: boolean('deprecated').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
});
