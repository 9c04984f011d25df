import { lockDataDir } from '../../src/db/data-dir-lock.ts';

/**
 * A second process for data-dir-lock.test.ts: takes the lock on argv[2] and says so on stdout ("locked"),
 * or prints the refusal ("refused: …"); a holder keeps the lock until its stdin closes.
 */
try {
  const lock = await lockDataDir(process.argv[2]!);
  process.stdout.write(`locked ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    lock.release();
    process.exit(0);
  });
} catch (error) {
  process.stdout.write(`refused: ${(error as Error).message}\n`);
  process.exit(3);
}
