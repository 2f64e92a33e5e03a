/**
 * The annex as a Word document (the `docx` package; this module is imported only when docx is asked for),
 * ready to paste into a plan's appendix: a real Word table in Times New Roman on A4 pages turned the way the
 * table fits (page-fit.ts: portrait when it fits, else landscape, smaller type, or parts with the naming
 * columns repeated), column widths measured from the text so that no number or word breaks, the header rows
 * (groups merged over their columns, the column-number row) repeated on every page, the total row bold and
 * shaded, page numbers at the top centre from the second page (as in administrative documents); title, date
 * line and unit line above, source line below. Every input text goes through `documentText`.
 */
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { catalog } from '../messages/index.js';
import type { AnnexLayout, HeadCell, LayoutCell } from './annex-layout.js';
import { A4, DEFAULT_FIT, MARGIN, fitTable, isBold, partHead, type Fit, type TablePart } from './page-fit.js';
import { documentText } from './safe-text.js';
import { documentLines, layoutOf, type DocumentLines, type RenderOptions, type TableData } from './table-data.js';

const FONT = 'Times New Roman';
/** Twips (twentieths of a point) from points. */
const tw = (pt: number) => Math.round(pt * 20);
/** Cell padding each side, points (half of DEFAULT_FIT.padding). */
const PAD = DEFAULT_FIT.padding / 2;
const HEAD_FILL = 'E7E6E6';
const TOTAL_FILL = 'EDEDED';

interface RunStyle {
  size: number;
  bold?: boolean;
  italics?: boolean;
}

const run = (text: string, s: RunStyle) => new TextRun({ text: documentText(text), font: FONT, size: s.size * 2, ...(s.bold ? { bold: true } : {}), ...(s.italics ? { italics: true } : {}) });

function para(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], s: RunStyle, extra: { after?: number; before?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { before: extra.before ?? 0, after: extra.after ?? 0 },
    ...(extra.keepNext ? { keepNext: true } : {}),
    children: [run(text, s)],
  });
}

function cell(text: string, o: { width: number; align: (typeof AlignmentType)[keyof typeof AlignmentType]; style: RunStyle; fill?: string; colSpan?: number; rowSpan?: number; indent?: number }): TableCell {
  return new TableCell({
    width: { size: tw(o.width), type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: tw(PAD), right: tw(PAD), top: 30, bottom: 30 },
    ...(o.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } } : {}),
    ...(o.colSpan && o.colSpan > 1 ? { columnSpan: o.colSpan } : {}),
    ...(o.rowSpan && o.rowSpan > 1 ? { rowSpan: o.rowSpan } : {}),
    children: [new Paragraph({ alignment: o.align, ...(o.indent ? { indent: { left: tw(o.indent) } } : {}), children: [run(text, o.style)] })],
  });
}

function bodyAlign(c: LayoutCell): (typeof AlignmentType)[keyof typeof AlignmentType] {
  if (c.kind === 'value') return AlignmentType.RIGHT;
  if (c.kind === 'stt' || c.kind === 'measure') return AlignmentType.CENTER;
  return AlignmentType.LEFT;
}

/** One part of the table (all of it, unless it is split by columns) as a Word table. */
function partTable(layout: AnnexLayout, part: TablePart, fontPt: number): Table {
  const widthOf = (cols: number, from: number) => part.widths.slice(from, from + cols).reduce((a, b) => a + b, 0);
  const head: HeadCell[][] = partHead(layout.head ?? [layout.header.map((c, col) => ({ ...c, col, colSpan: 1, rowSpan: 1 }))], part.columns);
  const headerRows = head.map(
    (row) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: row.map((h) => cell(h.text, { width: widthOf(h.colSpan, h.col), align: AlignmentType.CENTER, style: { size: fontPt, bold: true }, fill: HEAD_FILL, colSpan: h.colSpan, rowSpan: h.rowSpan })),
      }),
  );
  if (layout.columnNumbers) {
    const numbers = layout.columnNumbers;
    headerRows.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: part.columns.map((col, i) => cell(numbers[col] ?? '', { width: part.widths[i]!, align: AlignmentType.CENTER, style: { size: fontPt } })),
      }),
    );
  }
  const bodyRows = layout.rows.map((row, r) => {
    const info = layout.rowInfo[r]!;
    return new TableRow({
      cantSplit: true,
      children: part.columns.map((col, i) => {
        const c = row[col] ?? { text: '', kind: 'blank' as const };
        const named = c.kind === 'label' || c.kind === 'unit' || c.kind === 'heading';
        return cell(c.text, {
          width: part.widths[i]!,
          align: bodyAlign(c),
          style: { size: fontPt, bold: isBold(layout, r, col) },
          ...(info.kind === 'total' ? { fill: TOTAL_FILL } : {}),
          ...(named && info.indent > 0 ? { indent: info.indent * DEFAULT_FIT.indent } : {}),
        });
      }),
    });
  });
  const widths = part.widths.map(tw);
  return new Table({
    rows: [...headerRows, ...bodyRows],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
  });
}

function children(layout: AnnexLayout, fit: Fit, lines: DocumentLines, continued: string): Array<Paragraph | Table> {
  const size = fit.fontPt;
  const out: Array<Paragraph | Table> = [];
  if (lines.title) out.push(para(lines.title, AlignmentType.CENTER, { size: size + 2, bold: true }, { after: lines.date ? 60 : 200 }));
  if (lines.date) out.push(para(lines.date, AlignmentType.CENTER, { size, italics: true }, { after: 200 }));
  fit.parts.forEach((part, i) => {
    if (i > 0) out.push(para(continued, AlignmentType.LEFT, { size, italics: true }, { before: 240, after: 60, keepNext: true }));
    if (lines.unitLine) out.push(para(lines.unitLine, AlignmentType.RIGHT, { size, italics: true }, { after: 60, keepNext: true }));
    out.push(partTable(layout, part, size));
  });
  if (lines.source) out.push(para(lines.source, AlignmentType.LEFT, { size, italics: true }, { before: 120 }));
  return out;
}

export async function renderDocx(data: TableData, opts: RenderOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts, { grouped: true });
  const fit = fitTable(layout);
  const lines = documentLines(layout, opts, data.year);
  const landscape = fit.orientation === 'landscape';
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 24 })] })] });
  const doc = new Document({
    creator: 'povcheck',
    ...(opts.title ? { title: documentText(opts.title) } : {}),
    styles: { default: { document: { run: { font: FONT, size: fit.fontPt * 2 } } } },
    sections: [
      {
        properties: {
          // The first page carries no number; the others carry theirs at the top centre.
          titlePage: true,
          page: {
            // The docx package swaps width and height for landscape: give the portrait A4 size.
            size: { width: tw(A4.width), height: tw(A4.height), orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: tw(MARGIN.top), bottom: tw(MARGIN.bottom), left: tw(MARGIN.left), right: tw(MARGIN.right), header: tw(MARGIN.top / 2), footer: tw(MARGIN.bottom / 2) },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        children: children(layout, fit, lines, catalog(opts.lang).calc.continued),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
