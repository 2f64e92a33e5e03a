/**
 * The annex as a Word document (the `docx` package; this module is imported only when docx is asked for):
 * a real Word table on an A4 landscape page, header row bold and repeated on every page, numbers
 * right-aligned, Times New Roman as in official documents, an optional centred title above.
 */
import { AlignmentType, Document, Packer, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { displayWidth } from './box.js';
import { layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';
import type { AnnexLayout, LayoutCell } from './annex-layout.js';
import { xmlSafeText } from './xml-text.js';

/** A4 landscape in twentieths of a point, with 2 cm margins. */
const PAGE = { width: 16838, height: 11906, margin: 1134 };
const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = 22;

/** Narrowest column: 1 cm. */
const MIN_COLUMN = 567;

/**
 * Column widths (twips) sharing `total` by content: unit names and body cells as long as they are (labels capped,
 * they wrap), indicator headers by their longest word (they wrap too); no column narrower than 1 cm.
 */
function widths(layout: AnnexLayout, total: number): number[] {
  const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map(displayWidth));
  const weights = layout.header.map((h, c) => {
    const head = h.kind === 'label' && h.indicator ? longestWord(h.text) : displayWidth(h.text);
    const body = Math.max(0, ...layout.rows.map((r) => displayWidth(r[c]?.text ?? '')));
    return Math.min(Math.max(head, body, 3), 34) + 2;
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  let out = weights.map((w) => Math.max(MIN_COLUMN, Math.floor((w / sum) * total)));
  // Take what the 1 cm minimum added from the wider columns, in proportion.
  const excess = out.reduce((a, b) => a + b, 0) - total;
  if (excess > 0) {
    const wide = out.reduce((a, w) => a + (w > MIN_COLUMN ? w : 0), 0);
    out = out.map((w) => (w > MIN_COLUMN ? Math.floor(w - (excess * w) / wide) : w));
  }
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}

export async function renderDocx(data: TableData, opts: RenderOptions): Promise<Uint8Array> {
  const layout = layoutOf(data, opts);
  const numeric = numericColumns(layout);
  const tableWidth = PAGE.width - 2 * PAGE.margin;
  const colWidths = widths(layout, tableWidth);

  const cell = (c: LayoutCell | undefined, col: number, header: boolean) => {
    // Every text goes through xmlSafeText: a name holding a character XML cannot carry would corrupt the file.
    const text = xmlSafeText(c?.text ?? '');
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
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: xmlSafeText(opts.title), bold: true, font: FONT, size: 28 })] }),
    );
  }
  children.push(table);

  const doc = new Document({
    creator: 'povcheck',
    ...(opts.title ? { title: xmlSafeText(opts.title) } : {}),
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
