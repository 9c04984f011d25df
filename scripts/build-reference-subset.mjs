// One-off: copies from the shared reference figures (reference.json) the tables and sources the
// planner cites, so src/domain ships only what it uses, each figure still carrying its source id.
// Usage: node scripts/build-reference-subset.mjs [path to reference.json]
import { readFileSync, writeFileSync } from 'node:fs';

const input = process.argv[2] ?? 'data/sources/reference/reference.json';
const out = 'src/domain/data/reference-subset.json';
const ref = JSON.parse(readFileSync(input, 'utf8'));

const pick = (o, keys) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
const storage = ref.long_term_storage_per_adult_year;

const subset = {
  source:
    'data/sources/reference/reference.json (published household-preparedness figures, quoted with source ids)',
  generatedBy: 'scripts/build-reference-subset.mjs',
  water: pick(ref.water, ['per_person_per_day', 'drinking_portion', 'minimum_days', 'adjustments', 'pets']),
  caloriesByAgeSexActivity: ref.calories_by_age_sex_activity.map((r) =>
    pick(r, [
      'age_group',
      'age_min',
      'age_max',
      'sex',
      'sedentary',
      'moderately_active',
      'active',
      'source_id',
      'table',
    ]),
  ),
  caloriesToddlers: ref.calories_toddlers_12_23_months,
  caloriesPregnancyLactation: ref.calories_pregnancy_lactation_increment,
  storage2002: storage.lds_2002_basic_per_adult_year,
  storage1978: storage.lds_1978_essentials_per_adult_year,
  childScaling: storage.child_scaling_percent_of_adult_portion,
  childScalingRules: storage.child_scaling_rules,
  medications: ref.medications,
  cash: ref.cash_and_documents.filter((c) => typeof c.value === 'number'),
  sources: ref.sources.map((s) => pick(s, ['id', 'org', 'title', 'url', 'reliability'])),
};

writeFileSync(out, `${JSON.stringify(subset, null, 2)}\n`);
console.log(
  `wrote ${out}: ${subset.caloriesByAgeSexActivity.length} calorie rows, ${subset.sources.length} sources`,
);
