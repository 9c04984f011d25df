import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLinkCommand } from '../../src/conversation/index.ts';
import type { Database } from '../../src/db/client.ts';
import { isLinkCodeShape, normalizeLinkCode, takeTurn } from '../../src/services/channels/index.ts';
import { freshDatabase } from '../support/db.ts';

describe('the link command', () => {
  it('is /link or LINK, alone or with a code; a sentence about links is not', () => {
    expect(parseLinkCommand('/link')).toEqual({ code: null });
    expect(parseLinkCommand('LINK')).toEqual({ code: null });
    expect(parseLinkCommand(' link abcd-efgh ')).toEqual({ code: 'abcd-efgh' });
    expect(parseLinkCommand('/link@ReadyPlanBot ABCD EFGH')).toEqual({ code: 'ABCD EFGH' });
    expect(parseLinkCommand('link my accounts please')).toBeNull();
    expect(parseLinkCommand('linking')).toBeNull();
    expect(parseLinkCommand('send me the link')).toBeNull();
  });

  it('normalises codes as people type them', () => {
    expect(normalizeLinkCode('abcd efgh')).toBe('ABCDEFGH');
    expect(isLinkCodeShape('abcd-efgh')).toBe(true);
    expect(isLinkCodeShape('ABCD-EFG0')).toBe(false); // 0 is never in a code (read as O)
    expect(isLinkCodeShape('ABC')).toBe(false);
  });
});

describe('the turn rate limit', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('allows the limit, notices once, stays quiet, and opens again as the window slides', async () => {
    const limit = { turns: 2, windowMs: 60_000 };
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const at = (s: number) => new Date(t0 + s * 1000);
    const take = (s: number) => takeTurn(database.db, 'identity:test', limit, at(s));
    expect((await take(0)).outcome).toBe('allowed');
    expect((await take(10)).outcome).toBe('allowed');
    expect(await take(20)).toEqual({ outcome: 'noticed', retryAfterSeconds: 40 });
    expect((await take(30)).outcome).toBe('silenced');
    expect((await take(59)).outcome).toBe('silenced');
    expect((await take(61)).outcome).toBe('allowed'); // the turn at 0 left the window
    expect((await take(62)).outcome).toBe('noticed'); // a new episode gets its one notice
    expect((await take(63)).outcome).toBe('silenced');
    // Another identity is counted apart.
    expect((await takeTurn(database.db, 'identity:other', limit, at(63))).outcome).toBe('allowed');
  });

  it('counts parallel turns once each: no burst slips under the limit', async () => {
    const limit = { turns: 3, windowMs: 60_000 };
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => takeTurn(database.db, 'identity:burst', limit, now)),
    );
    const counts = outcomes.reduce<Record<string, number>>((acc, o) => {
      acc[o.outcome] = (acc[o.outcome] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ allowed: 3, noticed: 1, silenced: 4 });
  });
});
