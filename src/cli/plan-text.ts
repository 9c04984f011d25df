import type { GeneratedKit } from '../domain/generated-kit.ts';
import { describeCoverage } from '../domain/plan/coverage.ts';

const money = (n: number) => `$${n.toFixed(2)}`;
const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** The plan as a person reads it in a terminal: the numbers first, then what to buy, then the rest. */
export function planAsText(kit: GeneratedKit): string {
  const lines: string[] = [];
  const section = (title: string) => lines.push('', title.toUpperCase(), '-'.repeat(title.length));
  lines.push(kit.title, '='.repeat(kit.title.length), kit.summary);

  section('Water');
  lines.push(
    `${num(kit.rationPlan.water.gallonsPerDay)} gal/day, ${num(kit.rationPlan.water.totalGallons)} gal over ${kit.durationDays} days`,
    `  rule: ${kit.rationPlan.water.basis}`,
    ...kit.rationPlan.water.adjustments.map((a) => `  adjustment: ${a}`),
  );
  section('Food');
  lines.push(
    `${num(kit.rationPlan.food.kcalPerDay)} kcal/day, ${num(kit.rationPlan.food.totalKcal)} kcal in all`,
    `  rule: ${kit.rationPlan.food.basis}`,
    ...kit.household.members.map(
      (m) => `  ${m.label}: ${num(m.kcalPerDay)} kcal, ${num(m.waterGallonsPerDay)} gal water a day`,
    ),
    ...kit.rationPlan.food.storage.map(
      (s) =>
        `  store ${s.group}: ${num(s.quantity)} ${s.unit}${s.weightLb ? ` (${num(s.weightLb)} lb)` : ''}`,
    ),
  );
  for (const d of kit.rationPlan.disagreements)
    lines.push(`  where sources disagree (${d.topic}): ${d.chosen} — ${d.why}`);

  section(`Buy within ${money(kit.budget.limit)}`);
  if (kit.items.length === 0) lines.push('Nothing to buy (no budget given): see the supplies below.');
  for (const i of kit.items)
    lines.push(`${String(i.quantity).padStart(3)} × ${i.name}  ${money(i.lineTotal)}`);
  const observed = [...new Set(kit.items.map((i) => i.priceObservedAt).filter(Boolean))].sort();
  if (observed.length > 0)
    lines.push(`  prices as observed on ${observed.join(', ')}; check the store before buying`);
  lines.push(
    `Spent ${money(kit.budget.spent)}; with what you own this covers ${describeCoverage(kit.budget)}.`,
  );
  for (const l of kit.budget.leftOut.slice(0, 10)) lines.push(`  left out: ${l.reason}`);
  const diet = kit.budget.diet;
  if (diet) {
    const groups = diet.groups
      .filter((g) => g.kcal > 0 || g.target > 0)
      .map(
        (g) =>
          `${g.group} ${Math.round(g.share * 100)}%${g.target ? ` (aim ${Math.round(g.target * 100)}%)` : ''}`,
      );
    lines.push(
      `  food: ${diet.foods} foods, the largest ${Math.round(diet.largestProductShare * 100)}% of the plan's calories (cap ${Math.round(diet.maxProductShare * 100)}%); ${groups.join(', ')}`,
    );
  }
  for (const n of kit.budget.notFitting.slice(0, 6)) lines.push(`  not for you: ${n.name} — ${n.reason}`);

  section('Supplies needed');
  const held = new Map(kit.budget.needs.map((n) => [n.supply, n]));
  for (const s of kit.supplies) {
    const n = s.key ? held.get(s.key) : undefined;
    const have = n ? ` (own ${num(n.owned)}, buying ${num(n.bought)})` : '';
    lines.push(`[P${s.priority}] ${s.name}: ${num(s.quantity)} ${s.unit}${have} — ${s.reason}`);
  }

  section('Readiness');
  lines.push(
    `Score ${kit.readinessScore}/100`,
    ...kit.daysOfSupply.map((d) => `  ${d.category}: ${d.days} of ${d.targetDays} days`),
  );

  if (kit.skillGaps.length > 0) {
    section('Skills to learn');
    for (const g of kit.skillGaps) {
      lines.push(`${g.name ?? g.skill}`, ...g.resources.map((r) => `  ${r.title} — ${r.url}`));
    }
  }
  if (kit.barterGoods.length > 0) {
    section('Barter goods');
    for (const b of kit.barterGoods) lines.push(`${b.name}: ${num(b.quantity)} ${b.unit}`);
  }
  section('First days');
  for (const d of kit.simulationLog) lines.push(`Day ${d.day}: ${d.text}`);
  section('Evacuation');
  lines.push(
    ...kit.evacuation.meetingPoints.map((m) => `Meet: ${m}`),
    ...kit.evacuation.guidance.map((g) => `- ${g}`),
  );
  section('Phases');
  for (const p of kit.phases) lines.push(`Days ${p.fromDay}–${p.toDay}: ${p.name} — ${p.focus.join('; ')}`);
  if (kit.purchaseSchedule) {
    section('Month by month');
    for (const m of kit.purchaseSchedule) {
      lines.push(
        `Month ${m.month}: ${m.items.map((i) => `${i.quantity} × ${i.name}`).join(', ') || 'save'} (${money(m.spent)}; coverage ${Math.round(m.cumulativeCoverage * 100)}%)`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
