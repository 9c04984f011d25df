import { describe, expect, it } from 'vitest';
import { extractFacts } from './facts.ts';

/** Details said apart from the person: found in a chat session, where they went to the wrong person. */
describe('details go to the person they are about', () => {
  const members = (text: string) => extractFacts(text, {}).edits.members ?? [];
  it('"my 80 year old mom … she has diabetes and uses a walker": one mom, with both', () => {
    const said = members(
      "My 80 year old mom lives with me (I'm 55), she has diabetes and uses a walker. We're in Tucson.",
    );
    expect(said).toHaveLength(2);
    const mom = said.find((m) => m.role === 'mom');
    expect(mom).toMatchObject({ ageYears: 80 });
    expect(mom?.conditions).toEqual(expect.arrayContaining(['diabetic', 'mobility-aid']));
    expect(said.find((m) => m.role === 'me')?.conditions ?? []).toEqual([]);
  });
  it('"he is on oxygen" is the husband', () => {
    const said = members('my husband and I in tampa, he is on oxygen');
    expect(said.find((m) => m.role === 'husband')?.conditions).toContain('oxygen');
  });
});
