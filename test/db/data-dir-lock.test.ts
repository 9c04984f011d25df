import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/db/data-dir-lock.ts';

const holderScript = new URL('./lock-holder.ts', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'readyplan-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Runs a command to its end: exit code and output. */
function run(command: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts lock-holder.ts on `dir`; resolves with its first line (locked or refused) and the process. */
function startHolder(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir], { cwd: root });
  children.push(child);
  return new Promise<{ line: string; child: ChildProcess }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ line: out.trim(), child });
    });
    child.on('close', (code) => reject(new Error(`holder exited ${code} before answering: ${out}`)));
  });
}

/** The pid of a process that has exited (the kernel may hand it out again, but not this instant). */
async function deadPid() {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((done) => child.on('close', done));
  return child.pid!;
}

describe('one process per data directory', () => {
  it('refuses a second process, naming the holder’s pid — the commands included', async () => {
    const dir = tempDir();
    const held = await lockDataDir(dir);
    const second = await startHolder(dir).catch((e: Error) => ({ line: e.message, child: null }));
    expect(second.line).toMatch(/^refused: /);
    expect(second.line).toContain(`pid ${process.pid}`);

    // The real commands stop before opening the database, with the message and not a stack trace.
    const env = { DATA_DIR: dir, DATABASE_URL: '' };
    const commands = await Promise.all([
      run(process.execPath, ['--import', 'tsx', 'src/cli/migrate.ts'], env),
      run(process.execPath, ['--import', 'tsx', 'src/cli/seed.ts'], env),
      run(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/plan.ts',
          '--location',
          'Austin, TX',
          '--people',
          'adult',
          '--days',
          '3',
        ],
        env,
      ),
      run(process.execPath, ['--import', 'tsx', 'src/cli/chat.ts'], env),
    ]);
    for (const command of commands) {
      expect(command.code).not.toBe(0);
      expect(command.stderr).toContain(`is in use by another ReadyPlan process (pid ${process.pid})`);
      expect(command.stderr).not.toMatch(/\n\s+at /);
    }
    held.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses this process while another holds the lock, and lets it in once that one stops', async () => {
    const dir = tempDir();
    const holder = await startHolder(dir);
    expect(holder.line).toBe(`locked ${holder.child.pid}`);
    await expect(lockDataDir(dir)).rejects.toThrow(`pid ${holder.child.pid}`);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    holder.child.stdin!.end();
    await new Promise((done) => holder.child.on('close', done));
    const lock = await lockDataDir(dir);
    lock.release();
  });

  it('takes over a stale lock: a dead pid, a reused pid (another start time), an unreadable file', async () => {
    const dir = tempDir();
    const lockPath = join(dir, LOCK_FILE);
    const stale = (holder: object) =>
      writeFileSync(lockPath, JSON.stringify({ host: hostname(), ...holder }));

    stale({ pid: await deadPid(), startTime: null, bootId: null, token: 'dead' });
    (await lockDataDir(dir)).release();

    // pid 1 is alive, but it is not the process that wrote this lock: its start time differs.
    stale({ pid: 1, startTime: '1', bootId: null, token: 'reused' });
    const lock = await lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    lock.release();

    writeFileSync(lockPath, 'garbage');
    (await lockDataDir(dir)).release();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives a stale lock to exactly one of several processes recovering it at once', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: await deadPid(), startTime: null, bootId: null, host: hostname(), token: 't' }),
    );
    const lines = await Promise.all(
      [1, 2, 3, 4].map(() => startHolder(dir).catch((e: Error) => ({ line: e.message, child: null }))),
    );
    const winners = lines.filter((l) => l.line.startsWith('locked'));
    expect(winners).toHaveLength(1);
    const winnerPid = winners[0]!.line.split(' ')[1];
    for (const loser of lines.filter((l) => !l.line.startsWith('locked'))) {
      expect(loser.line).toContain(`pid ${winnerPid}`);
    }
    // No guard or temporary file is left behind: only the winner's lock.
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('the embedded database holds the lock while open and releases it at close', async () => {
    const dir = join(tempDir(), 'db');
    const template = new Blob([readFileSync(inject('templatePath'))]);
    const database = await openDatabase({ kind: 'pglite', dataDir: dir, loadDataDir: template });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(`pid ${process.pid}`);
    await database.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
