// The device's queue of inventory changes (IndexedDB, through idb), shared by the inventory page script and
// the service worker's Background Sync: each change keeps the id the device gave it until the server has
// answered for that id (POST /api/inventory/changes applies each id once, so sending one twice is harmless).
import { type DBSchema, deleteDB, type IDBPDatabase, openDB } from 'idb';
import type { ChangeOutcome, InventoryChange } from '../../../../services/inventory/changes.ts';

export const QUEUE_DB = 'readyplan-offline';
/** The Background Sync tag the page registers and the worker answers. */
export const SYNC_TAG = 'rp-inventory-changes';
/** Sent at most this many changes a request (the server takes up to 100). */
const BATCH = 50;

/** A change waiting on the device, for the account (its hash, as in the page's rp-user meta) that made it. */
export type QueuedChange = { change: InventoryChange; user: string };

interface QueueSchema extends DBSchema {
  changes: { key: number; value: QueuedChange & { seq?: number }; indexes: { 'by-id': string } };
  /** The signed-in account and its CSRF token, so the worker can send the queue with no page open. */
  session: { key: 'current'; value: { user: string; csrf: string; planId: string | null } };
}

let opened: Promise<IDBPDatabase<QueueSchema>> | null = null;

function db(): Promise<IDBPDatabase<QueueSchema>> {
  opened ??= openDB<QueueSchema>(QUEUE_DB, 1, {
    upgrade(database) {
      const changes = database.createObjectStore('changes', { keyPath: 'seq', autoIncrement: true });
      changes.createIndex('by-id', 'change.id', { unique: true });
      database.createObjectStore('session');
    },
    // Another context (the page at sign-out, or the worker) is deleting the queue: let go of it at once.
    blocking() {
      void opened?.then((database) => database.close());
      opened = null;
    },
  });
  return opened;
}

export async function enqueue(queued: QueuedChange): Promise<void> {
  await (await db()).add('changes', queued);
}

/** This account's waiting changes, oldest first; another account's left on the device are deleted. */
export async function pending(user: string): Promise<InventoryChange[]> {
  const database = await db();
  const tx = database.transaction('changes', 'readwrite');
  const mine: InventoryChange[] = [];
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    if (cursor.value.user === user) mine.push(cursor.value.change);
    else await cursor.delete();
  }
  await tx.done;
  return mine;
}

/** Removes the changes the server has answered for (applied, refused as data, or answered before). */
async function confirm(ids: readonly string[]): Promise<void> {
  const database = await db();
  const tx = database.transaction('changes', 'readwrite');
  for (const id of ids) {
    const key = await tx.store.index('by-id').getKey(id);
    if (key !== undefined) await tx.store.delete(key);
  }
  await tx.done;
}

export async function rememberSession(session: { user: string; csrf: string; planId: string | null }) {
  await (await db()).put('session', session, 'current');
}

/** Deletes the whole queue and the remembered session (sign-out, or a page for nobody signed in). */
export async function clearQueue(): Promise<void> {
  if (opened) (await opened).close();
  opened = null;
  await deleteDB(QUEUE_DB);
}

export type SyncAnswer = {
  results: ChangeOutcome[];
  items?: unknown[];
  readiness?: unknown;
};

export type SyncResult =
  /** Every waiting change was answered; `answers` are the server's replies, in order. */
  | { state: 'synced'; answers: SyncAnswer[]; outcomes: ChangeOutcome[] }
  /** The server could not be reached: the changes wait. */
  | { state: 'offline' }
  /** The server refused (signed out, not entitled…): the changes wait; `message` says why. */
  | { state: 'refused'; status: number; message: string };

/**
 * Sends this account's waiting changes, a batch at a time, and removes each once the server has answered
 * for its id. A batch the server rejects as malformed (which the page never makes) drops the change it names,
 * so one bad change cannot block the queue for ever.
 */
export async function sendQueued(session: {
  user: string;
  csrf: string;
  planId: string | null;
}): Promise<SyncResult> {
  const answers: SyncAnswer[] = [];
  const outcomes: ChangeOutcome[] = [];
  const query = session.planId ? `?planId=${encodeURIComponent(session.planId)}` : '';
  for (let round = 0; round < 100; round++) {
    const changes = (await pending(session.user)).slice(0, BATCH);
    if (changes.length === 0) break;
    let response: Response;
    try {
      response = await fetch(`/api/inventory/changes${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify({ changes }),
      });
    } catch {
      return { state: 'offline' }; // a failed fetch is the answer: no network
    }
    const body = (await response.json().catch(() => ({}))) as SyncAnswer & { error?: string; field?: string };
    if (response.status === 400 && /^changes\.\d+/.test(body.field ?? '')) {
      const index = Number(/^changes\.(\d+)/.exec(body.field!)![1]);
      const bad = changes[index];
      if (bad) {
        await confirm([bad.id]);
        outcomes.push({
          id: bad.id,
          itemId: bad.itemId,
          kind: bad.kind,
          applied: false,
          message: `not applied: ${body.error ?? 'the server refused it'}`,
        });
        continue;
      }
    }
    if (!response.ok) {
      return {
        state: 'refused',
        status: response.status,
        message: body.error ?? `status ${response.status}`,
      };
    }
    await confirm(body.results.map((r) => r.id));
    answers.push(body);
    outcomes.push(...body.results);
  }
  return { state: 'synced', answers, outcomes };
}

/** The account and CSRF token the last signed-in page left for the worker (null after sign-out). */
export async function storedSession(): Promise<{ user: string; csrf: string; planId: string | null } | null> {
  return (await (await db()).get('session', 'current')) ?? null;
}
