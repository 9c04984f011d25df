import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateHousehold } from '../../src/services/accounts/profiles.ts';
import { Client, setTier, startWebApp, type WebTestApp } from './support.ts';

/**
 * The inventory page's "Keep it fresh" section: each expiring item's pace of use, from the household's own
 * daily consumption (services/check-ins/rotations.ts), and what to use this week.
 */
let app: WebTestApp;
let dana: Client;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const rotationOf = (html: string) =>
  /<section class="card" aria-labelledby="rotation-h">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';

beforeAll(async () => {
  app = await startWebApp();
  dana = new Client(app.base);
  await dana.signUp('dana@example.com');
  await setTier(app.database, dana.userId!, 'BASIC');
  // 20 one-gallon jugs that expire in 4 days.
  await dana.json('POST', '/api/inventory', {
    name: 'Gallon jugs',
    supplyKey: 'water-storage',
    unitAmount: 1,
    quantityOwned: 20,
    expirationDate: inDays(4),
  });
}, 120_000);
afterAll(() => app?.close());

describe('the inventory page paces what expires by the household', () => {
  it('paces at one a day until the household is known, then by what the household drinks', async () => {
    const before = rotationOf(await (await dana.request('GET', '/inventory')).text());
    expect(before).toContain('Keep it fresh');
    expect(before).toContain('Paced at one a day until we know your household');
    // One a day for the 5 days left: 5 used, 15 expire.
    expect(before).toMatch(/15 will still expire/);

    // Four people: at least 1 gallon per person a day (CDC, FEMA; src/domain/ration-figures.ts) — 4 jugs a
    // day or more, so all 20 are used (and replaced) before they expire.
    await updateHousehold(app.database.db, dana.userId!, {
      location: 'Denver, CO',
      members: [
        { kind: 'adult', ageYears: 40 },
        { kind: 'adult', ageYears: 38 },
        { kind: 'child', ageYears: 8 },
        { kind: 'child', ageYears: 5 },
      ],
    });
    const after = rotationOf(await (await dana.request('GET', '/inventory')).text());
    expect(after).toContain('Paced by what your household eats and drinks a day');
    expect(after).not.toBe(before);
    expect(after).toMatch(/Gallon jugs[^<]*none will expire/);
    const week = /Use this week:<\/strong>\s*([\d,]+) × Gallon jugs/.exec(after);
    expect(Number(week?.[1])).toBe(20);
  });
});
