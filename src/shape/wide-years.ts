/**
 * Years down a wide table: the same indicators given again for another year (`Năm 2016 | Tổng số hộ`, then `Năm
 * 2017 | Tổng số hộ`; `Tổng số hộ năm 2016`, `Tổng số hộ năm 2017`; a heading row `Năm 2017` over its rows). Each
 * indicator row takes its year (its label's, else the nearest above in a column of years or a heading row of one),
 * so the second year's rows are that year's slots, checked as the first's are, not duplicates of them.
 */
import { cellAt, cellText, type Grid } from '../model/grid.js';
import { parseSlot, withDims } from '../model/slots.js';
import { figuresRight, type LabelLine } from './scan.js';
import { isYearHeader } from './aliases.js';
import { featuresOf, hasYearDigits } from './words.js';
import { plainYearOf as yearOf } from './years.js';


const textAt = (grid: Grid, r: number, c: number) => cellText(cellAt(grid, r, c));

/**
 * Gives each indicator row of `line` its year when the years tell apart an indicator given twice (the heading rows
 * of years become the line's headings); returns the columns that held the years, no unit's (undefined, and `line`
 * untouched, when no indicator repeats by year).
 */
export function applyRowYears(grid: Grid, labelCol: number, width: number, line: LabelLine): ReadonlySet<number> | undefined {
  const rows = [...line.hits.keys()].sort((a, b) => a - b);
  if (rows.length < 2) return undefined;
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const marks = new Map<number, string>();
  const cols = yearColumns(grid, labelCol, width, first, last, marks);
  const headings = yearHeadings(grid, labelCol, first, last, marks);
  const yearAt = new Map<number, string>();
  let carried: string | undefined;
  for (let r = first - 1; r <= last; r++) {
    carried = marks.get(r) ?? carried;
    const hit = line.hits.get(r);
    if (!hit) continue;
    // A label without a year's digits names none (featuresOf, not asked: its patterns compile at first use).
    const text = cellText(hit.cell);
    const own = hasYearDigits(text) && /(?:19|20)\d\d/.test(text) ? featuresOf(text).year : undefined;
    const year = own ?? carried;
    if (year !== undefined && parseSlot(hit.indicator).year === undefined) yearAt.set(r, year);
  }
  if (!repeatsByYear(line, yearAt)) return undefined;
  for (const [r, year] of yearAt) {
    const hit = line.hits.get(r)!;
    line.hits.set(r, { ...hit, indicator: withDims(hit.indicator, { year }) });
  }
  for (const r of headings) line.headings.add(r);
  return cols;
}

/**
 * Columns beside the labels, headed `Năm` or nothing, whose cells among the indicator rows are years, two or more. The
 * cells are read first (a column of figures or units of measure stops at its first cell), the header only then.
 */
function yearColumns(grid: Grid, labelCol: number, width: number, first: number, last: number, marks: Map<number, string>): Set<number> {
  const out = new Set<number>();
  for (let c = 0; c < width; c++) {
    if (c === labelCol) continue;
    const found = new Map<number, string>();
    let ok = true;
    for (let r = first; r <= last && ok; r++) {
      const t = textAt(grid, r, c);
      if (t === '') continue;
      const y = yearOf(t);
      if (y === undefined) ok = false;
      else found.set(r, y);
    }
    if (!ok || new Set(found.values()).size < 2 || !isYearHeader(headerAbove(grid, first, c), true)) continue;
    out.add(c);
    for (const [r, y] of found) marks.set(r, y);
  }
  return out;
}

/** The nearest text above row `first` in column `c` (its header). */
function headerAbove(grid: Grid, first: number, c: number): string {
  for (let r = first - 1; r >= 0; r--) {
    const t = textAt(grid, r, c);
    if (t !== '') return t.trim();
  }
  return '';
}

/** Rows of the label column that are a year alone without figures (`Năm 2017`), just above or among the indicator rows. */
function yearHeadings(grid: Grid, labelCol: number, first: number, last: number, marks: Map<number, string>): Set<number> {
  const out = new Set<number>();
  for (let r = Math.max(0, first - 1); r <= last; r++) {
    const y = yearOf(textAt(grid, r, labelCol));
    if (y === undefined || figuresRight(grid, r, labelCol)) continue;
    out.add(r);
    marks.set(r, y);
  }
  return out;
}

/** Whether some indicator is on rows of two different years (the years are what tells its rows apart). */
function repeatsByYear(line: LabelLine, yearAt: ReadonlyMap<number, string>): boolean {
  const seen = new Map<string, string>();
  for (const [r, year] of yearAt) {
    const ind = line.hits.get(r)!.indicator;
    const before = seen.get(ind);
    if (before !== undefined && before !== year) return true;
    seen.set(ind, year);
  }
  return false;
}
