/**
 * Long layout: one row per unit, one column per indicator, a header row of indicator labels (English
 * keys such as `poor_start`, or Vietnamese/English labels, optionally under a merged heading row).
 */
import { cellAt, cellText, columnLetters, gridWidth, type Cell, type Grid } from '../model/grid.js';
import type { Finding } from '../model/finding.js';
import type { Indicator } from '../model/indicators.js';
import {
  isCodeHeader,
  isMeasureHeader,
  isNotesHeader,
  isParentHeader,
  isSttHeader,
  isTotalName,
  isUnitHeader,
} from './aliases.js';
import { clip, newDraft, takeIndicators, tidyName, type Draft } from './draft.js';
import type { LabelLine } from './scan.js';
import { blockCandidate } from './structure.js';
import { foldKey } from './normalize.js';
import { withDims, type SlotFormula } from '../model/slots.js';
import { titleTotal } from './title.js';

/** Where a long table's columns are: indicators, and the unit-name, code and parent columns. */
export interface LongColumns {
  cols: Map<number, Indicator>;
  unitCol: number | undefined;
  codeCol: number | undefined;
  parentCol: number | undefined;
  /** The row-number column (STT, TT): block numbers (I, II) there mark blocks, and a total may be named there. */
  sttCol?: number | undefined;
}

/**
 * The header of a long table: indicator columns (duplicates reported), the name, code and parent columns, and
 * the columns that are not recognised (reported). Looks at the data rows only to guess an unlabelled name
 * column and to tell an empty unlabelled column from one with content.
 */
export function longColumns(grid: Grid, headerRow: number, line: LabelLine, draft: Draft): LongColumns {
  const cols: Map<number, Indicator> = takeIndicators(line, draft);
  const width = gridWidth(grid);
  const text = (r: number, c: number) => cellText(cellAt(grid, r, c));
  // The column's own header text: the lowest cell of its path (a header merged down leaves it above).
  const headerCell = (c: number) => line.band?.columns.get(c)?.own ?? cellAt(grid, headerRow, c);
  const header = (c: number) => cellText(headerCell(c));
  const dataRows: number[] = [];
  for (let r = firstDataRow(line, headerRow); r < grid.rows.length; r++) dataRows.push(r);

  let unitCol: number | undefined;
  let codeCol: number | undefined;
  let parentCol: number | undefined;
  let sttCol: number | undefined;
  const others: number[] = [];
  for (let c = 0; c < width; c++) {
    if (cols.has(c) || line.hits.has(c)) continue;
    const head = header(c);
    if (unitCol === undefined && (isUnitHeader(head) || /^(?:năm|year|năm báo cáo)$/iu.test(head))) unitCol = c;
    else if (codeCol === undefined && isCodeHeader(head)) codeCol = c;
    else if (parentCol === undefined && isParentHeader(head)) parentCol = c;
    else if (sttCol === undefined && isSttHeader(head)) sttCol = c;
    else if (isNotesHeader(head) || isSttHeader(head) || isMeasureHeader(head)) continue;
    else others.push(c);
  }
  if (unitCol === undefined) {
    // No "unit" header: the first other column holding names (text that is not just a number).
    unitCol = others.find((c) => dataRows.some((r) => /\p{L}/u.test(text(r, c))));
    if (unitCol !== undefined) others.splice(others.indexOf(unitCol), 1);
  }
  for (const c of others) {
    const head = header(c);
    const hasData = dataRows.some((r) => text(r, c) !== '');
    if (head === '' && !hasData) continue;
    draft.findings.push(head !== '' ? unknownColumn(headerCell(c), head) : unlabelledColumn(c));
  }
  return { cols, unitCol, codeCol, parentCol, sttCol };
}

/** The first row under the header: past the column-number row (`A | B | 1 | 2 …`) when there is one. */
export function firstDataRow(line: LabelLine, headerRow: number): number {
  return line.band?.numberRow !== undefined ? line.band.numberRow + 1 : headerRow + 1;
}

export function unknownColumn(at: Cell | undefined, head: string): Finding {
  return { rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: { text: clip(head) } } };
}

export function unlabelledColumn(c: number): Finding {
  return { rule: 'unknown', severity: 'warning', msg: { id: 'unknown.unlabelled-column', params: { col: columnLetters(c) } } };
}

export function readLong(grid: Grid, headerRow: number, line: LabelLine): Draft {
  const draft = newDraft('long');
  const { cols, unitCol, codeCol, parentCol, sttCol } = longColumns(grid, headerRow, line, draft);
  const text = (r: number, c: number) => cellText(cellAt(grid, r, c));
  const dataRows: number[] = [];
  for (let r = firstDataRow(line, headerRow); r < grid.rows.length; r++) dataRows.push(r);

  const indicatorCols = [...cols.keys()];
  const withValues = dataRows.filter((r) => indicatorCols.some((c) => text(r, c) !== ''));
  const lastDataRow = withValues.length ? withValues[withValues.length - 1]! : headerRow;
  // Years as rows (one unit's series: `Năm | Số hộ nghèo | Tỷ lệ hộ nghèo`): the rows are years of one unit.
  const names = withValues.map((r) => (unitCol === undefined ? '' : text(r, unitCol)));
  if (names.length >= 2 && names.every((n) => /^(?:năm\s*)?(?:19[5-9]|20\d)\d$/iu.test(n))) {
    readYearRowsLong(grid, draft, cols, withValues, unitCol!, headerRow);
    return draft;
  }
  let section: number | undefined;
  for (const r of dataRows) {
    let nameCell = unitCol === undefined ? undefined : cellAt(grid, r, unitCol);
    let name = tidyName(cellText(nameCell));
    const stt = sttCol === undefined ? '' : text(r, sttCol);
    // A total written across the row-number and name columns (merged A27:B27) sits in the row-number cell.
    if (name === '' && sttCol !== undefined && /\p{L}{2}/u.test(stt) && !STT_VALUE.test(stt)) {
      nameCell = cellAt(grid, r, sttCol);
      name = tidyName(stt);
    }
    if (isPlaceholder(name)) continue;
    const hasValues = indicatorCols.some((c) => text(r, c) !== '');
    if (!hasValues) {
      if (isSectionRow(name)) {
        section = (section ?? 0) + 1;
        continue;
      }
      // A block heading (`I. Khu vực thành thị`) or a total without figures still orders the rows under it.
      const keep = name !== '' && nameCell !== undefined && (blockCandidate({ name, stt }) || isTotalName(name));
      // Footnotes below the table are not data; a named row inside it without values is reported.
      if (!keep) {
        if (name !== '' && nameCell && r < lastDataRow) {
          draft.findings.push({ rule: 'unknown', severity: 'warning', at: nameCell, msg: { id: 'unknown.empty-row', params: { text: name, row: r + 1 } } });
        }
        continue;
      }
    }
    if (name === '') {
      const at = nameCell ?? cellAt(grid, r, indicatorCols[0]!);
      draft.findings.push({ rule: 'missing', severity: 'error', ...(at ? { at } : {}), msg: { id: 'missing.unit-name', params: { row: r + 1 } } });
    }
    const code = codeCol === undefined ? '' : text(r, codeCol);
    const parentCode = parentCol === undefined ? '' : text(r, parentCol);
    const codeCell = codeCol === undefined ? undefined : cellAt(grid, r, codeCol);
    const parentCell = parentCol === undefined ? undefined : cellAt(grid, r, parentCol);
    const unit =
      draft.units.push({
        name: name !== '' ? name : `#${r + 1}`,
        ...(nameCell && name !== '' ? { cell: nameCell } : {}),
        ...(stt !== '' ? { stt } : {}),
        ...(section !== undefined ? { section } : {}),
        ...(code ? { code } : {}),
        ...(code && codeCell ? { codeCell } : {}),
        ...(parentCode ? { parentCode } : {}),
        ...(parentCode && parentCell ? { parentCell } : {}),
      }) - 1;
    for (const [c, indicator] of cols) {
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator, cell });
    }
  }
  draft.formulas = columnFormulas(line, cols);
  draft.hierarchical = codeCol !== undefined && parentCol !== undefined;
  return draft;
}

/** Row numbers as printed: 1, 2, 6.1, I, II, a … */
export const STT_VALUE = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXivx]{1,5}\.?|[a-zđ][.)]?)$/u;

/** A row of a blank form standing for units to fill in: "........", "…". */
const isPlaceholder = (name: string) => name !== '' && /^[.…\s_-]+$/u.test(name);

/** A row that starts another partition of the total: `Chia theo khu vực`, `Phân theo vùng`, `By region`. */
export const isSectionRow = (name: string) => /^(?:chia theo|phan theo|theo|by|classified by)\b/.test(foldKey(name));

/** The column formulas of the column-number row, over the slots of the columns they name. */
function columnFormulas(line: LabelLine, cols: Map<number, Indicator>): SlotFormula[] {
  const out: SlotFormula[] = [];
  for (const f of line.band?.formulas ?? []) {
    const slot = cols.get(f.col);
    if (slot === undefined) continue;
    const refs = new Map<string, Indicator>();
    for (const [n, c] of f.refs) {
      const s = cols.get(c);
      if (s !== undefined) refs.set(n, s);
    }
    out.push({ slot, cell: f.cell, text: f.text, refs });
  }
  return out;
}

/** A long table whose rows are years: one unit (named in the title, else the total), a slot per column and year. */
function readYearRowsLong(grid: Grid, draft: Draft, cols: Map<number, Indicator>, rows: number[], yearCol: number, headerRow: number): void {
  const named = titleTotal(grid, headerRow);
  const unit = draft.units.push(named ? { name: named.name, cell: named.cell } : { name: 'Tổng' }) - 1;
  const base = [...draft.indicators];
  const labels = { ...draft.labelCells };
  draft.indicators.length = 0;
  for (const ind of base) delete draft.labelCells[ind];
  for (const r of rows) {
    const year = /(\d{4})$/.exec(cellText(cellAt(grid, r, yearCol)))![1]!;
    for (const [c, indicator] of cols) {
      const key = withDims(indicator, { year });
      if (draft.labelCells[key]) continue;
      draft.indicators.push(key);
      draft.labelCells[key] = labels[indicator]!;
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator: key, cell });
    }
  }
}
