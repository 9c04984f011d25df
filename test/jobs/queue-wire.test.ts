import { describe, expect, it } from 'vitest';
import { startQueue, stopQueue } from '../../src/jobs/queue.ts';
import { databaseOverWire } from '../support/wire.ts';

describe('job queue on a Postgres server (DATABASE_URL)', () => {
  it('pg-boss connects by the connection string and runs a job', async () => {
    const wire = await databaseOverWire();
    try {
      const queue = await startQueue(wire.database, { url: wire.url, max: 1 });
      try {
        await queue.createQueue('wire-jobs');
        const seen: number[] = [];
        let done = () => {};
        const finished = new Promise<void>((resolve) => {
          done = resolve;
        });
        await queue.work<{ n: number }>('wire-jobs', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
          if (job) seen.push(job.data.n);
          done();
        });
        await queue.send('wire-jobs', { n: 7 });
        await finished;
        expect(seen).toEqual([7]);
      } finally {
        await stopQueue(queue, 2_000);
      }
    } finally {
      await wire.close();
    }
  });
});
