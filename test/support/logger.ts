import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/services/logger.ts';

/** A logger at `level` (as the runtime builds it, masking included) whose lines are kept for the test to read. */
export function collectingLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info'): {
  logger: Logger;
  lines: string[];
} {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}
