import type { z } from 'zod';
import { type AppError, badInput } from './errors.ts';

/**
 * The one way input is checked against a zod schema, in services, tools, channels and commands alike:
 * the parsed value, or bad input whose message is a sentence a person can act on ("Location is
 * required.") and whose field is the path of the first problem ("members.0.age").
 *
 * `whole` names the input itself, for a problem with no path (a refinement over several fields, or a
 * value that is not an object at all); without it such a problem names no field.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, whole?: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw inputError(parsed.error, whole);
}

/** The bad-input error for a failed parse: its first problem, in words, naming the field. */
export function inputError(error: z.ZodError, whole?: string): AppError {
  const issue = error.issues[0];
  if (!issue) return badInput(`${capitalised(whole ?? 'input')} is not valid.`, whole);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = [...issue.path.map(String), key].join('.');
    return badInput(`${field} is not an accepted field.`, field);
  }
  const field = issue.path.map(String).join('.') || whole;
  return badInput(sentence(labelOf(issue.path, whole), issue), field);
}

/** A path in words: members.0.age → "members #1 age"; the empty path is the whole input. */
function labelOf(path: readonly PropertyKey[], whole = 'input'): string {
  if (path.length === 0) return whole;
  return path
    .map((part) =>
      typeof part === 'number' ? `#${part + 1}` : String(part).replace(/([a-z])([A-Z])/g, '$1 $2'),
    )
    .join(' ')
    .toLowerCase();
}

/** Words that start a predicate a schema wrote for its field ("must be a plan id", "is too long"). */
const PREDICATE = /^(must|is|are|has|needs?|should|can|cannot|may)\b/;

/** zod's own English messages, which name types rather than what a person should do. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Unrecognized|Expected)\b/;

function sentence(label: string, issue: z.core.$ZodIssue): string {
  const message = issue.message.trim();
  if (!ZOD_DEFAULT.test(message)) {
    // A message the schema chose: the field's predicate, or a whole sentence ("enter your password").
    // A message that starts with a name ("minPeople must not exceed maxPeople") keeps its case.
    if (PREDICATE.test(message)) return punctuated(`${capitalised(label)} ${message}`);
    return punctuated(/^[a-z]+\b(?![-.])/.test(message) ? capitalised(message) : message);
  }
  return punctuated(`${capitalised(label)} ${predicateFor(issue)}`);
}

function predicateFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message)
        ? 'is required'
        : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return bound(issue.origin, 'at least', 'more than', issue.minimum, issue.inclusive);
    case 'too_big':
      return bound(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive);
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return `must be ${FORMAT_WORDS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is not valid';
  }
}

function bound(origin: string, inclusive: string, exclusive: string, limit: unknown, isInclusive?: boolean) {
  const n = Number(limit);
  if (origin === 'string') {
    if (inclusive === 'at least' && n === 1) return 'must not be empty';
    return `must be ${inclusive} ${n} character${n === 1 ? '' : 's'} long`;
  }
  if (origin === 'array' || origin === 'set') return `must have ${inclusive} ${n} item${n === 1 ? '' : 's'}`;
  return `must be ${isInclusive === false ? exclusive : inclusive} ${n}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'empty',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  uuid: 'an id (a UUID)',
  guid: 'an id (a UUID)',
  url: 'a web address (URL)',
  date: 'a date as YYYY-MM-DD',
  datetime: 'a date and time (ISO 8601)',
  time: 'a time as HH:MM',
  regex: 'in the expected form',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const punctuated = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
