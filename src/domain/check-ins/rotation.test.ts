import { describe, expect, it } from 'vitest';
import { checkInContent, parseQuickAction, renderTemplate, resolveNumbers } from './message.ts';
import { pace, rotationFor, rotationPlan, type StockItem } from './rotation.ts';

const today = { year: 2026, month: 6, day: 1 };
const item = (
  id: string,
  name: string,
  quantity: number,
  expiresOn: string | null,
  daily?: number,
): StockItem => ({
  id,
  name,
  quantity,
  expiresOn,
  ...(daily === undefined ? {} : { dailyConsumption: daily }),
});

describe('rotation pace', () => {
  it('eat 1 of 20 cans every 3 weeks and none expire', () => {
    const r = rotationFor(item('a', 'cans of chili', 20, '2027-07-26'), today);
    expect(r).toMatchObject({ daysLeft: 420, everyDays: 21, useThisWeek: 1, surplus: 0, expired: false });
    expect(r?.sentence).toBe(
      'Use 1 of these 20 cans of chili every 3 weeks and replace it, and none will expire.',
    );
  });

  it('asks for several a day when stock expires soon, capped by what the household eats', () => {
    const r = rotationFor(item('b', 'granola bars', 30, '2026-06-10', 2), today);
    // 10 days at 2 a day: 20 eaten in time, 10 surplus.
    expect(r).toMatchObject({ daysLeft: 9, everyDays: 0, useThisWeek: 14, surplus: 10 });
    expect(r?.sentence).toMatch(/Use 2 of these 30 granola bars a day .*10 will still expire/);
  });

  it('marks expired stock and ignores stock with no expiry', () => {
    expect(rotationFor(item('c', 'batteries', 8, null), today)).toBeNull();
    expect(rotationFor(item('d', 'rice', 3, '2026-05-29'), today)).toMatchObject({
      expired: true,
      daysLeft: -3,
      surplus: 3,
    });
  });

  it('words the pace in the roundest true unit', () => {
    expect([1, 5, 7, 10, 21, 45, 90].map(pace)).toEqual([
      'every day',
      'every 5 days',
      'every week',
      'every 10 days',
      'every 3 weeks',
      'every 6 weeks',
      'every 3 months',
    ]);
  });

  it('leads with what to use this week, then what already expired', () => {
    const plan = rotationPlan(
      [
        item('x', 'expired beans', 2, '2026-05-20'),
        item('y', 'milk powder', 4, '2026-06-20'),
        item('z', 'crackers', 6, '2026-06-05'),
        item('w', 'cans of chili', 20, '2027-07-26'),
      ],
      today,
      30,
    );
    expect(plan.useThisWeek.map((r) => r.item.id)).toEqual(['z', 'y']);
    expect(plan.expired.map((r) => r.item.id)).toEqual(['x']);
    expect(plan.later.map((r) => r.item.id)).toEqual(['w']);
    const content = checkInContent(plan);
    expect(content.lines.map((l) => [l.number, l.itemId])).toEqual([
      [1, 'z'],
      [2, 'y'],
      [3, 'x'],
    ]);
    expect(content.itemsText.indexOf('Use this week:')).toBeLessThan(
      content.itemsText.indexOf('Already expired:'),
    );
    expect(content.itemsText).toContain('1. crackers: expires in 4 days.');
    expect(content.itemsText).toContain('3. 2 expired beans expired 12 days ago');
  });
});

describe('check-in text and quick actions', () => {
  it('renders template variables and leaves unknown ones visible', () => {
    expect(renderTemplate('Hi {{name}}!\n{{ items }}\n{{oops}}', { name: 'Ana', items: '1. rice' })).toBe(
      'Hi Ana!\n1. rice\n{{oops}}',
    );
  });

  it('parses USED, RESTOCKED and SNOOZE in any case with one or more numbers', () => {
    expect(parseQuickAction('USED 2')).toEqual({ kind: 'used', numbers: [2] });
    expect(parseQuickAction('used 2 3')).toEqual({ kind: 'used', numbers: [2, 3] });
    expect(parseQuickAction(' Used 2, 3, 2. ')).toEqual({ kind: 'used', numbers: [2, 3] });
    expect(parseQuickAction('RESTOCKED 1')).toEqual({ kind: 'restocked', numbers: [1] });
    expect(parseQuickAction('SNOOZE 7')).toEqual({ kind: 'snooze', days: 7 });
    expect(parseQuickAction('snooze')).toEqual({ kind: 'snooze', days: 7 });
    expect(parseQuickAction('snooze 500')).toEqual({ kind: 'snooze', days: 90 });
  });

  it('leaves ordinary chat alone', () => {
    for (const text of [
      'used',
      'I used 2 cans',
      'used two',
      'restocked 0',
      'snooze 1 2',
      'useds 2',
      'used 2 cans',
    ]) {
      expect(parseQuickAction(text)).toBeNull();
    }
  });

  it('maps numbers to the listed items and says which do not exist', () => {
    const lines = [
      { number: 1, itemId: 'a', name: 'rice', text: '1. rice', expired: false },
      { number: 2, itemId: 'b', name: 'beans', text: '2. beans', expired: true },
    ];
    expect(resolveNumbers([2], lines)).toEqual({ ok: true, items: [lines[1]] });
    expect(resolveNumbers([3], lines)).toEqual({
      ok: false,
      reply: 'Your last check-in lists items 1 to 2; there is no 3.',
    });
    expect(resolveNumbers([1], [])).toMatchObject({ ok: false });
  });
});
