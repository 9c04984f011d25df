import { budgetGates, catalogGates } from './budget.ts';
import { coverageGates } from './coverage.ts';
import { dietGates } from './diet.ts';
import { fitGates } from './fit.ts';
import { hazardGates } from './hazards.ts';
import { medicalGates } from './medical.ts';
import { orderGates } from './order.ts';
import { quantityGates } from './quantities.ts';
import { ruleGates } from './rules.ts';
import { speciesGates } from './species.ts';
import { storyGates } from './story.ts';
import { systemGates } from './systems.ts';
import type { Gate } from './types.ts';

export const GATES: Gate[] = [
  ...fitGates,
  ...systemGates,
  ...speciesGates,
  ...dietGates,
  ...quantityGates,
  ...orderGates,
  ...coverageGates,
  ...storyGates,
  ...budgetGates,
  ...catalogGates,
  ...hazardGates,
  ...medicalGates,
  ...ruleGates,
];
