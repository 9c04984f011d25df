// One-off: extracts the per-state, per-hazard expected annual loss that src/domain needs from the
// FEMA National Risk Index state table, so the domain ships ~40 KB of JSON instead of a 325 KB CSV.
// Usage: node scripts/build-nri-states.mjs [dir with NRI_Table_States.csv and NRI_HazardInfo.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'data/sources/nri';
const out = 'src/domain/data/nri-states.json';

/** RFC 4180-enough CSV: quoted fields may hold commas; the BOM is dropped. */
function parseCsv(text) {
  const rows = [];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

const hazardInfo = parseCsv(readFileSync(join(dir, 'NRI_HazardInfo.csv'), 'utf8'));
const states = parseCsv(readFileSync(join(dir, 'NRI_Table_States.csv'), 'utf8'));
const release = hazardInfo[0]?.NRI_VER;
if (!release) throw new Error('NRI_VER missing in NRI_HazardInfo.csv');

const cents = (v) => Math.round(Number(v || 0) * 100) / 100;
const result = {
  source: 'FEMA National Risk Index (NRI), state table NRI_Table_States.csv and NRI_HazardInfo.csv',
  release,
  dataDictionaryVersion: '1.20.0',
  sourceId: 'NRI_STATES_DEC2025',
  url: 'https://www.fema.gov/about/openfema/data-sets/national-risk-index-data',
  license: 'Public domain (work of the U.S. Government, FEMA)',
  fields: {
    ealUsd:
      '<PREFIX>_EALT: Expected Annual Loss - Total (USD; building + population equivalence + agriculture)',
    rating:
      '<PREFIX>_EALR: Expected Annual Loss Rating, relative among states (this release has no per-hazard RISKR in the state table)',
    totalEalUsd: 'EAL_VALT: Expected Annual Loss - Total - Composite',
    totalRating: 'EAL_RATNG: Expected Annual Loss - Rating - Composite',
  },
  generatedBy: 'scripts/build-nri-states.mjs',
  hazards: hazardInfo.map((h) => ({ prefix: h.Prefix, name: h.Hazard, periodOfRecord: h.PeriodOfRecord })),
  states: Object.fromEntries(
    states
      .sort((a, b) => a.STATEABBRV.localeCompare(b.STATEABBRV))
      .map((s) => [
        s.STATEABBRV,
        {
          name: s.STATE,
          totalEalUsd: cents(s.EAL_VALT),
          totalRating: s.EAL_RATNG,
          hazards: Object.fromEntries(
            hazardInfo.map((h) => [
              h.Prefix,
              { ealUsd: cents(s[`${h.Prefix}_EALT`]), rating: s[`${h.Prefix}_EALR`] },
            ]),
          ),
        },
      ]),
  ),
};

writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(
  `wrote ${out}: ${Object.keys(result.states).length} states, ${result.hazards.length} hazards, ${release}`,
);
