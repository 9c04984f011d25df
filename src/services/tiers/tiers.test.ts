import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { profiles } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import {
  checkTier,
  effectiveTier,
  lowestTierWith,
  requireFeature,
  setBillingEnabled,
  TIER_ENTITLEMENTS,
  TierLimitError,
} from './tiers.ts';

const NOW = new Date('2030-01-10T00:00:00Z');

describe('tier entitlements (product.md)', () => {
  it('matches the tier table', () => {
    expect(TIER_ENTITLEMENTS.FREE).toMatchObject({
      savedPlans: 1,
      inventoryTracking: false,
      founderGroupCalls: false,
      expertCalls: false,
    });
    expect(TIER_ENTITLEMENTS.BASIC).toMatchObject({
      savedPlans: 'unlimited',
      inventoryTracking: true,
      expiryCheckins: false,
      founderGroupCalls: true,
      expertCalls: false,
    });
    expect(TIER_ENTITLEMENTS.PRO).toMatchObject({
      inventoryTracking: true,
      expiryCheckins: true,
      expertCalls: true,
      callRecordings: true,
      oneOnOneCallsPerQuarter: 1,
    });
    expect(lowestTierWith('inventoryTracking')).toBe('BASIC');
    expect(lowestTierWith('expiryCheckins')).toBe('PRO');
  });

  it('counts lapsed subscriptions as free, with grace until the period ends', () => {
    const later = new Date('2030-02-01T00:00:00Z');
    const earlier = new Date('2029-12-01T00:00:00Z');
    expect(effectiveTier('PRO', 'active', null, NOW)).toBe('PRO');
    expect(effectiveTier('BASIC', 'trialing', null, NOW)).toBe('BASIC');
    expect(effectiveTier('PRO', 'past_due', later, NOW)).toBe('PRO');
    expect(effectiveTier('PRO', 'past_due', earlier, NOW)).toBe('FREE');
    expect(effectiveTier('BASIC', 'canceled', later, NOW)).toBe('BASIC');
    expect(effectiveTier('BASIC', 'canceled', null, NOW)).toBe('FREE');
  });
});

describe('checkTier against the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads the profile and refuses features the tier lacks', async () => {
    const { id } = await createUser(database.db, { email: 'tier@example.com' });
    expect((await checkTier(database.db, id, NOW)).tier).toBe('FREE');
    await expect(requireFeature(database.db, id, 'inventoryTracking', NOW)).rejects.toSatisfy(
      (e) =>
        e instanceof TierLimitError &&
        e.code === 'TIER_LIMIT' &&
        e.requiredTier === 'BASIC' &&
        e.upgradePath === '/pricing' &&
        /Basic/.test(e.message),
    );
    await database.db
      .update(profiles)
      .set({
        subscriptionTier: 'PRO',
        subscriptionStatus: 'canceled',
        subscriptionPeriodEnd: new Date('2030-01-05T00:00:00Z'),
      })
      .where(eq(profiles.id, id));
    expect(await checkTier(database.db, id, NOW)).toMatchObject({
      tier: 'FREE',
      subscribedTier: 'PRO',
      status: 'canceled',
      billing: 'stripe',
    });
  });

  it('billing off (self-hosted) gives every account the top tier, per database handle', async () => {
    const selfHosted = await freshDatabase();
    try {
      setBillingEnabled(selfHosted.db, false);
      const { id } = await createUser(selfHosted.db, { email: 'self@example.com' });
      expect(await checkTier(selfHosted.db, id, NOW)).toMatchObject({
        tier: 'PRO',
        subscribedTier: 'FREE',
        billing: 'self-hosted',
        entitlements: TIER_ENTITLEMENTS.PRO,
      });
      await expect(requireFeature(selfHosted.db, id, 'inventoryTracking', NOW)).resolves.toBeTruthy();
      // The other handle still enforces the tiers.
      const other = await createUser(database.db, { email: 'billed@example.com' });
      expect((await checkTier(database.db, other.id, NOW)).tier).toBe('FREE');
    } finally {
      await selfHosted.close();
    }
  });
});
