/**
 * Wide layout, as in the seed annex: one row per indicator (optional STT column, a label column, optional
 * unit-of-measure column), one column per unit, a header row of unit names above the first indicator row.
 */
import { cellAt, cellText, columnLetters, gridWidth, type Cell, type Grid } from '../model/grid.js';
import type { Finding } from '../model/finding.js';
import { indicatorKind, type Indicator } from '../model/indicators.js';
import { parseSlot, slotKey, withDims } from '../model/slots.js';
import { describeIndicator, indicatorKey, type Measure } from '../model/vocabulary.js';
import { adminLevel, closesTable, isOfWhichName } from './structure.js';
import { foldKey, hasAsciiDigit } from './normalize.js';
import { comparedWithYear, featuresOf, hasYearDigits, measureOnly, PLAN_WORDS, recognise, withoutYearMark } from './words.js';
import { titleTotal } from './title.js';
import { applyRowYears } from './wide-years.js';
import { yearChange, type YearChange } from './years.js';
import { settleListedParts } from './listed-parts.js';
import { isLabelHeader, isMeasureHeader, isMeasureValue, isNotesHeader, isSttHeader } from './aliases.js';
import { columnTexts, LIST_MARKER, mayHaveListMarker, newDraft, partName, takeIndicators, tidyName, unknownLabelParams, unnamedTotal, type Draft } from './draft.js';
import { unknownColumn, unlabelledColumn } from './long.js';
import { figuresRight, type LabelLine } from './scan.js';

/** STT values: 1, 2, 6.1, I, II, a … */
const STT_VALUE = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXivx]{1,5}\.?|[a-zđ][.)]?)$/u;

export function readWide(grid: Grid, labelCol: number, line: LabelLine): Draft {
  const draft = newDraft('wide');
  // The unit-of-measure column (`ĐVT`), headed above the first indicator row. A row whose unit of measure is not its
  // indicator's (`hộ cận nghèo | %/năm`, `Số hộ nghèo … | Tỷ đồng`) is not read.
  const measureCol = line.hits.size > 0 ? measureColumn(grid, labelCol, Math.min(...line.hits.keys())) : undefined;
  const mismatched = contradictedRows(grid, line, measureCol);
  for (const r of mismatched) line.hits.delete(r);
  const yearCols = applyRowYears(grid, labelCol, gridWidth(grid), line);
  const subRows = subSlotRows(grid, labelCol, line);
  for (const r of subRows.keys()) line.hits.delete(r);
  const rows: Map<number, Indicator> = takeIndicators(line, draft);
  addSubSlotRows(draft, rows, subRows);
  const blockRows = [...line.hits.keys(), ...line.headings, ...subRows.keys()];
  const block: WideBlock = { grid, labelCol, rows, firstRow: Math.min(...blockRows), lastRow: Math.max(...blockRows), width: gridWidth(grid), ...(yearCols ? { yearCols } : {}) };
  block.headerRow = headerRowAbove(block);
  const { headerRow } = block;
  // Years as columns (one table per indicator, one unit): each column is a year of the unit the title names.
  const series = headerRow === undefined ? undefined : yearColumns(grid, headerRow, labelCol, block.width);
  const years = series?.years;
  const unitCols = unitColumns(block, draft, series);
  const measures = !years && headerRow !== undefined ? measureColumns(unitCols.map((c) => headerText(block, c))) : undefined;
  if (years) {
    readYearColumns(grid, draft, rows, unitCols, years, headerRow!);
    const change = series!.change;
    // The fall beside the two years, each row's, when every row with a figure under it can have one (else it is
    // reported as a comparison and printed as read).
    if (change && !readYearChange(grid, draft, rows, years, change)) {
      series!.besides.set(change.col, 'comparison');
      const at = cellAt(grid, headerRow!, change.col);
      draft.findings.push({ rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: { text: cellText(at), kind: 'comparison' } } });
    }
  }
  else if (measures) readMeasureColumns(grid, draft, rows, unitCols, measures, headerRow!);
  else readUnitColumns(block, draft, unitCols);
  // Among years, a period's column, a plan's beside the year's results and a comparison's, and a notes column
  // (`Ghi chú`) with notes are printed as read (`table`).
  const asRead = keptColumns(block, (c) => series?.besides.has(c) || isNotesHeader(headerText(block, c)) || (c > labelCol && !years?.has(c) && isPlanHeader(headerText(block, c))));
  if (asRead.length > 0) draft.columnsNotRead = asRead;
  const stray = reportStrayRows(block, draft, line, unitCols, mismatched);
  // The rows it does not read are rows of the table as printed (`table` prints them under the units', years' or
  // measures' columns, and the fall's beside two years when it was read).
  const changeCol = series?.change && !series.besides.has(series.change.col) ? [series.change.col] : [];
  if (stray.length > 0) draft.rowsNotRead = stray.map((r) => rowNotRead(block, r, [...unitCols, ...changeCol], measureCol));
  return draft;
}

/** The indicator rows' block: the grid, the label column, the rows by indicator, their extent, the header row above. */
interface WideBlock {
  grid: Grid;
  labelCol: number;
  rows: Map<number, Indicator>;
  firstRow: number;
  lastRow: number;
  width: number;
  headerRow?: number;
  /** Columns of the rows' years (wide-years.ts): no unit's. */
  yearCols?: ReadonlySet<number>;
}

const textAt = (grid: Grid, r: number, c: number) => cellText(cellAt(grid, r, c));
const headerText = (b: WideBlock, c: number) => (b.headerRow === undefined ? '' : textAt(b.grid, b.headerRow, c));

/** Breakdown and "of which" rows as slots of the indicator row they belong to (a label given twice keeps the first). */
function addSubSlotRows(draft: Draft, rows: Map<number, Indicator>, subRows: ReadonlyMap<number, SubRow>): void {
  for (const [r, sub] of subRows) {
    if (!rows.has(sub.parentRow)) continue;
    const parent = rows.get(sub.parentRow)!;
    const key = slotKey(parent, { part: sub.part });
    if (draft.labelCells[key]) continue;
    rows.set(r, key);
    draft.indicators.push(key);
    draft.labelCells[key] = sub.cell;
    (draft.subSlots ??= new Map()).set(key, { parent, relation: sub.relation, group: sub.group, ...(sub.heading !== undefined ? { heading: sub.heading } : {}) });
  }
  if (draft.subSlots) settleListedParts(draft.subSlots);
}

/**
 * Header row: the nearest row above the block with text right of the label column that is not a row of figures (rows
 * the vocabulary does not name above its first indicator, `Thu nhập bình quân đầu người | 40,5 | 38,2`, are data,
 * reported as not understood: as the header they made their figures the units' names and the rows above vanished).
 */
function headerRowAbove({ grid, labelCol, firstRow, width }: WideBlock): number | undefined {
  for (let r = firstRow - 1; r >= 0; r--) {
    if (figuresRow(grid, r, labelCol, width)) continue;
    for (let c = labelCol + 1; c < width; c++) if (textAt(grid, r, c) !== '') return r;
  }
  return undefined;
}

/**
 * A figure as a cell gives it: a number (`40,5`, `2.808`, `7,3 trở lên`) or one given approximately (`trên 80`), not a
 * year (`2020`, a header of years) nor a name with a number (`Quận 10`, `Phường 1`).
 */
const FIGURE = /^(?:[+\-\u2212]?\d|(?:trên|dưới|hơn|gần|khoảng|tối thiểu|tối đa|ít nhất|không quá)\s*\d)/iu;
const YEAR_ONLY = /^(?:19|20)\d\d$/;

/**
 * A labelled row whose cells right of its label are figures (`40,5`, `2.808`, `trên 80`, `7,3 trở lên`) at least as
 * many as its other texts (a unit of measure, `Triệu đồng`, stands beside one figure in a table of one
 * unit): data, not the header, which names units, years or measures.
 */
function figuresRow(grid: Grid, r: number, labelCol: number, width: number): boolean {
  if (textAt(grid, r, labelCol) === '') return false;
  let figures = 0;
  let texts = 0;
  for (let c = labelCol + 1; c < width; c++) {
    const t = textAt(grid, r, c);
    if (t === '') continue;
    // FIGURE needs a digit: a text without one (a unit's name) is not tried against it.
    if (hasAsciiDigit(t) && FIGURE.test(t) && !YEAR_ONLY.test(t)) figures++;
    else texts++;
  }
  return figures >= 1 && figures >= texts;
}

/** The columns that are units (or years); a column with something in it that is neither is reported. */
function unitColumns(b: WideBlock, draft: Draft, series: YearColumns | undefined): number[] {
  const years = series?.years;
  const { grid, labelCol, rows, headerRow } = b;
  const unitCols: number[] = [];
  for (let c = 0; c < b.width; c++) {
    if (c === labelCol || b.yearCols?.has(c)) continue;
    const head = headerText(b, c);
    const data = [...rows.keys()].map((r) => textAt(grid, r, c)).filter((t) => t !== '');
    if (head === '' && data.length === 0) continue; // empty column
    if (isNotesHeader(head) || isMeasureHeader(head) || isSttHeader(head) || isLabelHeader(head)) continue;
    if (data.length > 0 && data.every(isMeasureValue)) continue; // ĐVT column, whatever its header says
    if (years?.has(c)) {
      unitCols.push(c);
      continue;
    }
    // The fall between the two years: each row's change (readYearChange).
    if (c === series?.change?.col) continue;
    // Beside years, a period's, a plan's or a comparison's column is no unit: reported (and printed as read, keptColumns).
    const beside = series?.besides.get(c);
    if (beside) {
      const at = headerRow !== undefined ? cellAt(grid, headerRow, c) : undefined;
      draft.findings.push({ rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: { text: head, kind: beside } } });
      continue;
    }
    // A plan's column, or an achievement's against it (`Kế hoạch`, `Đạt so với kế hoạch (%)`), beside the rows'
    // figures: of each row's indicator, no unit (its rates read as households were false errors). Reported, and
    // printed as read (keptColumns).
    if (c > labelCol && isPlanHeader(head)) {
      const at = headerRow !== undefined ? cellAt(grid, headerRow, c) : undefined;
      draft.findings.push({ rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: { text: head, kind: 'planColumn' } } });
      continue;
    }
    if (c < labelCol) {
      // Left of the labels only row numbers belong; anything else is reported.
      if (head === '' && data.every((t) => STT_VALUE.test(t))) continue;
      draft.findings.push(notAUnit(b, c, head));
      continue;
    }
    // A column with no number in any indicator row is not a unit (a notes column by another name,
    // or a unit left blank): reported, not checked.
    if (!data.some(hasAsciiDigit)) {
      draft.findings.push(notAUnit(b, c, head));
      continue;
    }
    unitCols.push(c);
  }
  return unitCols;
}

/**
 * A header naming a plan, a target or an achievement against one (`Kế hoạch`, `Mục tiêu`, `Đạt so với kế hoạch (%)`),
 * never a place (`Huyện Giao Thủy`: `giao` is also the word of a target assigned).
 */
const isPlanHeader = (head: string) => head !== '' && adminLevel(head) === undefined && featuresOf(head).role !== undefined;

/** Each column a unit named by its header (else its letter), a value per indicator row (an empty cell where none is). */
function readUnitColumns(b: WideBlock, draft: Draft, unitCols: readonly number[]): void {
  const { grid, headerRow, rows } = b;
  // The indicator rows listed once, read by index under each unit (code run a few times a file stays in V8's
  // baseline tiers, where a map's entries read with `for … of` are an array and a result object each).
  const rowList = Array.from(rows.keys());
  const indicators = Array.from(rows.values());
  for (const c of unitCols) {
    const head = headerText(b, c);
    const headCell = headerRow === undefined ? undefined : cellAt(grid, headerRow, c);
    const name = head !== '' ? tidyName(head) : columnLetters(c);
    const unit = draft.units.push(headCell && head !== '' ? { name, cell: headCell } : { name }) - 1;
    for (let k = 0; k < rowList.length; k++) {
      const r = rowList[k]!;
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator: indicators[k]!, cell });
    }
  }
}

/**
 * Rows that carry something but are not indicators are reported, never dropped silently; returns the labelled ones
 * (an indicator's second row too, reported as a duplicate).
 */
function reportStrayRows(b: WideBlock, draft: Draft, line: LabelLine, unitCols: readonly number[], mismatched: ReadonlySet<number>): number[] {
  const labelled: number[] = [];
  const { grid, labelCol, rows, headerRow, firstRow, lastRow } = b;
  const startRow = headerRow === undefined ? 0 : headerRow + 1;
  for (let r = startRow; r < grid.rows.length; r++) {
    if (rows.has(r) || line.headings.has(r) || columnNumberRow(grid, r)) continue;
    // Below the indicators, the signature block (or the place and date over it) ends the table.
    if (r > lastRow && closesTable(Array.from(grid.rows[r] ?? [], (c) => cellText(c)))) break;
    const label = cellAt(grid, r, labelCol);
    const labelText = cellText(label);
    // A figure in any column right of the label counts too (rows whose figures stand only in a column that is no
    // unit's, a period `Giai đoạn 2021 - 2024`, were dropped without a word).
    const hasValues = unitCols.some((c) => textAt(grid, r, c) !== '') || figuresRight(grid, r, labelCol);
    // The header printed again (typed over a page break: `Chỉ tiêu` over the units' names): no figure, nothing to say.
    if (isLabelHeader(labelText) && !unitCols.some((c) => /\d/.test(textAt(grid, r, c)))) continue;
    const duplicateLabel = line.hits.has(r); // an indicator given twice: already reported
    if (duplicateLabel || line.listHeads?.has(r)) {
      labelled.push(r);
      continue;
    }
    if (labelText !== '' && label && (hasValues || (r > firstRow && r < lastRow))) {
      const params = mismatched.has(r) ? { text: labelText, kind: 'measureMismatch' as const } : unknownLabelParams(labelText, unitCols.map((c) => textAt(grid, r, c)));
      draft.findings.push({ rule: 'unknown', severity: 'warning', at: label, msg: { id: 'unknown.row', params } });
      labelled.push(r);
    } else if (labelText === '' && hasValues) {
      const at = cellAt(grid, r, unitCols.find((c) => textAt(grid, r, c) !== '')!);
      draft.findings.push({ rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.unlabelled-row', params: { row: r + 1 } } });
    }
  }
  return labelled;
}

/** Row `r` as printed: its label, its unit of measure (the `ĐVT` column's), its cells under the units' columns. */
function rowNotRead(b: WideBlock, r: number, unitCols: readonly number[], measureCol: number | undefined): NonNullable<Draft['rowsNotRead']>[number] {
  const measure = measureCol === undefined ? '' : textAt(b.grid, r, measureCol);
  const cells = new Map<number, string>();
  for (const c of unitCols) {
    const t = textAt(b.grid, r, c);
    if (t !== '') cells.set(c, t);
  }
  const labelCell = cellAt(b.grid, r, b.labelCol)!;
  return { row: r, label: cellText(labelCell), labelCell, ...(measure !== '' ? { measure } : {}), cells };
}

/** The unit-of-measure column (`ĐVT`): the first headed so in a row above `above` (the first indicator row). */
function measureColumn(grid: Grid, labelCol: number, above: number): number | undefined {
  for (let r = 0; r < above; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) if (c !== labelCol && isMeasureHeader(cellText(row[c]))) return c;
  }
  return undefined;
}

/**
 * The indicator rows whose unit of measure (in `measureCol`) is not their indicator's: a rate's is a percentage or
 * points, a count of households' households (`Hộ`, `Lượt hộ`), of persons' persons.
 */
function contradictedRows(grid: Grid, line: LabelLine, measureCol: number | undefined): Set<number> {
  const out = new Set<number>();
  if (measureCol === undefined) return out;
  for (const [r, hit] of line.hits) if (contradicts(hit.indicator, measureOf(textAt(grid, r, measureCol)))) out.add(r);
  // Every row contradicted: the column is not the rows' units of measure after all.
  return out.size === line.hits.size ? new Set() : out;
}

/** What a unit of measure says is counted: a rate (`%`, `%/năm`, `điểm`), households, persons, something else (money, houses, cards). */
function measureOf(text: string): 'rate' | 'households' | 'persons' | 'other' | undefined {
  if (text.includes('%')) return 'rate';
  const k = foldKey(text);
  if (k === '') return undefined;
  if (/\b(?:diem|phan tram|percent|points?|pp)\b/.test(k)) return 'rate';
  if (/^(?:luot )?ho(?: gia dinh)?$|^households?$/.test(k)) return 'households';
  if (/^(?:nguoi|khau|nhan khau|luot nguoi|persons?|people)$/.test(k)) return 'persons';
  return 'other';
}

function contradicts(ind: Indicator, m: ReturnType<typeof measureOf>): boolean {
  if (m === undefined) return false;
  if (indicatorKind(ind) === 'rate') return m !== 'rate';
  return m !== (ind.includes('persons') ? 'persons' : 'households');
}

/** The forms' column-number row under the header (`A | B | C | 1 | 2 | 3`): every cell a letter or a small number. */
function columnNumberRow(grid: Grid, r: number): boolean {
  let n = 0;
  for (const cell of grid.rows[r] ?? []) {
    const t = cellText(cell);
    if (t === '') continue;
    if (!/^(?:[A-Za-z]|\(?\d{1,2}\)?)$/.test(t)) return false;
    n++;
  }
  return n >= 3;
}

/** A column that is not a unit: the long layout's findings, at its header cell (with no header, its first cell with content). */
function notAUnit({ grid, headerRow, rows }: WideBlock, c: number, head: string): Finding {
  if (head !== '') return unknownColumn(headerRow !== undefined ? cellAt(grid, headerRow, c) : undefined, head);
  const r = [...rows.keys()].find((row) => textAt(grid, row, c) !== '')!;
  return unlabelledColumn(cellAt(grid, r, c)!);
}

/**
 * The row of the count a heading without figures breaks down (`Hộ nghèo phân theo dân tộc`, `Số hộ nghèo chia
 * theo nguyên nhân`): the count's own row, when the table gives it with figures.
 */
function breakdownHeading(text: string, line: LabelLine): number | undefined {
  // Every match has `theo` (no other letter folds to t, h, e or o under /iu): a label without it is not tried.
  const m = text.toLowerCase().includes('theo') ? /^(.*?)\s+(?:phân theo|chia theo|theo)\s+\S/iu.exec(text) : null;
  const hit = m ? recognise(m[1]!) : undefined;
  if (!hit || indicatorKind(hit.key) !== 'count') return undefined;
  for (const [r, h] of line.hits) if (h.indicator === hit.key) return r;
  return undefined;
}


interface SubRow {
  parentRow: number;
  part: string;
  cell: Cell;
  relation: 'breakdown' | 'of-which';
  /** Which list of rows under the parent it is in (a count broken down two ways). */
  group: number;
  /** The heading without figures it is listed under, if any (`Hộ nghèo phân theo dân tộc`). */
  heading?: string;
}

/**
 * Rows under a count indicator with figures: breakdown rows (`- Chuyển sang hộ cận nghèo` under `Số hộ thoát
 * nghèo`: they add up to it) and "of which" rows (`Trong đó: hộ DTTS`, or the items listed under a bare
 * `Trong đó:`: each at most it). A dash row under a heading without figures (the seed's `- Đầu năm`) is a
 * phase, not a breakdown.
 */
function subSlotRows(grid: Grid, labelCol: number, line: LabelLine): Map<number, SubRow> {
  const out = new Map<number, SubRow>();
  let parent: number | undefined;
  let parentMark: string | undefined;
  let ofWhichList = false;
  let group = 0;
  let heading: string | undefined;
  for (let r = 0; r < grid.rows.length; r++) {
    const cell = cellAt(grid, r, labelCol);
    const text = cellText(cell);
    if (!cell || text === '') continue;
    const figures = figuresRight(grid, r, labelCol);
    const ofWhich = isOfWhichName(text);
    const listed = mayHaveListMarker(text) && LIST_MARKER.test(text);
    if (parent !== undefined && ofWhich && !figures) {
      // `Trong đó:` (`Trong đó, tỷ lệ các nhóm đối tượng hộ nghèo:`) heads the list: understood, printed as read.
      ofWhichList = true;
      (line.listHeads ??= new Set()).add(r);
      continue;
    }
    // `Hộ nghèo phân theo dân tộc` without figures, after `Hộ nghèo` with figures: the rows listed under it
    // break that count down (they add up to it).
    const by = !figures ? breakdownHeading(text, line) : undefined;
    if (by !== undefined) {
      parent = by;
      ofWhichList = false;
      group++;
      heading = tidyName(text);
      line.headings.add(r);
      continue;
    }
    // A row listed with the same mark as its would-be parent is its sibling (`- Hộ nghèo dân tộc thiểu số`, `- Hộ
    // nghèo về thu nhập` under a total not read): the parent a list's rows belong to is not one of them; a row
    // that says it is "of which" (`- Trong đó: …`) is still the row's above.
    const sibling = listed && !ofWhich && parentMark !== undefined && markOf(text) === parentMark;
    if (parent !== undefined && figures && (ofWhich || listed) && !sibling) {
      const part = partName(text);
      if (part !== '') out.set(r, { parentRow: parent, part, cell, relation: ofWhich || ofWhichList ? 'of-which' : 'breakdown', group, ...(heading !== undefined ? { heading } : {}) });
      continue;
    }
    ofWhichList = false;
    const hit = line.hits.get(r);
    parent = hit && figures && indicatorKind(hit.indicator) === 'count' ? r : undefined;
    parentMark = parent !== undefined && listed ? markOf(text) : undefined;
    group++;
    heading = undefined;
  }
  return out;
}

/** The list mark a label starts with (`-`, `+`, `•` …; the dashes `–`, `—` as `-`). */
const markOf = (text: string) => (LIST_MARKER.exec(text)?.[0].trim() ?? '').replace(/[–—]/u, '-');

/** A year column's heading: `2020`, `Năm 2020` (PLAIN_YEAR), or a plan's `Kế hoạch năm 2021`, `Mục tiêu năm 2025`. */
const PLAIN_YEAR = /^(?:năm\s*|year\s*)?\d{4}$/iu;
/** The words before a year that name its results (those that name its plan: words.ts `PLAN_WORDS`). */
const RESULT_WORDS = 'ước thực hiện|ước th|ước|thực hiện|th|dự kiến|dự ước|sơ bộ';
const YEAR_HEADER = new RegExp(`^(?:(?:${PLAN_WORDS}|${RESULT_WORDS})\\s*[-–]?\\s*)?(?:năm\\s*|year\\s*)?\\d{4}$`, 'iu');
/** A year's heading that names the year's plan (`Kế hoạch năm 2023`, `KH 2023`, `Mục tiêu năm 2025`). */
const PLAN_YEAR = new RegExp(`^(?:${PLAN_WORDS})\\s`, 'iu');
/** A column comparing two others (`So sánh (%)`, `Tỷ lệ đạt so với KH`, `% so với cùng kỳ`, `Tăng/giảm`). */
const COMPARISON_HEADER = /^(?:so sánh|so với|ss\b|t[ỷỉ] lệ đạt|mức đạt|đạt\b|%\s*(?:so|đạt|kh\b|kế hoạch|thực hiện)|tăng\s*[/,-]?\s*giảm|tăng\s*\(\s*\+\s*\)|chênh lệch|compared|% of (?:the )?(?:plan|target))/iu;

/** The columns of a series by year: each year's column, and the columns beside them that no year is (read as printed). */
interface YearColumns {
  years: Map<number, string>;
  besides: Map<number, 'period' | 'planBeside' | 'comparison' | 'planColumn' | 'increase'>;
  /** The column of the fall between the two years, after both (`Giảm (%)`): read as each row's change (readYearColumns). */
  change?: { col: number } & YearChange;
}

/**
 * The columns of a header row that are years (`2010 … 2018`), when every unit column of it is one: the table is
 * then one unit's series. A year printed twice, as its plan and as its results (`Kế hoạch năm 2023`, `Ước thực hiện
 * năm 2023`), is read from its results; its plan's column, a period's (`Giai đoạn 2016-2020`) and a comparison's
 * (`So sánh (%)`) are beside the years.
 */
function yearColumns(grid: Grid, headerRow: number, labelCol: number, width: number): YearColumns | undefined {
  if (!twoYearHeadings(grid, headerRow, labelCol, width)) return undefined;
  const byYear = new Map<string, Array<{ col: number; plan: boolean }>>();
  const besides: YearColumns['besides'] = new Map();
  const changes: number[] = [];
  for (let c = labelCol + 1; c < width; c++) {
    const full = cellText(cellAt(grid, headerRow, c));
    if (full === '' || isNotesHeader(full) || isMeasureHeader(full)) continue;
    // A mark after the year (`2021 (ước)`, `2021*`) is kept for the heading (readYearColumns), not read as a unit's name.
    const t = withoutYearMark(full);
    // A preliminary year (`Sơ bộ - 2022`, a yearbook's last column) names no year to the words: read from the header.
    const y = featuresOf(t).year ?? (YEAR_HEADER.test(t) ? /(\d{4})$/.exec(t)?.[1] : undefined);
    // `2020`, `Năm 2020`, and a plan's `Kế hoạch năm 2021`, `Ước thực hiện năm 2021`, `Mục tiêu năm 2025`.
    if (y !== undefined && YEAR_HEADER.test(t)) (byYear.get(y) ?? byYear.set(y, []).get(y)!).push({ col: c, plan: PLAN_YEAR.test(t) });
    // A period among the years (`Giai đoạn 2016-2020`, `Năm 2022 - 2023`): its figures are over several years, not a
    // unit's; it keeps the others from being years no more (reported and printed as read).
    else if (isPeriodHeader(full)) besides.set(c, 'period');
    else if (COMPARISON_HEADER.test(full.trim())) besides.set(c, 'comparison');
    // The fall between the years (`Giảm (%)`, `Mức giảm (điểm %)`): read when it follows exactly two years (below).
    else if (yearChange(full) !== undefined) changes.push(c);
    // A rise (`Tăng (%)`): the vocabulary has no rise, and its sign is the fall's opposite; a plan or an
    // achievement against one beside the years (`Chỉ tiêu giao (%)`). Neither stops the others being years.
    else if (featuresOf(full).increase) besides.set(c, 'increase');
    else if (isPlanHeader(full)) besides.set(c, 'planColumn');
    // A column that is none of these: not a series (nothing of what the loop gathered is used).
    else return undefined;
  }
  const years = new Map<number, string>();
  for (const [y, cols] of byYear) {
    // One column a year; a year's plan beside its results (or beside a heading of the year alone) is not the year's.
    const read = cols.length === 1 ? cols[0] : cols.length === 2 && cols.filter((x) => x.plan).length === 1 ? cols.find((x) => !x.plan) : undefined;
    if (!read) return undefined;
    years.set(read.col, y);
    for (const x of cols) if (x !== read) besides.set(x.col, 'planBeside');
  }
  if (years.size < 2) return undefined;
  // One fall, after exactly two years: the change between them. Else (three years, two falls) it says not which
  // years it is between: reported as a comparison and printed as read.
  const [col] = changes;
  const change = changes.length === 1 && years.size === 2 && [...years.keys()].every((y) => y < col!) ? { col: col!, ...yearChange(cellText(cellAt(grid, headerRow, col!)))! } : undefined;
  if (!change) for (const c of changes) besides.set(c, 'comparison');
  return { years: new Map([...years].sort((a, b) => a[0] - b[0])), besides, ...(change ? { change } : {}) };
}

/**
 * Whether two cells of the header row right of the labels have a year's four digits in a row: a series has two years,
 * each read from its heading (`2020`, `Năm 2020`, `Kế hoạch năm 2021`), so a header with fewer (a table of units)
 * is none, its headings not read one pattern after another.
 */
function twoYearHeadings(grid: Grid, headerRow: number, labelCol: number, width: number): boolean {
  let n = 0;
  for (let c = labelCol + 1; c < width; c++) if (hasYearDigits(cellText(cellAt(grid, headerRow, c))) && ++n === 2) return true;
  return false;
}

const PERIOD_HEADER = /^(?:giai đoạn|gđ|thời kỳ|năm|period|years?)?\s*(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d(?:\s*\([^()]*\))?$/iu;
const isPeriodHeader = (t: string) => PERIOD_HEADER.test(t.trim());

/** The columns `keep` picks, right of the labels and with something under the header, their cells by row (Annex.columnsNotRead). */
function keptColumns(b: WideBlock, keep: (c: number) => boolean): NonNullable<Draft['columnsNotRead']> {
  const out: NonNullable<Draft['columnsNotRead']> = [];
  if (b.headerRow === undefined) return out;
  for (let c = b.labelCol + 1; c < b.width; c++) {
    if (!keep(c)) continue;
    const cells = columnTexts(b.grid, c, b.headerRow);
    if (cells.size > 0) out.push({ col: c, header: headerText(b, c), headerCell: cellAt(b.grid, b.headerRow, c)!, cells });
  }
  return out;
}

/** One unit's series by year: the unit named in the title rows (`Chỉ tiêu toàn Tỉnh`), each row's slot per year. */
function readYearColumns(grid: Grid, draft: Draft, rows: Map<number, Indicator>, cols: number[], years: Map<number, string>, headerRow: number): void {
  // A year's heading that says more than the year (`Kế hoạch năm 2021`) is printed as the table has it.
  for (const [c, y] of years) {
    const t = cellText(cellAt(grid, headerRow, c));
    if (!PLAIN_YEAR.test(t)) (draft.yearHeadings ??= {})[y] = t;
  }
  const named = titleTotal(grid, headerRow);
  const unit = draft.units.push(named ? { name: named.name, cell: named.cell } : { name: unnamedTotal(draft) }) - 1;
  const labelCells = draft.labelCells;
  const base = [...draft.indicators];
  draft.indicators.length = 0;
  for (const [r, indicator] of rows) {
    for (const c of cols) {
      const key = withDims(indicator, { year: years.get(c)! });
      if (!draft.indicators.includes(key)) {
        draft.indicators.push(key);
        labelCells[key] = labelCells[indicator]!;
      }
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator: key, cell });
    }
  }
  for (const ind of base) delete labelCells[ind];
  if (draft.subSlots) {
    const subs = new Map(draft.subSlots);
    draft.subSlots.clear();
    for (const [key, sub] of subs) for (const y of years.values()) draft.subSlots.set(withDims(key, { year: y }), { ...sub, parent: withDims(sub.parent, { year: y }) });
  }
}

/**
 * The fall between a series' two years (`Chỉ tiêu | Năm 2021 (%) | Năm 2022 (%) | Giảm (%)`), each indicator row's
 * change slot without a year (the rate's fall in points, a count's in households): rate-change and flow check it as
 * the change between the two years a table prints (relations/slots.ts `seriesChange`), as they do a row of falls
 * (`Mức giảm tỷ lệ hộ nghèo` under `2021 | 2022`) or a table of units (`năm 2021 | năm 2022 | Mức giảm`). False,
 * nothing read, when a row with a figure under it has no such fall: not a value at a point (a flow, an end of year), a
 * measure the heading contradicts (`Giảm (%)` beside a count: a relative fall), a population without one.
 */
function readYearChange(grid: Grid, draft: Draft, rows: ReadonlyMap<number, Indicator>, years: ReadonlyMap<number, string>, change: { col: number } & YearChange): boolean {
  const read: Array<{ key: Indicator; label: Cell; cell: Cell }> = [];
  for (const [r, indicator] of rows) {
    const cell = cellAt(grid, r, change.col);
    if (cellText(cell) === '') continue;
    const { indicator: base, ...dims } = parseSlot(indicator);
    const p = describeIndicator(base);
    if (!p || p.time !== 'point' || p.role !== 'value' || dims.part !== undefined) return false;
    const rate = p.measure === 'rate';
    if (change.measure !== undefined && (change.measure === 'rate') !== rate) return false;
    if (!rate && p.measure !== 'count' && p.measure !== 'persons') return false;
    const k = indicatorKey({ ...p, time: 'reduced', measure: rate ? 'points' : p.measure });
    const year = [...years.values()][0]!;
    const key = k === undefined ? undefined : slotKey(k, dims);
    const label = draft.labelCells[withDims(indicator, { year })];
    if (key === undefined || !label || read.some((x) => x.key === key)) return false;
    read.push({ key, label, cell: cell! });
  }
  if (read.length === 0) return false;
  const unit = draft.units.length - 1;
  for (const { key, label, cell } of read) {
    draft.indicators.push(key);
    draft.labelCells[key] = label;
    if (change.since !== undefined) (draft.comparedWith ??= {})[key] = change.since;
    draft.values.push({ unit, indicator: key, cell });
  }
  return true;
}

/** The measure each column names, when every unit column names only a measure (`Số hộ | Số nhân khẩu | Tỷ lệ (%)`). */
function measureColumns(heads: string[]): ColumnMeasure[] | undefined {
  if (heads.length === 0) return undefined;
  const out: ColumnMeasure[] = [];
  for (const h of heads) {
    if (h === '') return undefined;
    if (measureOnly(h)) out.push({ measure: featuresOf(h).measure! });
    else {
      // A change measured in the row's own terms (`Giảm so với năm 2017 (%)`): the row's reduction, in points.
      const f = featuresOf(h);
      if (f.time !== 'reduced' || f.population !== undefined || f.role !== undefined || f.em || f.area !== undefined || f.increase || f.share) return undefined;
      // An average fall a year (`Giảm bình quân (%/năm)`): a column of the table, not read (no indicator stands for it).
      if (f.average) {
        out.push({ measure: 'points', time: 'reduced', average: true });
        continue;
      }
      const since = comparedWithYear(h);
      out.push({ measure: f.measure ?? 'count', time: 'reduced', ...(since !== undefined ? { since } : {}) });
    }
  }
  // At least one plain measure: a table of reductions alone is read otherwise.
  return out.some((m) => m.time === undefined) ? out : undefined;
}

/** What a measure column measures: a measure of the row's indicator, or its reduction. */
interface ColumnMeasure {
  measure: Measure;
  time?: 'reduced';
  /** The year a reduction column says it is against (`Giảm so với năm 2017 (%)`): `Annex.comparedWith`. */
  since?: string;
  /** An average a year over a period: reported as not understood, its cells not read. */
  average?: boolean;
}

/** One unit's indicators (rows) measured several ways (columns): a slot per row and measure. */
function readMeasureColumns(grid: Grid, draft: Draft, rows: Map<number, Indicator>, cols: number[], measures: ColumnMeasure[], headerRow: number): void {
  const named = titleTotal(grid, headerRow);
  const unit = draft.units.push(named ? { name: named.name, cell: named.cell } : { name: unnamedTotal(draft) }) - 1;
  const labelCells = { ...draft.labelCells };
  const base = [...draft.indicators];
  draft.indicators.length = 0;
  for (const ind of base) delete draft.labelCells[ind];
  const subs = new Map(draft.subSlots ?? []);
  draft.subSlots?.clear();
  cols.forEach((c, i) => {
    const head = cellAt(grid, headerRow, c);
    if (measures[i]!.average && head) draft.findings.push({ rule: 'unknown', severity: 'warning', at: head, msg: { id: 'unknown.column', params: unknownLabelParams(cellText(head)) } });
  });
  const measured = (slot: Indicator, { measure: m, time, average }: ColumnMeasure) => {
    if (average) return undefined;
    const { indicator, ...dims } = parseSlot(slot);
    const p = describeIndicator(indicator);
    const t = time ?? p?.time;
    const k = p ? indicatorKey({ ...p, ...(t !== undefined ? { time: t } : {}), measure: m === 'rate' && t === 'reduced' ? 'points' : m }) : undefined;
    return k === undefined ? undefined : slotKey(k, dims);
  };
  for (const [r, slot] of rows) {
    cols.forEach((c, i) => {
      const key = measured(slot, measures[i]!);
      if (key === undefined || draft.labelCells[key]) return;
      draft.indicators.push(key);
      draft.labelCells[key] = labelCells[slot]!;
      const since = measures[i]!.since;
      if (since !== undefined) (draft.comparedWith ??= {})[key] = since;
      const sub = subs.get(slot);
      const parent = sub && measured(sub.parent, measures[i]!);
      if (sub && parent) (draft.subSlots ??= new Map()).set(key, { ...sub, parent });
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator: key, cell });
    });
  }
}
