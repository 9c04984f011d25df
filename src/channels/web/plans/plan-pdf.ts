import PDFDocument from 'pdfkit';
import { describeCoverage } from '../../../domain/plan/coverage.ts';
import { humanize, money, number, scenarioLabel, titleCase } from '../shared/html.ts';
import { daysText, type PlanView, PRIORITY_LABEL } from './plan-view.ts';
import type { WalletCard } from './wallet-card.ts';

/**
 * PDFs made with PDFKit: the whole plan (charts drawn as vector bars), and the one-page wallet card.
 * The standard PDF fonts cover Windows-1252 only, so text is mapped onto it.
 */

type Doc = PDFKit.PDFDocument;

const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≥': '>=',
  '≤': '<=',
  '✓': 'x',
  '✗': 'x',
  '≈': '~',
  '−': '-',
  '‑': '-',
  '\u2009': ' ',
  '\u202f': ' ',
};

/** Text the standard fonts can draw: common symbols spelled out, anything else outside Windows-1252 dropped. */
export function pdfText(value: unknown): string {
  let out = '';
  for (const ch of String(value ?? '')) {
    const code = ch.codePointAt(0)!;
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (
      (code >= 0x20 && code <= 0x7e) ||
      (code >= 0xa0 && code <= 0xff) ||
      CP1252_EXTRA.includes(ch) ||
      ch === '\n'
    )
      out += ch;
  }
  return out;
}

function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

const COLORS = {
  ink: '#1f2933',
  muted: '#52606d',
  accent: '#1d4ed8',
  track: '#e4e7eb',
  good: '#1a7f37',
  warn: '#b7791f',
  bad: '#c53030',
};
const scoreColor = (s: number) => (s >= 67 ? COLORS.good : s >= 34 ? COLORS.warn : COLORS.bad);

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(14).fillColor(COLORS.ink).text(pdfText(text), doc.page.margins.left);
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(10).fillColor(COLORS.ink);
}

function para(doc: Doc, text: string, options: { size?: number; color?: string; bold?: boolean } = {}) {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLORS.ink)
    .text(pdfText(text), doc.page.margins.left, undefined, { width: contentWidth(doc) });
}

function bullet(doc: Doc, text: string, indent = 0) {
  const x = doc.page.margins.left + indent;
  ensureSpace(doc, 14);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(COLORS.ink)
    .text(pdfText(`•  ${text}`), x, undefined, {
      width: contentWidth(doc) - indent,
    });
}

const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

function bars(
  doc: Doc,
  rows: { label: string; value: number; display: string; color?: string }[],
  max: number,
) {
  const left = doc.page.margins.left;
  const labelW = 120;
  const valueW = 60;
  const barW = contentWidth(doc) - labelW - valueW - 12;
  for (const row of rows) {
    ensureSpace(doc, 16);
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(COLORS.ink)
      .text(pdfText(row.label), left, y + 1, { width: labelW - 6, align: 'right', lineBreak: false });
    doc.rect(left + labelW, y, barW, 10).fill(COLORS.track);
    const w = max > 0 ? Math.max(row.value > 0 ? 1.5 : 0, (barW * Math.min(row.value, max)) / max) : 0;
    if (w > 0) doc.rect(left + labelW, y, w, 10).fill(row.color ?? COLORS.accent);
    doc
      .fillColor(COLORS.ink)
      .text(pdfText(row.display), left + labelW + barW + 6, y + 1, { width: valueW, lineBreak: false });
    doc.y = y + 15;
  }
  doc.x = left;
}

function table(doc: Doc, columns: { title: string; width: number }[], rows: string[][]) {
  const left = doc.page.margins.left;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * contentWidth(doc));
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const heights = cells.map((c, i) => doc.heightOfString(pdfText(c), { width: widths[i]! - 6 }));
    const h = Math.max(11, ...heights) + 4;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!bold)
        drawRow(
          columns.map((c) => c.title),
          true,
        );
    }
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      doc.fillColor(COLORS.ink).text(pdfText(c), x + 3, y + 2, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc
      .moveTo(left, y + h)
      .lineTo(left + contentWidth(doc), y + h)
      .lineWidth(0.5)
      .strokeColor(COLORS.track)
      .stroke();
    doc.y = y + h;
  };
  drawRow(
    columns.map((c) => c.title),
    true,
  );
  for (const r of rows) drawRow(r, false);
  doc.x = left;
  doc.moveDown(0.3);
}

export async function planPdf(view: PlanView, publicUrl: string): Promise<Buffer> {
  const k = view.kit;
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 54, bottom: 54, left: 54, right: 54 },
    info: { Title: pdfText(k.title), Author: 'ReadyPlan', Subject: 'Household disaster-readiness plan' },
  });
  const done = collect(doc);

  doc.font('Helvetica-Bold').fontSize(20).fillColor(COLORS.ink).text(pdfText(k.title));
  para(
    doc,
    `${k.location.input} · ${k.household.members.length} people${k.household.pets.length ? ` · ${k.household.pets.length} pets` : ''} · ${k.durationDays} days · ${k.mobility === 'BUG_OUT' ? 'leaving (bug-out)' : 'sheltering in place'}`,
    { color: COLORS.muted },
  );
  para(doc, `Scenarios: ${k.scenarios.map(scenarioLabel).join(', ')}`, { color: COLORS.muted });
  doc.moveDown(0.4);
  para(doc, k.summary);
  para(
    doc,
    `Household: ${[...k.household.members.map((m) => m.label), ...k.household.pets.map((p) => `${p.species} ${p.weightLb} lb`)].join(', ')}`,
    {
      color: COLORS.muted,
      size: 9,
    },
  );

  heading(doc, `Readiness: ${view.readinessScore}/100`);
  bars(
    doc,
    view.readinessByCategory.map((c) => ({
      label: titleCase(c.category),
      value: c.score,
      display: String(c.score),
      color: scoreColor(c.score),
    })),
    100,
  );
  for (const d of view.daysOfSupply) bullet(doc, daysText(d));

  heading(
    doc,
    `Budget: ${money(k.budget.spent)} of ${money(k.budget.limit)} · covers ${describeCoverage(k.budget)}`,
  );
  bars(
    doc,
    view.spendByCategory.map((s) => ({
      label: titleCase(s.category),
      value: s.amount,
      display: money(s.amount),
    })),
    Math.max(1, ...view.spendByCategory.map((s) => s.amount)),
  );

  heading(doc, 'Water and food');
  para(
    doc,
    `Water: ${number(k.rationPlan.water.gallonsPerDay)} gal/day, ${number(k.rationPlan.water.totalGallons)} gal in total.`,
    { bold: true },
  );
  para(doc, k.rationPlan.water.basis, { size: 8.5, color: COLORS.muted });
  for (const a of k.rationPlan.water.adjustments) bullet(doc, a);
  doc.moveDown(0.3);
  para(
    doc,
    `Food: ${number(k.rationPlan.food.kcalPerDay, 0)} kcal/day, ${number(k.rationPlan.food.totalKcal, 0)} kcal in total.`,
    { bold: true },
  );
  para(doc, k.rationPlan.food.basis, { size: 8.5, color: COLORS.muted });
  if (k.rationPlan.food.storage.length) {
    table(
      doc,
      [
        { title: 'Food group', width: 3 },
        { title: 'Quantity', width: 2 },
        { title: 'Weight', width: 2 },
      ],
      k.rationPlan.food.storage.map((s) => [
        titleCase(s.group),
        `${number(s.quantity)} ${s.unit}`,
        s.weightLb !== undefined ? `${number(s.weightLb)} lb` : '-',
      ]),
    );
  }

  const extra = [...k.rationPlan.medications, ...k.rationPlan.infants, ...k.rationPlan.hygiene];
  if (extra.length) {
    doc.moveDown(0.3);
    para(doc, 'Medications, infant and hygiene', { bold: true });
    for (const m of extra) bullet(doc, `${m.name}: ${number(m.quantity)} ${m.unit}`);
    for (const b of new Set(extra.map((m) => m.basis))) para(doc, b, { size: 8.5, color: COLORS.muted });
  }

  if (k.items.length) {
    heading(doc, 'What to buy');
    table(
      doc,
      [
        { title: 'Item', width: 6 },
        { title: 'Qty', width: 1 },
        { title: 'Each', width: 1.6 },
        { title: 'Total', width: 1.6 },
        { title: 'Covers', width: 3.5 },
      ],
      k.items.map((i) => [
        i.name,
        String(i.quantity),
        money(i.unitPrice),
        money(i.lineTotal),
        i.covers.map((c) => view.supplyName(c)).join(', '),
      ]),
    );
  }

  heading(doc, 'Supplies');
  table(
    doc,
    [
      { title: 'Supply', width: 4 },
      { title: 'Category', width: 2 },
      { title: 'Quantity', width: 2 },
      { title: 'Priority', width: 1.6 },
      { title: 'Why', width: 5 },
    ],
    [...k.supplies]
      .sort((a, b) => a.priority - b.priority)
      .map((s) => [
        s.name,
        titleCase(s.category),
        `${number(s.quantity, 2)} ${s.unit}`,
        PRIORITY_LABEL[s.priority],
        s.reason,
      ]),
  );

  if (k.bundles.length) {
    heading(doc, 'Bundles that fit');
    for (const b of k.bundles)
      bullet(doc, `${b.name} (match ${Math.round(b.score * 100)}%): ${b.reasons.join(' ')}`);
  }

  heading(doc, 'Skills to learn');
  if (k.skillGaps.length === 0) para(doc, 'The household already has the skills these scenarios need.');
  for (const g of k.skillGaps) {
    bullet(doc, g.name ?? humanize(g.skill));
    for (const r of g.resources) bullet(doc, `${r.title}${r.source ? ` (${r.source})` : ''}: ${r.url}`, 16);
  }

  if (k.barterGoods.length) {
    heading(doc, 'Barter goods');
    for (const b of k.barterGoods)
      bullet(doc, `${b.name}: ${number(b.quantity)} ${b.unit}${b.why ? ` — ${b.why}` : ''}`);
  }

  heading(doc, 'How the first days could go');
  for (const d of k.simulationLog) bullet(doc, `Day ${d.day}: ${d.text}`);

  heading(doc, 'Phases');
  for (const p of k.phases) bullet(doc, `${p.name} (day ${p.fromDay}–${p.toDay}): ${p.focus.join('; ')}`);

  heading(doc, 'Evacuation and meeting points');
  for (const m of k.evacuation.meetingPoints) bullet(doc, m);
  if (k.evacuation.outOfAreaContact) para(doc, k.evacuation.outOfAreaContact);
  for (const g of k.evacuation.guidance) bullet(doc, g);

  doc.moveDown(1);
  para(
    doc,
    `Made by ReadyPlan${view.planId ? ` · ${publicUrl}/plans/${view.planId}` : ''} · numbers follow Ready.gov/FEMA, CDC, Red Cross and the Dietary Guidelines for Americans.`,
    { size: 8, color: COLORS.muted },
  );
  doc.end();
  return done;
}

/** One page: the full card, with two wallet-size cut-outs (3.5 × 2 in) at the foot. */
export async function walletCardPdf(card: WalletCard): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 36, bottom: 36, left: 40, right: 40 },
    info: { Title: pdfText(card.title), Author: 'ReadyPlan' },
  });
  const done = collect(doc);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);

  doc.rect(left, 36, width, 40).fill('#b91c1c');
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor('#ffffff')
    .text(pdfText(card.title), left + 12, 48);
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(COLORS.ink)
    .text(pdfText(`${card.location} · ${card.household.join(' · ')}`), left, 84, { width });

  const colW = (width - 16) / 2;
  const top = doc.y + 8;
  // Left column: key numbers and contact.
  doc.font('Helvetica-Bold').fontSize(11).fillColor(COLORS.ink).text('Key numbers', left, top);
  let y = doc.y + 2;
  for (const n of card.keyNumbers) {
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(COLORS.ink)
      .text(pdfText(n.label), left, y, { width: colW * 0.55 });
    const rowH = Math.max(16, doc.heightOfString(pdfText(n.label), { width: colW * 0.55 }) + 5);
    if (n.number)
      doc.font('Helvetica-Bold').text(pdfText(n.number), left + colW * 0.56, y, { width: colW * 0.44 });
    else
      doc
        .moveTo(left + colW * 0.56, y + 10)
        .lineTo(left + colW, y + 10)
        .lineWidth(0.6)
        .strokeColor(COLORS.muted)
        .stroke();
    y += rowH;
  }
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('Out-of-area contact', left, y + 6);
  y = doc.y + 4;
  doc.font('Helvetica').fontSize(9).text('Name', left, y);
  doc
    .moveTo(left + 32, y + 10)
    .lineTo(left + colW, y + 10)
    .lineWidth(0.6)
    .strokeColor(COLORS.muted)
    .stroke();
  doc.text('Phone', left, y + 16);
  doc
    .moveTo(left + 32, y + 26)
    .lineTo(left + colW, y + 26)
    .stroke();
  doc
    .fontSize(7.5)
    .fillColor(COLORS.muted)
    .text(pdfText(card.outOfAreaContact), left, y + 32, { width: colW });
  const leftBottom = doc.y;

  // Right column: meeting points.
  const rx = left + colW + 16;
  doc.font('Helvetica-Bold').fontSize(11).fillColor(COLORS.ink).text('Meeting points', rx, top);
  y = doc.y + 2;
  for (const p of card.meetingPoints) {
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .fillColor(COLORS.ink)
      .text(pdfText(p.label), rx, y, { width: colW });
    doc
      .moveTo(rx, doc.y + 12)
      .lineTo(rx + colW, doc.y + 12)
      .lineWidth(0.6)
      .strokeColor(COLORS.muted)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(COLORS.muted)
      .text(pdfText(p.hint), rx, doc.y + 15, { width: colW });
    y = doc.y + 6;
  }
  doc.y = Math.max(leftBottom, y) + 8;

  // Hazards: the first three actions each, in two columns.
  doc.font('Helvetica-Bold').fontSize(11).fillColor(COLORS.ink).text('First three things to do', left, doc.y);
  const hazardTop = doc.y + 4;
  const columnBottoms = [hazardTop, hazardTop];
  card.hazards.forEach((h, i) => {
    const col = i % 2;
    const x = left + col * (colW + 16);
    let hy = columnBottoms[col]!;
    doc
      .font('Helvetica-Bold')
      .fontSize(9.5)
      .fillColor('#b91c1c')
      .text(pdfText(h.name), x, hy, { width: colW });
    hy = doc.y + 1;
    h.actions.forEach((a, n) => {
      doc
        .font('Helvetica')
        .fontSize(8.5)
        .fillColor(COLORS.ink)
        .text(pdfText(`${n + 1}. ${a}`), x, hy, { width: colW });
      hy = doc.y + 1;
    });
    columnBottoms[col] = hy + 6;
  });
  doc.y = Math.max(...columnBottoms);
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor(COLORS.muted)
    .text(pdfText(card.reminders.join('  ·  ')), left, doc.y + 2, { width });

  // Two wallet-size cut-outs at the foot of the page: front (numbers) and back (meeting points).
  const cardW = 252;
  const cardH = 144;
  const cy = doc.page.height - doc.page.margins.bottom - cardH;
  const cuts = [left, left + width - cardW];
  doc
    .fontSize(7)
    .fillColor(COLORS.muted)
    .text('Cut out, fold and keep in your wallet:', left, cy - 12, { lineBreak: false });
  for (const [i, cx] of cuts.entries()) {
    doc
      .save()
      .dash(3, { space: 3 })
      .lineWidth(0.7)
      .strokeColor(COLORS.muted)
      .rect(cx, cy, cardW, cardH)
      .stroke()
      .restore();
    doc.rect(cx, cy, cardW, 16).fill('#b91c1c');
    doc
      .font('Helvetica-Bold')
      .fontSize(8.5)
      .fillColor('#ffffff')
      .text(i === 0 ? 'IN AN EMERGENCY' : 'WHERE WE MEET', cx + 6, cy + 4, { lineBreak: false });
    let ly = cy + 22;
    if (i === 0) {
      for (const n of card.keyNumbers.slice(0, 4)) {
        doc
          .font('Helvetica')
          .fontSize(7.5)
          .fillColor(COLORS.ink)
          .text(pdfText(n.label), cx + 6, ly, { width: 130, lineBreak: false });
        if (n.number) doc.font('Helvetica-Bold').text(pdfText(n.number), cx + 140, ly, { lineBreak: false });
        else
          doc
            .moveTo(cx + 140, ly + 8)
            .lineTo(cx + cardW - 8, ly + 8)
            .lineWidth(0.5)
            .strokeColor(COLORS.muted)
            .stroke();
        ly += 14;
      }
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor(COLORS.ink)
        .text('Name:', cx + 6, ly + 6, { lineBreak: false });
      doc
        .moveTo(cx + 34, ly + 14)
        .lineTo(cx + cardW - 8, ly + 14)
        .lineWidth(0.5)
        .strokeColor(COLORS.muted)
        .stroke();
      doc.text('Medical notes:', cx + 6, ly + 24, { lineBreak: false });
      doc
        .moveTo(cx + 58, ly + 32)
        .lineTo(cx + cardW - 8, ly + 32)
        .stroke();
    } else {
      for (const p of card.meetingPoints) {
        doc
          .font('Helvetica-Bold')
          .fontSize(7.5)
          .fillColor(COLORS.ink)
          .text(pdfText(p.label), cx + 6, ly, { lineBreak: false });
        doc
          .moveTo(cx + 6, ly + 19)
          .lineTo(cx + cardW - 8, ly + 19)
          .lineWidth(0.5)
          .strokeColor(COLORS.muted)
          .stroke();
        ly += 27;
      }
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor(COLORS.ink)
        .text('Text, don\u2019t call: texts get through when lines jam.', cx + 6, ly, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}
