import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * One process per embedded data directory. PGlite is a single-process Postgres: two processes opening
 * the same DATA_DIR each keep their own copy in memory and the last to write its pages wins, so accounts
 * created by one vanish. Node has no flock(), so the lock is a file, `DATA_DIR/readyplan.lock`, holding
 * the holder's pid, its start time (from /proc), its host and a random token.
 *
 * Taking it: create the file exclusively (O_EXCL semantics, by link(2) of a fully written temporary
 * file), atomic on a local file system — of two processes exactly one succeeds. No heartbeat: staleness is decided by the holder's pid, not by age, so a long-running
 * server never loses its lock and a killed one's lock is taken over at once.
 *
 * A lock whose pid is not running (or runs a different process: pid reuse, caught by the start time
 * differing; a reboot, caught by the boot id) is stale. Taking it over safely when several processes find
 * it stale at once: each tries to create a guard file named after the stale lock's token with O_EXCL, so
 * only one wins that stale lock; the winner checks the lock still holds that token (nobody else may remove
 * it while the guard exists, and nobody may create one while it exists), removes it, removes the guard,
 * and starts over with the O_EXCL create, where again exactly one process wins. A lock from another host
 * (a shared network disk) cannot be checked and is never taken over.
 */
export const LOCK_FILE = 'readyplan.lock';

type Holder = { pid: number; startTime: string | null; bootId: string | null; host: string; token: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: Pick<Holder, 'pid' | 'host'>,
    detail = '',
  ) {
    super(
      `The data directory ${dataDir} is in use by another ReadyPlan process (pid ${holder.pid}` +
        `${holder.host === hostname() ? '' : ` on ${holder.host}`}). Stop that process first, or give this ` +
        `one another DATA_DIR (or a DATABASE_URL).${detail}`,
    );
    this.name = 'DataDirLockedError';
    // An operator's mistake, not a bug: a command that stops on it prints this one line — no stack, and
    // not the holder's details (kept, but not enumerable, so Node's report of an uncaught error skips them).
    this.stack = `${this.name}: ${this.message}`;
    Object.defineProperty(this, 'holder', { enumerable: false });
    Object.defineProperty(this, 'dataDir', { enumerable: false });
  }
}

export type DataDirLock = { path: string; release(): void };

const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return null;
  }
};

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null off Linux. */
function startTimeOf(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id');

function isAlive(holder: Holder): boolean {
  if (holder.bootId && bootId() && holder.bootId !== bootId()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user; only ESRCH says it is gone.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = startTimeOf(holder.pid);
  return !(holder.startTime && now && now !== holder.startTime);
}

function readHolder(path: string): Holder | null {
  const text = readText(path);
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as Holder;
    if (Number.isInteger(parsed.pid) && typeof parsed.token === 'string') return parsed;
  } catch {}
  // Unreadable (a crash between create and write): treat as a dead holder with the text as its token.
  return { pid: 0, startTime: null, bootId: null, host: hostname(), token: `raw:${text}` };
}

const unlinkQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
};

/**
 * Creates the file exclusively, already holding its content: written to a private temporary file, then
 * hard-linked into place (link(2) fails with EEXIST like O_EXCL does), so a reader never sees a lock
 * half-written and mistakes it for a corrupt, stale one. False when the file exists.
 */
function tryCreate(path: string, holder: Holder): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o644 });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temporary);
  }
}

/** Removes a stale lock if this process wins its guard; true when the caller should try to create again. */
function recoverStale(path: string, stale: Holder, me: Holder): boolean {
  const guard = `${path}.recover-${stale.token.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40)}`;
  if (!tryCreate(guard, me)) return false;
  try {
    if (readHolder(path)?.token === stale.token) unlinkQuietly(path);
  } finally {
    unlinkQuietly(guard);
  }
  return true;
}

/**
 * Takes the lock on `dataDir` (creating the directory) or throws DataDirLockedError naming the holder.
 * Released by `release()` (the database's close) or, failing that, when the process exits.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    bootId: bootId(),
    host: hostname(),
    token: randomBytes(12).toString('base64url'),
  };
  // A few rounds: each lost race ends with someone else holding the lock, so this terminates quickly.
  for (let round = 0; round < 20; round++) {
    if (tryCreate(path, me)) {
      const release = () => {
        process.off('exit', release);
        if (readHolder(path)?.token === me.token) unlinkQuietly(path);
      };
      process.on('exit', release);
      return { path, release };
    }
    const holder = readHolder(path);
    if (holder === null) continue; // removed between our create and our read: try again
    if (holder.host !== me.host || (holder.pid !== 0 && isAlive(holder)))
      throw new DataDirLockedError(dir, holder);
    // Lost the guard: another process is recovering this stale lock; give it a moment.
    if (!recoverStale(path, holder, me)) await new Promise((done) => setTimeout(done, 25));
  }
  const holder = readHolder(path);
  throw new DataDirLockedError(
    dir,
    holder ?? { pid: 0, host: me.host },
    ` If no ReadyPlan process is running, delete ${path} and any ${LOCK_FILE}.recover-* beside it.`,
  );
}
