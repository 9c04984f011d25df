import type { GeneratedKit } from '../../../domain/generated-kit.ts';
import type { PlanReadiness } from '../../../services/inventory/index.ts';

/**
 * What the plan page, the PDF and the wallet card show, derived once from the stored plan and the
 * readiness recomputed from the user's inventory (readiness falls back to the plan's own figures).
 */
export type PlanView = {
  kit: GeneratedKit;
  planId: string | null;
  /** For a plan not yet saved: the conversation it lives on. */
  draftConversationId: string | null;
  readinessScore: number;
  readinessByCategory: { category: string; score: number }[];
  daysOfSupply: {
    category: string;
    days: number;
    targetDays: number;
    unit: string;
    have: number;
    need: number;
  }[];
  spendByCategory: { category: string; amount: number }[];
  supplyName: (key: string) => string;
  /** How much of each need (by supply key) the inventory covers, 0..1; empty without an inventory. */
  needCoverage: ReadonlyMap<string, number>;
  updatedAt: Date | null;
};

export const PRIORITY_LABEL: Record<1 | 2 | 3, string> = { 1: 'Critical', 2: 'Important', 3: 'Useful' };

/** What chosen items cost, by the category of the first need each covers (water, food, light …). */
export function spendByCategory(kit: GeneratedKit): { category: string; amount: number }[] {
  const categoryOf = new Map(kit.supplies.filter((s) => s.key).map((s) => [s.key!, s.category]));
  const totals = new Map<string, number>();
  for (const item of kit.items) {
    const category = item.covers.map((k) => categoryOf.get(k)).find(Boolean) ?? item.category ?? 'other';
    totals.set(category, (totals.get(category) ?? 0) + item.lineTotal);
  }
  return [...totals]
    .map(([category, amount]) => ({ category, amount: Math.round(amount * 100) / 100 }))
    .sort((a, b) => b.amount - a.amount);
}

export function planView(
  kit: GeneratedKit,
  options: {
    planId?: string | null;
    draftConversationId?: string | null;
    readiness?: PlanReadiness | null;
    updatedAt?: Date | null;
  } = {},
): PlanView {
  const names = new Map(kit.supplies.filter((s) => s.key).map((s) => [s.key!, s.name]));
  const readiness = options.readiness ?? null;
  return {
    kit,
    planId: options.planId ?? null,
    draftConversationId: options.draftConversationId ?? null,
    readinessScore: readiness ? readiness.score : kit.readinessScore,
    readinessByCategory: readiness
      ? readiness.byCategory.map((c) => ({ category: c.category, score: c.score }))
      : kit.readinessByCategory,
    daysOfSupply: readiness
      ? readiness.daysOfSupply.map((d) => ({
          category: d.category,
          days: d.days,
          targetDays: d.targetDays,
          unit: d.unit,
          have: d.have,
          need: d.need,
        }))
      : kit.daysOfSupply,
    spendByCategory: spendByCategory(kit),
    supplyName: (key) => names.get(key) ?? key,
    needCoverage: new Map((readiness?.needs ?? []).map((n) => [n.key, n.coverage])),
    updatedAt: options.updatedAt ?? null,
  };
}

/** "water: 9 of 14 days" */
export function daysText(d: { category: string; days: number; targetDays: number }): string {
  const name = d.category === 'prescription-meds' ? 'prescriptions' : d.category;
  return `${name}: ${d.days} of ${d.targetDays} days`;
}
