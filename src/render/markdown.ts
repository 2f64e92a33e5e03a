/**
 * The annex as a Markdown (GFM) table: numbers right-aligned, optional title as a heading.
 */
import { layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';

/** A cell's text made safe inside a GFM table row. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').trim();
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
  return (opts.title ? `## ${cell(opts.title)}\n\n` : '') + lines.join('\n') + '\n';
}
