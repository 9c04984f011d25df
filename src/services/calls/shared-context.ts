import type { Db } from '../../db/client.ts';
import type { GeneratedKit } from '../../domain/generated-kit.ts';
import { inventoryReadiness } from '../inventory/index.ts';
import { getLatestPlan } from '../plans/index.ts';

/**
 * What a booking shares with the expert: the household's current plan in brief and its inventory gaps
 * (needs the inventory does not yet cover, most important first), taken when the call is booked, so the
 * call starts from the household's real situation. Stored on the booking (call_attendance.shared_context).
 */
export type SharedContext = {
  plan: {
    id: string;
    title: string;
    summary: string;
    location: string;
    people: number;
    durationDays: number;
    scenarios: string[];
    readinessScore: number;
  } | null;
  gaps: { name: string; category: string; needed: number; owned: number; unit: string; priority: number }[];
  takenAt: string;
};

const MAX_GAPS = 12;

export async function sharedContextFor(db: Db, userId: string, now: Date): Promise<SharedContext> {
  const saved = await getLatestPlan(db, userId);
  if (!saved) return { plan: null, gaps: [], takenAt: now.toISOString() };
  const kit = saved.reportData as GeneratedKit;
  const readiness = await inventoryReadiness(db, userId, kit);
  const gaps = readiness.needs
    .filter((n) => n.coverage < 1)
    .sort((a, b) => a.priority - b.priority || a.coverage - b.coverage)
    .slice(0, MAX_GAPS)
    .map((n) => ({
      name: n.name,
      category: n.category,
      needed: n.needed,
      owned: n.owned,
      unit: n.unit,
      priority: n.priority,
    }));
  return {
    plan: {
      id: saved.id,
      title: kit.title,
      summary: kit.summary,
      location: kit.location.input,
      people: kit.household.members.length,
      durationDays: kit.durationDays,
      scenarios: kit.scenarios,
      readinessScore: readiness.score,
    },
    gaps,
    takenAt: now.toISOString(),
  };
}
