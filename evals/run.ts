// `npm run evals`: every eval suite in turn; each prints its report and exits non-zero on a regression.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const suites = ['plan/run.ts', 'dialogue/run.ts'];
let failed = false;
for (const suite of suites) {
  const path = fileURLToPath(new URL(suite, import.meta.url));
  if (!existsSync(path)) continue;
  const run = spawnSync(process.execPath, ['--import', 'tsx', path, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
