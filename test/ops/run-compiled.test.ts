import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/run-compiled.mjs runs `npm run plan` from an esbuild bundle of our sources: it must run what the
// sources say now (never a stale bundle) and keep each module's own import.meta.url.
const root = join(import.meta.dirname, '..', '..');
const dir = join(root, 'test-artifacts', `run-compiled-${process.pid}`);
const entry = join(dir, 'entry.ts');
const nested = join(dir, 'nested', 'where.ts');
const cacheName = join(root, 'node_modules', '.cache', 'readyplan');
const bundleName = entry.slice(root.length + 1).replaceAll(/[/\\.]/g, '_');

const run = (...args: string[]) =>
  execFileSync(process.execPath, ['scripts/run-compiled.mjs', entry, ...args], {
    cwd: root,
    encoding: 'utf8',
  });

function writeNested(word: string): void {
  writeFileSync(
    nested,
    `import { fileURLToPath } from 'node:url';\n` +
      `export const word: string = '${word}';\n` +
      `export const here = fileURLToPath(new URL('.', import.meta.url));\n`,
  );
}

describe('run-compiled', () => {
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(
    entry,
    `import { z } from 'zod';\nimport { here, word } from './nested/where.ts';\n` +
      `const args: string[] = z.array(z.string()).parse(process.argv.slice(2));\n` +
      `process.stdout.write(JSON.stringify({ word, here, args }));\n`,
  );
  writeNested('first');
  afterAll(() => {
    for (const path of [dir, join(cacheName, bundleName), join(cacheName, `${bundleName}.inputs.json`)])
      rmSync(path, { recursive: true, force: true });
  });

  it('runs the entry with its arguments, each module keeping its own location', () => {
    const out = JSON.parse(run('--days', '14'));
    expect(out).toEqual({ word: 'first', here: `${join(dir, 'nested')}/`, args: ['--days', '14'] });
  });

  it('rebuilds when a source it was built from changes, and only then', () => {
    const manifest = join(cacheName, `${bundleName}.inputs.json`);
    const built = statSync(manifest).mtimeMs;
    expect(JSON.parse(run()).word).toBe('first');
    expect(statSync(manifest).mtimeMs).toBe(built);
    writeNested('second');
    expect(JSON.parse(run()).word).toBe('second');
    expect(statSync(manifest).mtimeMs).toBeGreaterThan(built);
  });
});
