import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts.ts';

/** Ideas the dialogue suite found missing, in words the suite does not use. */

describe('text-speak intake', () => {
  it.each([
    ['2 wks 3 ppl boise', 'Boise, ID', 3],
    ['kit 4 peeps tulsa', 'Tulsa, OK', 4],
    ['3 days 5 pax spokane', 'Spokane, WA', 5],
  ])('%s', (text, location, people) => {
    const { edits } = extractFacts(text, {});
    expect(edits.location).toBe(location);
    expect(edits.members).toHaveLength(people);
  });
  it('a sentence still needs a place word before a bare city name', () => {
    expect(extractFacts('what should we do if a storm hits mobile homes', {}).edits.location).toBeUndefined();
  });
});
