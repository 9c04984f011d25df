import { escapeHtml, type Html, raw } from './html.ts';

/**
 * Small, dependency-free inline SVG charts. Every chart has a <title> and <desc> that state its values,
 * so a screen reader (and a test) reads the numbers, and it scales with the width of the page.
 */

export type Bar = { label: string; value: number; display: string };

const WIDTH = 360;
const LABEL_W = 104;
const VALUE_W = 58;
const ROW_H = 26;
const BAR_H = 16;

export function scoreColor(score: number): string {
  if (score >= 67) return 'var(--good, #1a7f37)';
  if (score >= 34) return 'var(--warn, #b7791f)';
  return 'var(--bad, #c53030)';
}

let chartCount = 0;

/** A horizontal bar chart; `max` fixes the scale (100 for scores), else the largest value. */
export function barChart(options: {
  id: string;
  title: string;
  bars: Bar[];
  max?: number;
  color?: (bar: Bar) => string;
}): Html {
  const { bars } = options;
  const id = `${options.id}-${++chartCount}`;
  const max = options.max ?? Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(ROW_H, bars.length * ROW_H) + 8;
  const barArea = WIDTH - LABEL_W - VALUE_W;
  const rows = bars
    .map((b, i) => {
      const y = 4 + i * ROW_H;
      const w = Math.max(b.value > 0 ? 2 : 0, Math.round((barArea * Math.min(b.value, max)) / max));
      const color = options.color ? options.color(b) : 'var(--accent, #1d4ed8)';
      return `<g class="bar" data-label="${escapeHtml(b.label)}" data-value="${b.value}">
  <text x="${LABEL_W - 8}" y="${y + BAR_H - 3}" text-anchor="end" class="chart-label">${escapeHtml(b.label)}</text>
  <rect x="${LABEL_W}" y="${y}" width="${barArea}" height="${BAR_H}" rx="3" class="chart-track"/>
  <rect x="${LABEL_W}" y="${y}" width="${w}" height="${BAR_H}" rx="3" fill="${color}"/>
  <text x="${LABEL_W + barArea + 6}" y="${y + BAR_H - 3}" class="chart-value">${escapeHtml(b.display)}</text>
</g>`;
    })
    .join('\n');
  const desc = bars.map((b) => `${b.label}: ${b.display}`).join('; ');
  return raw(`<svg class="chart" id="${escapeHtml(options.id)}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMinYMin meet">
<title id="${id}-t">${escapeHtml(options.title)}</title>
<desc id="${id}-d">${escapeHtml(desc || 'No data yet')}</desc>
${rows || `<text x="8" y="18" class="chart-label">No data yet</text>`}
</svg>`);
}

/** A ring gauge for a 0–100 score. */
export function scoreGauge(score: number, label: string): Html {
  const r = 52;
  const c = 2 * Math.PI * r;
  const filled = (Math.max(0, Math.min(100, score)) / 100) * c;
  const arc =
    score > 0
      ? `<circle cx="70" cy="70" r="${r}" fill="none" stroke="${scoreColor(score)}" stroke-width="14" stroke-linecap="${score >= 100 ? 'butt' : 'round'}"
  stroke-dasharray="${filled.toFixed(1)} ${(c - filled).toFixed(1)}" transform="rotate(-90 70 70)" class="gauge-fill"/>`
      : '';
  return raw(`<svg class="gauge" viewBox="0 0 140 140" role="img" aria-label="${escapeHtml(`${label}: ${score} out of 100`)}">
<circle cx="70" cy="70" r="${r}" class="gauge-track" fill="none" stroke-width="14"/>
${arc}
<text x="70" y="78" text-anchor="middle" class="gauge-number" data-score="${score}">${score}</text>
<text x="70" y="98" text-anchor="middle" class="gauge-label">of 100</text>
</svg>`);
}
