// ReadyPlan inventory: every change is saved at once through the JSON API, and the readiness score, days
// of supply and per-category chart are redrawn from the figures the server recomputes. An item's "used" /
// "restocked" and expiry date are assets/offline.js's (src/channels/web/offline/client/inventory.ts): they
// work offline too, and it sends the figures it recomputes here ("rp:readiness"); this script tells it when
// it redrew the items from the server ("rp:inventory").
(() => {
  const context = JSON.parse(document.getElementById('inventory-context').textContent);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const status = document.getElementById('save-status');
  const planQuery = context.planId ? `?planId=${encodeURIComponent(context.planId)}` : '';

  const escapeHtml = (s) =>
    String(s).replace(
      /[&<>"'`]/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c],
    );
  // Category names as the server writes them (shared/html.ts humanize): "first-aid" → "First aid".
  const humanize = (id) => {
    const s = id.replace(/[-_]+/g, ' ').trim();
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const scoreColor = (s) =>
    s >= 67 ? 'var(--good, #1a7f37)' : s >= 34 ? 'var(--warn, #b7791f)' : 'var(--bad, #c53030)';
  const say = (text) => {
    if (status) status.textContent = text;
  };

  async function call(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new Error(
        'You are offline: this needs the network. Used and Restocked under All items work offline and sync later.',
      );
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(data.error || `Saving failed (${response.status})`);
      error.field = data.field;
      throw error;
    }
    return data;
  }

  // The same geometry as the server's SVG bar chart (src/channels/web/pages/charts.ts).
  function chart(byCategory) {
    const WIDTH = 360;
    const LABEL_W = 104;
    const VALUE_W = 58;
    const ROW_H = 26;
    const BAR_H = 16;
    const area = WIDTH - LABEL_W - VALUE_W;
    const height = Math.max(ROW_H, byCategory.length * ROW_H) + 8;
    const rows = byCategory
      .map((c, i) => {
        const y = 4 + i * ROW_H;
        const w = Math.max(c.score > 0 ? 2 : 0, Math.round((area * Math.min(c.score, 100)) / 100));
        const label = escapeHtml(humanize(c.category));
        return `<g class="bar" data-label="${label}" data-value="${c.score}">
<text x="${LABEL_W - 8}" y="${y + BAR_H - 3}" text-anchor="end" class="chart-label">${label}</text>
<rect x="${LABEL_W}" y="${y}" width="${area}" height="${BAR_H}" rx="3" class="chart-track"/>
<rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR_H}" rx="3" fill="${scoreColor(c.score)}"/>
<text x="${LABEL_W + area + 6}" y="${y + BAR_H - 3}" class="chart-value">${c.score}</text></g>`;
      })
      .join('');
    const desc = escapeHtml(byCategory.map((c) => `${humanize(c.category)}: ${c.score}`).join('; '));
    return `<svg class="chart" id="readiness-by-category" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="Readiness by category (0–100). ${desc}" preserveAspectRatio="xMinYMin meet">${rows}</svg>`;
  }

  const daysText = (d) =>
    `${d.category === 'prescription-meds' ? 'prescriptions' : d.category}: ${d.days} of ${d.targetDays} days`;

  function renderReadiness(readiness) {
    if (!readiness) return;
    const score = document.getElementById('readiness-score');
    if (score) {
      score.textContent = String(readiness.score);
      score.dataset.score = String(readiness.score);
      score.style.color = scoreColor(readiness.score);
    }
    const days = document.getElementById('days-of-supply');
    if (days) {
      days.innerHTML = readiness.daysOfSupply
        .map((d) => {
          const pct = d.targetDays > 0 ? Math.min(100, Math.round((100 * d.days) / d.targetDays)) : 0;
          const text = escapeHtml(daysText(d));
          return `<li data-category="${escapeHtml(d.category)}"><span class="days-text">${text}</span><span class="meter" role="progressbar" aria-valuemin="0" aria-valuemax="${d.targetDays}" aria-valuenow="${d.days}" aria-label="${text}"><span style="width:${pct}%"></span></span></li>`;
        })
        .join('');
    }
    const chartBox = document.getElementById('readiness-chart');
    if (chartBox) chartBox.innerHTML = chart(readiness.byCategory);
    for (const need of readiness.needs) {
      const row = document.querySelector(`#needs-table tr[data-key="${CSS.escape(need.key)}"]`);
      if (!row) continue;
      const owned = row.querySelector('input.owned');
      if (owned && document.activeElement !== owned)
        owned.value = String(Math.round(need.owned * 10000) / 10000);
      const box = row.querySelector('input.own-all');
      if (box) box.checked = need.coverage >= 1;
      const expires = row.querySelector('input.expires');
      if (expires && document.activeElement !== expires) expires.value = need.expirationDate || '';
      row.classList.toggle('owned', need.coverage >= 1);
      const bar = row.querySelector('.meter > span');
      if (bar) bar.style.width = `${Math.round(need.coverage * 100)}%`;
      const pct = row.querySelector('.coverage');
      if (pct) pct.textContent = `${Math.round(need.coverage * 100)}%`;
    }
  }

  // The same row as the server's (src/channels/web/inventory/inventory-page.ts, itemRow).
  function renderItems(items) {
    const table = document.getElementById('items-table');
    if (!table) return;
    const today = new Date().toISOString().slice(0, 10);
    table.querySelector('tbody').innerHTML = items
      .map((item) => {
        const expired = item.expirationDate && item.expirationDate < today;
        const size = item.unitAmount !== null && item.unitAmount !== 1 ? ` × ${item.unitAmount}` : '';
        const name = escapeHtml(item.name || 'Item');
        return `<tr data-id="${escapeHtml(item.id)}" class="${expired ? 'expired' : ''}">
<td data-label="Item"><strong>${name}</strong>${item.supplyKey ? ` <span class="hint">${escapeHtml(item.supplyKey)}</span>` : ''}</td>
<td data-label="Count"><span class="item-count">${escapeHtml(item.quantityOwned)}</span>${escapeHtml(size)}</td>
<td data-label="Change"><span class="item-change"><input class="change-n" type="number" inputmode="numeric" min="1" max="1000000" step="1" value="1" aria-label="How many of ${name}"><button type="button" class="button small" data-change="used">Used</button><button type="button" class="button small" data-change="restocked">Restocked</button></span></td>
<td data-label="Expires"><input class="item-expires" type="date" value="${escapeHtml(item.expirationDate || '')}" aria-label="Expiry date of ${name}">${expired ? ' <span class="pill p1">expired</span>' : ''}</td>
<td data-label=""><button type="button" class="link item-delete">Remove</button></td></tr>`;
      })
      .join('');
  }

  document.addEventListener('rp:readiness', (event) => renderReadiness(event.detail));

  function apply(data) {
    renderReadiness(data.readiness);
    if (data.items) renderItems(data.items);
    document.dispatchEvent(new CustomEvent('rp:inventory', { detail: data }));
    say(`Saved · readiness ${data.readiness ? data.readiness.score : '—'}/100`);
    document.body.dataset.saves = String(Number(document.body.dataset.saves || 0) + 1);
  }

  async function saveNeed(row, owned, expirationDate) {
    const key = row.dataset.key;
    const body = { owned };
    if (context.planId) body.planId = context.planId;
    if (expirationDate !== undefined) body.expirationDate = expirationDate;
    say('Saving…');
    try {
      apply(await call('PUT', `/api/inventory/supplies/${encodeURIComponent(key)}`, body));
    } catch (error) {
      say(error.message);
    }
  }

  const needs = document.getElementById('needs-table');
  if (needs) {
    needs.addEventListener('change', (event) => {
      const target = event.target;
      const row = target.closest('tr[data-key]');
      if (!row) return;
      const ownedInput = row.querySelector('input.owned');
      if (target.classList.contains('own-all')) {
        const needed = Number(ownedInput.dataset.needed);
        ownedInput.value = target.checked ? String(needed) : '0';
        saveNeed(row, target.checked ? needed : 0);
      } else if (target.classList.contains('owned')) {
        const value = Number(target.value);
        if (!Number.isFinite(value) || value < 0) {
          say('Owned must be a number, 0 or more.');
          return;
        }
        saveNeed(row, value);
      } else if (target.classList.contains('expires')) {
        saveNeed(row, Number(ownedInput.value) || 0, target.value || null);
      }
    });
  }

  const items = document.getElementById('items-table');
  if (items) {
    items.addEventListener('click', async (event) => {
      if (!event.target.classList.contains('item-delete')) return;
      const row = event.target.closest('tr[data-id]');
      const itemStatus = document.getElementById('sync-status');
      say('Removing…');
      try {
        apply(await call('DELETE', `/api/inventory/${encodeURIComponent(row.dataset.id)}${planQuery}`));
        if (itemStatus) itemStatus.textContent = '';
      } catch (error) {
        say(error.message);
        if (itemStatus) itemStatus.textContent = error.message;
      }
    });
  }

  const addForm = document.getElementById('add-item-form');
  if (addForm) {
    addForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const error = document.getElementById('add-error');
      error.textContent = '';
      const data = new FormData(addForm);
      const body = {
        name: String(data.get('name') || ''),
        quantityOwned: Number(data.get('quantityOwned') || 0),
      };
      if (data.get('expirationDate')) body.expirationDate = String(data.get('expirationDate'));
      try {
        const result = await call('POST', `/api/inventory${planQuery}`, body);
        addForm.reset();
        if (!document.getElementById('items-table')) window.location.reload();
        else apply(result);
      } catch (e) {
        error.textContent = e.message;
      }
    });
  }
})();
