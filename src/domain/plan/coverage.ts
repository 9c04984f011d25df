import type { GeneratedKit } from '../generated-kit.ts';
import { describeShortfall } from './needs-report.ts';

/**
 * "62% of critical needs, 40% of important ones; short: stored drinking and hygiene water: 11 of 35 gal" — tiers
 * are weighted by what each need costs to cover (needs-report.ts), and the least-covered critical need is named in
 * its own unit so an average never hides a missing life need. Plans saved before tiers show the weighted figure.
 */
export function describeCoverage(
  budget: Pick<GeneratedKit['budget'], 'coverage' | 'coverageByPriority' | 'leastCoveredCritical'>,
): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const tiers = budget.coverageByPriority;
  if (!tiers) return `${pct(budget.coverage)} of needs by priority`;
  const gap = budget.leastCoveredCritical ? `; short: ${describeShortfall(budget.leastCoveredCritical)}` : '';
  return `${pct(tiers.critical)} of critical needs, ${pct(tiers.important)} of important ones${gap}`;
}
