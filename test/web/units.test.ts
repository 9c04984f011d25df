import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../src/channels/web/plans/pdf-kit.ts';
import { spendByCategory } from '../../src/channels/web/plans/plan-view.ts';
import { POISON_CONTROL, walletCard } from '../../src/channels/web/plans/wallet-card.ts';
import { walletCardPdf } from '../../src/channels/web/plans/wallet-card-pdf.ts';
import { escapeHtml, html, jsonScript, raw, safeNext, safeUrl } from '../../src/channels/web/shared/html.ts';
import { cookieSettings } from '../../src/channels/web/shared/visitor.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { rowsOf } from '../../src/db/rows.ts';
import { withUser } from '../../src/db/with-user.ts';
import type { GeneratedKit } from '../../src/domain/generated-kit.ts';
import {
  assertLoginAllowed,
  createSession,
  csrfMatches,
  csrfTokenFor,
  findSession,
  hashPassword,
  LoginThrottledError,
  listSessions,
  logIn,
  recordLoginAttempt,
  signUp,
  verifyPassword,
} from '../../src/services/accounts/index.ts';
import { createUser } from '../../src/services/accounts/users.ts';
import { AppError } from '../../src/services/errors.ts';
import {
  addInventoryItem,
  inventoryReadiness,
  planReadiness,
  setSupplyOwned,
} from '../../src/services/inventory/index.ts';
import { buildPlan } from '../../src/services/plans/index.ts';
import { freshDatabase } from '../support/db.ts';

describe('html', () => {
  it('escapes every interpolated value unless it is markup made here', () => {
    const name = `<img src=x onerror="alert('1')">&`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;</p>',
    );
    expect(html`<ul>${['<a>', html`<b>ok</b>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<b>ok</b></ul>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
    expect(escapeHtml('`')).toBe('&#96;');
    expect(raw('<br>').value).toBe('<br>');
  });

  it('keeps JSON in a script block from closing it', () => {
    const block = jsonScript('ctx', { text: '</script><script>alert(1)</script>' }).value;
    expect(block.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual({
      text: '</script><script>alert(1)</script>',
    });
  });

  it('allows only http(s) and same-site links, and only same-site redirects', () => {
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('https://www.ready.gov/plan')).toBe('https://www.ready.gov/plan');
    expect(safeUrl('//evil.example')).toBe('#');
    expect(safeNext('/plans/1')).toBe('/plans/1');
    expect(safeNext('https://evil.example')).toBe('/chat');
    expect(safeNext('//evil.example')).toBe('/chat');
    expect(safeNext('/\\evil.example')).toBe('/chat');
    // Browsers drop tabs and newlines inside URLs ("/\t/evil.example" → "//evil.example"): every control
    // character is refused, not only CR and LF.
    for (const c of ['\t', '\n', '\r', '\u0000', '\u000b', '\u001f', '\u007f', '\u0085', '\u009f']) {
      expect(safeNext(`/${c}/evil.example`), JSON.stringify(c)).toBe('/chat');
    }
    expect(safeNext('/plans?x=1#top')).toBe('/plans?x=1#top');
  });
});

describe('passwords and tokens', () => {
  it('hashes with a fresh salt each time and verifies in constant time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plaintext')).toBe(false);
    expect(await verifyPassword('correct horse', null)).toBe(false);
  });

  it('marks cookies Secure when the public address is https', () => {
    expect(cookieSettings(loadConfig({ PUBLIC_URL: 'https://readyplan.example' })).secure).toBe(true);
    expect(cookieSettings(loadConfig({})).secure).toBe(false);
  });

  it('derives CSRF tokens from the cookie secret and compares them safely', () => {
    const token = csrfTokenFor('secret-one');
    expect(csrfMatches('secret-one', token)).toBe(true);
    expect(csrfMatches('secret-two', token)).toBe(false);
    expect(csrfMatches('secret-one', `${token}x`)).toBe(false);
    expect(csrfMatches(null, token)).toBe(false);
    expect(csrfMatches('secret-one', undefined)).toBe(false);
  });
});

describe('with a database', () => {
  let database: Database;
  let kit: GeneratedKit;

  beforeAll(async () => {
    database = await freshDatabase();
    kit = await buildPlan(
      { db: database.db },
      {
        location: 'Tampa, FL',
        members: [
          { kind: 'adult', ageYears: 38 },
          { kind: 'adult', ageYears: 40 },
          { kind: 'child', ageYears: 6 },
          { kind: 'child', ageYears: 9 },
        ],
        durationDays: 14,
        scenarios: ['hurricane'],
        budget: 300,
      },
      { strategy: 'greedy' },
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it('throttles by email and address, lifts the block after 15 minutes, and resets on success', async () => {
    const db = database.db;
    await signUp(db, { email: 'clock@example.com', password: 'the right one' });
    const t0 = new Date('2026-06-01T12:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    for (let i = 0; i < 5; i++) {
      await expect(
        logIn(db, { email: 'clock@example.com', password: 'nope' }, { ip: '10.0.0.1', now: at(i) }),
      ).rejects.toThrow(/do not match/);
    }
    const blocked = logIn(
      db,
      { email: 'clock@example.com', password: 'the right one' },
      { ip: '10.0.0.1', now: at(5) },
    );
    await expect(blocked).rejects.toBeInstanceOf(LoginThrottledError);
    await expect(blocked).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 600 });
    // Another address is not blocked by this pair's failures.
    await expect(
      logIn(db, { email: 'clock@example.com', password: 'the right one' }, { ip: '10.0.0.2', now: at(5) }),
    ).resolves.toMatchObject({ email: 'clock@example.com' });
    // 15 minutes after the first failure, one slot frees up again.
    await expect(
      logIn(db, { email: 'clock@example.com', password: 'the right one' }, { ip: '10.0.0.1', now: at(15.1) }),
    ).resolves.toMatchObject({ email: 'clock@example.com' });
    // A success resets the pair's count: four more failures are allowed without a block.
    for (let i = 0; i < 4; i++) {
      await expect(
        logIn(db, { email: 'clock@example.com', password: 'nope' }, { ip: '10.0.0.1', now: at(16 + i / 10) }),
      ).rejects.toThrow(/do not match/);
    }
    await expect(assertLoginAllowed(db, 'clock@example.com', '10.0.0.1', at(17))).resolves.toBeUndefined();
  });

  it('blocks one address that tries many accounts', async () => {
    const db = database.db;
    const now = new Date('2026-07-01T00:00:00Z');
    for (let i = 0; i < 20; i++)
      await recordLoginAttempt(db, `victim${i}@example.com`, '10.9.9.9', 'failure', now);
    await expect(assertLoginAllowed(db, 'someone-new@example.com', '10.9.9.9', now)).rejects.toBeInstanceOf(
      LoginThrottledError,
    );
  });

  it('keeps sessions server-side: a token finds its user until it expires; users see only their own sessions', async () => {
    const db = database.db;
    const a = await createUser(db, { email: 'sessions-a@example.com' });
    const b = await createUser(db, { email: 'sessions-b@example.com' });
    const now = new Date('2026-01-01T00:00:00Z');
    const s = await createSession(db, a.id, { now, userAgent: 'test' });
    await createSession(db, b.id, { now });
    expect(await findSession(db, s.token, now)).toMatchObject({
      userId: a.id,
      email: 'sessions-a@example.com',
    });
    expect(await findSession(db, `${s.token}x`, now)).toBeNull();
    expect(await findSession(db, s.token, new Date('2026-03-01T00:00:00Z'))).toBeNull();
    expect((await listSessions(db, a.id)).map((x) => x.id)).toEqual([s.sessionId]);
  });

  it('keeps login_attempts away from the application role', async () => {
    const user = await createUser(database.db, { email: 'rls-attempts@example.com' });
    const denied = await withUser(database.db, user.id, (tx) =>
      tx.execute(sql`select count(*) from login_attempts`),
    ).then(
      () => null,
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
    expect(denied).toMatch(/permission denied/);
    const counted = await withUser(database.db, user.id, (tx) =>
      tx.execute(sql`select count(*)::int as n from sessions`),
    );
    expect(rowsOf<{ n: number }>(counted)[0]!.n).toBe(0);
  });

  it('recomputes readiness and days of supply from the plan and the inventory', async () => {
    const user = await createUser(database.db, { email: 'readiness@example.com' });
    const empty = await inventoryReadiness(database.db, user.id, kit);
    expect(empty.score).toBe(0);
    expect(empty.daysOfSupply.find((d) => d.category === 'water')).toMatchObject({ days: 0, targetDays: 14 });
    const water = kit.supplies.find((s) => s.key === 'water-storage')!;
    // A case of water recorded in chat (its own lot, its own expiry), then the page sets the total.
    await addInventoryItem(database.db, user.id, {
      name: 'Case of water',
      supplyKey: 'water-storage',
      unitAmount: 3.17,
      quantityOwned: 2,
      expirationDate: '2027-01-01',
    });
    let rows = await setSupplyOwned(database.db, user.id, {
      supplyKey: 'water-storage',
      owned: water.quantity,
      needed: water.quantity,
    });
    expect(rows).toHaveLength(1);
    // The first row carries the total; raising the total again keeps it one row.
    rows = await setSupplyOwned(database.db, user.id, {
      supplyKey: 'water-storage',
      owned: 20,
      needed: water.quantity,
    });
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.unitAmount) * rows[0]!.quantityOwned!).toBeCloseTo(20);
    const half = await inventoryReadiness(database.db, user.id, kit);
    expect(half.daysOfSupply.find((d) => d.category === 'water')!.days).toBe(
      Math.floor(20 / kit.rationPlan.water.gallonsPerDay),
    );
    await setSupplyOwned(database.db, user.id, {
      supplyKey: 'water-storage',
      owned: water.quantity,
      needed: water.quantity,
    });
    const full = await inventoryReadiness(database.db, user.id, kit);
    expect(full.score).toBeGreaterThan(half.score);
    expect(full.needs.find((n) => n.key === 'water-storage')).toMatchObject({
      coverage: 1,
      owned: water.quantity,
    });
    expect(full.byCategory.find((c) => c.category === 'water')!.score).toBeGreaterThan(0);
    // Pure: the same figures from the same rows.
    expect(planReadiness(kit, []).score).toBe(0);
  });

  it('a second chat lot of a supply is kept while the total still covers it', async () => {
    const user = await createUser(database.db, { email: 'lots@example.com' });
    await setSupplyOwned(database.db, user.id, { supplyKey: 'flashlight', owned: 1 });
    await addInventoryItem(database.db, user.id, {
      name: 'Headlamp-ish torch',
      supplyKey: 'flashlight',
      quantityOwned: 2,
    });
    const rows = await setSupplyOwned(database.db, user.id, { supplyKey: 'flashlight', owned: 4 });
    expect(rows.map((r) => r.quantityOwned)).toEqual([2, 2]);
    const fewer = await setSupplyOwned(database.db, user.id, { supplyKey: 'flashlight', owned: 1 });
    expect(fewer.map((r) => r.quantityOwned)).toEqual([1]);
    await expect(
      setSupplyOwned(database.db, user.id, { supplyKey: 'nope', owned: 1 }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('makes a wallet card with key numbers and three first actions per hazard, as HTML data and a PDF', async () => {
    const card = walletCard(kit);
    expect(card.keyNumbers.map((n) => n.number)).toEqual(expect.arrayContaining(['911', POISON_CONTROL]));
    expect(card.keyNumbers.map((n) => n.label)).toContain('Local emergency management');
    expect(card.meetingPoints).toHaveLength(3);
    expect(card.hazards.map((h) => h.id)).toEqual(kit.scenarios.slice(0, 4));
    for (const h of card.hazards) expect(h.actions).toHaveLength(3);
    const pdf = await walletCardPdf(card);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBe(1);
  });

  it('groups spend by the category of the need each item covers', () => {
    const spend = spendByCategory(kit);
    expect(spend.reduce((s, c) => s + c.amount, 0)).toBeCloseTo(kit.budget.spent, 1);
    expect(spend.map((s) => s.amount)).toEqual([...spend.map((s) => s.amount)].sort((a, b) => b - a));
  });
});

describe('pdf text', () => {
  it('maps text onto the standard fonts’ character set', () => {
    expect(pdfText('6 gal/day → 84 gal ✓ ≥ 3 · “ok” — café')).toBe(
      '6 gal/day -> 84 gal x >= 3 · “ok” — café',
    );
    expect(pdfText('emoji 🚨 gone')).toBe('emoji  gone');
  });

  it('the assets referenced by the layout exist', () => {
    for (const f of ['app.css', 'chat.js', 'inventory.js', 'plan.js', 'icon.svg']) {
      expect(
        readFileSync(new URL(`../../src/channels/web/assets/${f}`, import.meta.url)).length,
      ).toBeGreaterThan(100);
    }
  });
});
