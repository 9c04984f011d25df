import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter, InboundMessage, Reply } from '../../src/conversation/index.ts';
import { mapChoice } from '../../src/conversation/index.ts';

/**
 * The one contract every channel adapter passes (web, Telegram, SMS): it refuses a forged request and
 * nothing is stored, parses a genuine one to the neutral message, renders a reply with choices, a link and
 * a plan card so that every choice stays reachable and the link survives whole, and delivers what it sends.
 *
 * Usage, in a channel's test file:
 *   describeAdapterContract('telegram', async () => ({ adapter, request, submit, storedCount, visible, received, close }));
 */
export type ContractFixture<Request, Rendered> = {
  adapter: ChannelAdapter<Request, Rendered>;
  /** A fresh external id (chat id, phone number, web visitor) the fixture can receive messages for. */
  externalId(): string;
  /** A fresh delivery id in the provider's own format (Telegram's update_id is a number, Twilio's a sid). */
  deliveryId?(): string;
  /** The request the provider would send for `text` from `externalId`; `forged` without its proof. */
  request(
    input: { externalId: string; text: string; deliveryId: string },
    options?: { forged?: boolean },
  ): Request;
  /** Pushes a request through the channel's real inbound path (its route or webhook handler). */
  submit(request: Request): Promise<unknown>;
  /** Rows the inbound path stores (inbound updates, messages), to show a forged request stored none. */
  storedCount(): Promise<number>;
  /** The rendering as the person sees it: markup and escaping removed, buttons' labels included. */
  visible(rendered: Rendered): string;
  /** How a person picks the n-th (1-based) choice on this channel: the text the core then receives. */
  choose(rendered: Rendered, n: number): string;
  /** Everything delivered to `externalId` so far, as the person sees it. */
  received(externalId: string): Promise<string>;
  close(): Promise<void>;
};

const choices = [
  { label: 'Just me', value: 'just me' },
  { label: 'Two adults', value: 'two adults' },
  { label: 'Family of four', value: 'two adults and two kids' },
];
const link = { label: 'Open your plan', url: 'https://readyplan.test/plans/0b0e4c2e' };

export const contractReply: Reply = {
  conversationId: '00000000-0000-4000-8000-000000000001',
  text: 'Here is your **72-hour plan** for Tampa, FL.\n\n- Water: 3 gallons a person\n- Food: 2,000 kcal a day',
  choices,
  link,
  planCard: {
    planId: '0b0e4c2e-0000-4000-8000-000000000002',
    url: link.url,
    title: '72-hour kit',
    location: 'Tampa, FL',
    people: 2,
    pets: 0,
    durationDays: 3,
    scenarios: ['hurricane'],
    waterGallonsPerDay: 2,
    waterGallons: 6,
    foodKcalPerDay: 4000,
    foodKcal: 12000,
    readinessScore: 40,
    budget: { limit: 200, spent: 180, coverage: 0.9 },
    buyFirst: [{ name: 'Water jug', quantity: 2, lineTotal: 20 }],
  },
  toolCalls: [{ toolName: 'buildPlan', ok: true }],
  status: 'ok',
};

let deliveries = 0;

export function describeAdapterContract<Request, Rendered>(
  name: string,
  makeFixture: () => Promise<ContractFixture<Request, Rendered>>,
): void {
  describe(`${name} adapter contract`, () => {
    let f: ContractFixture<Request, Rendered>;
    beforeAll(async () => {
      f = await makeFixture();
    });
    afterAll(async () => {
      await f?.close();
    });
    const deliveryId = () => f.deliveryId?.() ?? `contract-${name}-${Date.now()}-${++deliveries}`;

    it('verifies a genuine request and refuses a forged one, storing nothing for it', async () => {
      const externalId = f.externalId();
      const input = { externalId, text: 'hello from the contract', deliveryId: deliveryId() };
      expect(f.adapter.verify(f.request(input))).toBe(true);
      const forged = f.request(input, { forged: true });
      expect(f.adapter.verify(forged)).toBe(false);
      const before = await f.storedCount();
      await f.submit(forged).catch(() => undefined);
      expect(await f.storedCount()).toBe(before);
      // …while the genuine request, through the same path, is stored (so "nothing" above means something).
      await f.submit(f.request(input));
      expect(await f.storedCount()).toBeGreaterThan(before);
    });

    it('parses a genuine request to the neutral message', () => {
      const externalId = f.externalId();
      const id = deliveryId();
      const message = f.adapter.parse(f.request({ externalId, text: '  we are 2 adults  ', deliveryId: id }));
      expect(message).not.toBeNull();
      const m = message as InboundMessage;
      expect(m.channel).toBe(f.adapter.channel);
      expect(m.externalId).toBe(externalId);
      expect(m.text.trim()).toBe('we are 2 adults');
      // Providers that redeliver carry their delivery id; the web, which does not, may leave it out.
      if (f.adapter.channel !== 'web') expect(m.deliveryId).toBe(id);
    });

    it('renders choices, link and plan card with every choice reachable and the link whole', () => {
      const rendered = f.adapter.render(contractReply);
      const seen = f.visible(rendered);
      for (const c of choices) expect(seen).toContain(c.label);
      expect(seen).toContain(link.url);
      choices.forEach((c, i) => {
        expect(mapChoice(f.choose(rendered, i + 1), choices)).toBe(c.value);
      });
      // A reply without extras renders too, and keeps its words.
      const plain = f.visible(
        f.adapter.render({
          ...contractReply,
          choices: [],
          link: undefined,
          planCard: undefined,
          text: 'Noted.',
        }),
      );
      expect(plain).toContain('Noted.');
    });

    it('delivers what it sends', async () => {
      const externalId = f.externalId();
      await f.adapter.send(externalId, f.adapter.render(contractReply));
      const got = await f.received(externalId);
      expect(got).toContain('Tampa, FL');
      expect(got).toContain(link.url);
      for (const c of choices) expect(got).toContain(c.label);
    });
  });
}
