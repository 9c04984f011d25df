// The inventory page's changes, online or offline (part of assets/offline.js, active on /inventory): "used N",
// "restocked N" and an item's expiry date go into the device's queue (queue.ts) with an id and the device's
// time, the page shows the new counts at once ("waiting to sync") and recomputes readiness and days of supply
// with the server's own pure calculation (services/inventory/plan-readiness.ts), and the queue is sent now,
// on the `online` event, at the next load, and by the worker's Background Sync where the browser has it.
// The rest of the page (the needs table, adding and removing items) is assets/inventory.js, online only.
import type { ChangeOutcome, InventoryChange } from '../../../../services/inventory/changes.ts';
import {
  type PlanReadiness,
  type ReadinessBasis,
  readinessOf,
} from '../../../../services/inventory/plan-readiness.ts';
import { enqueue, pending, rememberSession, SYNC_TAG, sendQueued } from './queue.ts';

/** An inventory row as the page knows it (the page's JSON, or the API's items). */
type Row = {
  id: string;
  name: string | null;
  supplyKey: string | null;
  unitAmount: string | null;
  quantityOwned: number;
  expirationDate: string | null;
};

type Context = { planId: string | null; basis: ReadinessBasis | null; rows: Row[]; today: string };

type Session = { user: string; csrf: string; planId: string | null };

const MAX_COUNT = 1_000_000;

const toRow = (r: {
  id: string;
  name: string | null;
  supplyKey: string | null;
  unitAmount: string | number | null;
  quantityOwned: number | null;
  expirationDate: string | null;
}): Row => ({
  id: r.id,
  name: r.name,
  supplyKey: r.supplyKey,
  unitAmount: r.unitAmount === null ? null : String(r.unitAmount),
  quantityOwned: r.quantityOwned ?? 0,
  expirationDate: r.expirationDate,
});

/**
 * A row with the device's waiting changes over it, by the server's rule (changes.ts): counts as deltas
 * clamped to 0..1,000,000, the expiry as the latest change made here.
 */
function withChanges(row: Row, changes: readonly InventoryChange[]): Row {
  let { quantityOwned, expirationDate } = row;
  for (const c of changes) {
    if (c.itemId !== row.id) continue;
    if (c.kind === 'used') quantityOwned = Math.max(0, quantityOwned - c.amount);
    else if (c.kind === 'restocked') quantityOwned = Math.min(MAX_COUNT, quantityOwned + c.amount);
    else expirationDate = c.expirationDate;
  }
  return { ...row, quantityOwned, expirationDate };
}

export function inventoryPage(session: { user: string; csrf: string }): void {
  const table = document.getElementById('items-table');
  const contextEl = document.getElementById('inventory-context');
  if (!table || !contextEl) return;
  const context = JSON.parse(contextEl.textContent ?? '{}') as Context;
  const full: Session = { ...session, planId: context.planId };
  const status = document.getElementById('sync-status');
  let base = new Map(context.rows.map((r) => [r.id, r]));
  let queued: InventoryChange[] = [];
  /** Item names as last shown: an item removed on the server meanwhile is still named in its outcome. */
  const names = new Map<string, string>();
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  /** The counts, expiry dates and marks in the table, and readiness from the same numbers as the server. */
  function render(): void {
    for (const r of base.values()) if (r.name) names.set(r.id, r.name);
    const today = new Date().toISOString().slice(0, 10);
    const shown = [...base.values()].map((r) => withChanges(r, queued));
    const byId = new Map(shown.map((r) => [r.id, r]));
    for (const tr of table!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-id]')) {
      const row = byId.get(tr.dataset.id ?? '');
      if (!row) continue;
      const waiting = queued.filter((c) => c.itemId === row.id).length;
      const count = tr.querySelector('.item-count');
      if (count) count.textContent = row.quantityOwned.toLocaleString('en-US');
      const expires = tr.querySelector<HTMLInputElement>('input.item-expires');
      if (expires && document.activeElement !== expires) expires.value = row.expirationDate ?? '';
      const expired = row.expirationDate !== null && row.expirationDate < today;
      tr.classList.toggle('expired', expired);
      let pill = tr.querySelector('.pill.p1');
      if (expired && !pill && expires) {
        pill = document.createElement('span');
        pill.className = 'pill p1';
        pill.textContent = 'expired';
        expires.after(' ', pill);
      } else if (!expired) pill?.remove();
      tr.classList.toggle('pending', waiting > 0);
      let mark = tr.querySelector<HTMLElement>('.sync-mark');
      if (waiting > 0 && !mark) {
        mark = document.createElement('span');
        mark.className = 'sync-mark';
        tr.querySelector('td[data-label="Count"]')?.append(' ', mark);
      }
      if (mark) {
        mark.hidden = waiting === 0;
        mark.textContent = `waiting to sync${waiting > 1 ? ` (${waiting} changes)` : ''}`;
      }
    }
    if (context.basis) {
      const readiness: PlanReadiness = readinessOf(context.basis, shown);
      document.dispatchEvent(new CustomEvent('rp:readiness', { detail: readiness }));
    }
    document.body.dataset.pendingChanges = String(queued.length);
  }

  /**
   * Offline, what needs the network (a need's total, adding and removing an item; assets/inventory.js) is
   * switched off with a note, so nothing seems saved that is not; Used, Restocked and the expiry date stay.
   */
  function networkIs(online: boolean): void {
    document.body.dataset.network = online ? 'online' : 'offline';
    const controls = document.querySelectorAll<HTMLInputElement | HTMLButtonElement>(
      '#needs-table input, #add-item-form input, #add-item-form button, #items-table button.item-delete',
    );
    for (const control of controls) control.disabled = !online;
    let note = document.getElementById('needs-offline-note');
    const table = document.getElementById('needs-table');
    if (!online && !note && table) {
      note = document.createElement('p');
      note.id = 'needs-offline-note';
      note.className = 'offline-note';
      const link = document.createElement('a');
      link.href = '#items-h';
      link.textContent = 'Used and Restocked under All items';
      note.append(
        'Offline: these totals can be changed when the network is back. To record what you used or bought now, use ',
        link,
        '.',
      );
      table.closest('.table-wrap')?.before(note);
    }
    if (note) note.hidden = online;
  }

  const describe = (outcomes: readonly ChangeOutcome[]): string => {
    const notes = outcomes
      .filter((o) => !o.applied || o.clamped)
      .map((o) => `${base.get(o.itemId)?.name ?? names.get(o.itemId) ?? 'An item'}: ${o.message}`);
    const applied = outcomes.filter((o) => o.applied).length;
    const head = applied > 0 ? `Saved ${applied} change${applied === 1 ? '' : 's'}.` : '';
    return [head, ...notes].filter(Boolean).join(' ');
  };

  const waitingText = () =>
    `${queued.length} change${queued.length === 1 ? '' : 's'} waiting to sync: kept on this device and sent when the network is back.`;

  async function backgroundSync(): Promise<void> {
    const registration = (await navigator.serviceWorker?.getRegistration()) as
      | (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } })
      | undefined;
    await registration?.sync?.register(SYNC_TAG).catch(() => undefined); // not every browser has it
  }

  let syncing: Promise<void> | null = null;
  let again = false;

  /** Sends the queue; one send at a time (a change made meanwhile goes in the next). */
  async function sync(): Promise<void> {
    if (syncing) {
      again = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        again = false;
        const shownWaiting = queued.length;
        const result = await sendQueued(full);
        queued = await pending(session.user);
        if (result.state === 'synced') {
          const last = result.answers.at(-1);
          if (last) networkIs(true);
          if (last?.items) base = new Map((last.items as Row[]).map((r) => [r.id, toRow(r)]));
          // Changes this page showed as waiting were sent by the worker or another tab: the server's figures.
          else if (shownWaiting > 0) await refreshBase();
          render();
          if (result.outcomes.length > 0) {
            say(describe(result.outcomes));
            refreshKeptPage();
          }
          document.body.dataset.syncs = String(Number(document.body.dataset.syncs ?? 0) + 1);
        } else if (result.state === 'offline') {
          networkIs(false);
          render();
          if (queued.length > 0) say(waitingText());
          await backgroundSync();
        } else {
          render();
          say(`${waitingText()} The server did not take them now (${result.message}).`);
        }
      } while (again);
    })().finally(() => {
      syncing = null;
    });
    return syncing;
  }

  async function refreshBase(): Promise<void> {
    const query = context.planId ? `?planId=${encodeURIComponent(context.planId)}` : '';
    const response = await fetch(`/api/inventory${query}`, { credentials: 'same-origin' }).catch(() => null);
    const body = response?.ok ? ((await response.json()) as { items?: Row[] }) : null;
    if (body?.items) base = new Map(body.items.map((r) => [r.id, toRow(r)]));
  }

  /** The worker's kept copy of this page is refetched, so an offline reload shows the synced counts. */
  function refreshKeptPage(): void {
    navigator.serviceWorker?.controller?.postMessage({
      type: 'user',
      user: session.user,
      paths: [location.pathname],
    });
  }

  async function change(c: InventoryChange): Promise<void> {
    await enqueue({ change: c, user: session.user });
    queued.push(c);
    render();
    say(waitingText());
    await sync();
  }

  const madeNow = () => ({ id: crypto.randomUUID(), madeAt: new Date().toISOString() });

  table.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-change]');
    const tr = button?.closest<HTMLTableRowElement>('tr[data-id]');
    if (!button || !tr?.dataset.id) return;
    const input = tr.querySelector<HTMLInputElement>('input.change-n');
    const amount = Number(input?.value || 1);
    if (!Number.isInteger(amount) || amount < 1 || amount > MAX_COUNT) {
      say('How many must be a whole number from 1 to 1,000,000.');
      input?.focus();
      return;
    }
    const kind = button.dataset.change === 'restocked' ? 'restocked' : 'used';
    if (input) input.value = '1'; // a second tap is not another 40 by accident
    void change({ ...madeNow(), itemId: tr.dataset.id, kind, amount }).catch(report);
  });

  table.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const tr = input.closest<HTMLTableRowElement>('tr[data-id]');
    if (!input.classList.contains('item-expires') || !tr?.dataset.id) return;
    void change({
      ...madeNow(),
      itemId: tr.dataset.id,
      kind: 'expiry',
      expirationDate: input.value || null,
    }).catch(report);
  });

  // assets/inventory.js redrew the table from the server (a need's total set, an item added or removed).
  document.addEventListener('rp:inventory', (event) => {
    const items = (event as CustomEvent<{ items?: Row[] }>).detail.items;
    if (items) base = new Map(items.map((r) => [r.id, toRow(r)]));
    if (queued.length > 0) render();
  });

  // The worker sent the queue in the background: take the server's figures.
  navigator.serviceWorker?.addEventListener('message', (event) => {
    const data = event.data as { type?: string; outcomes?: ChangeOutcome[] } | null;
    if (data?.type !== 'rp-synced') return;
    void sync()
      .then(() => say(describe(data.outcomes ?? [])))
      .catch(report);
  });
  document.addEventListener('rp:network', (event) => {
    const { online } = (event as CustomEvent<{ online: boolean }>).detail;
    networkIs(online);
    if (online && queued.length > 0) void sync().catch(report);
  });
  window.addEventListener('online', () => void sync().catch(report));

  void (async () => {
    await rememberSession(full);
    queued = await pending(session.user);
    if (queued.length > 0) {
      render();
      say(waitingText());
    }
    await sync();
  })().catch(report);
}

const report = (error: unknown) => console.error('ReadyPlan inventory changes:', error);
