/**
 * Finds where the indicator labels are: down one column (wide layout) or across one row, with an
 * optional heading row above it (long layout). Both resolve heading + phase pairs
 * ("Tỷ lệ hộ nghèo" then "- Đầu năm") into indicators.
 */
import { cellAt, cellText, type Cell, type Grid } from '../model/grid.js';
import { type Indicator, indicatorKind } from '../model/indicators.js';
import type { Lang } from '../model/lang.js';
import { INDICATOR_OF, matchLabel, type Group } from './aliases.js';
import { headerBand, type HeaderBand, type HeaderColumn } from './header.js';
import { parseSlot, slotKey, type SlotDims } from '../model/slots.js';
import { featuresOf, measureOnly, planAfter, recognise, saysNothing, namedByWhole } from './words.js';
import { describeIndicator, withPoint } from '../model/vocabulary.js';
import { hasAsciiDigit, labelKey } from './normalize.js';

export interface LabelLine {
  /** Position along the line (row index for wide, column index for long) → indicator and label cell. */
  hits: Map<number, { indicator: Indicator; cell: Cell; lang: Lang | 'key' }>;
  /** Positions holding a group heading on its own (the wide layout's "Tỷ lệ hộ nghèo" row). */
  headings: Set<number>;
  /** Rows heading a list of "of which" rows (`Trong đó:` without figures, under a count): no finding, printed as read. */
  listHeads?: Set<number>;
  distinct: number;
  /** The header band (scanRow): rows, each column's path, the column-number row and its formulas. */
  band?: HeaderBand;
}

/** A line with no labels found yet. */
export function emptyLine(): LabelLine {
  return { hits: new Map(), headings: new Set(), distinct: 0 };
}

function finish(line: LabelLine): LabelLine {
  // Most lines scanned hold no label, or one (a column of figures, a row of data): no set made for them.
  if (line.hits.size <= 1) line.distinct = line.hits.size;
  else {
    const indicators = new Set<Indicator>();
    for (const h of line.hits.values()) indicators.add(h.indicator);
    line.distinct = indicators.size;
  }
  return line;
}

export type ExtraLabels = ReadonlyMap<string, Indicator>;

/**
 * Labels down column `col`: a heading row sets the group for the phase-only rows under it. A heading with
 * figures in its row is an indicator at a point (`Tỷ lệ hộ nghèo` with a rate per unit); a label that is not
 * in the alias list is read for its parts (words.ts), when its row has figures.
 */
export function scanColumn(grid: Grid, col: number, extra?: ExtraLabels, maxRows = Infinity): LabelLine {
  const line = emptyLine();
  let context: Group | undefined;
  const rows = Math.min(grid.rows.length, maxRows);
  for (let r = 0; r < rows; r++) {
    const cell = cellAt(grid, r, col);
    const text = cellText(cell);
    if (!cell || text === '') continue;
    // A number, code or date (most cells down a column) is no label and names no indicator: nothing to try.
    if (saysNothing(text)) {
      context = undefined;
      continue;
    }
    const m = matchLabel(text, extra);
    if (m?.kind === 'indicator') {
      line.hits.set(r, { indicator: m.indicator, cell, lang: m.lang });
      context = undefined;
    } else if (m?.kind === 'heading' && figuresRight(grid, r, col)) {
      line.hits.set(r, { indicator: POINT_OF[m.group], cell, lang: m.lang });
      context = undefined;
    } else if (m?.kind === 'heading') {
      line.headings.add(r);
      context = m.group;
    } else if (m?.kind === 'phase' && context && INDICATOR_OF[context][m.phase]) {
      line.hits.set(r, { indicator: INDICATOR_OF[context][m.phase]!, cell, lang: m.lang });
    } else {
      const parts = m === undefined && figuresRight(grid, r, col) ? (recognise(text) ?? readByFigureBefore(text, line.hits.get(r - 1))) : undefined;
      if (parts) line.hits.set(r, { indicator: parts.key, cell, lang: parts.lang ?? 'key' });
      context = undefined;
    }
  }
  return finish(line);
}

/**
 * A label read by the figure before it (the row above, the column to the left), with that figure's dimensions:
 * `Tỷ lệ trong tổng số hộ nghèo` after `Số hộ nghèo dân tộc thiểu số` is the share of that count, `Tỷ lệ trong tổng
 * số hộ DTTS` its rate (words.ts namedByWhole); `Kế hoạch (%)` after a reduction is its target (planAfter).
 */
function readByFigureBefore(text: string, before: { indicator: Indicator } | undefined): { key: Indicator; lang: Lang | undefined } | undefined {
  if (!before) return undefined;
  const { indicator, ...dims } = parseSlot(before.indicator);
  const p = describeIndicator(indicator);
  if (!p || p.role !== 'value') return undefined;
  const hit = (p.measure === 'count' ? namedByWhole(text, p) : undefined) ?? planAfter(text, p);
  return hit && { key: slotKey(hit.key, dims), lang: hit.lang };
}

/** A group heading standing for its indicator at a point. */
const POINT_OF: Record<Group, Indicator> = { households: 'households', poor: 'poor', rate: 'rate' };

/** Whether a row holds a figure right of column `col` (a label row of the wide layout with its values). */
export function figuresRight(grid: Grid, r: number, col: number): boolean {
  const row = grid.rows[r];
  if (!row) return false;
  for (let c = col + 1; c < row.length; c++) {
    const cell = row[c];
    if (cell && hasAsciiDigit(cell.raw)) return true;
  }
  return false;
}

/**
 * Labels across row `row`, the lowest row of a header written over one to three rows (header.ts): each
 * column's path of header texts names its indicator and dimensions. A label the configuration maps, or a
 * whole label of the alias list, wins; a phase alone ("Đầu năm") takes its group from the heading above it;
 * anything else is read for its parts (words.ts).
 */
export function scanRow(grid: Grid, row: number, extra?: ExtraLabels): LabelLine {
  const line = emptyLine();
  const band = headerBand(grid, row);
  line.band = band;
  /** Columns whose header is not a label at all. */
  const unmatched = new Map<number, Cell>();
  for (const [c, h] of band.columns) {
    const cell = h.own ?? h.cells[h.cells.length - 1]!;
    // A header naming only a measure (`Số hộ`, `Tỷ lệ (%)`) is a column of a table whose rows are indicators.
    const hit = h.cells.length === 1 && measureOnly(cellText(cell)) && !extra?.has(labelKey(cellText(cell))) ? undefined : columnIndicator(h, extra);
    if (hit) line.hits.set(c, { indicator: hit.indicator, cell, lang: hit.lang });
    else unmatched.set(c, cell);
  }
  // `Số hộ nghèo | Tỷ lệ %`: a column naming only a measure, right after an indicator's count, measures that count.
  for (const [c, cell] of unmatched) {
    const left = line.hits.get(c - 1);
    const read = readByFigureBefore(cellText(cell), left);
    if (read) {
      line.hits.set(c, { indicator: read.key, cell, lang: left!.lang });
      continue;
    }
    const m = measureOnly(cellText(cell)) ? featuresOf(cell.raw).measure : undefined;
    if (!left || m === undefined || m === 'count' || indicatorKind(left.indicator) !== 'count') continue;
    const { indicator, ...dims } = parseSlot(left.indicator);
    const k = withPoint(indicator, { measure: m === 'rate' && describeIndicator(indicator)?.time === 'reduced' ? 'points' : m });
    if (k === undefined) continue;
    line.hits.set(c, { indicator: slotKey(k, dims), cell, lang: left.lang });
  }
  return finish(line);
}

/** The slot a header column names: configuration, whole label, heading + phase, else its parts; with the path's dimensions. */
function columnIndicator(h: HeaderColumn, extra?: ExtraLabels): { indicator: Indicator; lang: Lang | 'key' } | undefined {
  const texts = h.cells.map((c) => cellText(c));
  const dims: SlotDims = {
    ...(h.features.year !== undefined ? { year: h.features.year } : {}),
    ...(h.features.standard !== undefined ? { standard: h.features.standard } : {}),
    ...(h.features.bound !== undefined ? { bound: h.features.bound } : {}),
  };
  const own = texts[texts.length - 1]!;
  const whole = matchLabel(own, extra);
  if (whole?.kind === 'indicator' && !whole.indicator.includes('@')) return { indicator: slotKey(whole.indicator, dims), lang: whole.lang };
  if (whole?.kind === 'phase') {
    for (let i = texts.length - 2; i >= 0; i--) {
      const m = matchLabel(texts[i]!, extra);
      if (m?.kind === 'heading' && INDICATOR_OF[m.group][whole.phase]) return { indicator: slotKey(INDICATOR_OF[m.group][whole.phase]!, dims), lang: whole.lang };
    }
  }
  if (!h.key) return undefined;
  return { indicator: slotKey(h.key, dims), lang: h.features.lang ?? 'key' };
}
