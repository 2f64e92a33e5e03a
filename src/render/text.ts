/**
 * The annex as a terminal table: box-drawing borders, numbers right-aligned, optional title above.
 */
import { renderBox, type Align } from './box.js';
import { layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';

export function renderText(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const align: Align[] = numericColumns(layout).map((n) => (n ? 'right' : 'left'));
  const box = renderBox(
    layout.header.map((c) => c.text),
    layout.rows.map((r) => r.map((c) => c.text)),
    { align },
  );
  return (opts.title ? `${opts.title}\n` : '') + box + '\n';
}
