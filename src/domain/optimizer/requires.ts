import type { ModelCandidate, Problem } from './model.ts';

/*
 * System requirements (fuel only with a stove that burns it, a can opener only with canned food): a
 * candidate may be bought only when each tag it requires is provided by some bought candidate. Tags the
 * household already owns were dropped from `requires` by buildProblem, so only bought units count here.
 * A candidate that provides a tag it requires (a stove sold with its fuel) satisfies itself.
 */

/** Tags provided by the candidates bought in `x`. */
export function providedTags(problem: Problem, x: readonly number[]): Set<string> {
  const provided = new Set<string>();
  for (const c of problem.candidates) if ((x[c.index] ?? 0) > 0) for (const t of c.tags) provided.add(t);
  return provided;
}

/** Required tags of `c` that neither `provided` nor `c` itself supplies. */
export function missingTags(c: ModelCandidate, provided: ReadonlySet<string>): string[] {
  if (c.requires.length === 0) return [];
  return c.requires.filter((t) => !provided.has(t) && !c.tags.includes(t));
}

/**
 * Drops every bought candidate whose requirement is unmet, repeatedly (dropping one can strand another).
 * A guard on answers rounded from a solver's floating-point values; a correct plan passes unchanged.
 */
export function enforceRequirements(problem: Problem, x: number[]): number[] {
  for (;;) {
    const provided = providedTags(problem, x);
    const stranded = problem.candidates.filter(
      (c) => (x[c.index] ?? 0) > 0 && missingTags(c, provided).length > 0,
    );
    if (stranded.length === 0) return x;
    for (const c of stranded) x[c.index] = 0;
  }
}

/**
 * The bought candidates (other than `c`) that would lose a required tag if `c`'s last unit went, i.e.
 * those for which `c` is the only bought provider. Empty when `c` has more than one unit left.
 */
export function strandedWithout(problem: Problem, x: readonly number[], c: ModelCandidate): ModelCandidate[] {
  if (c.tags.length === 0 || (x[c.index] ?? 0) !== 1) return [];
  const lost = c.tags.filter((t) =>
    (problem.providers.get(t) ?? []).every((j) => j === c.index || (x[j] ?? 0) <= 0),
  );
  if (lost.length === 0) return [];
  return problem.candidates.filter(
    (d) =>
      d !== c && (x[d.index] ?? 0) > 0 && d.requires.some((t) => lost.includes(t) && !d.tags.includes(t)),
  );
}

/** At most this many extra candidates close one candidate's requirements (real systems need one or two). */
const MAX_EXTRAS = 6;

/**
 * The cheapest-provider set (one unit each) that closes `lead`'s requirements given the tags already
 * `provided`: for each missing tag the cheapest usable provider, then that provider's own missing tags,
 * and so on. Null when some tag has no usable provider within `maxCents`. Cheapest per tag is a heuristic
 * (a dearer provider may close two tags at once), good enough for the greedy fallback and for deciding
 * whether a gap can still be advanced.
 */
export function closeRequirements(
  problem: Problem,
  lead: ModelCandidate,
  provided: ReadonlySet<string>,
  usable: (c: ModelCandidate) => boolean,
  maxCents: number,
): { extras: ModelCandidate[]; cents: number } | null {
  const pending = missingTags(lead, provided);
  if (pending.length === 0) return { extras: [], cents: 0 };
  const have = new Set(lead.tags);
  const extras: ModelCandidate[] = [];
  let cents = 0;
  while (pending.length > 0) {
    const t = pending.pop()!;
    if (provided.has(t) || have.has(t)) continue;
    let chosen: ModelCandidate | undefined;
    for (const j of problem.providers.get(t) ?? []) {
      const p = problem.candidates[j]!;
      if (cents + p.cents > maxCents) break; // cheapest first: the rest cost more
      if (p !== lead && !extras.includes(p) && usable(p)) {
        chosen = p;
        break;
      }
    }
    if (!chosen || extras.length >= MAX_EXTRAS) return null;
    extras.push(chosen);
    cents += chosen.cents;
    for (const tag of chosen.tags) have.add(tag);
    for (const r of chosen.requires) if (!provided.has(r) && !have.has(r)) pending.push(r);
  }
  return { extras, cents };
}
