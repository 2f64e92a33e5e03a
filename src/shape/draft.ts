/**
 * What a layout reader (wide.ts, long.ts) hands to the common finishing step (index.ts): where the units,
 * indicators and value cells are, before numbers are parsed.
 */
import { cellAt, cellText, type Cell, type Grid } from '../model/grid.js';
import { clip } from '../model/echo.js';
import { foldKey } from './normalize.js';
import type { LongTable } from '../model/long-table.js';
import type { LocaleDecision } from './numbers.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding } from '../model/finding.js';
import type { LabelLine } from './scan.js';
import type { SlotFormula, SubSlot } from '../model/slots.js';
import { comparedWithYear, noIndicatorKind } from './words.js';
import type { NoIndicatorKind } from '../model/vocabulary.js';
import type { UnitWithoutFigures } from '../model/annex.js';

export interface DraftUnit {
  name: string;
  cell?: Cell;
  /** The row number as printed (STT column), when the table has one: `1`, `I`, `II` … */
  stt?: string;
  /** The partition the unit is listed in: 0, then one more after each section row (`Chia theo vùng`). */
  section?: number;
  /** Listed as "of which" (`Trong đó` over its column): a subset of the total, not a part. */
  ofWhich?: boolean;
  code?: string;
  codeCell?: Cell;
  parentCode?: string;
  parentCell?: Cell;
}

export interface DraftValue {
  unit: number;
  indicator: Indicator;
  cell: Cell;
}

export interface Draft {
  layout: 'wide' | 'long';
  units: DraftUnit[];
  indicators: Indicator[];
  labelCells: Partial<Record<Indicator, Cell>>;
  values: DraftValue[];
  findings: Finding[];
  langVotes: { vi: number; en: number };
  /** A long table's units and values, stored by column (LongReader): then `units` and `values` stay empty. */
  long?: LongTable;
  /** The long table's number format vote, taken as its values were read (shape/samples.ts). */
  localeVote?: { decision(): LocaleDecision };
  /** The long layout has code and parent columns: units form a tree of any depth. */
  hierarchical?: boolean;
  /** Slots that are rows under another slot (wide layout): breakdown rows and "of which" rows. */
  subSlots?: Map<string, SubSlot>;
  /** Column formulas printed under the header (`4=3/1*100`), over the slots of the columns they name. */
  formulas?: SlotFormula[];
  /** The section rows' texts (`Chia theo khu vực`, `Chia theo vùng`), in order: section k's is the k-th (k ≥ 1). */
  sectionHeadings?: string[];
  /** Rows of dots (`…`), or named rows without figures (`empty`), read after unit `after` (a long table's): lists cut short. */
  ellipses?: Array<{ after: number; cell: Cell; empty?: true }>;
  /** Year columns' headings that say more than the year (`Kế hoạch năm 2021`), by year (Annex.yearHeadings). */
  yearHeadings?: Record<string, string>;
  /** The year a change is measured against where a column's heading names it rather than the slot's label (Annex.comparedWith). */
  comparedWith?: Record<Indicator, string>;
  /** Named rows without any figure among a long table's units, each before unit `before` (Annex.unitsWithoutFigures). */
  unitsWithoutFigures?: UnitWithoutFigures[];
  /** Rows of a table with units as columns that name no indicator, their cells' texts by column (Annex.rowsNotRead, parsed once the number format is known). */
  rowsNotRead?: Array<{ row: number; label: string; labelCell: Cell; measure?: string; cells: Map<number, string> }>;
  /** Columns of a long table read whole that it does not read, their cells' texts by row (Annex.columnsNotRead). */
  columnsNotRead?: Array<{ col: number; header: string; headerCell?: Cell; cells: Map<number, string> }>;
}


/**
 * Keeps the first occurrence of each indicator; later ones become `duplicate` findings: an error when the label is
 * the same (the indicator given twice), a warning when it says more (`Hộ nghèo thuộc chính sách bảo trợ xã hội`
 * after `Hộ nghèo`: a group of them, which the vocabulary does not tell apart; `Giảm so với năm 2020` after `Giảm`: the
 * same change against another year).
 */
export function takeIndicators(line: LabelLine, draft: Draft): Map<number, Indicator> {
  const kept = new Map<number, Indicator>();
  for (const [pos, hit] of [...line.hits.entries()].sort((a, b) => a[0] - b[0])) {
    const first = draft.labelCells[hit.indicator];
    if (first) {
      const text = cellText(hit.cell);
      const group = foldKey(text) !== foldKey(cellText(first));
      // A change against another year than the first's (`Giảm so với năm 2020` beside `Giảm`): not a group of it.
      const since = group ? comparedWithYear(text) : undefined;
      const against = since !== undefined && since !== comparedWithYear(cellText(first)) ? { since } : {};
      draft.findings.push({
        rule: 'duplicate',
        severity: group ? 'warning' : 'error',
        at: hit.cell,
        indicator: hit.indicator,
        msg: group
          ? { id: 'duplicate.group', params: { indicator: hit.indicator, first: first.ref, text: clip(text), ...against } }
          : { id: 'duplicate.indicator', params: { indicator: hit.indicator, first: first.ref } },
      });
      continue;
    }
    draft.labelCells[hit.indicator] = hit.cell;
    draft.indicators.push(hit.indicator);
    kept.set(pos, hit.indicator);
    if (hit.lang === 'vi') draft.langVotes.vi++;
    else if (hit.lang === 'en') draft.langVotes.en++;
  }
  return kept;
}

/**
 * The name of a table's one unit when nothing names it (a one-column table of indicators, a series by year): the
 * total, in its labels' language (`Total` in an English table, where `Tổng` read as a foreign word).
 */
export function unnamedTotal(draft: Pick<Draft, 'langVotes'>): string {
  return draft.langVotes.en > draft.langVotes.vi ? 'Total' : 'Tổng';
}

export function newDraft(layout: 'wide' | 'long'): Draft {
  return { layout, units: [], indicators: [], labelCells: {}, values: [], findings: [], langVotes: { vi: 0, en: 0 } };
}

/**
 * The longest name kept whole (a unit's, a heading's): a name is its unit's identity and is written back by `table`,
 * so one cut at MAX_ECHO (model/echo.ts) made two long names one (a false duplicate) and changed the name written; longer than this
 * it is no name but a note, cut with an ellipsis.
 */
export const MAX_NAME = 1_000;

/** List markers of a breakdown row: `- Chuyển sang hộ cận nghèo`, `+ Do chết, chuyển đi`, `• …`. */
export const LIST_MARKER = /^\s*[-–—+*•·]\s*/u;

/**
 * Whether `text` may start with a list marker (LIST_MARKER): false when it holds none of the marks at all, which most
 * labels do not (the pattern is then not tried).
 */
export function mayHaveListMarker(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2b || c === 0x2a || c === 0x2022 || c === 0xb7) return true;
  }
  return false;
}

/**
 * The part a breakdown or "of which" row or column names (`- Dân tộc Dao` → `Dân tộc Dao`, `Trong đó: hộ nghèo về
 * thu nhập thấp` → `hộ nghèo về thu nhập thấp`), tidied and without a slot key's separators; '' when none.
 */
export function partName(text: string): string {
  return tidyName(text.replace(LIST_MARKER, '').replace(/^\s*(?:trong đó|trong do|of which)\s*[:：,-]?\s*/iu, '')).replace(/[@~:/]/g, ' ');
}

/** Collapses inner whitespace and line breaks of a name as typed in a header cell. */
export function tidyName(text: string): string {
  return clip(text.normalize('NFC').replace(/\s+/g, ' ').trim(), MAX_NAME);
}

/**
 * An `unknown.row` / `unknown.column` finding's params: the label, and what it names when no indicator could stand for
 * it, from its words or else from its cells (`values`: a column of `đạt`, `không đạt` is verdicts, not figures).
 */
export function unknownLabelParams(text: string, values: readonly string[] = []): { text: string; kind?: NoIndicatorKind } {
  const kind = noIndicatorKind(text) ?? (isVerdicts(values) ? 'verdict' : undefined);
  return { text: clip(text), ...(kind ? { kind } : {}) };
}

/** A plan report's verdicts on its targets, one a cell (`Đạt`, `Không đạt`, `Vượt kế hoạch`, `Hoàn thành`). */
const VERDICT = /^(?:đạt|không đạt|chưa đạt|vượt|vượt kế hoạch|vượt chỉ tiêu|đạt kế hoạch|đạt chỉ tiêu|hoàn thành|không hoàn thành|chưa hoàn thành|achieved|not achieved|met|not met|exceeded)$/iu;

/** Cells, some filled, every filled one a verdict (`VERDICT`). */
function isVerdicts(values: readonly string[]): boolean {
  let any = false;
  for (const v of values) {
    const t = v.trim();
    if (t === '') continue;
    if (!VERDICT.test(t.normalize('NFC'))) return false;
    any = true;
  }
  return any;
}

/** The texts of column `col` in the rows below `headerRow`, by row, the empty ones left out (a column kept as read). */
export function columnTexts(grid: Grid, col: number, headerRow: number): Map<number, string> {
  const out = new Map<number, string>();
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const t = cellText(cellAt(grid, r, col));
    if (t !== '') out.set(r, t);
  }
  return out;
}
