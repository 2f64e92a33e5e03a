/**
 * Long layout: one row per unit, one column per indicator, a header row of indicator labels (English
 * keys such as `poor_start`, or Vietnamese/English labels, optionally under a merged heading row).
 */
import { cellAt, cellText, columnLetters, gridWidth, type Cell, type Grid } from '../read/grid.js';
import type { Finding } from '../findings.js';
import type { Indicator } from '../model/indicators.js';
import {
  isCodeHeader,
  isMeasureHeader,
  isNotesHeader,
  isParentHeader,
  isSttHeader,
  isUnitHeader,
} from './aliases.js';
import { clip, newDraft, takeIndicators, tidyName, type Draft } from './draft.js';
import type { LabelLine } from './scan.js';

/** Where a long table's columns are: indicators, and the unit-name, code and parent columns. */
export interface LongColumns {
  cols: Map<number, Indicator>;
  unitCol: number | undefined;
  codeCol: number | undefined;
  parentCol: number | undefined;
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
  // A header merged down over two rows leaves its text in the row above.
  const header = (c: number) => text(headerRow, c) || (headerRow > 0 ? text(headerRow - 1, c) : '');
  const headerCell = (c: number) => (text(headerRow, c) !== '' ? cellAt(grid, headerRow, c) : cellAt(grid, headerRow - 1, c));
  const dataRows: number[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) dataRows.push(r);

  let unitCol: number | undefined;
  let codeCol: number | undefined;
  let parentCol: number | undefined;
  const others: number[] = [];
  for (let c = 0; c < width; c++) {
    if (cols.has(c) || line.hits.has(c)) continue;
    const head = header(c);
    if (unitCol === undefined && isUnitHeader(head)) unitCol = c;
    else if (codeCol === undefined && isCodeHeader(head)) codeCol = c;
    else if (parentCol === undefined && isParentHeader(head)) parentCol = c;
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
  return { cols, unitCol, codeCol, parentCol };
}

export function unknownColumn(at: Cell | undefined, head: string): Finding {
  return { rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: { text: clip(head) } } };
}

export function unlabelledColumn(c: number): Finding {
  return { rule: 'unknown', severity: 'warning', msg: { id: 'unknown.unlabelled-column', params: { col: columnLetters(c) } } };
}

export function readLong(grid: Grid, headerRow: number, line: LabelLine): Draft {
  const draft = newDraft('long');
  const { cols, unitCol, codeCol, parentCol } = longColumns(grid, headerRow, line, draft);
  const text = (r: number, c: number) => cellText(cellAt(grid, r, c));
  const dataRows: number[] = [];
  for (let r = headerRow + 1; r < grid.rows.length; r++) dataRows.push(r);

  const indicatorCols = [...cols.keys()];
  const withValues = dataRows.filter((r) => indicatorCols.some((c) => text(r, c) !== ''));
  const lastDataRow = withValues.length ? withValues[withValues.length - 1]! : headerRow;
  for (const r of dataRows) {
    const nameCell = unitCol === undefined ? undefined : cellAt(grid, r, unitCol);
    const name = tidyName(cellText(nameCell));
    const hasValues = indicatorCols.some((c) => text(r, c) !== '');
    if (!hasValues) {
      // Footnotes below the table are not data; a named row inside it without values is reported.
      if (name !== '' && nameCell && r < lastDataRow) {
        draft.findings.push({ rule: 'unknown', severity: 'warning', at: nameCell, msg: { id: 'unknown.empty-row', params: { text: name, row: r + 1 } } });
      }
      continue;
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
  draft.hierarchical = codeCol !== undefined && parentCol !== undefined;
  return draft;
}
