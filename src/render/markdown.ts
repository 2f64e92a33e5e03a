/**
 * The annex as a Markdown (GFM) table: numbers right-aligned; the title as a heading, the date, unit and
 * source lines as italic paragraphs, when there are any.
 */
import { visible } from '../messages/visible.js';
import { documentLines, layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';

/**
 * A text made safe in a GFM table cell or line: on one line, controls visible (messages/visible.ts), `\\`, `|`, link
 * brackets and emphasis and code marks escaped (a formula's `=C4*100/B4*1` is not italic), no HTML. The markdown
 * report's cells too (reporters/markdown.ts).
 */
export function mdCell(text: string): string {
  return visible(text.replace(/\r?\n/g, ' ')).replace(/\\/g, '\\\\').replace(/[|[\]*_`~]/g, '\\$&').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const cell = (text: string) => mdCell(text).trim();

export function renderMarkdown(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const numeric = numericColumns(layout);
  const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const lines = [
    row(layout.header.map((c) => c.text)),
    `|${numeric.map((n) => (n ? ' ---: ' : ' :--- ')).join('|')}|`,
    ...layout.rows.map((r) => row(r.map((c) => c.text))),
  ];
  const doc = documentLines(layout, opts, data.year);
  const para = (text: string | undefined) => (text ? `*${cell(text)}*\n\n` : '');
  return (doc.title ? `## ${cell(doc.title)}\n\n` : '') + para(doc.date) + para(doc.unitLine) + lines.join('\n') + '\n' + (doc.source ? `\n${para(doc.source).trimEnd()}\n` : '');
}
