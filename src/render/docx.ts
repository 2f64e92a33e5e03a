/**
 * The annex as a Word document (the `docx` package; this module is imported only when docx is asked for):
 * a real Word table on an A4 landscape page, header row bold and repeated on every page, numbers
 * right-aligned, Times New Roman as in official documents, an optional centred title above.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { displayWidth } from './box.js';
import { layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';
import type { LayoutCell } from './annex-layout.js';

/** A4 landscape in twentieths of a point, with 2 cm margins. */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = 22;

function widths(texts: string[][], total: number): number[] {
  const weights = texts[0]!.map((_, c) => Math.max(4, ...texts.map((r) => displayWidth(r[c] ?? ''))) + 2);
  // Long labels wrap rather than squeezing the number columns.
  const capped = weights.map((w) => Math.min(w, 32));
  const sum = capped.reduce((a, b) => a + b, 0);
  const out = capped.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export async function renderDocx(data: TableData, opts: RenderOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts);
  const numeric = numericColumns(layout);
  const tableWidth = PAGE.width - 2 * PAGE.margin;
  const texts = [layout.header.map((c) => c.text), ...layout.rows.map((r) => r.map((c) => c.text))];
  const colWidths = widths(texts, tableWidth);

  const cell = (c: LayoutCell | undefined, col: number, header: boolean) => {
    const text = c?.text ?? '';
    const bold = header || c?.kind === 'heading' || (c?.kind === 'unit' && c.unit === data.total?.id);
    const align = header || c?.kind === 'stt' || c?.kind === 'measure' ? AlignmentType.CENTER : numeric[col] && c?.kind === 'value' ? AlignmentType.RIGHT : AlignmentType.LEFT;
    return new TableCell({
      width: { size: colWidths[col]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
      children: [new Paragraph({ alignment: align, children: [new TextRun({ text, bold, font: FONT, size: SIZE })] })],
    });
  };

  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: layout.header.map((c, i) => cell(c, i, true)) }),
    ...layout.rows.map((r) => new TableRow({ cantSplit: true, children: layout.header.map((_, i) => cell(r[i], i, false)) })),
  ];
  const table = new Table({
    rows,
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: colWidths,
    layout: TableLayoutType.FIXED,
  });

  const children: Array<Paragraph | Table> = [];
  if (opts.title) {
    children.push(
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: opts.title, bold: true, font: FONT, size: 28 })] }),
    );
  }
  children.push(table);

  const doc = new Document({
    creator: 'povcheck',
    ...(opts.title ? { title: opts.title } : {}),
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // The docx package swaps width and height for landscape: give the portrait A4 size.
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
