/**
 * The annex as a terminal table: box-drawing borders, numbers right-aligned; title, date and unit lines above,
 * source line below, when there are any.
 */
import { renderBox, type Align } from './box.js';
import { documentLines, layoutOf, numericColumns, type RenderOptions, type TableData } from './table-data.js';
import { visible } from '../messages/visible.js';

export function renderText(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts);
  const align: Align[] = numericColumns(layout).map((n) => (n ? 'right' : 'left'));
  const box = renderBox(
    layout.header.map((c) => c.text),
    layout.rows.map((r) => r.map((c) => c.text)),
    { align },
  );
  const lines = documentLines(layout, opts, data.year);
  // The title may be the input's own (shape/title-rows.ts): made visible, as the cells are (no control character reaches the terminal).
  const above = [lines.title, lines.date, lines.unitLine].filter((l): l is string => !!l).map((l) => visible(l));
  return [...above, box, ...(lines.source ? [visible(lines.source)] : [])].join('\n') + '\n';
}
