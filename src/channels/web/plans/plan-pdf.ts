import { describeCoverage } from '../../../domain/plan/coverage.ts';
import { humanize, money, number, scenarioLabel } from '../shared/html.ts';
import {
  bars,
  bullet,
  COLORS,
  collect,
  heading,
  PDFDocument,
  para,
  pdfText,
  scoreColor,
  table,
} from './pdf-kit.ts';
import { daysText, type PlanView, PRIORITY_LABEL } from './plan-view.ts';

/** The whole plan as a PDF, its charts drawn as vector bars. */
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
      label: humanize(c.category),
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
      label: humanize(s.category),
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
        humanize(s.group),
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
        humanize(s.category),
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
