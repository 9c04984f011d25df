import { describe, expect, it } from 'vitest';
import { gallons, plural } from './units.ts';

describe('gallons', () => {
  it('says "1 gallon", not "1 gallons" (issue 9)', () => {
    expect(gallons(1)).toBe('1 gallon');
    expect(gallons(0.5)).toBe('0.5 gallons');
  });

  it('keeps the plan figure: 1.5 gal/day x 3 days is 4.5 gallons to store, not 5', () => {
    expect(gallons(4.5)).toBe('4.5 gallons');
    expect(gallons(1234.56)).toBe('1,234.6 gallons');
  });
});

describe('plural', () => {
  it('pluralises counts', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(14, 'day')).toBe('14 days');
    expect(plural(2, 'box', 'boxes')).toBe('2 boxes');
  });
});
