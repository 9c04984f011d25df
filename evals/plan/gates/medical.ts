import { failIf, type Gate, na, pass } from './types.ts';

/**
 * What each condition needs, with the guidance behind it: insulin must stay cool without power and used
 * needles need a sharps container (FDA, "Insulin storage and switching between products in an emergency";
 * CDC, "Insulin and emergencies"); oxygen and dialysis patients need power backup (CDC/Red Cross
 * "Preparing for an emergency with medical devices"). Any one of the listed supplies satisfies a row.
 */
const CONDITION_NEEDS: Record<string, { label: string; supplies: string[]; critical: boolean }[]> = {
  'diabetic-insulin': [
    { label: 'insulin cold storage', supplies: ['medication-cooling'], critical: true },
    { label: 'sharps disposal', supplies: ['sharps-container'], critical: false },
  ],
  oxygen: [{ label: 'power backup', supplies: ['generator', 'power-bank', 'solar-charger'], critical: true }],
  dialysis: [
    { label: 'power backup', supplies: ['generator', 'power-bank', 'solar-charger'], critical: true },
  ],
};

export const medicalGates: Gate[] = [
  {
    id: 'medical.conditions-listed',
    type: 'medical',
    run: ({ case: c, plan }) => {
      const conditions = new Set(c.people.split(',').flatMap((m) => m.split(':')));
      const rows = [...conditions].flatMap((k) => CONDITION_NEEDS[k] ?? []);
      if (rows.length === 0) return na('no condition with device or cold-chain needs');
      const listed = new Map(plan.supplies.filter((s) => s.key).map((s) => [s.key!, s]));
      const problems: string[] = [];
      for (const row of rows) {
        const found = row.supplies.map((k) => listed.get(k)).filter((s) => s !== undefined);
        if (found.length === 0)
          problems.push(`${row.label}: none of ${row.supplies.join(', ')} among the needs`);
        else if (row.critical && !found.some((s) => s.priority === 1))
          problems.push(`${row.label} is listed but not as a critical (priority 1) need`);
        else if (!found.some((s) => /\[[A-Z0-9_, ]+\]/.test(String(s.basis ?? s.reason ?? ''))))
          problems.push(`${row.label} is listed without its guidance source`);
      }
      return failIf(problems);
    },
  },
  {
    id: 'medical.conditions-bought',
    type: 'medical',
    run: ({ case: c, catalog, d }) => {
      const conditions = new Set(c.people.split(',').flatMap((m) => m.split(':')));
      const rows = [...conditions].flatMap((k) => CONDITION_NEEDS[k] ?? []);
      if (rows.length === 0) return na('no condition with device or cold-chain needs');
      // "When the budget allows": if the plan bought kit of priority 2/3 there was money for these first.
      const extras = d.lines.some((l) =>
        l.product?.covers.every((x) => (d.need.get(x.supply)?.priority ?? 3) > 1),
      );
      if (!extras) return na('the budget went to other critical needs');
      const problems: string[] = [];
      for (const row of rows) {
        const sold = catalog.products.some((p) => p.covers.some((x) => row.supplies.includes(x.supply)));
        if (!sold) {
          problems.push(`${row.label}: no catalog product covers ${row.supplies.join('/')} (catalog gap)`);
          continue;
        }
        const have = row.supplies.some((k) => (d.bought.get(k) ?? 0) + (d.owned.get(k) ?? 0) > 0);
        if (!have) problems.push(`${row.label} not bought though the plan buys priority 2/3 kit`);
      }
      return problems.length > 0 ? failIf(problems) : pass('bought');
    },
  },
];
