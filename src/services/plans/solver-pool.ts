import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  type OptimizeInput,
  type OptimizeResult,
  optimize,
  purchaseSchedule,
  type ScheduleInput,
  type ScheduleMonth,
} from '../../domain/optimizer/index.ts';
import { type Logger, silentLogger } from '../logger.ts';

type SolverJob = { kind: 'optimize'; input: OptimizeInput } | { kind: 'schedule'; input: ScheduleInput };
export type SolverRequest = SolverJob & { id: number };
export type SolverResponse =
  | { id: number; ok: true; result: OptimizeResult | ScheduleMonth[] }
  | { id: number; ok: false; message: string };

type SolverResult = OptimizeResult | ScheduleMonth[];
/** Where a solve ran: on a worker thread, or on the main thread because workers failed. */
export type SolvedIn = 'worker' | 'inline';
export type Solved<T = SolverResult> = { result: T; solvedIn: SolvedIn };
/** How many solves each place has answered since the pool started. */
export type SolverPoolStats = Record<SolvedIn, number>;

type Pending = { resolve: (value: Solved) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; busy: boolean };

const defaultWorker = () => new Worker(new URL('./solver-worker.mjs', import.meta.url));

/**
 * HiGHS solves synchronously and a plan's solve takes up to the plan time limit: run on the main thread it
 * would hold up every other conversation. Solves go to a few long-lived worker threads (each loads HiGHS
 * once); if workers cannot start, solves run inline so a plan is never lost to the pool.
 */
export class SolverPool {
  private slots: Slot[] = [];
  private queue: SolverRequest[] = [];
  private pending = new Map<number, Pending>();
  private inFlight = new Map<number, SolverRequest>();
  private nextId = 1;
  private broken = false;
  private counts: SolverPoolStats = { worker: 0, inline: 0 };

  private readonly startWorker: () => Worker;
  private readonly logger: Logger;

  /** `startWorker` is for tests (a worker that fails on purpose); the default runs solver-worker. */
  constructor(
    private readonly size: number,
    options: { startWorker?: () => Worker; logger?: Logger } = {},
  ) {
    this.startWorker = options.startWorker ?? defaultWorker;
    this.logger = options.logger ?? silentLogger;
  }

  get stats(): SolverPoolStats {
    return { ...this.counts };
  }

  run(request: SolverJob): Promise<Solved> {
    if (this.broken) return this.inline(request);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ ...request, id });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.busy) ?? this.spawn();
      if (!slot) return;
      const request = this.queue.shift()!;
      slot.busy = true;
      this.inFlight.set(request.id, request);
      slot.worker.ref();
      slot.worker.postMessage(request);
    }
  }

  private spawn(): Slot | null {
    if (this.slots.length >= this.size) return null;
    const worker = this.startWorker();
    const slot: Slot = { worker, busy: false };
    worker.unref();
    worker.on('message', (response: SolverResponse) => {
      slot.busy = false;
      worker.unref();
      const waiter = this.pending.get(response.id);
      this.pending.delete(response.id);
      this.inFlight.delete(response.id);
      if (response.ok) {
        this.counts.worker += 1;
        waiter?.resolve({ result: response.result, solvedIn: 'worker' });
      } else waiter?.reject(new Error(response.message));
      this.dispatch();
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(slot, new Error(`solver worker exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** A worker that dies takes its solve with it: re-run that solve inline, and stop using workers. */
  private fail(slot: Slot, error: Error): void {
    // A crash reports both 'error' and 'exit': handle the slot once.
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    this.broken = true;
    this.logger.error({ err: error }, 'solver worker failed; solving on the main thread from now on');
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    const requests = new Map([
      ...this.inFlight,
      ...this.queue.map((r): [number, SolverRequest] => [r.id, r]),
    ]);
    this.queue = [];
    this.inFlight.clear();
    for (const [id, waiter] of waiting) {
      const request = requests.get(id);
      if (request) this.inline(request).then(waiter.resolve, waiter.reject);
      else waiter.reject(error);
    }
  }

  private async inline(request: SolverJob): Promise<Solved> {
    const solved = await solveInline(request);
    this.counts.inline += 1;
    return solved;
  }

  /** Stops the workers (a solve still running is lost: close after the server stops taking requests). */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    this.broken = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** What plans are solved with: the runtime's pool, or (without a runtime: tests, scripts) this thread. */
export type Solver = Pick<SolverPool, 'run'>;

/** The process's pool: one worker per core but one (the main thread keeps serving). The runtime builds it once. */
export function createSolverPool(logger: Logger): SolverPool {
  return new SolverPool(Math.max(1, availableParallelism() - 1), { logger });
}

/** Solves on the calling thread. */
async function solveInline(request: SolverJob): Promise<Solved> {
  const result =
    request.kind === 'optimize' ? await optimize(request.input) : await purchaseSchedule(request.input);
  return { result, solvedIn: 'inline' };
}

export const inlineSolver: Solver = { run: solveInline };

export async function optimizeWith(solver: Solver, input: OptimizeInput): Promise<OptimizeResult> {
  return (await solver.run({ kind: 'optimize', input })).result as OptimizeResult;
}

export async function scheduleWith(solver: Solver, input: ScheduleInput): Promise<ScheduleMonth[]> {
  return (await solver.run({ kind: 'schedule', input })).result as ScheduleMonth[];
}
