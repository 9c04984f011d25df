import type { Need } from '../needs.ts';
import type { Candidate, Need as OptimizerNeed } from '../optimizer/index.ts';
import type { OwnedItem, PlanInput } from '../plan-input.ts';
import type { ProductFit } from '../product-fit.ts';
import type { RationPlan } from '../rations.ts';
import type { ScenarioId } from '../scenarios.ts';

// The purchase model's inputs and outputs, shared by the problem and the covers it gives each product.

export type PurchaseCandidate = Candidate & {
  fit?: ProductFit | undefined;
  shelfLifeMonths?: number | null | undefined;
  /** Calories per unit from the product's label, when stated. */
  labelKcal?: number | null | undefined;
  /** The catalog's master item ("Peanut Butter"): brands of one food share its cap. */
  masterItem?: string | null | undefined;
  /** A bundle's products: its covers are the sum of theirs as the purchase model sees them. */
  parts?: readonly { productId: string; quantity: number }[] | undefined;
};

export type FitVerdict = { ok: true; limit?: number | undefined } | { ok: false; reason: string };

export type PurchaseRequest = {
  needs: readonly Need[];
  owned: readonly OwnedItem[];
  candidates: readonly PurchaseCandidate[];
  rations: RationPlan;
  durationDays: number;
  mobility: PlanInput['mobility'];
  scenarios: readonly ScenarioId[];
  pets: PlanInput['pets'];
  /** Whether a product fits this household and place, and how many units can fit (checkFit + fitLimit). */
  fit: (candidate: PurchaseCandidate) => FitVerdict;
};

export type Exclusion = { productId: string; name: string; reason: string };

export type PurchaseProblem = {
  needs: OptimizerNeed[];
  candidates: PurchaseCandidate[];
  satisfiedTags: string[];
  /** Capacity (kcal) of each food family: every brand of one food together stays within the share cap. */
  capGroups: Record<string, number>;
  excluded: Exclusion[];
  /** Product ids → the covers (real and virtual keys) the optimizer saw, for reporting what a line provides. */
  coversById: Map<string, Candidate['covers']>;
};
