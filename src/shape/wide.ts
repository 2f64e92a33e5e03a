/**
 * Wide layout, as in the seed annex: one row per indicator (optional STT column, a label column, optional
 * unit-of-measure column), one column per unit, a header row of unit names above the first indicator row.
 */
import { cellAt, cellText, columnLetters, gridWidth, type Grid } from '../read/grid.js';
import type { Finding } from '../findings.js';
import type { Indicator } from '../model/indicators.js';
import { isLabelHeader, isMeasureHeader, isMeasureValue, isNotesHeader, isSttHeader } from './aliases.js';
import { clip, hasDigit, newDraft, takeIndicators, tidyName, type Draft } from './draft.js';
import { unknownColumn, unlabelledColumn } from './long.js';
import type { LabelLine } from './scan.js';

/** STT values: 1, 2, 6.1, I, II, a … */
const STT_VALUE = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXivx]{1,5}\.?|[a-zđ][.)]?)$/u;

export function readWide(grid: Grid, labelCol: number, line: LabelLine): Draft {
  const draft = newDraft('wide');
  const rows: Map<number, Indicator> = takeIndicators(line, draft);
  const blockRows = [...line.hits.keys(), ...line.headings];
  const firstRow = Math.min(...blockRows);
  const lastRow = Math.max(...blockRows);
  const width = gridWidth(grid);
  const text = (r: number, c: number) => cellText(cellAt(grid, r, c));

  // Header row: the nearest row above the block with text right of the label column.
  let headerRow: number | undefined;
  for (let r = firstRow - 1; r >= 0 && headerRow === undefined; r--) {
    for (let c = labelCol + 1; c < width; c++) if (text(r, c) !== '') headerRow = r;
  }
  const header = (c: number) => (headerRow === undefined ? '' : text(headerRow, c));

  const unitCols: number[] = [];
  for (let c = 0; c < width; c++) {
    if (c === labelCol) continue;
    const head = header(c);
    const data = [...rows.keys()].map((r) => text(r, c)).filter((t) => t !== '');
    if (head === '' && data.length === 0) continue; // empty column
    if (isNotesHeader(head) || isMeasureHeader(head) || isSttHeader(head) || isLabelHeader(head)) continue;
    if (data.length > 0 && data.every(isMeasureValue)) continue; // ĐVT column, whatever its header says
    if (c < labelCol) {
      // Left of the labels only row numbers belong; anything else is reported.
      if (head === '' && data.every((t) => STT_VALUE.test(t))) continue;
      draft.findings.push(notAUnit(grid, headerRow, c, head));
      continue;
    }
    // A column with no number in any indicator row is not a unit (a notes column by another name,
    // or a unit left blank): reported, not checked.
    if (!data.some(hasDigit)) {
      draft.findings.push(notAUnit(grid, headerRow, c, head));
      continue;
    }
    unitCols.push(c);
  }

  for (const c of unitCols) {
    const head = header(c);
    const headCell = headerRow === undefined ? undefined : cellAt(grid, headerRow, c);
    const name = head !== '' ? tidyName(head) : columnLetters(c);
    const unit = draft.units.push(headCell && head !== '' ? { name, cell: headCell } : { name }) - 1;
    for (const [r, indicator] of rows) {
      const cell = cellAt(grid, r, c) ?? { raw: '', ref: `${columnLetters(c)}${r + 1}`, row: r, col: c, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit, indicator, cell });
    }
  }

  // Rows that carry something but are not indicators are reported, never dropped silently.
  const startRow = headerRow === undefined ? 0 : headerRow + 1;
  for (let r = startRow; r < grid.rows.length; r++) {
    if (rows.has(r) || line.headings.has(r)) continue;
    const label = cellAt(grid, r, labelCol);
    const labelText = cellText(label);
    const hasValues = unitCols.some((c) => text(r, c) !== '');
    const duplicateLabel = line.hits.has(r); // an indicator given twice: already reported
    if (duplicateLabel) continue;
    if (labelText !== '' && label && (hasValues || (r > firstRow && r < lastRow))) {
      draft.findings.push({ rule: 'unknown', severity: 'warning', at: label, msg: { id: 'unknown.row', params: { text: clip(labelText) } } });
    } else if (labelText === '' && hasValues) {
      const at = cellAt(grid, r, unitCols.find((c) => text(r, c) !== '')!);
      draft.findings.push({ rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.unlabelled-row', params: { row: r + 1 } } });
    }
  }
  return draft;
}

/** A column that is not a unit: the long layout's findings, at its header cell. */
function notAUnit(grid: Grid, headerRow: number | undefined, c: number, head: string): Finding {
  return head !== '' ? unknownColumn(headerRow !== undefined ? cellAt(grid, headerRow, c) : undefined, head) : unlabelledColumn(c);
}
