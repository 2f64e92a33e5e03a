/**
 * Grid → Annex. Finds the layout, reads units and indicators, decides the number format and parses every
 * value. Reading problems become findings (number, missing, duplicate, unknown); only "nothing here is a
 * poverty table" or an undecidable number format is an exception.
 */
import type { MessageParams } from '../model/message-ref.js';
import { cellText, displayRef, gridWidth, trimmedText, type Cell, type Grid } from '../model/grid.js';
import { garbledText } from '../read/garbled.js';
import { inTextLanguage, PovcheckError } from '../errors.js';
import { COUNT_INDICATORS, indicatorKind, isAnnexShaped, type CountIndicator, type Indicator, type IndicatorKind } from '../model/indicators.js';
import { BlankIndicators } from './blank-indicators.js';
import { comparedWithYear, measureOnly } from './words.js';
import { FindingsGuard } from '../read/memory-budget.js';
import { isBlank, RowValues, scaledOfValue, UnitList, type Annex, type NumberLocale, type PartialList, type CellAsRead, type Unit, type Units, type Value } from '../model/annex.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/lang.js';
import { levelOfTotal, totalMatcher } from './aliases.js';
import { clip } from '../model/echo.js';
import { LIST_MARKER, mayHaveListMarker, type Draft, type DraftUnit } from './draft.js';
import { LongReader, readLong } from './long.js';
import type { DelimitedTable } from '../read/csv.js';
import { aliasedUnitKey, unitKey } from './normalize.js';
import { provinceCount, regionNamed, regionOfProvince } from './regions.js';
import { decideLocale, LocaleVote, MAX_FIGURE_DIGITS, noteMark, parseDigits, parseNumber, plainDigits, spreadsheetError, type LocaleDecision, type NumberSample } from './numbers.js';
import { allDigits, CellSample } from './samples.js';
import { NumberValue } from '../model/value.js';
import { Dec } from '../calc/decimal.js';
import { RATE_DECIMALS } from '../calc/annex-math.js';
import { indicatorOf, type SubSlot } from '../model/slots.js';
import { figuresRight, scanColumn, scanRow, type ExtraLabels, type LabelLine } from './scan.js';
import { readWide } from './wide.js';
import { findYearColumns, findYearRows, looksLikeRate, readYearRows, yearsOnly, type YearRows } from './years.js';
import { draftTree, resolveTree, type TreeUnits } from './hierarchy.js';
import { LongTable, UnitPlaces } from '../model/long-table.js';
import { isStructured, namesLetFirstHead, outranksTheRest, resolveStructure, type UnitRole } from './structure.js';
import { firstAsSum } from './first-total.js';
import { joinSplitLabels } from './split-labels.js';
import { realignHeader, realignLabelRows } from './split-header.js';
import { FirstOfEachName, sameSpelling } from './spelling.js';

export interface ShapeOptions {
  /** Number format, when the caller knows it (`--locale`). */
  locale?: NumberLocale;
  /** Extra label aliases: folded label key → indicator. */
  extraLabels?: ExtraLabels;
  /**
   * When no unit is named as the total: by default the first unit when its name's level is above every place
   * listed after it (`Thành phố Hà Nội`, then its `Quận …`, `Huyện …`: structure.ts outranksTheRest) or, in a flat
   * list, when its figures are the others' sums (first-total.ts, with an info), else none (its sums are checked
   * only under the parents the names make, and the coverage says so); 'none' leaves the table
   * without one whatever the names say (table/plan compute one); 'first' takes the first unit (`--total first`).
   */
  totalPolicy?: 'first' | 'none';
  /** The total unit, by name (`--total NAME`): matched as unit names are (case, diacritics, spacing). */
  totalName?: string;
  /** More names of the total unit (configuration), besides aliases.ts's TOTAL_NAMES. */
  totalNames?: readonly string[];
  /**
   * Unit name aliases (configuration): folded alias (normalize.ts unitKey) → canonical name. A unit written
   * as an alias keeps its name as written but gets the canonical name's key, so "TP Tuyên Quang" and
   * "Thành phố Tuyên Quang" are one unit for duplicate checks and for matching across files.
   */
  unitAliases?: ReadonlyMap<string, string>;
}

export interface ShapeResult {
  annex: Annex;
  findings: Finding[];
}

/** How far to look for labels: annex tables put them near the top-left. */
const SCAN_COLS = 12;
const SCAN_ROWS = 60;
/**
 * Rows of a column read to judge it as a wide table's label column. A wide table's indicator rows are near the
 * top (the published ones have up to about 60; 300 leaves room for breakdowns); reading a long table's name
 * column further costs, for nothing, a label lookup per unit name in code that runs once (2,000 rows were about
 * 6 % of a 10,000-unit table's run: docs/performance-history.md, 2026-12-04). The column that wins is read in full.
 */
const WIDE_SCAN_ROWS = 300;

/** Where a table's labels are: a column of indicators (wide) or a row of them (long). */
type Found = { layout: 'wide'; col: number; line: LabelLine } | LongFound;

/** A header row of indicators; `inferredFrom`: year columns whose rates were inferred from their figures (no title said). */
interface LongFound {
  layout: 'long';
  row: number;
  line: LabelLine;
  inferredFrom?: readonly number[];
}

export function detect(grid: Grid, extra?: ExtraLabels): Found | undefined {
  let best: Found | undefined;
  const width = Math.min(gridWidth(grid), SCAN_COLS);
  for (let c = 0; c < width; c++) {
    const line = scanColumn(grid, c, extra, WIDE_SCAN_ROWS);
    if (line.distinct >= 2 && (!best || line.distinct > best.line.distinct)) best = { layout: 'wide', col: c, line };
  }
  if (best?.layout === 'wide' && grid.rows.length > WIDE_SCAN_ROWS) best = { layout: 'wide', col: best.col, line: scanColumn(grid, best.col, extra) };
  const height = Math.min(grid.rows.length, SCAN_ROWS);
  for (let r = 0; r < height; r++) {
    const line = scanRow(grid, r, extra);
    if (line.distinct >= 2 && (!best || line.distinct > best.line.distinct || subHeaderOf(best, line, r) || listedOnly(best))) best = { layout: 'long', row: r, line };
  }
  return best;
}

/**
 * A column whose every indicator is on a row listed with a mark (`- Hộ nghèo dân tộc thiểu số`, `- Hộ nghèo về thu
 * nhập`, `- Hộ nghèo thiếu hụt …` under `Toàn tỉnh`): the parts listed under a unit of a table whose header row names
 * indicators, not a table of indicator rows (three such rows outnumbered the header's two: `Toàn tỉnh` and the areas
 * were "not understood").
 */
function listedOnly(best: Found): boolean {
  if (best.layout !== 'wide' || best.line.hits.size === 0) return false;
  for (const hit of best.line.hits.values()) {
    const text = cellText(hit.cell);
    if (!mayHaveListMarker(text) || !LIST_MARKER.test(text)) return false;
  }
  return true;
}

/**
 * Whether `line`, at row `r`, is the lower row of a header whose upper row `best` is (`Số hộ nghèo` over `Tổng số |
 * Trong đó: …`): as many indicators, more columns named, and its header band reaching up to that row. Read from
 * the upper row, the lower one was a row of data ("Tổng số" is not a number, a row with no unit name).
 */
function subHeaderOf(best: Found, line: LabelLine, r: number): boolean {
  return best.layout === 'long' && line.distinct === best.line.distinct && line.hits.size > best.line.hits.size && (line.band?.top ?? r) <= best.row;
}

/**
 * A table of one indicator (a region's rates alone: `Vùng / tỉnh | Tỷ lệ hộ nghèo (%)`): a header row with one
 * indicator over a column of figures, beside a column of names.
 */
function oneIndicator(grid: Grid, extra?: ExtraLabels): LongFound | undefined {
  for (let r = 0; r < Math.min(grid.rows.length, SCAN_ROWS); r++) {
    const line = scanRow(grid, r, extra);
    if (line.distinct !== 1) continue;
    const [col] = [...line.hits.keys()];
    const below = grid.rows.slice(r + 1, r + 1 + ONE_INDICATOR_ROWS);
    const figures = below.filter((row) => /\d/.test(row[col!]?.raw ?? '')).length;
    const named = below.filter((row) => row.some((c) => c && c.col !== col && /\p{L}/u.test(c.raw))).length;
    if (figures >= 2 && named >= 2) return { layout: 'long', row: r, line };
  }
  return undefined;
}

/**
 * A wide table of ONE indicator row measured several ways (`Chỉ tiêu | Số hộ | Tỷ lệ (%)` over `Số hộ nghèo cuối năm |
 * 224 | 3,3` and the rows listed under it): a label column with one indicator, its row with figures, under a
 * header whose cells right of the labels name measures only. (Two indicator rows are `detect`'s.)
 */
function oneIndicatorRow(grid: Grid, extra?: ExtraLabels): Found | undefined {
  const width = Math.min(gridWidth(grid), SCAN_COLS);
  for (let c = 0; c < width; c++) {
    const line = scanColumn(grid, c, extra, WIDE_SCAN_ROWS);
    if (line.distinct !== 1) continue;
    const r = Math.min(...line.hits.keys());
    if (figuresRight(grid, r, c) && measuresHeader(grid, r, c)) return { layout: 'wide', col: c, line };
  }
  return undefined;
}

/**
 * Whether the nearest row above `r` with text right of column `c` names only measures there (`Số hộ`, `Tỷ lệ (%)`),
 * or only years (a yearbook's indicator rows, one of them the poverty rate: read with the years, the others
 * reported).
 */
function measuresHeader(grid: Grid, r: number, c: number): boolean {
  for (let h = r - 1, texts = 0; h >= 0 && h >= r - HEADER_ABOVE; h--) {
    const heads = (grid.rows[h] ?? []).slice(c + 1).map((x) => trimmedText(x?.raw ?? '')).filter((t) => t !== '');
    if (heads.length === 0) continue;
    if (heads.every(measureOnly) || yearsOnly(heads)) return true;
    // Rows of figures above the indicator's (the yearbook's other indicators) are passed over; three rows of
    // text are not.
    if (!heads.every((t) => FIGURE_TEXT.test(t)) && ++texts >= 3) return false;
  }
  return false;
}

/** Rows above an indicator row that `measuresHeader` looks through for its header. */
const HEADER_ABOVE = 30;
const FIGURE_TEXT = /^[-+]?[\d.,\s]+%?$/;

/** Rows `oneIndicator` reads under a header row. */
const ONE_INDICATOR_ROWS = 20;

/**
 * The layouts of a table without a row or column of labels, in the order `shape` tries them: one indicator's
 * series by year (years as rows, units as columns: tried by reading it, `shape` goes on when it has no units);
 * one indicator's column beside the names; years as the columns of a table of units (`skippedUnnamed`: a row of
 * years was passed over for want of names under it). `shape` and `shapeTable` both walk this one list, so a
 * table's first rows decide its layout as the whole table would.
 */
type Unlabelled = { kind: 'year-rows'; years: YearRows } | { kind: 'one-indicator'; found: LongFound } | { kind: 'year-columns'; found: LongFound; skippedUnnamed: boolean };

function* unlabelledLayouts(grid: Grid, extra?: ExtraLabels): Generator<Unlabelled> {
  const years = findYearRows(grid, SCAN_COLS, SCAN_ROWS);
  if (years) yield { kind: 'year-rows', years };
  const one = oneIndicator(grid, extra);
  if (one) yield { kind: 'one-indicator', found: one };
  const cols = findYearColumns(grid, SCAN_ROWS);
  if (cols) {
    const found: LongFound = { layout: 'long', row: cols.row, line: cols.line, ...(cols.inferredFrom ? { inferredFrom: cols.inferredFrom } : {}) };
    yield { kind: 'year-columns', found, skippedUnnamed: cols.skippedUnnamed === true };
  }
}

/**
 * The long layout `shapeTable` streams from a table without labels: the first of `unlabelledLayouts` on the head,
 * when the head decides it as the whole table would. Undefined (the table is read whole) when the head is too short
 * for `oneIndicator`'s look below a header, when the years are rows (read whole), or when a later row could change
 * the decision (a row of years skipped for want of names in the head).
 */
function unlabelledLong(head: Grid, extra?: ExtraLabels): LongFound | undefined {
  if (head.rows.length <= SCAN_ROWS + ONE_INDICATOR_ROWS) return undefined;
  const first = unlabelledLayouts(head, extra).next();
  if (first.done) return undefined;
  const layout = first.value;
  if (layout.kind === 'year-rows' || (layout.kind === 'year-columns' && layout.skippedUnnamed)) return undefined;
  return layout.found;
}

/** A later record's figures in the columns whose rates were inferred: each must keep the inference. */
function keepsRates(cols: readonly number[], text: (col: number) => string): void {
  for (const c of cols) if (!looksLikeRate(trimmedText(text(c)))) throw new PovcheckError('NOT_A_TABLE', { reason: 'no-labels' });
}

/** A grid shaped into a table model; a refusal worded in the grid's language (`inTextLanguage`). */
export function shape(grid: Grid, opts: ShapeOptions = {}): ShapeResult {
  try {
    const r = shapeGrid(grid, opts);
    if (grid.source.kind === 'workbook') r.findings.push(...thousandsReadAsDecimals(r.annex));
    return r;
  } catch (e) {
    throw inTextLanguage(e, () => gridHeadText(grid));
  }
}

function shapeGrid(read: Grid, opts: ShapeOptions): ShapeResult {
  const { grid, finding } = realignHeader(read);
  return withJoinedFirst(shapeAligned(grid, opts), finding ? [finding] : []);
}

/**
 * A wide table read, its rows whose label holds the delimiter joined back first (split-header.ts `realignLabelRows`)
 * and the layout found again on them (a label read whole is an indicator's).
 */
function readWideAligned(grid: Grid, found: Found & { layout: 'wide' }, opts: ShapeOptions): ShapeResult {
  const { grid: aligned, findings } = realignLabelRows(grid, found.col);
  const again = findings.length > 0 ? detect(aligned, opts.extraLabels) : undefined;
  if (again?.layout !== 'wide') return finish(readWide(grid, found.col, found.line), opts);
  return withJoinedFirst(finish(readWide(aligned, again.col, again.line), opts), findings);
}

/** The result with the warnings of names split by the delimiter (split-header.ts), first. */
function withJoinedFirst<R extends ShapeResult>(r: R, findings: readonly Finding[]): R {
  r.findings.unshift(...findings);
  return r;
}

function shapeAligned(aligned: Grid, opts: ShapeOptions): ShapeResult {
  const grid = joinedLabels(aligned, opts.extraLabels);
  const found = detect(grid, opts.extraLabels);
  if (found?.layout === 'wide') return readWideAligned(grid, found, opts);
  if (found) return finish(readLong(grid, found.row, found.line), opts);
  for (const layout of unlabelledLayouts(grid, opts.extraLabels)) {
    if (layout.kind !== 'year-rows') return finish(readLong(grid, layout.found.row, layout.found.line), opts);
    const draft = readYearRows(grid, layout.years);
    if (draft.units.length > 0) return finish(draft, opts);
  }
  const row = oneIndicatorRow(grid, opts.extraLabels);
  if (row?.layout === 'wide') return finish(readWide(grid, row.col, row.line), opts);
  // No label read: because the letters did not survive a save (`T?ng s? h?`), when they did not.
  const garbled = garbledText(gridHeadText(grid));
  if (garbled) throw new PovcheckError('TEXT_GARBLED', garbled, { lang: 'vi' });
  const labels = headLabels(grid);
  throw new PovcheckError('NOT_A_TABLE', { reason: 'no-labels', ...(labels.length > 0 ? { labels } : {}) });
}

/** How many of the first row's texts the "no indicator" error quotes, and how long each may be. */
const HEAD_LABELS = 3;
const HEAD_LABEL_CHARS = 60;

/** The texts (with a letter) of the grid's first row that has any: what the "no indicator" error says it saw. */
function headLabels(grid: Grid): string[] {
  for (const row of grid.rows.slice(0, WIDE_SCAN_ROWS)) {
    const texts = row ? Array.from(row, (c) => trimmedText(cellText(c))).filter((t) => /\p{L}/u.test(t)) : [];
    if (texts.length > 0) return texts.slice(0, HEAD_LABELS).map((t) => clip(t, HEAD_LABEL_CHARS));
  }
  return [];
}

/** The grid with each label split over two columns (`Tỷ lệ hộ nghèo | Cuối năm`) read as one (split-labels.ts). */
const joinedLabels = (grid: Grid, extra?: ExtraLabels) => joinSplitLabels(grid, { cols: SCAN_COLS, rows: WIDE_SCAN_ROWS }, extra);

/** The text of the grid's first 200 rows, one line each. */
function gridHeadText(grid: Grid): string {
  return grid.rows
    .slice(0, 200)
    .map((row) => (row ? Array.from(row, (c) => cellText(c)).join(' ') : ''))
    .join('\n');
}

/**
 * A workbook whose counts are stored as fractions of at most three decimals (`210.299`, `39.88`): a Vietnamese
 * table opened or imported with English settings, which read the thousands separator as a decimal point (and
 * dropped the zeros after it: 39.880 became 39.88). Each such count is a `range` error at its cell; this one
 * warning says why. Said when at least two counts, and half of those stored as numbers, are such fractions.
 */
function thousandsReadAsDecimals(annex: Annex): Finding[] {
  let numbers = 0;
  let fractions = 0;
  let first: Value | undefined;
  for (let u = 0; u < annex.units.length; u++) {
    for (const ind of annex.indicators) {
      if (indicatorKind(ind) !== 'count') continue;
      const v = annex.values.get(u, ind);
      if (v?.status !== 'ok' || v.cell.numeric === undefined) continue;
      numbers++;
      if (v.decimals !== undefined && v.decimals >= 1 && v.decimals <= 3) {
        fractions++;
        first ??= v;
      }
    }
  }
  if (!first || fractions < 2 || fractions * 2 < numbers) return [];
  return [{ rule: 'number', severity: 'warning', at: first.cell, msg: { id: 'number.thousands-as-decimals', params: { cell: displayRef(first.cell), value: first.plain ?? first.text, count: fractions } } }];
}


/**
 * A delimited table shaped from its first rows, its other records read one at a time into the same long-table
 * reader (a national table of a million units never becomes a grid). A layout that is not read row by row (a
 * wide table, years as rows, no labels in the first rows) is shaped from the whole table, as `shape` does;
 * `grid` is then the whole table's.
 */
export async function shapeTable(table: DelimitedTable, opts: ShapeOptions = {}, progress?: (done: number, total: number) => void): Promise<ShapeResult & { grid?: Grid }> {
  try {
    return await shapeRecords(table, opts, progress);
  } catch (e) {
    throw inTextLanguage(e, () => gridHeadText(table.head));
  }
}

async function shapeRecords(table: DelimitedTable, opts: ShapeOptions, progress?: (done: number, total: number) => void): Promise<ShapeResult & { grid?: Grid }> {
  if (!table.rest) return { ...shape(table.head, opts), grid: table.head };
  const { grid: aligned, finding } = realignHeader(table.head);
  const head = joinedLabels(aligned, opts.extraLabels);
  const found = detect(head, opts.extraLabels) ?? unlabelledLong(head, opts.extraLabels);
  if (found?.layout === 'long') {
    const reader = LongReader.open(head, found.row, found.line, head.rows.length * 4, opts.locale);
    if (!reader.yearRows) {
      reader.gridRows();
      if (table.estimatedRecords) reader.reserve(table.estimatedRecords);
      const rates = found.inferredFrom;
      if (rates) {
        // Rates inferred from the head's figures: every later figure must keep the inference, as `shape` asks of
        // the whole table (else the table has no labels it can read, the same refusal).
        await table.rest(
          (row, record) => (keepsRates(rates, (c) => record[c] ?? ''), reader.addRecord(row, record)),
          progress,
          (row, fields) => (keepsRates(rates, (c) => (c < fields.count ? fields.text(c) : '')), reader.addBytes(row, fields)),
        );
      } else await table.rest((row, record) => reader.addRecord(row, record), progress, (row, fields) => reader.addBytes(row, fields));
      return withJoinedFirst(finish(reader.end(), opts), finding ? [finding] : []);
    }
  }
  const grid = table.whole();
  return { ...shape(grid, opts), grid };
}

function finish(draft: Draft, opts: ShapeOptions): ShapeResult {
  if (draft.long) return foldDashes(finishLong(draft, draft.long, opts));
  return foldDashes(finishWide(draft, opts));
}

/**
 * The dashes read as none, said once for the table: at the first, naming how many other cells hold one and the
 * first few (a statistical table may have one in every other row).
 */
function foldDashes(r: ShapeResult): ShapeResult {
  const at: number[] = [];
  for (let i = 0; i < r.findings.length; i++) if (r.findings[i]!.msg.id === 'number.dash') at.push(i);
  if (at.length < 2) return r;
  const [first, ...rest] = at as [number, ...number[]];
  const f = r.findings[first]!;
  const others = rest.slice(0, 5).map((i) => r.findings[i]!.at!.ref);
  r.findings[first] = { ...f, msg: { id: 'number.dash', params: { ...(f.msg.params as MessageParams['number.dash']), others, more: rest.length } } };
  // Compacted in place (no spread of a list that may be long).
  const dropped = new Set(rest);
  let w = 0;
  for (let i = 0; i < r.findings.length; i++) if (!dropped.has(i)) r.findings[w++] = r.findings[i]!;
  r.findings.length = w;
  return r;
}

function finishWide(draft: Draft, opts: ShapeOptions): ShapeResult {
  const findings = draft.findings;

  // Units: the total, duplicates, parents (unit aliases and extra total names from the configuration).
  const keys = draft.units.map((u) => aliasedUnitKey(u.name, opts.unitAliases));
  const isTotal = totalMatcher([...(opts.totalNames ?? []), ...(opts.totalName !== undefined ? [opts.totalName] : [])]);
  const named = totalByName(draft, opts.totalName);
  const flat = !draft.hierarchical && !isStructured(draft.units, isTotal);
  let structure: UnitStructure = draft.hierarchical
    ? fromTree(draftTree(draft.units), findings, isTotal)
    : flat
      ? oneLevel(draft, keys, findings, opts, isTotal, named)
      : structured(draft, keys, findings, isTotal, named, opts.totalPolicy);
  const kinds = new Map(draft.indicators.map((i) => [i, indicatorKind(i)]));
  const format = valuesFormat(draft, kinds, opts);
  const annexShaped = isAnnexShaped(draft.indicators);
  const { values, blanks } = parsedValues(draft, format, kinds, annexShaped, structure.totalIdx);
  if (flat && mayBeTotalBySums(structure, draft.units, opts)) {
    const sums = firstAsSum(draft.units.length, countIndicators(draft.indicators), (u, ind) => scaledOfValue(values[u]![ind]));
    if (sums) structure = totalBySums(draft.units, sums, blanks, findings);
  }
  const { totalIdx } = structure;
  const list = draftUnits(draft, keys, structure);
  const units = new UnitList(list);
  if (annexShaped) settleBlanks(blanks, draft, list, totalIdx, format, kinds);
  if (format.rates) findings.push(mixedFormatFinding(format));

  // The annex's count indicators a table lacks are noted only for annex tables (some start/end count or net
  // reduction): a table of another shape simply does not publish them.
  if (annexShaped) findings.push(...missingIndicators(draft.indicators));

  const annex: Annex = {
    layout: draft.layout,
    units,
    ...(totalIdx >= 0 ? { total: list[totalIdx]! } : {}),
    indicators: draft.indicators,
    labelCells: draft.labelCells,
    ...comparedWithOf(draft.labelCells, draft.comparedWith),
    values: new RowValues(values),
    locale: format.plain ? 'plain' : format.locale,
    ...(format.rates ? { rateLocale: format.rates.locale } : {}),
    lang: decideLang(draft, units),
    ...(opts.unitAliases ? { unitAliases: opts.unitAliases } : {}),
    ...(draft.subSlots && draft.subSlots.size > 0 ? { subSlots: draft.subSlots } : {}),
    ...(draft.yearHeadings ? { yearHeadings: draft.yearHeadings } : {}),
    ...(draft.formulas && draft.formulas.length > 0 ? { formulas: draft.formulas } : {}),
    ...(draft.sectionHeadings && draft.sectionHeadings.length > 0 ? { sectionHeadings: draft.sectionHeadings } : {}),
    ...(draft.rowsNotRead ? { rowsNotRead: notRead(draft.rowsNotRead, format.plain ? 'en' : format.locale) } : {}),
    ...(draft.columnsNotRead ? { columnsNotRead: notRead(draft.columnsNotRead, format.plain ? 'en' : format.locale) } : {}),
  };
  return { annex, findings };
}

/** Cells of a row or column not read with their numbers in the file's format (a text that is none, or has a `%`, stays as printed). */
function asRead(cells: ReadonlyMap<number, string>, locale: NumberLocale): Map<number, CellAsRead> {
  return new Map(
    [...cells].map(([at, text]) => {
      const n = text.includes('%') ? undefined : parseNumber(text, locale, 'rate');
      return [at, n?.ok ? { text, plain: n.plain, decimals: n.decimals } : { text }];
    }),
  );
}

/** The rows (or columns) not read, their cells read in the file's format. */
function notRead<T extends { cells: ReadonlyMap<number, string> }>(list: readonly T[], locale: NumberLocale): Array<Omit<T, 'cells'> & { cells: Map<number, CellAsRead> }> {
  return list.map((x) => ({ ...x, cells: asRead(x.cells, locale) }));
}

/**
 * The draft's units with their keys, the total and their parents, roles and partitions. (`finish`'s phases are
 * functions of their own: V8 compiles a function whose loops run hot as a whole, and `finish` runs once a file.)
 */
function draftUnits(draft: Draft, keys: readonly string[], structure: UnitStructure): Unit[] {
  const { parents, totalIdx } = structure;
  return draft.units.map((u, id) => ({
    id,
    name: u.name,
    key: keys[id]!,
    ...(u.cell ? { cell: u.cell } : {}),
    ...(u.code ? { code: u.code } : {}),
    isTotal: id === totalIdx,
    ...(parents[id]! >= 0 ? { parent: parents[id] } : {}),
    ...(structure.role?.[id] ? { role: structure.role[id] } : {}),
    ...(structure.partition?.[id] ? { partition: structure.partition[id] } : {}),
  }));
}

/**
 * The file's number format, decided from all value cells written as text. Workbook cells stored as numbers carry
 * exact digits (Cell.numeric) and need no format; whole numbers without separators read the same in both formats:
 * they say nothing, and are left out.
 */
function valuesFormat(draft: Draft, kinds: ReadonlyMap<Indicator, IndicatorKind>, opts: ShapeOptions): NumberFormat {
  const values = draft.values;
  const kindOf = (i: number) => kinds.get(values[i]!.indicator) ?? indicatorKind(values[i]!.indicator);
  // The cells vote one by one, in order (`decideLocale` over their samples); a cell's sample is made only when the
  // decision names it (a witness, an ambiguous cell).
  const vote = new LocaleVote((i) => new CellSample(values[i]!.cell, kindOf(i)));
  for (let i = 0; i < values.length; i++) {
    const cell = values[i]!.cell;
    if (cell.numeric !== undefined || allDigits(cell.raw)) continue;
    const text = cell.raw.trim();
    // A cell of white space alone says nothing.
    if (text !== '') vote.add(text, kindOf(i), i);
  }
  if (!opts.locale) return formatOf(vote.decision());
  draft.findings.push(...localeGivenFinding(opts.locale, vote.decision()));
  return numberFormat([], opts);
}

/**
 * Each value cell parsed, by unit and indicator; a finding for each cell that is not a number, or is blank where
 * blank is not "not published": in an annex table, whose every cell is expected, and a formula whose result the
 * file does not hold. An annex table's blank cells wait in `blanks` (`settleBlanks`: the total may change).
 */
function parsedValues(draft: Draft, format: NumberFormat, kinds: ReadonlyMap<Indicator, IndicatorKind>, annexShaped: boolean, totalIdx: number): { values: Array<Partial<Record<Indicator, Value>>>; blanks: BlankIndicators } {
  const values: Array<Partial<Record<Indicator, Value>>> = draft.units.map(() => ({}));
  const blanks = new BlankIndicators(totalIdx);
  draft.values.forEach((dv, i) => {
    const { value, finding } = parseValue(dv.cell, dv.unit, draft.units[dv.unit]!.name, dv.indicator, format, kinds.get(dv.indicator), annexShaped);
    values[dv.unit]![dv.indicator] = value;
    if (annexShaped && isBlank(value)) blanks.blankAt(i, dv.unit, dv.indicator, dv.cell, '');
    else if (finding && (annexShaped || value.status !== 'empty' || dv.cell.formula !== undefined)) draft.findings.push(finding);
  });
  return { values, blanks };
}

/** An annex table's blank cells: an error each, or one warning for an indicator given for the total only or for none. */
function settleBlanks(blanks: BlankIndicators, draft: Draft, units: readonly Unit[], totalIdx: number, format: NumberFormat, kinds: ReadonlyMap<Indicator, IndicatorKind>): void {
  const error = (i: number) => {
    const dv = draft.values[i]!;
    return parseValue(dv.cell, dv.unit, units[dv.unit]!.name, dv.indicator, format, kinds.get(dv.indicator)).finding;
  };
  blanks.settle(draft.findings, units.length, units[totalIdx]?.name, (i) => draft.values[i]!.indicator, error);
}

/**
 * Whether a flat list without a total may have its first unit as the total by its figures (first-total.ts): no
 * unit named as the total nor `--total` given, and no unit after the first named at its level or above
 * (structure.ts namesLetFirstHead).
 */
function mayBeTotalBySums(structure: UnitStructure, units: readonly DraftUnit[], opts: ShapeOptions): boolean {
  return structure.totalIdx < 0 && opts.totalPolicy === undefined && opts.totalName === undefined && namesLetFirstHead(units);
}

/** The count indicators of a table, in its order. */
const countIndicators = (indicators: readonly Indicator[]): Indicator[] => indicators.filter((i) => indicatorKind(i) === 'count');

/**
 * A flat list's first unit taken as its total because its figures are the others' sums (`sums`: the indicators that
 * say so): every other unit under it, its blank cells the total's, and an info naming it.
 */
function totalBySums(units: readonly DraftUnit[], sums: Indicator[], blanks: BlankIndicators, findings: Finding[]): UnitStructure {
  const parents = new Int32Array(units.length).fill(0);
  parents[0] = -1;
  blanks.firstIsTotal();
  const u = units[0]!;
  findings.push({ rule: 'sum', severity: 'info', ...(u.cell ? { at: u.cell } : {}), unit: u.name, msg: { id: 'sum.total-by-sums', params: { unit: u.name, count: units.length - 1, indicators: sums } } });
  return { parents, totalIdx: 0 };
}

/**
 * A long table's units and values from its column store: the same decisions as `finish` (the tree or the
 * structure, the number format from every value cell, each value parsed), with units that read their names
 * from the store and values the store makes when asked.
 */
function finishLong(draft: Draft, table: LongTable, opts: ShapeOptions): ShapeResult {
  const findings = draft.findings;
  const isTotal = totalMatcher([...(opts.totalNames ?? []), ...(opts.totalName !== undefined ? [opts.totalName] : [])]);
  const keyOf = (name: string) => aliasedUnitKey(name, opts.unitAliases);
  // The unit `--total NAME` names, by id (a draft unit's index is its id).
  const named = opts.totalName === undefined ? undefined : unitNamed(table.n, (i) => table.name(i), opts.totalName);
  let structure: UnitStructure;
  // A flat list's units, when it is one (its first may be its total by its figures, after they are read).
  let flat: DraftUnit[] | undefined;
  if (draft.hierarchical) structure = fromTree(tableTree(table), findings, isTotal);
  else {
    const listed: Draft = { ...draft, units: draftUnitsOf(table) };
    const keys = listed.units.map((u) => keyOf(u.name));
    if (isStructured(listed.units, isTotal)) structure = structured(listed, keys, findings, isTotal, named, opts.totalPolicy);
    else {
      structure = oneLevel(listed, keys, findings, opts, isTotal, named);
      flat = listed.units;
    }
  }
  // The findings so far (the reading's, the tree's or the duplicates'), counted before the values give theirs.
  const guard = new FindingsGuard(table.n);
  guard.add(findings.length);

  const k = table.slots.length;
  const format = opts.locale || !draft.localeVote ? numberFormat([], opts) : formatOf(draft.localeVote.decision());
  if (opts.locale && draft.localeVote) findings.push(...localeGivenFinding(opts.locale, draft.localeVote.decision()));
  const annexShaped = isAnnexShaped(draft.indicators);
  const locale = format.locale;
  // An annex table's blank cells wait until the indicators given for the total only are known; every other
  // finding is counted against the heap as it is made.
  const blanks = new BlankIndicators(structure.totalIdx);
  // Rates kept in the other format (`format.rates`) are read in theirs, never stored in the counts'.
  const otherSlots = format.rates ? table.slots.map((s) => indicatorKind(s) === 'rate') : undefined;
  table.finishValues(
    locale,
    (i, raw) => plainDigits(raw, otherSlots?.[i % k] ? format.rates!.locale : locale),
    (i, raw) => {
      const cell = table.valueCell(i, raw);
      const unit = Math.floor(i / k);
      const { value, finding } = parseValue(cell, unit, table.name(unit), table.slots[i % k]!, format, undefined, annexShaped);
      if (annexShaped && isBlank(value)) blanks.blankAt(i, unit, table.slots[i % k]!, cell, raw);
      else if (finding && (annexShaped || value.status !== 'empty' || cell.formula !== undefined)) {
        findings.push(finding);
        guard.add();
      }
      return value;
    },
    otherSlots,
  );
  if (flat && mayBeTotalBySums(structure, flat, opts)) {
    const sums = firstAsSum(table.n, countIndicators(table.slots), (u, ind) => table.readScaled(u, ind));
    if (sums) structure = totalBySums(flat, sums, blanks, findings);
  }
  const { parents, totalIdx } = structure;
  const units = new UnitPlaces(table, parents, totalIdx, structure.role, structure.partition, keyOf);
  if (format.rates) findings.push(mixedFormatFinding(format));
  if (annexShaped) {
    const slotOf = (i: number) => table.slots[i % k]!;
    const error = (i: number, raw: string) => parseValue(table.valueCell(i, raw), Math.floor(i / k), table.name(Math.floor(i / k)), slotOf(i), format).finding;
    blanks.settle(findings, table.n, totalIdx >= 0 ? table.name(totalIdx) : undefined, slotOf, error, () => guard.add());
    findings.push(...missingIndicators(draft.indicators));
  }

  const annex: Annex = {
    layout: 'long',
    units,
    ...(totalIdx >= 0 ? { total: units.at(totalIdx)! } : {}),
    indicators: draft.indicators,
    labelCells: draft.labelCells,
    ...comparedWithOf(draft.labelCells, draft.comparedWith),
    values: table,
    locale: format.plain ? 'plain' : locale,
    ...(format.rates ? { rateLocale: format.rates.locale } : {}),
    lang: decideLang(draft, units),
    ...(opts.unitAliases ? { unitAliases: opts.unitAliases } : {}),
    ...(draft.formulas && draft.formulas.length > 0 ? { formulas: draft.formulas } : {}),
    ...(draft.sectionHeadings && draft.sectionHeadings.length > 0 ? { sectionHeadings: draft.sectionHeadings } : {}),
    ...(draft.subSlots && draft.subSlots.size > 0 ? { subSlots: draft.subSlots } : {}),
    ...partialListsOf(draft, units, totalIdx),
    ...(draft.unitsWithoutFigures ? { unitsWithoutFigures: draft.unitsWithoutFigures } : {}),
    ...(draft.columnsNotRead ? { columnsNotRead: notRead(draft.columnsNotRead, format.plain ? 'en' : locale) } : {}),
  };
  if (draft.subSlots) ofWhichThatAddUp(draft.subSlots, annex);
  return { annex, findings };
}

/**
 * "Of which" columns of a count that add up to it exactly wherever a unit gives them all (Đắk Lắk's `Trong đó: hộ
 * nghèo về thu nhập thấp` + `Trong đó: hộ nghèo thiếu hụt …` = the poor): a breakdown of it, which the count's
 * likely causes must then keep adding up.
 */
function ofWhichThatAddUp(subSlots: Map<Indicator, SubSlot>, annex: Annex): void {
  const groups = new Map<Indicator, Indicator[]>();
  for (const [key, s] of subSlots) if (s.relation === 'of-which' && indicatorKind(s.parent) === 'count') groups.set(s.parent, [...(groups.get(s.parent) ?? []), key]);
  for (const [parent, keys] of groups) {
    if (keys.length < 2) continue;
    let given = 0;
    let adds = true;
    for (let u = 0; u < annex.units.length && adds; u++) {
      const whole = annex.values.get(u, parent);
      const parts = keys.map((k) => annex.values.get(u, k));
      if (whole?.status !== 'ok' || !whole.num || parts.some((p) => p?.status !== 'ok' || !p.num)) continue;
      given++;
      adds = parts.reduce((s, p) => s.plus(p!.num!), new Dec(0)).eq(whole.num);
    }
    if (adds && given > 0) for (const k of keys) subSlots.set(k, { ...subSlots.get(k)!, relation: 'breakdown' });
  }
}

/**
 * The lists the rows of dots cut short: a row of dots after a unit leaves the rest of that unit's parent's list
 * (its partition) unprinted; right after the total, the total's own list. Named rows without figures leave the
 * list of the unit below them incomplete. The first such row of a list is kept.
 */
export function partialListsOf(draft: Draft, units: Units, totalIdx: number): { partialLists?: PartialList[] } {
  const lists: PartialList[] = [];
  const seen = new Set<string>();
  for (const { after, cell, empty } of draft.ellipses ?? []) {
    // Rows without figures stand among the units of the list the next unit is in; dots end the list of the unit above.
    const at = empty && after + 1 < units.length ? after + 1 : after;
    const p = units.parentOf(at);
    const parent = p >= 0 ? p : at === totalIdx ? totalIdx : -1;
    if (parent < 0) continue;
    const partition = p >= 0 ? units.partitionOf(at) : 0;
    const key = `${parent}/${partition}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lists.push({ parent, partition, cell, after, ...(empty ? { empty } : {}) });
  }
  for (const l of excerpts(units, totalIdx)) if (!seen.has(`${l.parent}/${l.partition}`)) lists.push(l);
  return lists.length > 0 ? { partialLists: lists } : {};
}

/**
 * The country's or a region's lists of provinces that name fewer than half of its provinces: an excerpt (a
 * yearbook's `Cả nước`, then `Hà Giang`, `Cao Bằng`), whose sum and rate bounds say nothing of the whole (three
 * false `rate-mean` errors). A list of most of them is checked: a province left out is then the error.
 */
function excerpts(units: Units, totalIdx: number): PartialList[] {
  const lists = new Map<string, { parent: number; partition: number; kids: number[] }>();
  const heads = new Map<number, number | undefined | null>();
  for (let i = 0; i < units.length; i++) {
    const p = units.parentOf(i);
    if (p < 0) continue;
    // The country (the total) or a region, asked once per parent; null for neither.
    let region = heads.get(p);
    if (region === undefined && !heads.has(p)) heads.set(p, (region = p === totalIdx ? undefined : (regionNamed(units.at(p)!.name) ?? null)));
    if (region === null) continue;
    const key = `${p}/${units.partitionOf(i)}`;
    (lists.get(key) ?? lists.set(key, { parent: p, partition: units.partitionOf(i), kids: [] }).get(key)!).kids.push(i);
  }
  const out: PartialList[] = [];
  for (const { parent, partition, kids } of lists.values()) {
    const provinces = new Set<number | string>();
    for (const k of kids) {
      const name = units.at(k)!.name;
      if (regionOfProvince(name) === undefined) break;
      provinces.add(unitKey(name));
    }
    const of = provinceCount(heads.get(parent) ?? undefined);
    if (provinces.size !== kids.length || provinces.size * 2 >= of) continue;
    const last = units.at(kids[kids.length - 1]!)!;
    if (last.cell) out.push({ parent, partition, cell: last.cell, after: last.id, excerpt: { listed: provinces.size, of } });
  }
  return out;
}

/** A long table's units as the tree resolver reads them. */
function tableTree(t: LongTable): TreeUnits {
  return {
    length: t.n,
    name: (i) => t.name(i),
    code: (i) => t.code(i),
    codeDigits: (i) => t.codeDigits(i),
    parentCode: (i) => t.parentCode(i),
    cell: (i) => t.nameCell(i),
    codeCell: (i) => t.codeCell(i),
    parentCell: (i) => t.parentCell(i),
  };
}

/** A long table's units as draft units (for the structure of a list without codes). */
function draftUnitsOf(t: LongTable): DraftUnit[] {
  const out: DraftUnit[] = [];
  for (let i = 0; i < t.n; i++) {
    const cell = t.nameCell(i);
    const stt = t.stt(i);
    const section = t.section(i);
    const code = t.code(i);
    const parentCode = t.parentCode(i);
    const codeCell = t.codeCell(i);
    const parentCell = t.parentCell(i);
    out.push({
      name: t.name(i),
      ...(cell ? { cell } : {}),
      ...(stt !== undefined ? { stt } : {}),
      ...(section !== undefined ? { section } : {}),
      ...(code ? { code } : {}),
      ...(code && codeCell ? { codeCell } : {}),
      ...(parentCode ? { parentCode } : {}),
      ...(parentCode && parentCell ? { parentCell } : {}),
    });
  }
  return out;
}

/** The file's number format: `--locale`, or decided from the value cells (LOCALE_AMBIGUOUS when it cannot be). */
export interface NumberFormat {
  locale: NumberLocale;
  /** No cell showed a separator that tells the formats apart. */
  plain: boolean;
  /** A cell that showed the chosen format, for messages. */
  witness: string;
  /** The rates' format and a cell showing it, when they keep the other one (`390.519` beside `10.51`). */
  rates?: { locale: NumberLocale; witness: string };
}

/** The format a value of this kind is read in. */
export function localeFor(format: NumberFormat, kind: IndicatorKind): NumberLocale {
  return kind === 'rate' && format.rates ? format.rates.locale : format.locale;
}

/** The number format `--locale` names, else the one `samples` (value cells whose text is not empty) vote for. */
export function numberFormat(samples: readonly NumberSample[], opts: ShapeOptions): NumberFormat {
  if (opts.locale) return { locale: opts.locale, plain: false, witness: '' };
  return formatOf(decideLocale(samples));
}

/** The file's number format from the vote, or LOCALE_AMBIGUOUS when it cannot be decided. */
function formatOf(d: LocaleDecision): NumberFormat {
  if (!d.ok) {
    if (d.reason === 'ambiguous') {
      throw new PovcheckError('LOCALE_AMBIGUOUS', { reason: 'ambiguous', cell: d.sample.ref, text: clip(d.sample.text), vi: d.vi, en: d.en }, { cell: d.sample.ref });
    }
    throw new PovcheckError('LOCALE_AMBIGUOUS', { reason: 'conflict', viCell: d.vi.ref, viText: clip(d.vi.text), enCell: d.en.ref, enText: clip(d.en.text) });
  }
  return { locale: d.locale, plain: d.plain, witness: d.witness?.ref ?? '', ...(d.rates ? { rates: { locale: d.rates.locale, witness: d.rates.witness.ref } } : {}) };
}

/**
 * One value cell → its Value, and the finding when it is empty or not a number (`kind`: the indicator's, when the
 * caller has it). A note written where a figure goes
 * (`isNote`) is an error only where every cell is expected (`annexShaped`), else a warning: the table says why
 * it gives no figure.
 */
export function parseValue(cell: Cell, unitId: number, unitName: string, indicator: Indicator, format: NumberFormat, kind?: IndicatorKind, annexShaped = false): { value: Value; finding?: Finding } {
  const raw = cell.raw;
  // Most cells have no space around them: the regex only when they may.
  const text = raw === '' || (raw.charCodeAt(0) > 0x20 && raw.charCodeAt(raw.length - 1) > 0x20 && raw.charCodeAt(0) < 0x7f && raw.charCodeAt(raw.length - 1) < 0x7f) ? raw : raw.replace(/^[\s\u00a0\u2007\u202f]+|[\s\u00a0\u2007\u202f]+$/g, '');
  const k = kind ?? indicatorKind(indicator);
  const marked = cell.numeric === undefined ? markedFigure(text, localeFor(format, k), k) : undefined;
  if (marked) return { value: new NumberValue(indicator, unitId, cell, marked.figure, marked.plain, marked.decimals), finding: noteMarkFinding(cell, unitName, indicator, clip(text), marked) };
  const parsed = cell.numeric !== undefined ? parseStored(cell.numeric) : parseDigits(text, localeFor(format, k), k);
  // A figure of more digits than any count or rate has (`0,000…01` of a thousand zeros, 1E+308 stored) is not read
  // as one: every check, and the search for a slip, would work on digits no table means.
  const p = parsed.ok && parsed.plain.length - (parsed.decimals > 0 ? 1 : 0) > MAX_FIGURE_DIGITS ? ({ ok: false, problem: 'digits' } as const) : parsed;
  if (p.ok) return { value: new NumberValue(indicator, unitId, cell, text, p.plain, p.decimals, p.negativeZero ? new Dec(`-${p.plain}`) : undefined) };
  // A dash is "none" in the statistical tables' convention (`-` under households back among the poor, its rate 0,00
  // beside it): a count read as 0, a rate as 0,00 (two decimals: a dash for 0,30 % is no rate of 0 at no decimals,
  // and its check fails), said once for the table (foldDashes).
  if (p.problem === 'dash') {
    const [plain, decimals] = k === 'count' ? ['0', 0] : [(0).toFixed(RATE_DECIMALS), RATE_DECIMALS];
    return { value: new NumberValue(indicator, unitId, cell, text, plain, decimals), finding: { rule: 'number', severity: 'info', at: cell, unit: unitName, indicator, actual: clip(text), msg: { id: 'number.dash', params: { unit: unitName, indicator, text: clip(text) } } } };
  }
  // An `x` is no figure where a table may leave one out; an annex needs every figure: there it is not a number.
  const problem = p.problem === 'not-applicable' && annexShaped ? 'text' : p.problem;
  return {
    value: { indicator, unit: unitId, cell, text, status: problem === 'empty' ? 'empty' : 'invalid' },
    finding:
      problem === 'text' && (isNote(text) || isApproximate(text))
        ? noteFinding(cell, unitName, indicator, clip(text), annexShaped, isNote(text) ? 'number.note' : APPROXIMATION_MESSAGE[approximation(text)!])
        : numberFinding(problem, cell, unitName, indicator, clip(text), localeFor(format, k), format.rates ? (k === 'rate' ? format.rates.witness : format.witness) : format.witness, format.rates ? k : undefined),
  };
}

/** A figure followed by a note mark (`25,56*`, `12,43¹`): the figure's digits and the mark, when the figure is a number. */
function markedFigure(text: string, locale: NumberLocale, kind: IndicatorKind): { figure: string; mark: string; plain: string; decimals: number } | undefined {
  const m = text.length > 1 && mayEndInMark(text.charCodeAt(text.length - 1)) && noteMark(text);
  if (!m) return undefined;
  const p = parseDigits(m.figure, locale, kind);
  return p.ok && !p.negativeZero ? { ...m, plain: p.plain, decimals: p.decimals } : undefined;
}

/**
 * `*`, `)`, a dagger or `§`, or a superscript digit, bracket or letter (¹²³ are Latin-1's, ʰ ʲ ʳ ʷ ʸ ˡ ˢ ˣ the
 * modifier letters', the others U+1D43–U+1DBF and U+2070–U+207F): most cells end in none.
 */
const mayEndInMark = (c: number) =>
  c === 0x2a || c === 0x29 || c === 0xb2 || c === 0xb3 || c === 0xb9 || c === 0xa7 || c === 0x2020 || c === 0x2021 || (c >= 0x2b0 && c <= 0x2e3) || (c >= 0x1d43 && c <= 0x1dbf) || (c >= 0x2070 && c <= 0x207f);

/** The figure is read without its note mark, and the report names the mark (a footnote's sign, not a digit). */
function noteMarkFinding(cell: Cell, unit: string, indicator: Indicator, text: string, marked: { mark: string; plain: string }): Finding {
  return { rule: 'number', severity: 'info', at: cell, unit, indicator, actual: marked.plain, msg: { id: 'number.note-mark', params: { unit, indicator, text, mark: marked.mark, value: marked.plain } } };
}

/**
 * Whether a cell's text is a note rather than a mistyped figure: three words or more (`Như cột số 4`, `Chưa có
 * số liệu`, a sentence on why the figure is missing). A slip of the keyboard (`4.18x`, `n/a`, `12 hộ`) is not.
 */
export function isNote(text: string): boolean {
  let words = 0;
  for (const w of text.split(/\s+/)) if (/^\p{L}{2}/u.test(w) && ++words >= 3) return true;
  return false;
}

/**
 * Whether a cell's text is a figure given approximately (`hơn 6.915`, `gần 10 nghìn`, `khoảng 1.200 hộ`, `trên 50%`,
 * `about 300`: a word or sign of approximation, a number, at most a unit or a scale word), as a bound (`7,3 trở lên`,
 * `tối thiểu 5`, `3% or more`: a plan's target) or as a range (`1,2 - 1,5`, `từ 1-1,5`, `từ 1 đến 1,5`); a target's
 * verb and its rate a year may stand around them (`giảm hơn 3%/năm`).
 */
export function isApproximate(text: string): boolean {
  return approximation(text) !== undefined;
}

/**
 * How a cell's text gives its figure when it gives none exactly (`isApproximate`): a range (`từ 1-1,5`, `4,72% đến
 * 5,11%`), a bound (`hơn 3%/năm`, `tối thiểu 4`, `7,3 trở lên`) or an approximation (`khoảng 1.200 hộ`, `2,3 triệu`),
 * each worded as what it is (a plan's range is no estimate).
 */
export function approximation(text: string): Approximation | undefined {
  const t = text.toLowerCase();
  if (RANGE.test(t)) return 'range';
  if (BOUND_AFTER.test(t)) return 'bound';
  const m = APPROXIMATE.exec(t);
  if (m) return BOUND_WORDS.has(m[1]!) ? 'bound' : 'approximate';
  return ROUNDED.test(t) ? 'approximate' : undefined;
}

export type Approximation = 'approximate' | 'bound' | 'range';

const APPROXIMATION_MESSAGE = { approximate: 'number.approximate', bound: 'number.bound', range: 'number.range' } as const;

const SCALE = '(?:(?:nghìn|ngàn|triệu|vạn|%|hộ|người|thousand|million|households)(?:\\s*/\\s*(?:năm|year))?)';
/** The words and signs that bound a figure (`hơn 3`: more than 3), not estimate it (`khoảng 3`). */
const BOUND_WORDS: ReadonlySet<string> = new Set(['hơn', 'trên', 'dưới', 'tối thiểu', 'tối đa', 'ít nhất', 'không quá', 'không dưới', 'more than', 'less than', 'at least', 'at most', 'over', 'under', '>', '<', '≥', '≤']);
const APPROXIMATE = new RegExp(
  `^(?:(?:giảm|tăng|reduce|fall)\\s+)?(gần như|gần|hơn|trên|dưới|khoảng|xấp xỉ|ước tính|ước|chừng|tối thiểu|tối đa|ít nhất|không quá|không dưới|more than|less than|at least|at most|nearly|about|approximately|around|almost|over|under|~|≈|>|<|≥|≤)\\s*[\\d][\\d.,\\s]*\\s*${SCALE}?\\.?$`,
  'u',
);
const BOUND_AFTER = new RegExp(`^(?:từ\\s*)?[\\d][\\d.,\\s]*\\s*${SCALE}?\\s*(?:trở lên|trở xuống|or more|or less|and above|and below)\\.?$`, 'u');
/** A figure rounded to a large unit (`2,3 triệu`, `2.3 million`, `15 nghìn hộ`): approximate as `khoảng …` is. */
const ROUNDED = /^\d[\d.,]*\s*(?:nghìn|ngàn|triệu|vạn|tỷ|thousand|million|billion)(?:\s+(?:hộ|households))?\.?$/u;
/** Two figures joined by a dash or by `đến` / `tới` / `to` (`từ 1 đến 1,5`), each perhaps with its unit. */
const RANGE = new RegExp(`^(?:(?:giảm|tăng)\\s+)?(?:từ\\s*)?[\\d][\\d.,]*\\s*${SCALE}?\\s*(?:[-–—]|đến|tới|to)\\s*[\\d][\\d.,]*\\s*${SCALE}?$`, 'u');

function noteFinding(cell: Cell, unit: string, indicator: Indicator, text: string, annexShaped: boolean, id: 'number.note' | (typeof APPROXIMATION_MESSAGE)[Approximation]): Finding {
  return { severity: annexShaped ? 'error' : 'warning', at: cell, unit, indicator, actual: text, rule: 'number', msg: { id, params: { unit, indicator, text } } };
}

/** A warning per count indicator the table lacks, naming the checks that need it. */
export function missingIndicators(indicators: readonly Indicator[]): Finding[] {
  // A table of gross flows (thoát nghèo, tái nghèo, phát sinh) balances without the net reduction.
  const gross = indicators.some((i) => i.startsWith('poor_') && /^poor_(?:exited|returned|new|from_near_poor|other_in|other_out)(?:$|[@~:/])/.test(i));
  // One households column without a phase serves every rate of the table; one poor column without a phase is a
  // table of one point in time (a review's result beside the year's fall): it never claimed a start and an end,
  // of the poor or of the households.
  const onePoor = indicators.some((i) => indicatorOf(i) === 'poor');
  // A table of gross flows (the review form) prints one households column: at the review, the end of the year (or at
  // either end, or without a phase). It never claimed the other end's households: what that leaves unchecked is said
  // under "not checked" (`denominator`, the rate it cannot recompute: relations/rate.ts), not as a fault of the table.
  const oneHouseholds =
    onePoor || indicators.some((i) => indicatorOf(i) === 'households') || (gross && indicators.includes('households_start') !== indicators.includes('households_end'));
  // Start and end without the net reduction: nothing is left unchecked, the reduction is their difference.
  const bothEnds = indicators.includes('poor_start') && indicators.includes('poor_end');
  const unasked = (ind: CountIndicator) =>
    (gross && ind === 'poor_reduced') || (bothEnds && ind === 'poor_reduced') || (oneHouseholds && ind.startsWith('households_')) || (onePoor && (ind === 'poor_start' || ind === 'poor_end'));
  return COUNT_INDICATORS.filter((ind) => !indicators.includes(ind) && !unasked(ind)).map(
    (ind): Finding => ({ rule: 'missing', severity: 'warning', indicator: ind, msg: { id: 'missing.indicator', params: { indicator: ind, rules: RULES_NEEDING[ind] } } }),
  );
}

/** A unit listed a second time where it may appear once: at its cell, naming where it first stood. */
function duplicateUnit(u: DraftUnit, first: DraftUnit): Finding {
  return {
    rule: 'duplicate',
    severity: 'error',
    ...(u.cell ? { at: u.cell } : {}),
    unit: u.name,
    msg: { id: 'duplicate.unit', params: { unit: u.name, first: first.cell ? displayRef(first.cell) : first.name } },
  };
}

/**
 * Blocks, "of which" rows and sections (structure.ts): the total as named (none assumed), blocks under it,
 * units under their block; a unit may repeat in another block or partition, but not among its siblings.
 */
function structured(draft: Draft, keys: string[], findings: Finding[], isTotal: (name: string) => boolean, named: number | undefined, policy: ShapeOptions['totalPolicy']): UnitStructure {
  // `named`: the unit `--total NAME` names. Where no unit is named as the total, `--total first` takes the first
  // unit when it heads nothing but "of which" rows (`Thành phố Hà Nội`, then `- Trong đó: …`; a first unit heading
  // a block or its level's units stays their head); by default the first is the total when its name's level is
  // above every place after it (`Thành phố Hà Nội` over its `Quận …` and `Huyện …`, `Huyện Đakrông` over its areas
  // and `Xã …`: structure.ts outranksTheRest).
  let s = resolveStructure(draft.units, isTotal, named);
  if (s.totalIdx < 0 && named === undefined && draft.units.length > 1 && firstIsTotal(draft.units, s, policy)) s = resolveStructure(draft.units, isTotal, 0);
  const seen = new FirstOfEachName((i) => draft.units[i]!.name);
  keys.forEach((k, i) => {
    if (i === s.totalIdx || s.role[i] === 'of-which' || s.role[i] === 'breakdown') return;
    const scope = `${s.parents[i]}|${s.partition[i]}|${k}`;
    const first = seen.find(scope, i);
    if (first === undefined) return seen.add(scope, i);
    findings.push(duplicateUnit(draft.units[i]!, draft.units[first]!));
  });
  return s;
}

/**
 * Whether the first unit of a structure without a total is the total: as its level says (unless `policy` is
 * 'none'), or as `--total first` asks where it heads nothing but "of which" rows.
 */
function firstIsTotal(units: readonly DraftUnit[], s: { parents: Int32Array; role: ReadonlyArray<UnitRole | undefined> }, policy: ShapeOptions['totalPolicy']): boolean {
  if (policy === 'none' || s.role[0] !== undefined) return false;
  return outranksTheRest(units, s.role) || (policy === 'first' && headsOnlyOfWhich(s));
}

/** Whether the first unit is no block and every unit under it is an "of which" row or a household category. */
function headsOnlyOfWhich(s: { parents: Int32Array; role: ReadonlyArray<UnitRole | undefined> }): boolean {
  if (s.role[0] !== undefined) return false;
  for (let i = 1; i < s.parents.length; i++) if (s.parents[i] === 0 && s.role[i] !== 'of-which' && s.role[i] !== 'breakdown') return false;
  return true;
}

interface UnitStructure {
  /** Each unit's parent, -1 for none (as the tree gives them). */
  parents: Int32Array;
  totalIdx: number;
  role?: Array<UnitRole | undefined>;
  partition?: number[];
}

/** Code and parent columns: the tree decides parents and the total; names may repeat across districts. */
function fromTree(units: TreeUnits, findings: Finding[], isTotal: (name: string) => boolean): UnitStructure {
  const tree = resolveTree(units, findings, isTotal);
  return { parents: tree.parent, totalIdx: tree.total ?? -1 };
}

/** One level (wide layout, or long without codes): the total, then every other unit under it. */
function oneLevel(
  draft: Draft,
  keys: string[],
  findings: Finding[],
  opts: ShapeOptions,
  isTotal: (name: string) => boolean,
  named: number | undefined,
): UnitStructure {
  let totalIdx = named ?? draft.units.findIndex((u) => isTotal(u.name));
  if (totalIdx < 0 && draft.units.length > 1 && opts.totalPolicy === 'first') {
    totalIdx = 0;
    findings.push(totalAssumed(draft.units[0]!));
  }
  // A second total whose name says another level than the total's (`Cả nước` or `Toàn quốc` under `Toàn tỉnh`,
  // `Toàn tỉnh` under `Toàn huyện`) is another unit, not the total again; one of a higher level after the total
  // is a row printed for comparison: no part of it, under no parent.
  const totalLevel = totalIdx >= 0 ? levelOfTotal(draft.units[totalIdx]!.name) : undefined;
  const comparisons: number[] = [];
  const seen = new FirstOfEachName((i) => draft.units[i]!.name);
  keys.forEach((k, i) => {
    const first = seen.find(k, i);
    const u = draft.units[i]!;
    const secondTotal = i !== totalIdx && totalIdx >= 0 && isTotal(u.name);
    const level = secondTotal && totalLevel !== undefined ? levelOfTotal(u.name) : undefined;
    const otherLevel = level !== undefined && level !== totalLevel;
    if (otherLevel && i > totalIdx && level < totalLevel!) comparisons.push(i);
    if (first === undefined && (!secondTotal || otherLevel)) return seen.add(k, i);
    findings.push(duplicateUnit(u, draft.units[first ?? totalIdx]!));
  });
  const parents = new Int32Array(draft.units.length).fill(totalIdx);
  if (totalIdx >= 0) parents[totalIdx] = -1;
  for (const i of comparisons) parents[i] = -1;
  return { parents, totalIdx };
}

/** `--total first`: the first unit taken as the total of the others (an info: its name did not say so). */
function totalAssumed(u: DraftUnit): Finding {
  return { rule: 'sum', severity: 'info', ...(u.cell ? { at: u.cell } : {}), unit: u.name, msg: { id: 'sum.total-assumed', params: { unit: u.name } } };
}

/** The unit `--total NAME` names (its index), or undefined without one; a name no unit has is a bad option. */
function totalByName(draft: Draft, name: string | undefined): number | undefined {
  return name === undefined ? undefined : unitNamed(draft.units.length, (i) => draft.units[i]!.name, name);
}

/** The first of `n` units (names by `nameOf`) called `name`; a name no unit has is a bad option (every layout). */
function unitNamed(n: number, nameOf: (i: number) => string, name: string): number {
  const key = unitKey(name);
  // The first of its letters whose marks do not say another place (`--total "Tân Hóa"` is not Tân Hòa: spelling.ts).
  for (let i = 0; i < n; i++) if (unitKey(nameOf(i)) === key && sameSpelling(name, nameOf(i))) return i;
  const units = Array.from({ length: Math.min(n, 12) }, (_, i) => nameOf(i));
  throw new PovcheckError('BAD_OPTION', { reason: 'total-unknown', name, units });
}

const RULES_NEEDING: Record<(typeof COUNT_INDICATORS)[number], string[]> = {
  households_start: ['sum', 'rate', 'denominator', 'range'],
  households_end: ['sum', 'rate', 'denominator', 'range'],
  poor_start: ['sum', 'flow', 'rate', 'denominator', 'range'],
  poor_reduced: ['sum', 'flow', 'range'],
  poor_end: ['sum', 'flow', 'rate', 'range'],
};

/** A workbook number's exact digits ("9.74", "-12", "210299") as a parsed value. */
function parseStored(digits: string): { ok: true; plain: string; decimals: number; negativeZero: boolean } {
  const frac = /\.(\d+)$/.exec(digits);
  return { ok: true, plain: digits, decimals: frac ? frac[1]!.length : 0, negativeZero: /^-0*(?:\.0*)?$/.test(digits) };
}

/**
 * `--locale` given against the cells (a Vietnamese file read with `--locale en`: every count a fraction, 72
 * errors with nothing saying why): a warning naming a cell that reads the other way (the first rows' of a long
 * table), none when the cells say nothing either way.
 */
function localeGivenFinding(given: NumberLocale, d: LocaleDecision): Finding[] {
  if (!d.ok || d.plain) return [];
  const against = d.rates && d.rates.locale !== given ? { read: d.rates.locale, cell: d.rates.witness.ref, kinds: 'rate' as const } : d.locale !== given && d.witness ? { read: d.locale, cell: d.witness.ref, ...(d.rates ? { kinds: 'count' as const } : {}) } : undefined;
  if (!against) return [];
  return [{ rule: 'number', severity: 'warning', msg: { id: 'number.locale-given', params: { given, ...against } } }];
}

/** The table's note that its counts and rates keep different formats, each cell read the one way it can be. */
function mixedFormatFinding(format: NumberFormat): Finding {
  const rates = format.rates!;
  return { rule: 'number', severity: 'info', msg: { id: 'number.mixed-format', params: { locale: format.locale, countCell: format.witness, rateCell: rates.witness } } };
}

/** `kinds`: the kind whose format `locale` is, when counts and rates keep formats of their own. */
function numberFinding(problem: string, cell: Cell, unit: string, indicator: Indicator, text: string, locale: NumberLocale, witness: string, kinds?: IndicatorKind): Finding {
  if (problem === 'empty' && cell.formula !== undefined) {
    return { severity: 'error', at: cell, unit, indicator, rule: 'missing', msg: { id: 'missing.formula', params: { unit, indicator, formula: cell.formula } } };
  }
  if (problem === 'empty') return { severity: 'error', at: cell, unit, indicator, rule: 'missing', msg: { id: 'missing.value', params: { unit, indicator } } };
  const base = { severity: 'error' as const, at: cell, unit, indicator, actual: text };
  const error = spreadsheetError(text);
  if (error) return { ...base, rule: 'number', msg: { id: 'number.spreadsheet-error', params: { unit, indicator, text: text.trim(), kind: error, ...(cell.formula !== undefined ? { formula: cell.formula } : {}) } } };
  if (problem === 'not-applicable') return { ...base, severity: 'info', rule: 'number', msg: { id: 'number.not-applicable', params: { unit, indicator, text } } };
  if (problem === 'grouping') {
    const kind = indicatorKind(indicator);
    const other = parseNumber(text, locale === 'vi' ? 'en' : 'vi', kind);
    const plausible = other.ok && (kind === 'count' ? other.decimals === 0 : other.num.abs().lte(100));
    if (plausible && witness) {
      return { ...base, rule: 'number', msg: { id: 'number.other-locale', params: { unit, indicator, text, locale, witness, ...(kinds ? { kinds } : {}) } } };
    }
    return { ...base, rule: 'number', msg: { id: 'number.grouping', params: { unit, indicator, text, locale } } };
  }
  if (problem === 'digits') return { ...base, rule: 'number', msg: { id: 'number.digits', params: { unit, indicator, text, max: MAX_FIGURE_DIGITS } } };
  return { ...base, rule: 'number', msg: { id: 'number.text', params: { unit, indicator, text } } };
}

function decideLang(draft: Draft, units: Units): Lang {
  if (draft.langVotes.vi !== draft.langVotes.en) return langOf(draft.langVotes, false);
  let nonAscii = false;
  for (const u of units) if ((nonAscii = NON_ASCII.test(u.name))) break;
  return langOf(draft.langVotes, nonAscii);
}

export const NON_ASCII = /[^\x00-\x7f]/;

/** The labels' language; with only keys (or a tie), Vietnamese letters in unit names tip it. */
export function langOf(votes: { vi: number; en: number }, nonAsciiName: boolean): Lang {
  if (votes.vi > votes.en) return 'vi';
  if (votes.en > votes.vi) return 'en';
  return nonAsciiName ? 'vi' : 'en';
}

/** The years the table's changes are measured against, where their labels name one (`Annex.comparedWith`). */
function comparedWithOf(labelCells: Partial<Record<Indicator, Cell>>, headed?: Readonly<Record<Indicator, string>>): { comparedWith?: Readonly<Record<Indicator, string>> } {
  let out: Record<Indicator, string> | undefined = headed ? { ...headed } : undefined;
  for (const key in labelCells) {
    const text = labelCells[key]!.raw;
    const year = /\d/.test(text) ? comparedWithYear(text) : undefined;
    if (year !== undefined && out?.[key] === undefined) (out ??= {})[key] = year;
  }
  return out ? { comparedWith: out } : {};
}
