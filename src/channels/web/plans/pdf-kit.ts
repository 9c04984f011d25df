import PDFDocument from 'pdfkit';

/**
 * PDFs made with PDFKit: the drawing helpers the plan and the wallet card share.
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

export function collect(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export const COLORS = {
  ink: '#1f2933',
  muted: '#52606d',
  accent: '#1d4ed8',
  track: '#e4e7eb',
  good: '#1a7f37',
  warn: '#b7791f',
  bad: '#c53030',
};
export const scoreColor = (s: number) => (s >= 67 ? COLORS.good : s >= 34 ? COLORS.warn : COLORS.bad);

function ensureSpace(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(14).fillColor(COLORS.ink).text(pdfText(text), doc.page.margins.left);
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(10).fillColor(COLORS.ink);
}

export function para(
  doc: Doc,
  text: string,
  options: { size?: number; color?: string; bold?: boolean } = {},
) {
  doc
    .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? COLORS.ink)
    .text(pdfText(text), doc.page.margins.left, undefined, { width: contentWidth(doc) });
}

export function bullet(doc: Doc, text: string, indent = 0) {
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

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

export function bars(
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

export function table(doc: Doc, columns: { title: string; width: number }[], rows: string[][]) {
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

export { PDFDocument };
