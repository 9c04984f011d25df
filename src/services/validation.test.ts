import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './errors.ts';
import { parseInput } from './validation.ts';

/** The bad-input error parseInput throws for `input`. */
function failure(schema: z.ZodType, input: unknown, whole?: string): AppError {
  try {
    parseInput(schema, input, whole);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected bad input');
}

describe('parseInput', () => {
  it('returns the parsed value', () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: '3' })).toEqual({ n: 3 });
  });

  it('says a missing field is required, naming it, instead of the validator text', () => {
    const error = failure(z.object({ location: z.string() }), {});
    expect(error).toMatchObject({ code: 'BAD_INPUT', field: 'location', message: 'Location is required.' });
  });

  it('names nested fields by their path and counts list entries from one', () => {
    const schema = z.object({ members: z.array(z.object({ age: z.number().min(0) })) });
    const error = failure(schema, { members: [{ age: -1 }] });
    expect(error.field).toBe('members.0.age');
    expect(error.message).toBe('Members #1 age must be at least 0.');
  });

  it('puts types, bounds, options and formats in words', () => {
    const schema = z.object({
      planId: z.uuid(),
      days: z.number().int(),
      kind: z.enum(['shelter', 'bugout']),
      tags: z.array(z.string()).min(1),
      q: z.string().min(1),
      email: z.email(),
    });
    const good = {
      planId: crypto.randomUUID(),
      days: 3,
      kind: 'shelter',
      tags: ['a'],
      q: 'x',
      email: 'a@b.co',
    };
    expect(failure(schema, { ...good, planId: 'x' }).message).toBe('Plan id must be an id (a UUID).');
    expect(failure(schema, { ...good, days: 2.5 }).message).toBe('Days must be a whole number.');
    expect(failure(schema, { ...good, kind: 'boat' }).message).toBe(
      'Kind must be one of "shelter", "bugout".',
    );
    expect(failure(schema, { ...good, tags: [] }).message).toBe('Tags must have at least 1 item.');
    expect(failure(schema, { ...good, q: '' }).message).toBe('Q must not be empty.');
    expect(failure(schema, { ...good, email: 'nope' }).message).toBe('Email must be an email address.');
  });

  it("keeps a schema's own message: a predicate after the field's name, a sentence as it is", () => {
    expect(failure(z.object({ name: z.string().max(2, 'is too long') }), { name: 'abc' }).message).toBe(
      'Name is too long.',
    );
    expect(failure(z.object({ password: z.string({ message: 'enter your password' }) }), {}).message).toBe(
      'Enter your password.',
    );
  });

  it('names an unexpected field, and the whole input for a problem with no path', () => {
    expect(failure(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })).toMatchObject({
      field: 'b',
      message: 'b is not an accepted field.',
    });
    expect(failure(z.object({}), 'text', 'body')).toMatchObject({
      field: 'body',
      message: 'Body must be an object.',
    });
    expect(failure(z.object({}), 'text').field).toBeUndefined();
  });
});
