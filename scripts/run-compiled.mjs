// Runs a TypeScript entry point compiled ahead of time: `node scripts/run-compiled.mjs src/cli/plan.ts …`.
//
// Why: a short command run through tsx pays for the loader (a second thread, a transform and a resolution
// hook per module) on every start — about a third of a second of a two-second `npm run plan`. esbuild
// bundles our own code (dependencies stay external and load from node_modules as usual) into one file
// under node_modules/.cache, rebuilt when any of the files it was built from changed (their size and time
// are recorded beside it; checking them costs a few milliseconds), so an edited source is never run stale.
// Plain JavaScript on purpose: it runs before anything could compile TypeScript.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-compiled.mjs <entry.ts> [args…]\n');
  process.exit(2);
}
const name = relative(root, resolve(entry)).replaceAll(/[/\\.]/g, '_');
const cacheDir = join(root, 'node_modules', '.cache', 'readyplan');
const outDir = join(cacheDir, name);
const manifestPath = join(cacheDir, `${name}.inputs.json`);

const fingerprint = (file) => {
  try {
    const s = statSync(join(root, file));
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

function current() {
  try {
    const inputs = JSON.parse(readFileSync(manifestPath, 'utf8'));
    statSync(join(outDir, 'main.mjs'));
    return Object.entries(inputs).every(([file, print]) => fingerprint(file) === print);
  } catch {
    return false; // no bundle or manifest yet: build one
  }
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  // Each module keeps its own import.meta.url, so paths it resolves relative to itself (drizzle/, data/,
  // snapshot/) stay right from inside the bundle.
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?ts$/ }, (a) => {
        if (a.path.includes(`${join('node_modules', '')}`)) return undefined;
        const text = readFileSync(a.path, 'utf8');
        return {
          contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)),
          loader: 'ts',
        };
      });
    },
  };
  const result = await esbuild({
    entryPoints: [resolve(entry)],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Dynamic imports stay dynamic (chunks beside the entry): what a command loads only when it needs it
    // (the seed code, the embedder) is not loaded on every start.
    splitting: true,
    outdir: `${outDir}.${process.pid}`,
    entryNames: 'main',
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'warning',
    plugins: [ownUrl],
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, fingerprint(f)]));
  // Built beside and renamed into place: a command never runs a half-written bundle. (Two commands building
  // at once: the second rename fails on the non-empty directory and that command runs its own copy.)
  rmSync(outDir, { recursive: true, force: true });
  let dir = outDir;
  try {
    renameSync(`${outDir}.${process.pid}`, outDir);
  } catch {
    dir = `${outDir}.${process.pid}`;
  }
  writeFileSync(`${manifestPath}.${process.pid}`, JSON.stringify(inputs));
  renameSync(`${manifestPath}.${process.pid}`, manifestPath);
  return dir;
}

/** Where the bundle cannot be written (a read-only install), the entry runs through tsx as before. */
async function buildOrNull() {
  try {
    return await build();
  } catch (error) {
    if (!['EACCES', 'EROFS', 'EPERM'].includes(error?.code)) throw error;
    process.stderr.write(`run-compiled: cannot write ${cacheDir} (${error.code}); running through tsx\n`);
    return null;
  }
}

const dir = current() ? outDir : await buildOrNull();
process.argv = [process.argv[0], resolve(entry), ...args];
if (dir) {
  await import(pathToFileURL(join(dir, 'main.mjs')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(resolve(entry)).href);
}
