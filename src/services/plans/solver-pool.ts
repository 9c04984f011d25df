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

  /** `startWorker` is for tests (a worker that fails on purpose); the default runs solver-worker. */
  constructor(
    private readonly size: number,
    private readonly startWorker: () => Worker = defaultWorker,
  ) {}

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
    console.error('solver worker failed; solving on the main thread from now on', error);
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
    const result =
      request.kind === 'optimize' ? await optimize(request.input) : await purchaseSchedule(request.input);
    this.counts.inline += 1;
    return { result, solvedIn: 'inline' };
  }
}

const pool = new SolverPool(Math.max(1, availableParallelism() - 1));

/** Where the shared pool's solves ran so far (a worker, or inline after a worker failed). */
export function solverPoolStats(): SolverPoolStats {
  return pool.stats;
}

export async function optimizeOffThread(input: OptimizeInput): Promise<OptimizeResult> {
  return (await pool.run({ kind: 'optimize', input })).result as OptimizeResult;
}

export async function scheduleOffThread(input: ScheduleInput): Promise<ScheduleMonth[]> {
  return (await pool.run({ kind: 'schedule', input })).result as ScheduleMonth[];
}
