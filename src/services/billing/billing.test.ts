import { eq, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeStripe, stripeEvent } from '../../../test/billing/fake-stripe.ts';
import { freshDatabase } from '../../../test/support/db.ts';
import type { Database } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { billingTransactions, profiles, securityAlerts, userActivityLog } from '../../db/schema/index.ts';
import { createUser } from '../accounts/users.ts';
import { AppError } from '../errors.ts';
import { checkTier } from '../tiers/tiers.ts';
import {
  type BillingConfig,
  createCheckoutSession,
  createPortalSession,
  createStripe,
  handleStripeWebhook,
  listBillingHistory,
} from './index.ts';

const SECRET = 'whsec_test_secret';
let database: Database;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let stripe: Stripe;
let config: BillingConfig;
let n = 0;

beforeAll(async () => {
  database = await freshDatabase();
  fake = await startFakeStripe();
  config = {
    secretKey: 'sk_test_123',
    webhookSecret: SECRET,
    apiRoot: fake.apiRoot,
    plans: {
      BASIC: { month: 'price_basic_m', year: 'price_basic_y' },
      PRO: { month: 'price_pro_m', year: 'price_pro_y' },
    },
  };
  stripe = createStripe(config);
});
afterAll(async () => {
  await fake.close();
  await database.close();
});

const deps = () => ({ db: database.db, stripe, config, publicUrl: 'https://rp.test' });
const newUser = async () => (await createUser(database.db, { email: `payer${++n}@example.com` })).id;

/** Signs a payload as Stripe does, and hands it to the webhook handler as raw bytes. */
async function deliver(payload: object, tamper?: (raw: string) => string) {
  const raw = JSON.stringify(payload);
  const header = stripe.webhooks.generateTestHeaderString({ payload: raw, secret: SECRET });
  return handleStripeWebhook(deps(), Buffer.from(tamper ? tamper(raw) : raw), header, { ip: '203.0.113.9' });
}

const T0 = 1_900_000_000;
const sub = (id: string, userId: string, status: string, price: string, periodEnd = T0 + 30 * 86400) => ({
  id,
  object: 'subscription',
  customer: 'cus_hook',
  status,
  metadata: { userId },
  items: { object: 'list', data: [{ id: `si_${id}`, price: { id: price }, current_period_end: periodEnd }] },
});

describe('Checkout and the Customer Portal (the real client against a local Stripe)', () => {
  it('creates a customer once and a subscription Checkout session with the configured price', async () => {
    const userId = await newUser();
    const first = await createCheckoutSession(deps(), userId, { tier: 'PRO', interval: 'year' });
    expect(first.url).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const sessionReq = fake.requests.filter((r) => r.path === '/v1/checkout/sessions').at(-1)!;
    expect(sessionReq.authorization).toBe('Bearer sk_test_123');
    expect(sessionReq.params.get('mode')).toBe('subscription');
    expect(sessionReq.params.get('line_items[0][price]')).toBe('price_pro_y');
    expect(sessionReq.params.get('client_reference_id')).toBe(userId);
    expect(sessionReq.params.get('subscription_data[metadata][tier]')).toBe('PRO');
    expect(sessionReq.params.get('success_url')).toBe('https://rp.test/billing?checkout=success');
    const [profile] = await database.db.select().from(profiles).where(eq(profiles.id, userId));
    expect(profile!.stripeCustomerId).toMatch(/^cus_/);
    await createCheckoutSession(deps(), userId, { tier: 'BASIC', interval: 'month' });
    expect(fake.requests.filter((r) => r.path === '/v1/customers')).toHaveLength(1);
    expect(
      fake.requests
        .filter((r) => r.path === '/v1/checkout/sessions')
        .at(-1)!
        .params.get('line_items[0][price]'),
    ).toBe('price_basic_m');

    const portal = await createPortalSession(deps(), userId);
    expect(portal.url).toMatch(/^https:\/\/billing\.stripe\.test\/p\/session\//);
    const portalReq = fake.requests.find((r) => r.path === '/v1/billing_portal/sessions')!;
    expect(portalReq.params.get('customer')).toBe(profile!.stripeCustomerId);
    expect(portalReq.params.get('return_url')).toBe('https://rp.test/billing');
  });

  it('refuses a bad tier or interval naming the field, and the portal without a customer', async () => {
    const userId = await newUser();
    const before = fake.requests.length;
    await expect(
      createCheckoutSession(deps(), userId, { tier: 'GOLD', interval: 'month' }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'tier');
    await expect(createCheckoutSession(deps(), userId, { tier: 'PRO', interval: 'week' })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.field === 'interval',
    );
    await expect(createPortalSession(deps(), userId)).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'CONFLICT',
    );
    expect(fake.requests.length).toBe(before);
  });
});

describe('POST /webhooks/stripe processing', () => {
  it('a valid checkout and subscription make the profile Pro; invoice.paid writes the payment', async () => {
    const userId = await newUser();
    await deliver(
      stripeEvent(
        'checkout.session.completed',
        {
          id: 'cs_1',
          object: 'checkout.session',
          mode: 'subscription',
          customer: 'cus_hook',
          subscription: 'sub_A',
          client_reference_id: userId,
          metadata: { userId, tier: 'PRO' },
        },
        T0,
      ),
    );
    await deliver(
      stripeEvent('customer.subscription.created', sub('sub_A', userId, 'active', 'price_pro_m'), T0 + 1),
    );
    const status = await checkTier(database.db, userId, new Date(T0 * 1000));
    expect(status).toMatchObject({ tier: 'PRO', status: 'active' });
    expect(status.periodEnd?.getTime()).toBe((T0 + 30 * 86400) * 1000);
    const [profile] = await database.db.select().from(profiles).where(eq(profiles.id, userId));
    expect(profile!.stripeCustomerId).toBe('cus_hook');

    await deliver(
      stripeEvent(
        'invoice.paid',
        {
          id: 'in_1',
          object: 'invoice',
          customer: 'cus_hook',
          currency: 'usd',
          amount_paid: 1999,
          amount_due: 1999,
          invoice_pdf: 'https://pay.stripe.test/invoice/in_1/pdf',
          created: T0,
          period_start: T0,
          parent: { subscription_details: { subscription: 'sub_A', metadata: { userId } } },
          lines: { data: [{ period: { start: T0 }, pricing: { price_details: { price: 'price_pro_m' } } }] },
        },
        T0 + 2,
      ),
    );
    const history = await listBillingHistory(database.db, userId);
    expect(history).toEqual([
      expect.objectContaining({
        type: 'SUBSCRIPTION_PAYMENT',
        amount: 19.99,
        currency: 'USD',
        status: 'SUCCEEDED',
        description: 'Pro Plan - Mar 2030',
        invoicePdfUrl: 'https://pay.stripe.test/invoice/in_1/pdf',
      }),
    ]);
    const upgraded = await database.db
      .select()
      .from(userActivityLog)
      .where(eq(userActivityLog.userId, userId));
    expect(upgraded.map((a) => a.activityType)).toEqual(['TIER_UPGRADED']);
  });

  it('a tampered body is refused (400-class error) and writes nothing but a security alert', async () => {
    const userId = await newUser();
    const count = async () =>
      rowsOf<{ e: number; b: number }>(
        await database.db.execute(
          sql`select (select count(*)::int from stripe_events) as e, (select count(*)::int from billing_transactions) as b`,
        ),
      )[0];
    const before = await count();
    const alertsBefore = (await database.db.select().from(securityAlerts)).length;
    await expect(
      deliver(
        stripeEvent('customer.subscription.created', sub('sub_T', userId, 'active', 'price_pro_m'), T0),
        (raw) => raw.replace('price_pro_m', 'price_pro_y'),
      ),
    ).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'BAD_INPUT' && e.field === 'stripe-signature',
    );
    await expect(
      handleStripeWebhook(deps(), Buffer.from('{}'), undefined, { ip: '203.0.113.9' }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await count()).toEqual(before);
    expect((await checkTier(database.db, userId)).tier).toBe('FREE');
    const alerts = await database.db.select().from(securityAlerts);
    expect(alerts.length).toBeGreaterThan(alertsBefore);
    expect(alerts.at(-1)).toMatchObject({ kind: 'INVALID_WEBHOOK_SIGNATURE', severity: 'high' });
    expect(JSON.stringify(alerts)).not.toContain('203.0.113.9');
  });

  it('a duplicated event is processed once', async () => {
    const userId = await newUser();
    const event = stripeEvent(
      'invoice.paid',
      {
        id: 'in_dup',
        object: 'invoice',
        customer: 'cus_none',
        currency: 'usd',
        amount_paid: 999,
        amount_due: 999,
        created: T0,
        metadata: { userId },
        lines: { data: [{ period: { start: T0 }, price: { id: 'price_basic_m' } }] },
      },
      T0,
    );
    const first = await deliver(event);
    const again = await Promise.all([deliver(event), deliver(event)]);
    expect(first).toMatchObject({ duplicate: false, handled: true });
    expect(again.every((r) => r.duplicate)).toBe(true);
    const rows = await database.db
      .select()
      .from(billingTransactions)
      .where(eq(billingTransactions.userId, userId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ description: 'Basic Plan - Mar 2030', amount: '9.99' });
  });

  it('events out of order leave the newest state', async () => {
    const userId = await newUser();
    const created = stripeEvent(
      'customer.subscription.created',
      sub('sub_O', userId, 'active', 'price_basic_m'),
      T0,
    );
    const upgraded = stripeEvent(
      'customer.subscription.updated',
      sub('sub_O', userId, 'active', 'price_pro_m'),
      T0 + 10,
    );
    const pastDue = stripeEvent(
      'customer.subscription.updated',
      sub('sub_O', userId, 'past_due', 'price_pro_m'),
      T0 + 20,
    );
    const deleted = stripeEvent(
      'customer.subscription.deleted',
      sub('sub_O', userId, 'canceled', 'price_pro_m'),
      T0 + 30,
    );
    await deliver(pastDue);
    await deliver(created);
    await deliver(upgraded);
    const mid = await checkTier(database.db, userId, new Date(T0 * 1000));
    expect(mid).toMatchObject({ tier: 'PRO', status: 'past_due' });
    await deliver(deleted);
    await deliver(upgraded); // a redelivery after the end changes nothing
    expect(await checkTier(database.db, userId, new Date(T0 * 1000))).toMatchObject({
      tier: 'FREE',
      status: 'canceled',
    });

    // Created and updated in the same second (incomplete → active), told in reverse: the update stands.
    const sameSecond = await newUser();
    await deliver(
      stripeEvent('customer.subscription.updated', sub('sub_S', sameSecond, 'active', 'price_pro_m'), T0),
    );
    await deliver(
      stripeEvent('customer.subscription.created', sub('sub_S', sameSecond, 'incomplete', 'price_pro_m'), T0),
    );
    expect(await checkTier(database.db, sameSecond, new Date(T0 * 1000))).toMatchObject({
      tier: 'PRO',
      status: 'active',
    });

    // A failed payment told after the success does not overwrite it; a full refund marks it refunded.
    const invoice = (paid: boolean) => ({
      id: 'in_O',
      object: 'invoice',
      customer: 'cus_hook',
      currency: 'usd',
      amount_paid: paid ? 1999 : 0,
      amount_due: 1999,
      created: T0,
      metadata: { userId },
      payments: { data: [{ payment: { payment_intent: 'pi_O' } }] },
      lines: { data: [{ period: { start: T0 }, price: { id: 'price_pro_m' } }] },
    });
    await deliver(stripeEvent('invoice.paid', invoice(true), T0 + 40));
    await deliver(stripeEvent('invoice.payment_failed', invoice(false), T0 + 35));
    const refund = (amount: number, full: boolean) =>
      stripeEvent(
        'charge.refunded',
        {
          id: 'ch_O',
          object: 'charge',
          customer: 'cus_hook',
          currency: 'usd',
          amount: 1999,
          amount_refunded: amount,
          refunded: full,
          payment_intent: 'pi_O',
          metadata: { userId },
        },
        T0 + 50,
      );
    await deliver(refund(1999, true));
    await deliver(refund(500, false));
    const history = await listBillingHistory(database.db, userId);
    expect(history.map((h) => [h.type, h.status, h.amount])).toEqual(
      expect.arrayContaining([
        ['SUBSCRIPTION_PAYMENT', 'REFUNDED', 19.99],
        ['SUBSCRIPTION_REFUND', 'REFUNDED', 19.99],
      ]),
    );
    expect(history).toHaveLength(2);
  });
});
