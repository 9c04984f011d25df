import highsLoader from 'highs';

// highs ships CommonJS-format typings (`export default function` in types.d.ts) next to a real
// ESM build. Under NodeNext TypeScript therefore types the default import as the CommonJS
// module object, while at run time the ESM build's default export is the loader itself. Accept
// both shapes.
type Loader = (typeof highsLoader)['default'];
const loadModule: Loader =
  (highsLoader as unknown as { default?: Loader }).default ?? (highsLoader as unknown as Loader);

type Highs = Awaited<ReturnType<Loader>>;

let loading: Promise<Highs> | undefined;

/** Loads the HiGHS WASM module once; a failed load (or a solver crash) is retried next time. */
export function loadHighs(): Promise<Highs> {
  if (!loading) {
    loading = loadModule().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  }
  return loading;
}

export type MipStatus = 'optimal' | 'time-limit' | 'infeasible' | 'error';

export interface MipResult {
  status: MipStatus;
  /** HiGHS's own status text. */
  highsStatus: string;
  /** Column values by name, when HiGHS has a feasible (possibly not optimal) solution. */
  values: Map<string, number> | null;
}

/**
 * Solves CPLEX LP text. Synchronous inside (blocks the event loop for the solve's duration).
 * Optimality is proven to one part in a million of the objective (MIP_REL_GAP).
 */
/**
 * Proving the last sliver of a zero gap took HiGHS (WASM) 2-3x longer on real catalog plans (1.5 s vs
 * 0.55 s for a family's 2-week plan) while changing nothing a household could see: a relative gap of 1e-6
 * on a priority-weighted objective is a millionth of one critical need's coverage.
 */
export const MIP_REL_GAP = 1e-6;

export async function solveMip(lp: string, timeLimitSeconds?: number): Promise<MipResult> {
  const highs = await loadHighs();
  let solution: ReturnType<Highs['solve']>;
  try {
    solution = highs.solve(lp, {
      mip_rel_gap: MIP_REL_GAP,
      mip_abs_gap: 0,
      output_flag: false,
      ...(timeLimitSeconds !== undefined ? { time_limit: Math.max(0.001, timeLimitSeconds) } : {}),
    });
  } catch (error) {
    // A WASM abort can leave the module unusable: load a fresh one next time.
    loading = undefined;
    return {
      status: 'error',
      highsStatus: error instanceof Error ? error.message : String(error),
      values: null,
    };
  }
  const status: MipStatus =
    solution.Status === 'Optimal'
      ? 'optimal'
      : solution.Status === 'Time limit reached'
        ? 'time-limit'
        : solution.Status === 'Infeasible'
          ? 'infeasible'
          : 'error';
  let values: Map<string, number> | null = null;
  if (status === 'optimal' || status === 'time-limit') {
    const map = new Map<string, number>();
    let complete = true;
    for (const [name, column] of Object.entries(solution.Columns)) {
      const primal = (column as { Primal?: unknown }).Primal;
      if (typeof primal === 'number' && Number.isFinite(primal)) map.set(name, primal);
      else complete = false;
    }
    values = complete && map.size > 0 ? map : null;
  }
  return { status, highsStatus: solution.Status, values };
}
