import { parentPort } from 'node:worker_threads';
import { optimize, purchaseSchedule } from '../../domain/optimizer/index.ts';
import type { SolverRequest, SolverResponse } from './solver-pool.ts';

/** Runs optimizer solves off the main thread: HiGHS is synchronous and would stall every other request. */
parentPort?.on('message', async (request: SolverRequest) => {
  let response: SolverResponse;
  try {
    const result =
      request.kind === 'optimize' ? await optimize(request.input) : await purchaseSchedule(request.input);
    response = { id: request.id, ok: true, result };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
