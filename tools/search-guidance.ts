import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { searchGuidance } from '../src/services/guidance/search.ts';
import { attempt, type ToolContext } from './context.ts';

/** Passages from the preparedness knowledge base, each with the organization to cite. */
/** Built once: the SDK caches the JSON schema a Schema object carries. */
const searchGuidanceInput = zodSchema(
  z.object({
    question: z.string().trim().min(3).max(500).describe("The person's question in their words"),
    limit: z.number().int().min(1).max(8).optional().describe('How many passages (default 4)'),
  }),
);

export function searchGuidanceTool(ctx: ToolContext) {
  return tool({
    description:
      'Read-only. Finds passages in the preparedness guidance (FEMA/Ready.gov, CDC, Red Cross, EPA …) that answer ' +
      'a question, each with a relevance score (0-1; below about 0.2 nothing relevant was found: say you do not ' +
      'know). Answer with the actual steps and amounts from these passages only and cite the source organization.',
    inputSchema: searchGuidanceInput,
    execute: ({ question, limit }) =>
      attempt(async () => {
        const passages = await searchGuidance(ctx.db, ctx.embedder, question, limit ?? 4);
        return {
          passages: passages.map((p) => ({
            document: p.slug,
            chunk: p.chunkIndex,
            title: p.title,
            source: p.source,
            sourceUrl: p.sourceUrl,
            content: p.content.length > 1200 ? `${p.content.slice(0, 1200)}…` : p.content,
            score: p.score,
          })),
        };
      }),
  });
}
