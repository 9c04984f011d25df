import { badInput } from '../errors.ts';
import { inputError } from '../validation.ts';
import { readCsv } from './csv.ts';
import { type FeedRow, feedRowSchema, fieldForHeader } from './feed-row.ts';
import { arrayElementLines } from './json-rows.ts';

export type FeedFormat = 'csv' | 'json';
/** A row the feed could not give: its line in the file, the field and what is wrong, in words. */
export type RowProblem = { line: number; field: string; message: string };
export type ParsedFeed = { rows: { line: number; row: FeedRow }[]; problems: RowProblem[] };

/** The format from a file name (`.csv`, `.json`), else from the first character. */
export function feedFormat(text: string, fileName?: string): FeedFormat {
  if (fileName?.toLowerCase().endsWith('.csv')) return 'csv';
  if (fileName?.toLowerCase().endsWith('.json')) return 'json';
  return /^\uFEFF?\s*\[/.test(text) ? 'json' : 'csv';
}

function validate(raw: Record<string, unknown>, line: number, out: ParsedFeed): void {
  const parsed = feedRowSchema.safeParse(raw);
  if (parsed.success) {
    out.rows.push({ line, row: parsed.data });
    return;
  }
  // Every problem of the row, each naming its field: the operator fixes the row once.
  for (const issue of parsed.error.issues) {
    const error = inputError({ issues: [issue] } as typeof parsed.error);
    out.problems.push({ line, field: error.field ?? '', message: error.message });
  }
}

/**
 * Reads a feed and validates each row on its own: a bad row becomes a problem naming its line and field, and
 * the good rows are kept. Only a feed that cannot be read at all (not JSON, no header) is refused whole.
 */
export function parseFeed(text: string, format: FeedFormat): ParsedFeed {
  const out: ParsedFeed = { rows: [], problems: [] };
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw badInput(`The feed is not valid JSON (${(error as Error).message}).`, 'file');
    }
    if (!Array.isArray(value)) throw badInput('A JSON feed must be an array of rows.', 'file');
    const lines = arrayElementLines(text);
    value.forEach((raw, i) => {
      const line = lines[i] ?? i + 1;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        out.problems.push({ line, field: '', message: 'A row must be an object.' });
        return;
      }
      validate(raw as Record<string, unknown>, line, out);
    });
    return out;
  }
  const [header, ...records] = readCsv(text);
  if (!header) throw badInput('The feed is empty: a CSV feed starts with a header row.', 'file');
  const fields = header.fields.map(fieldForHeader);
  const known = new Set(Object.keys(feedRowSchema.shape));
  fields.forEach((f, i) => {
    if (!known.has(f)) {
      out.problems.push({
        line: header.line,
        field: header.fields[i] ?? f,
        message: `Column "${header.fields[i]}" is not a feed field; it was ignored.`,
      });
    }
  });
  for (const record of records) {
    if (record.fields.length > fields.length) {
      out.problems.push({
        line: record.line,
        field: '',
        message: `The row has ${record.fields.length} cells but the header names ${fields.length} columns.`,
      });
      continue;
    }
    const raw: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = record.fields[i] ?? '';
      // Two headers for one field (upc and gtin): the first non-empty cell counts.
      if (known.has(f) && (raw[f] === undefined || raw[f] === '')) raw[f] = v;
    });
    validate(raw, record.line, out);
  }
  return out;
}
