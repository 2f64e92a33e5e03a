/**
 * Years as rows: a statistical yearbook's table of one indicator (`262. Tỷ lệ hộ nghèo`, `Đơn vị tính: %`),
 * one row per year, one column per unit (the whole, then `Trong đó` its urban and rural parts), the years
 * grouped under section rows that name the poverty standard (`Theo chuẩn nghèo giai đoạn 2011 - 2015`). The
 * same year under two standards is two slots, never a duplicate. The indicator comes from the title, or
 * from a column header that names it (that column is the whole).
 */
import { a1, cellAt, cellText, gridWidth, type Cell, type Grid } from '../model/grid.js';
import { slotKey } from '../model/slots.js';
import { newDraft, tidyName, unknownLabelParams, type Draft } from './draft.js';
import { headerBand } from './header.js';
import { emptyLine, figuresRight, type LabelLine } from './scan.js';
import { combine, comparedWithYear, featuresOf, hasYearDigits, keyOf, measureMarkOf, withoutMeasureMark, withoutYearMark, type Features } from './words.js';
import { titleTotal } from './title.js';
import { isLabelHeader } from './aliases.js';

const YEAR = /^(?:năm\s*|year\s*)?((?:19[5-9]|20\d)\d)$/iu;

export interface YearRows {
  /** The column holding the years. */
  col: number;
  /** The first row holding a year. */
  first: number;
}

/** A column (among the first `maxCols`) with at least two years that have figures beside them. */
export function findYearRows(grid: Grid, maxCols: number, maxRows: number): YearRows | undefined {
  const width = Math.min(gridWidth(grid), maxCols);
  for (let c = 0; c < width; c++) {
    let first: number | undefined;
    let n = 0;
    for (let r = 0; r < grid.rows.length && (first === undefined || r < first + maxRows); r++) {
      if (YEAR.test(cellText(cellAt(grid, r, c))) && figuresRight(grid, r, c)) {
        first ??= r;
        n++;
      }
    }
    if (first !== undefined && n >= 2) return { col: c, first };
  }
  return undefined;
}

/** The indicator the rows above the header name (`Tỷ lệ hộ nghèo`, `Đơn vị tính: %`), if they name one. */
export function titleFeatures(grid: Grid, above: number): Features {
  const parts: Array<Readonly<Features>> = [];
  for (let r = 0; r < above; r++) for (const cell of grid.rows[r] ?? []) if (cellText(cell) !== '') parts.push(featuresOf(cell.raw));
  return combine(parts);
}

/** A header cell's name: its first line when the rest is an English gloss (`Thành thị⏎Urban`). */
function unitName(cell: Cell): string {
  const lines = cell.raw.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const name = lines.length > 1 && lines.slice(1).every((l) => /^[\x20-\x7e]*$/.test(l)) ? lines[0]! : cell.raw;
  return tidyName(name.replace(/^(?:trong đó|of which)\s*[:,-]?\s*/iu, ''));
}

export function readYearRows(grid: Grid, found: YearRows): Draft {
  const draft = newDraft('wide');
  const { col, first } = found;
  // The header: the nearest row above the first year with text right of the year column.
  let leaf = first - 1;
  while (leaf >= 0 && !(grid.rows[leaf] ?? []).some((c) => c.col > col && cellText(c) !== '')) leaf--;
  const band = leaf >= 0 ? headerBand(grid, leaf) : undefined;
  const title = titleFeatures(grid, band ? band.top : first);
  const titleKey = keyOf(title);

  // Units: the columns right of the years; one that names the indicator itself is the whole.
  const units: Array<{ col: number; unit: number; key: string }> = [];
  for (const [c, h] of band?.columns ?? []) {
    if (c <= col) continue;
    const own = h.own ?? h.cells[h.cells.length - 1]!;
    if (/^(?:đơn vị tính|đvt|unit)\b/iu.test(cellText(own))) continue;
    const key = h.key ?? titleKey;
    if (key === undefined) continue;
    const whole = h.key !== undefined && h.features.area === undefined;
    const ofWhich = h.features.ofWhich && h.features.area === undefined;
    const named = whole ? titleTotal(grid, band!.top) : undefined;
    const unit =
      draft.units.push({
        name: whole ? (named?.name ?? (title.lang === 'en' ? 'Total' : 'Tổng')) : unitName(own),
        cell: own,
        ...(ofWhich ? { ofWhich: true } : {}),
      }) - 1;
    units.push({ col: c, unit, key });
  }
  if (units.length === 0) return draft;
  draft.langVotes[title.lang ?? 'vi']++;

  // Rows: years, under the standard of the section row above them.
  let standard: string | undefined;
  for (let r = first - 1; r < grid.rows.length; r++) {
    if (r < 0) continue;
    const cell = cellAt(grid, r, col);
    const text = cellText(cell);
    const y = YEAR.exec(text);
    if (!y) {
      if (text === '') continue;
      const f = featuresOf(text);
      if (f.standard !== undefined && !figuresRight(grid, r, col)) {
        standard = f.standard;
        continue;
      }
      if (r >= first && figuresRight(grid, r, col)) {
        draft.findings.push({ rule: 'unknown', severity: 'warning', at: cell!, msg: { id: 'unknown.row', params: unknownLabelParams(text) } });
      }
      continue;
    }
    const keys = units.map((u) => slotKey(u.key, { year: y[1]!, ...(standard !== undefined ? { standard } : {}) }));
    const seen = keys.find((k) => draft.labelCells[k]);
    if (seen !== undefined) {
      draft.findings.push({ rule: 'duplicate', severity: 'error', at: cell!, indicator: seen, msg: { id: 'duplicate.indicator', params: { indicator: seen, first: draft.labelCells[seen]!.ref } } });
      continue;
    }
    units.forEach((u, i) => {
      const key = keys[i]!;
      if (!draft.indicators.includes(key)) {
        draft.indicators.push(key);
        draft.labelCells[key] = cell!;
      }
      const v = cellAt(grid, r, u.col) ?? { raw: '', ref: a1(r, u.col), row: r, col: u.col, ...(grid.sheet ? { sheet: grid.sheet } : {}) };
      draft.values.push({ unit: u.unit, indicator: key, cell: v });
    });
  }
  return draft;
}

/**
 * Whether a header's texts are years only, two or more (`2018 | 2019 | 2020`, `Năm 2021 | Năm 2022`, with a unit of
 * measure after them: `Năm 2021 (%)`), or exactly two years and the change between them after both (`Năm 2021 (%) |
 * Năm 2022 (%) | Giảm (%)`: `yearChange`).
 */
export function yearsOnly(heads: readonly string[]): boolean {
  // Both patterns need a year's four digits: a heading without them is none (the patterns not tried).
  const isYear = (t: string) => hasYearDigits(t) && (YEAR.test(withoutMeasureMark(t)) || PRELIMINARY_YEAR.test(withoutMeasureMark(t)));
  if (heads.length >= 2 && heads.every(isYear)) return true;
  return heads.length === 3 && isYear(heads[0]!) && isYear(heads[1]!) && yearChange(heads[2]!) !== undefined;
}

/** The fall a column beside two years gives (`yearChange`): in what it is counted, and the year it names, if any. */
export interface YearChange {
  /** `rate`: in points (`Giảm (%)`, `Mức giảm (điểm %)`); `count`: in households or persons (`Giảm (hộ)`); undefined: as each row's indicator. */
  measure?: 'rate' | 'count';
  /** The year its heading says it is against (`Giảm so với năm 2021`). */
  since?: string;
}

/**
 * A column headed as the fall between two years (`Giảm`, `Giảm (%)`, `Mức giảm (điểm %)`, `Giảm (hộ)`, `Giảm so với
 * năm 2021`, `Decrease`): the earlier year's figure less the later's, each row's. Nothing else in the heading: not a
 * population (`Mức giảm tỷ lệ hộ nghèo` is a row's label), a target, an average a year (`Giảm bình quân`). Not a rise
 * (`Tăng`), nor a change whose sign the heading leaves open (`Tăng/giảm`, `Tăng (+), giảm (-)`, `Chênh lệch`, `So
 * sánh`): their figures may be either difference, and are not read as the fall.
 */
export function yearChange(text: string): YearChange | undefined {
  const head = text.trim();
  // The heading's features first: most headings are no fall, and the rise's words (an /iu pattern) are then not tried.
  const f = featuresOf(withoutMeasureMark(head));
  if (f.time !== 'reduced' || f.population !== undefined || f.em || f.role !== undefined || f.area !== undefined || f.increase || f.share || f.average || f.selected || f.money || f.compared || f.ofWhich || f.standard !== undefined) return undefined;
  if (/\b(?:tăng|increase|rise|chênh|so sánh|compared?)/iu.test(head)) return undefined;
  const since = comparedWithYear(head);
  if (f.year !== undefined && f.year !== since) return undefined;
  const mark = measureMarkOf(head);
  const m = mark !== undefined ? markMeasure(mark) : f.measure;
  const measure = m === 'rate' || m === 'points' ? 'rate' : m === 'count' || m === 'persons' ? 'count' : undefined;
  return { ...(measure ? { measure } : {}), ...(since !== undefined ? { since } : {}) };
}

/** What a unit of measure after a heading counts: `%`, `điểm %` a rate's points; `hộ`, `người` households or persons. */
const markMeasure = (mark: string): 'rate' | 'count' => (/%|điểm|pp|point|percent/iu.test(mark) ? 'rate' : 'count');

/**
 * A year whose figures are preliminary, estimated or the year's results (`Sơ bộ - 2022`, `Ước 2023`, `Thực hiện năm
 * 2022`, `Prel. 2020`), as yearbooks and reports head their last column.
 */
const PRELIMINARY_YEAR = /^(?:sơ bộ|ước tính|ước thực hiện|ước th|ước|dự ước|dự kiến|thực hiện|prel\.?|preliminary|est\.?|estimated?)\s*[-–]?\s*(?:năm\s*|year\s*)?((?:19[5-9]|20\d)\d)$/iu;

/**
 * The year a cell is and nothing else (`2017`, `Năm 2017`, `2017 (ước)`: the mark after it taken off). A text without
 * four digits in a row is none (most labels and figures): not tried.
 */
export const plainYearOf = (text: string): string | undefined => (hasYearDigits(text) ? YEAR.exec(withoutYearMark(text.trim()))?.[1] : undefined);

/** The year a column of a table of units by year gives: a plain one, or one headed `Sơ bộ - 2020` (PRELIMINARY_YEAR). */
function yearOfHeading(text: string): string | undefined {
  return hasYearDigits(text) ? (plainYearOf(text) ?? PRELIMINARY_YEAR.exec(withoutYearMark(text.trim()))?.[1]) : undefined;
}

/**
 * Years as the columns of a table of units (`| Năm 2002 | Năm 2004`, the units as rows): the indicator comes
 * from the title; with none, figures all written with decimals within 0–100 (`23,0`) are rates, as statistical
 * releases print them, and anything else is not read.
 */
export function findYearColumns(grid: Grid, maxRows: number): { row: number; line: LabelLine; inferredFrom?: number[]; skippedUnnamed?: true } | undefined {
  let skippedUnnamed = false;
  for (let r = 0; r < Math.min(grid.rows.length, maxRows); r++) {
    const years = new Map<number, string>();
    const seen = new Set<string>();
    for (const cell of grid.rows[r] ?? []) {
      const y = cell ? yearOfHeading(cellText(cell)) : undefined;
      // A year given twice: its later column is not read (reported as not understood).
      if (y === undefined || seen.has(y)) continue;
      years.set(cell!.col, y);
      seen.add(y);
    }
    if (years.size < 2) continue;
    const first = Math.min(...years.keys());
    const rows = grid.rows.slice(r + 1);
    // Names under `Chỉ tiêu` of which one names an indicator are indicators, not units (a yearbook's rows: income,
    // the poverty rate …): no table of units.
    if (first > 0 && isLabelHeader(cellText(cellAt(grid, r, first - 1))) && rows.some((row) => keyOf(featuresOf(cellText(row[first - 1]))) !== undefined)) continue;
    const named = rows.some((row) => /\p{L}/u.test(cellText(row[first - 1])));
    if (first === 0 || !named) {
      skippedUnnamed ||= first !== 0;
      continue;
    }
    const titled = keyOf(titleFeatures(grid, r));
    const key = titled ?? inferred(rows, [...years.keys()]);
    if (key === undefined) return undefined;
    const line = emptyLine();
    for (const [c, y] of years) line.hits.set(c, { indicator: slotKey(key, { year: y }), cell: cellAt(grid, r, c)!, lang: 'key' });
    line.distinct = years.size;
    return { row: r, line, ...(titled === undefined ? { inferredFrom: [...years.keys()] } : {}), ...(skippedUnnamed ? { skippedUnnamed: true as const } : {}) };
  }
  return undefined;
}

/**
 * Rates, when every figure of the columns is written with decimals and lies within 0–100, and none is a thousands
 * group beside decimal commas (a yearbook's `0,89` beside `5.505`, five thousand in its format, is no table of rates).
 */
function inferred(rows: Grid['rows'], cols: number[]): string | undefined {
  const texts = rows.flatMap((row) => cols.map((c) => cellText(row[c]))).filter((t) => t !== '');
  // `5.505` beside `0,89` is five thousand in the file's format; a lone `17.0` among `17,9` is a mark mistyped (the
  // number format's finding), still a rate.
  const comma = texts.some((t) => t.includes(','));
  const thousands = comma && texts.some((t) => /^\d{1,3}\.\d{3}$/.test(t));
  return texts.length > 0 && !thousands && texts.every(looksLikeRate) ? 'rate' : undefined;
}

/** A figure that keeps the inference of rates (`inferred`): blank, or written with decimals within 0–100. */
export function looksLikeRate(t: string): boolean {
  return t === '' || (/^\d{1,3}[.,]\d+$/.test(t) && Number(t.replace(',', '.')) <= 100);
}
