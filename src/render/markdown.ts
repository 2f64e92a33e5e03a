/**
 * The annex as a Markdown (GFM) table: numbers right-aligned; the title as a heading, the date, unit and
 * source lines as italic paragraphs, when there are any.
 */
import { visible } from '../messages/visible.js';
import { documentLines, layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';

/** A cell's text made safe inside a GFM table row: on one line, controls visible (messages/visible.ts), `\\`, `|`, `[`, `]` escaped. */
function cell(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[[\]]/g, '\\$&').trim();
}

export function renderMarkdown(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const numeric = numericColumns(layout);
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines = [
    row(layout.header.map((c) => c.text)),
    `|${numeric.map((n) => (n ? ' ---: ' : ' :--- ')).join('|')}|`,
    ...layout.rows.map((r) => row(r.map((c) => c.text))),
  ];
  const doc = documentLines(layout, opts);
  const para = (text: string | undefined) => (text ? `*${cell(text).replace(/([*_])/g, '\\$1')}*\n\n` : '');
  return (doc.title ? `## ${cell(doc.title)}\n\n` : '') + para(doc.date) + para(doc.unitLine) + lines.join('\n') + '\n' + (doc.source ? `\n${para(doc.source).trimEnd()}\n` : '');
}
