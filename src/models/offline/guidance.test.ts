import { describe, expect, it } from 'vitest';
import { guidanceAnswer, type Passage, searchQuery } from './guidance.ts';

const co: Passage[] = [
  {
    document: 'co',
    chunk: 2,
    title: 'Carbon monoxide',
    source: 'CDC',
    sourceUrl: null,
    score: 0.54,
    content:
      '## Never use these indoors\n\n- **Never run a generator inside a home, basement, garage, carport or shed** — even with doors and windows open. Opening windows does not prevent CO buildup.\n- Never use a grill indoors, including in a garage or tent.\n- Never run a car in an attached garage, even with the garage door open. Clear the tailpipe first.',
  },
  {
    document: 'co',
    chunk: 3,
    title: 'Carbon monoxide',
    source: 'CDC',
    sourceUrl: null,
    score: 0.5,
    content:
      '## Generator placement\n\n- Place generators **outdoors, at least 20 feet from the home**, and away from windows, doors and vents.\n- Point the exhaust away from the home.\n- Protect the generator from rain with an open canopy designed for it; do not operate it in a closed enclosure.',
  },
];

describe('guidance answers by text', () => {
  it.each([
    'is it ok to keep the generator running in the shed',
    'how far from the house does the generator have to be',
    'can I put my generator on the porch near the window',
    'generator inside with the windows open, fine?',
  ])('a question about where a generator goes gets the distance: %s', (q) => {
    expect(searchQuery(q)).toMatch(/20 feet/);
    const reply = guidanceAnswer(q, co, 'sms');
    expect(reply).toMatch(/20 feet/);
    expect(reply.length).toBeLessThan(480);
  });
});

describe('passages that carry nothing', () => {
  const quake = (chunk: number, content: string, score: number): Passage => ({
    document: 'quake',
    chunk,
    title: 'Earthquakes',
    source: 'FEMA / Ready.gov',
    sourceUrl: null,
    score,
    content,
  });
  it('a citation line or a bare heading is not an answer', () => {
    const reply = guidanceAnswer(
      'what do we do when the ground starts shaking',
      [
        quake(8, '*Summarized from Ready.gov (FEMA), USGS and Earthquake Country Alliance guidance.*', 0.52),
        quake(4, '## After the shaking', 0.51),
        quake(
          1,
          '## During shaking\n\n1. **Drop** onto your hands and knees.\n2. **Cover** your head and neck.\n3. **Hold on** until the shaking stops.',
          0.45,
        ),
      ],
      'web',
    );
    expect(reply).toMatch(/Drop/);
    expect(reply).toMatch(/Hold on/);
  });
  it.each(['tips for a quake', 'we felt a tremor, now what', 'how do I survive an earthquake at home'])(
    'quake questions search for the protective action: %s',
    (q) => expect(searchQuery(q)).toMatch(/drop cover hold on/),
  );
});

describe('guidance answers keep only what they can finish', () => {
  it('drops a lead-in whose list is in a passage not found', () => {
    const water: Passage = {
      document: 'water',
      chunk: 1,
      title: 'Storing water',
      source: 'FEMA / Ready.gov',
      sourceUrl: null,
      score: 0.5,
      content:
        '## What to store it in\n\nUnopened, commercially bottled water is the safest option; keep it until its printed date.\n\nIf you fill your own containers:',
    };
    const reply = guidanceAnswer('how long does stored water last?', [water], 'web');
    expect(reply).toContain('printed date');
    expect(reply).not.toMatch(/containers:\s*$/m);
  });
  it('adds the guidance words for a generator indoors and for how long water keeps', () => {
    expect(searchQuery('is a generator safe indoors?')).toMatch(/never use these indoors/);
    expect(searchQuery('how long does stored water last?')).toMatch(/six months/);
    // Water after a quake is about the water, not the protective action.
    expect(searchQuery('is tap water safe after an earthquake')).toMatch(/boil water advisory/);
    expect(searchQuery('is tap water safe after an earthquake')).not.toMatch(/drop cover hold on/);
  });
});

describe('guidance answers from the document the question found', () => {
  const outage = (chunk: number, score: number, content: string): Passage => ({
    document: 'power',
    chunk,
    title: 'Power outages',
    source: 'FEMA / Ready.gov',
    sourceUrl: null,
    score,
    content,
  });
  it("a heading-only nearest passage points at its own document, not the next document's introduction", () => {
    const reply = guidanceAnswer(
      'what should i do if the power goes out',
      [
        outage(4, 0.54, '## During an outage'),
        {
          ...outage(
            0,
            0.52,
            '# Food safety\n\nSpoiled food can make people seriously ill. Know the rules before an outage.',
          ),
          document: 'food',
          title: 'Food safety',
        },
        outage(
          5,
          0.35,
          '- Keep refrigerator and freezer doors closed: about 4 hours cold.\n- Unplug appliances to protect them from surges.',
        ),
      ],
      'web',
    );
    expect(reply).toMatch(/refrigerator and freezer doors closed/);
    expect(reply).not.toMatch(/Spoiled food/);
  });
  it('puts the sentence with the question\'s own word first ("pools")', () => {
    const water: Passage = {
      ...outage(
        5,
        0.5,
        '## Hidden water\n\nIf you run short, safe sources in your home:\n\n- the hot water heater,\n- ice cubes.\n\nDo not drink water from toilet bowls, radiators or swimming pools.',
      ),
      document: 'water',
    };
    const reply = guidanceAnswer('is it ok to drink pool water', [water], 'telegram');
    expect(reply.split('\n')[2]).toMatch(/^Do not drink/);
    expect(reply).toMatch(/If you run short[^\n]*\n- the hot water heater/);
  });
});
