import { z } from 'zod';
import extra from './data/extra-sources.json' with { type: 'json' };
import reference from './data/reference-subset.json' with { type: 'json' };

/**
 * Every number the planner produces cites its source by id. Ids come from the shared reference
 * figures (reference.json) or, for the few figures found elsewhere, from extra-sources.json.
 */
const SourceSchema = z.object({
  id: z.string(),
  org: z.string(),
  title: z.string(),
  url: z.string(),
  reliability: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

const all = z.array(SourceSchema).parse([...reference.sources, ...extra.sources]);
const byId = new Map(all.map((s) => [s.id, s]));

export function sourceById(id: string): Source | undefined {
  return byId.get(id);
}

/** Basis text with its source ids appended; an unknown id is a programming error, caught by tests. */
export function cite(text: string, ids: readonly string[]): string {
  for (const id of ids) {
    if (!byId.has(id)) throw new Error(`unknown source id ${id}`);
  }
  return ids.length === 0 ? text : `${text} [${[...new Set(ids)].join(', ')}]`;
}

/** The source ids a basis string cites, for a plan's bibliography. */
export function citedIds(basis: string): string[] {
  const ids = new Set<string>();
  for (const group of basis.matchAll(/\[([A-Z0-9_, ]+)\]/g)) {
    for (const id of (group[1] ?? '').split(',')) {
      const trimmed = id.trim();
      if (byId.has(trimmed)) ids.add(trimmed);
    }
  }
  return [...ids];
}
