import type { EvalCase } from '../case-schema.ts';
import type { Catalog } from '../catalog.ts';
import type { Derived } from '../derive.ts';
import type { PlanView } from '../view.ts';

export const GATE_TYPES = [
  'fit',
  'systems',
  'species',
  'diet',
  'quantities',
  'critical-first',
  'coverage',
  'story',
  'budget',
  'catalog',
  'hazards',
  'medical',
  'rules',
] as const;
export type GateType = (typeof GATE_TYPES)[number];

export type GateContext = { case: EvalCase; plan: PlanView; catalog: Catalog; d: Derived };
/** 'n/a': the rule does not apply to this case (no pets, no food bought, ...); it counts neither way. */
export type GateStatus = 'pass' | 'fail' | 'n/a';
export type GateOutcome = { status: GateStatus; message: string };
export type Gate = { id: string; type: GateType; run: (ctx: GateContext) => GateOutcome };

export const pass = (message = 'ok'): GateOutcome => ({ status: 'pass', message });
export const fail = (message: string): GateOutcome => ({ status: 'fail', message });
export const na = (message: string): GateOutcome => ({ status: 'n/a', message });
/** Fails with every offender named, or passes. */
export const failIf = (problems: string[], ok = 'ok'): GateOutcome =>
  problems.length > 0 ? fail(problems.join('; ')) : pass(ok);
export const MISSING_V2 = (field: string) => fail(`missing v2 field ${field} (plan-cli.md v2)`);
