import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { optimize } from '../../domain/optimizer/index.ts';
import { createLogger } from '../logger.ts';
import { optimizeWith, SolverPool, scheduleWith } from './solver-pool.ts';

const needs = [
  { key: 'water-storage', quantity: 56, priority: 1 as const },
  { key: 'flashlight', quantity: 2, priority: 1 as const },
];
const candidates = [
  { productId: 'jug', name: '5-gallon jug', price: 20, covers: [{ supply: 'water-storage', amount: 5 }] },
  {
    productId: 'case',
    name: 'Case of bottles (3.17 gal)',
    price: 5.49,
    covers: [{ supply: 'water-storage', amount: 3.17 }],
  },
  { productId: 'torch', name: 'Flashlight', price: 12, covers: [{ supply: 'flashlight', amount: 1 }] },
];

describe('solves off the main thread', () => {
  it('gives the same plan as solving inline', async () => {
    const input = { needs, candidates, budget: 120, strategy: 'exact' as const };
    const pool = new SolverPool(1);
    const [off, inline] = await Promise.all([optimizeWith(pool, input), optimize(input)]);
    expect(off.items).toEqual(inline.items);
    expect(off.coverage).toBe(inline.coverage);
    // The pool answered on a worker, not by quietly solving inline.
    expect(pool.stats).toEqual({ worker: 1, inline: 0 });
    await pool.close();
  });

  it('says a normal solve ran on a worker', async () => {
    const pool = new SolverPool(1);
    const solved = await pool.run({
      kind: 'optimize',
      input: { needs, candidates, budget: 120, strategy: 'exact' },
    });
    expect(solved.solvedIn).toBe('worker');
    expect(pool.stats).toEqual({ worker: 1, inline: 0 });
  });

  it('keeps the event loop free while solving', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const big = Array.from({ length: 12 }, (_, i) => ({
      productId: `p${i}`,
      name: `Item ${i}`,
      price: 3 + i * 1.37,
      covers: [{ supply: i % 2 ? 'water-storage' : 'flashlight', amount: 1 + (i % 5) }],
    }));
    const pool = new SolverPool(2);
    await Promise.all([
      optimizeWith(pool, { needs, candidates: [...candidates, ...big], budget: 300, strategy: 'exact' }),
      scheduleWith(pool, { needs, candidates, monthlyBudget: 30, strategy: 'exact' }),
    ]);
    clearInterval(timer);
    expect(pool.stats).toEqual({ worker: 2, inline: 0 });
    await pool.close();
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('when a worker fails', () => {
  const crashing = {
    'throws on a job': () =>
      new Worker(
        "require('node:worker_threads').parentPort.on('message', () => { throw new Error('solver crashed'); });",
        { eval: true },
      ),
    'exits on a job': () =>
      new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(7));", {
        eval: true,
      }),
  };

  for (const [how, startWorker] of Object.entries(crashing)) {
    it(`re-solves inline and says so (worker ${how})`, async () => {
      const logged: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          logged.push(String(chunk));
          done();
        },
      });
      const pool = new SolverPool(1, { startWorker, logger: createLogger('info', sink) });
      const input = { needs, candidates, budget: 120, strategy: 'exact' as const };
      const solved = await pool.run({ kind: 'optimize', input });
      expect(solved.solvedIn).toBe('inline');
      expect((solved.result as Awaited<ReturnType<typeof optimize>>).items).toEqual(
        (await optimize(input)).items,
      );
      expect(logged).toHaveLength(1);
      expect(logged[0]).toContain('solver worker failed');
      // The pool stops using workers: the next solve is inline too, and counted.
      const next = await pool.run({ kind: 'schedule', input: { needs, candidates, monthlyBudget: 30 } });
      expect(next.solvedIn).toBe('inline');
      expect(Array.isArray(next.result) && next.result.length).toBeGreaterThan(0);
      expect(pool.stats).toEqual({ worker: 0, inline: 2 });
    });
  }
});
