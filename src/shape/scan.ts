/**
 * Finds where the indicator labels are: down one column (wide layout) or across one row, with an
 * optional heading row above it (long layout). Both resolve heading + phase pairs
 * ("Tỷ lệ hộ nghèo" then "- Đầu năm") into indicators.
 */
import { cellAt, cellText, gridWidth, type Cell, type Grid } from '../read/grid.js';
import type { Indicator } from '../model/indicators.js';
import type { Lang } from '../messages/index.js';
import { INDICATOR_OF, matchLabel, type Group } from './aliases.js';

export interface LabelLine {
  /** Position along the line (row index for wide, column index for long) → indicator and label cell. */
  hits: Map<number, { indicator: Indicator; cell: Cell; lang: Lang | 'key' }>;
  /** Positions holding a group heading on its own (the wide layout's "Tỷ lệ hộ nghèo" row). */
  headings: Set<number>;
  /** Positions whose text is not a label at all. */
  unmatched: Map<number, Cell>;
  distinct: number;
}

function emptyLine(): LabelLine {
  return { hits: new Map(), headings: new Set(), unmatched: new Map(), distinct: 0 };
}

function finish(line: LabelLine): LabelLine {
  line.distinct = new Set([...line.hits.values()].map((h) => h.indicator)).size;
  return line;
}

export type ExtraLabels = ReadonlyMap<string, Indicator>;

/** Labels down column `col`: a heading row sets the group for the phase-only rows under it. */
export function scanColumn(grid: Grid, col: number, extra?: ExtraLabels): LabelLine {
  const line = emptyLine();
  let context: Group | undefined;
  for (let r = 0; r < grid.rows.length; r++) {
    const cell = cellAt(grid, r, col);
    const text = cellText(cell);
    if (!cell || text === '') continue;
    const m = matchLabel(text, extra);
    if (m?.kind === 'indicator') {
      line.hits.set(r, { indicator: m.indicator, cell, lang: m.lang });
      context = undefined;
    } else if (m?.kind === 'heading') {
      line.headings.add(r);
      context = m.group;
    } else if (m?.kind === 'phase' && context && INDICATOR_OF[context][m.phase]) {
      line.hits.set(r, { indicator: INDICATOR_OF[context][m.phase]!, cell, lang: m.lang });
    } else {
      line.unmatched.set(r, cell);
      context = undefined;
    }
  }
  return finish(line);
}

/**
 * Labels across row `row`. A phase-only header ("Đầu năm") takes its group from the row above: the
 * nearest heading at or left of its column (a merged heading cell spans several phase columns).
 * An empty header takes the cell above it (a header merged down over two rows).
 */
export function scanRow(grid: Grid, row: number, extra?: ExtraLabels): LabelLine {
  const line = emptyLine();
  const width = gridWidth(grid);
  for (let c = 0; c < width; c++) {
    let cell = cellAt(grid, row, c);
    let text = cellText(cell);
    if (text === '' && row > 0) {
      const above = cellAt(grid, row - 1, c);
      if (cellText(above) !== '') {
        cell = above;
        text = cellText(above);
      }
    }
    if (!cell || text === '') continue;
    const m = matchLabel(text, extra);
    if (m?.kind === 'indicator') {
      line.hits.set(c, { indicator: m.indicator, cell, lang: m.lang });
    } else if (m?.kind === 'phase' && row > 0) {
      const group = headingLeftOf(grid, row - 1, c, extra);
      const ind = group && INDICATOR_OF[group][m.phase];
      if (ind) line.hits.set(c, { indicator: ind, cell, lang: m.lang });
      else line.unmatched.set(c, cell);
    } else if (m?.kind === 'heading') {
      line.headings.add(c);
    } else {
      line.unmatched.set(c, cell);
    }
  }
  return finish(line);
}

function headingLeftOf(grid: Grid, row: number, col: number, extra?: ExtraLabels): Group | undefined {
  for (let c = col; c >= 0; c--) {
    const text = cellText(cellAt(grid, row, c));
    if (text === '') continue;
    const m = matchLabel(text, extra);
    return m?.kind === 'heading' ? m.group : undefined;
  }
  return undefined;
}
