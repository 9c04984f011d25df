import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { z } from 'zod';
import { SCENARIO_IDS } from '../../domain/scenarios.ts';
import { SeedFileError } from '../catalog/seed-error.ts';

/** A guidance document as written in data/guidance/*.md: YAML-like front matter, then Markdown. */
export type GuidanceFile = {
  file: string;
  id: string;
  title: string;
  source: string;
  sourceUrl: string | null;
  topics: string[];
  scenarios: string[];
  body: string;
};

const frontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case slug'),
  title: z.string().trim().min(1),
  source: z.string().trim().min(1),
  sourceUrl: z.url().nullable().default(null),
  topics: z.array(z.string().trim().min(1)).min(1),
  scenarios: z.array(z.enum(SCENARIO_IDS, { message: `must be one of ${SCENARIO_IDS.join(', ')}` })),
});

function scalar(raw: string): string | null {
  const v = raw.trim();
  if (v === '' || v === 'null' || v === '~') return null;
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return v.slice(1, -1);
  return v;
}

/**
 * The front matter subset the guidance files use: `key: value`, `key: [a, b]` and block lists (`- a`).
 * Anything else is refused rather than guessed at.
 */
export function parseFrontMatter(
  text: string,
  file: string,
): { data: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) throw new SeedFileError(file, '', 'must start with front matter between --- lines');
  const data: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const [n, line] of match[1]!.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const item = /^\s+-\s*(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (data[listKey] as unknown[]).push(scalar(item[1]!));
      continue;
    }
    const pair = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (!pair) throw new SeedFileError(file, `front matter line ${n + 2}`, `cannot read "${line.trim()}"`);
    const [, key, value] = pair as unknown as [string, string, string];
    listKey = null;
    if (value.trim() === '') {
      data[key] = [];
      listKey = key;
    } else if (value.trim().startsWith('[')) {
      const inner = value.trim();
      if (!inner.endsWith(']'))
        throw new SeedFileError(file, key, 'a list must close with ] on the same line');
      data[key] = inner
        .slice(1, -1)
        .split(',')
        .map(scalar)
        .filter((v) => v !== null);
    } else {
      data[key] = scalar(value);
    }
  }
  return { data, body: text.slice(match[0].length).trim() };
}

export function parseGuidanceFile(text: string, file: string): GuidanceFile {
  const { data, body } = parseFrontMatter(text, file);
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SeedFileError(file, issue.path.map(String).join('.'), issue.message);
  }
  if (body.length < 200) throw new SeedFileError(file, 'body', 'the document body is missing or too short');
  return { file, ...parsed.data, body };
}

export const CHUNK_SIZE = 800;
export const CHUNK_OVERLAP = 100;

export type GuidanceChunk = { content: string; heading: string | null };

/**
 * Splits a document along Markdown structure (headings, then paragraphs, then sentences) into chunks of about
 * 800 characters overlapping by about 100, each with the heading it falls under.
 */
export async function chunkGuidance(body: string): Promise<GuidanceChunk[]> {
  const splitter = RecursiveCharacterTextSplitter.fromLanguage('markdown', {
    chunkSize: CHUNK_SIZE,
    chunkOverlap: CHUNK_OVERLAP,
  });
  const headings = [...body.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => ({ at: m.index, text: m[1]!.trim() }));
  const out: GuidanceChunk[] = [];
  let from = 0;
  for (const raw of await splitter.splitText(body)) {
    const content = raw.trim();
    if (content.length === 0) continue;
    const found = body.indexOf(content.slice(0, 60), from);
    const at = found >= 0 ? found : from;
    if (found >= 0) from = found + 1;
    const heading = headings.filter((h) => h.at <= at).at(-1)?.text ?? null;
    out.push({ content, heading });
  }
  return out;
}

/** What is embedded for a chunk: the document title and the heading it falls under give a passage its subject. */
export function chunkEmbeddingText(title: string, chunk: GuidanceChunk): string {
  const heading =
    chunk.heading && !chunk.content.startsWith('#') && chunk.heading !== title ? `${chunk.heading}\n` : '';
  return `${title}\n${heading}${chunk.content}`;
}
