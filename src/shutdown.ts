import type { Server } from 'node:http';
import type { Logger } from './services/logger.ts';

/** How long a stopping server waits for the turns in flight before it cuts them off. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

export type ShutdownParts = {
  server: Server;
  /** The HTTP requests still being answered (streaming chat turns among them): request-log.ts. */
  requests: { inFlight(): number; idle(): Promise<void> };
  /**
   * Background work to finish: each stops taking new work, then resolves once what it holds is done
   * (the inbound worker's `stop`, the channels' `stop`).
   */
  drains?: (() => Promise<void>)[];
  /** Closes what the process opened (the runtime: session purge, solver workers, then the database). */
  close: () => Promise<void>;
  logger: Logger;
  timeoutMs?: number;
};

/**
 * A graceful stop (SIGTERM from an orchestrator, Ctrl-C): the listening socket closes first, so new
 * connections are refused and a load balancer moves on; the requests in flight and the drains get up to
 * `timeoutMs` to finish — a streaming reply is recorded before its response ends, and an inbound update is
 * marked done before the worker lets go of it — then the connections left are cut and the database closed.
 * A turn cut off at the timeout is not lost: its inbound row's lease runs out and a worker takes it again.
 */
export async function shutDown(parts: ShutdownParts): Promise<{ timedOut: boolean }> {
  const { server, requests, logger } = parts;
  const timeoutMs = parts.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
  const closed = new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
  closed.catch(() => {}); // awaited below, after the wait: not an unhandled rejection meanwhile
  logger.info({ inFlight: requests.inFlight(), timeoutMs }, 'stopping: finishing the requests in flight');

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const work = Promise.allSettled([requests.idle(), ...(parts.drains ?? []).map((drain) => drain())]);
  const outcome = await Promise.race([work.then(() => 'done' as const), timeout]);
  clearTimeout(timer);

  if (outcome === 'timeout') {
    logger.warn(
      { inFlight: requests.inFlight(), timeoutMs },
      'stopping: requests still running after the timeout are cut off',
    );
  } else {
    for (const result of await work) {
      if (result.status === 'rejected') logger.error({ err: result.reason }, 'stopping: a drain failed');
    }
  }
  // Keep-alive connections left idle (and, after a timeout, the streams still open) would hold close() up.
  server.closeAllConnections();
  await closed;
  await parts.close();
  return { timedOut: outcome === 'timeout' };
}
