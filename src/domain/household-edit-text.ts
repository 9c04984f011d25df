import { describeMember } from './household-draft.ts';
import type { DraftPet } from './household-draft-schema.ts';
import type { FieldName, HouseholdChange } from './household-edit-schema.ts';
import { money } from './money.ts';
import { SCENARIO_NAMES, type ScenarioId } from './scenarios.ts';

export function durationText(days: number): string {
  if (days % 365 === 0) return days === 365 ? '1 year' : `${days / 365} years`;
  if (days % 30 === 0 && days >= 60) return `${days / 30} months`;
  if (days % 7 === 0 && days >= 14) return `${days / 7} weeks`;
  return `${days} days`;
}

export function scenarioText(id: string): string {
  // "Extreme heat" → "extreme heat", "Grid down / EMP" keeps its acronym.
  return (SCENARIO_NAMES[id as ScenarioId] ?? id.replace(/-/g, ' ')).replace(/^[A-Z](?=[a-z])/, (c) =>
    c.toLowerCase(),
  );
}

function fieldValue(field: FieldName, value: unknown): string {
  if (value === undefined || value === null) return 'not set';
  switch (field) {
    case 'durationDays':
      return durationText(Number(value));
    case 'budget':
      return Number(value) === 0 ? 'no budget (needs only)' : money(Number(value));
    case 'monthlyBudget':
      return `${money(Number(value))} a month`;
    case 'mobility':
      return value === 'BUG_OUT' ? 'ready to evacuate' : 'sheltering in place';
    case 'scenarios':
      return (value as string[]).map(scenarioText).join(', ') || 'location hazards only';
    case 'skills':
      return (value as string[]).map((s) => s.replace(/-/g, ' ')).join(', ');
    default:
      return String(value);
  }
}

const FIELD_NAMES: Record<FieldName, string> = {
  location: 'Location',
  durationDays: 'Duration',
  budget: 'Budget',
  monthlyBudget: 'Monthly budget',
  mobility: 'Plan',
  scenarios: 'Hazards',
  skills: 'Skills',
};

function petText(p: DraftPet): string {
  const an = /^(8|11|18)(\d\d)?$/.test(String(Math.round(p.weightLb))) ? 'an' : 'a';
  return `${an} ${p.weightLb} lb ${p.breed ?? (p.species === 'other' ? 'pet' : p.species)}`;
}

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const plural = (noun: string) =>
  /s$/.test(noun) ? noun : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;

/** Identical descriptions said once with their count: "two 10 lb cats", not "a 10 lb cat and a 10 lb cat". */
function counted(items: string[]): string[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) =>
    n === 1 ? item : `${NUMBER_WORDS[n] ?? n} ${plural(item.replace(/^an? /, ''))}`,
  );
}

function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * What was really added and removed: a correction such as "no wait, 2 cats" arrives as the old cat removed and
 * two cats added, which a person reads as one cat added — so identical descriptions cancel out in pairs.
 */
function net(added: string[], removed: string[]): { added: string[]; removed: string[] } {
  const left = [...removed];
  const kept = added.filter((text) => {
    const i = left.indexOf(text);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
  return { added: kept, removed: left };
}

/** "Added grandma (78, diabetic). Budget: $300 → $200." — one sentence per kind of change. */
export function describeChanges(changes: readonly HouseholdChange[]): string {
  const { added, removed } = net(
    changes.filter((c) => c.type === 'member-added').map((c) => describeMember(c.member)),
    changes.filter((c) => c.type === 'member-removed').map((c) => describeMember(c.member)),
  );
  const sentences: string[] = [];
  if (changes.some((c) => c.type === 'members-replaced')) sentences.push('Updated who is in the household');
  if (added.length) sentences.push(`Added ${joinList(added)}`);
  if (removed.length) sentences.push(`Removed ${joinList(removed)}`);
  for (const c of changes) {
    if (c.type === 'member-changed') sentences.push(`Updated ${describeMember(c.after)}`);
  }
  const { added: petsAdded, removed: petsRemoved } = net(
    changes.filter((c) => c.type === 'pet-added').map((c) => petText(c.pet)),
    changes.filter((c) => c.type === 'pet-removed').map((c) => petText(c.pet)),
  );
  const petsReplaced = changes.find((c) => c.type === 'pets-replaced');
  if (petsReplaced)
    sentences.push(
      petsReplaced.pets.length ? `Pets: ${joinList(counted(petsReplaced.pets.map(petText)))}` : 'No pets',
    );
  if (petsAdded.length) sentences.push(`Added ${joinList(counted(petsAdded))}`);
  if (petsRemoved.length) sentences.push(`Removed ${joinList(counted(petsRemoved))}`);
  for (const c of changes) {
    if (c.type === 'pet-changed')
      sentences.push(`Updated the ${c.after.species}: ${petText(c.after).replace(/^an? /, '')}`);
    if (c.type === 'field') {
      const after = fieldValue(c.field, c.after);
      sentences.push(
        c.before === undefined || c.field === 'location' || c.field === 'scenarios' || c.field === 'skills'
          ? `${FIELD_NAMES[c.field]}: ${after}`
          : `${FIELD_NAMES[c.field]}: ${fieldValue(c.field, c.before)} → ${after}`,
      );
    }
  }
  return sentences.map((s) => `${s}.`).join(' ');
}
