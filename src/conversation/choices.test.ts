import { describe, expect, it } from 'vitest';
import { mapChoice } from './choices.ts';
import { estimateCostUsd } from './pricing.ts';
import { summarize } from './summary.ts';

const choices = [
  { label: 'Just me', value: 'just me' },
  { label: '2 adults', value: '2 adults' },
  { label: '2 adults + 2 kids', value: '2 adults and 2 kids' },
];

describe('choices', () => {
  it('maps a numbered reply back to the choice, and leaves other text alone', () => {
    expect(mapChoice('2', choices)).toBe('2 adults');
    expect(mapChoice(' 3 ', choices)).toBe('2 adults and 2 kids');
    expect(mapChoice('#1', choices)).toBe('just me');
    expect(mapChoice('2.', choices)).toBe('2 adults');
    expect(mapChoice('Just me', choices)).toBe('just me');
    expect(mapChoice('7', choices)).toBe('7');
    expect(mapChoice('2', [])).toBe('2');
    expect(mapChoice('we are 2 adults', choices)).toBe('we are 2 adults');
  });
});

describe('summary and pricing', () => {
  it('summarises older turns deterministically and within bounds', () => {
    const messages = Array.from({ length: 40 }, (_, i) => ({
      role: (i % 2 === 0 ? 'user' : 'assistant') as 'user' | 'assistant',
      content: `message ${i} ${'words '.repeat(60)}`,
    }));
    const a = summarize(null, messages);
    expect(a).toBe(summarize(null, messages));
    expect(a.length).toBeLessThanOrEqual(1500);
    expect(a.split('\n').at(-1)).toMatch(/^Assistant: message 39/);
    expect(summarize('User: earlier', [{ role: 'user', content: 'later' }])).toBe(
      'User: earlier\nUser: later',
    );
  });

  it('prices runs from the table, offline free, unknown models unpriced', () => {
    expect(estimateCostUsd('offline-orchestrator-v1', 10_000, 1_000)).toBe(0);
    expect(estimateCostUsd('gpt-4o-mini', 1_000_000, 1_000_000)).toBeCloseTo(0.75, 6);
    expect(estimateCostUsd('gpt-4o-mini-2024-07-18', 1_000_000, 0)).toBeCloseTo(0.15, 6);
    expect(estimateCostUsd('llama3.1', 1000, 1000)).toBeNull();
  });
});
