import { COLORS, collect, contentWidth, PDFDocument, pdfText } from './pdf-kit.ts';
import type { WalletCard } from './wallet-card.ts';

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
