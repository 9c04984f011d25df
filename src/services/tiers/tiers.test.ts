import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { profiles } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { checkTier, effectiveTier, lowestTierWith, requireFeature, TIER_ENTITLEMENTS } from './tiers.ts';

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
      (e) => e instanceof AppError && e.code === 'TIER_LIMIT' && /BASIC/.test(e.message),
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
    });
  });
});
