/**
 * Long layout: one row per unit, one column per indicator, a header row of indicator labels (English
 * keys such as `poor_start`, or Vietnamese/English labels, optionally under a merged heading row).
 */
import { a1, cellAt, cellText, columnLetters, gridWidth, trimmedText, type Cell, type Grid } from '../model/grid.js';
import { LongTable, type ByteFields, type UnitFields, type UnitRecord } from '../model/long-table.js';
import { RecordCounter } from '../read/memory-budget.js';
import { LongVote } from './samples.js';
import type { NumberLocale } from '../model/annex.js';
import { indicatorKind } from '../model/indicators.js';
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
  isYearHeader,
} from './aliases.js';
import { clip } from '../model/echo.js';
import { columnTexts, MAX_NAME, unknownLabelParams, newDraft, partName, takeIndicators, tidyName, unnamedTotal, type Draft } from './draft.js';
import type { LabelLine } from './scan.js';
import { adminLevel, anotherTableTitle, blockCandidate, closesTable, isOfWhichName } from './structure.js';
import { foldKey } from './normalize.js';
import { parseSlot, slotKey, withDims, type SlotFormula } from '../model/slots.js';
import { settleListedParts } from './listed-parts.js';
import { titleTotal } from './title.js';
import { withoutYearMark } from './words.js';
import { joinedName, joinedNameParts, realignNameRows, splitDelimiter, type JoinedName, type NameSplit } from './split-header.js';

/** Where a long table's columns are: indicators, and the unit-name, code and parent columns. */
export interface LongColumns {
  cols: Map<number, Indicator>;
  unitCol: number | undefined;
  codeCol: number | undefined;
  parentCol: number | undefined;
  /** The row-number column (STT, TT): block numbers (I, II) there mark blocks, and a total may be named there. */
  sttCol?: number | undefined;
  /** Columns without a header and without data in the grid's rows (a later row with data gets them reported). */
  unlabelled: number[];
  /** The notes column (`Ghi chú`): a named row below the last unit with a note there is a unit listed without figures. */
  notesCol?: number | undefined;
  /** The columns it does not read that hold something (the notes column with a note, any column reported), with their headers. */
  notRead: Array<{ col: number; header: string; headerCell?: Cell }>;
}

/** How many rows whose unit name was joined back the warning names; how many of them it quotes. */
const JOINED_ROWS_NAMED = 10;
const JOINED_NAMES_QUOTED = 3;

/**
 * The header of a long table: indicator columns (duplicates reported), the name, code and parent columns, and
 * the columns that are not recognised (reported). Looks at the data rows only to guess an unlabelled name
 * column and to tell an empty unlabelled column from one with content.
 */
export function longColumns(grid: Grid, headerRow: number, line: LabelLine, draft: Draft): LongColumns {
  const parts = partColumns(line);
  const cols: Map<number, Indicator> = takeIndicators(line, draft);
  addPartColumns(draft, cols, parts);
  const width = gridWidth(grid);
  const text = (r: number, c: number) => cellText(cellAt(grid, r, c));
  // The column's own header text: the lowest cell of its path (a header merged down leaves it above).
  const headerCell = (c: number) => line.band?.columns.get(c)?.own ?? cellAt(grid, headerRow, c);
  const header = (c: number) => cellText(headerCell(c));
  // What a column not understood is called: its header path, group first (`Hộ làm nông nghiệp …: Số hộ`), so that
  // the report and the configuration hint name the column, not only its last word.
  const pathText = (c: number) => {
    const texts = (line.band?.columns.get(c)?.cells ?? []).map(cellText).filter((t, i, all) => t !== '' && t !== all[i - 1]);
    return texts.length > 1 ? texts.join(': ') : header(c);
  };
  const dataRows: number[] = [];
  for (let r = firstDataRow(line, headerRow); r < grid.rows.length; r++) dataRows.push(r);

  let unitCol: number | undefined;
  let codeCol: number | undefined;
  let parentCol: number | undefined;
  let sttCol: number | undefined;
  let notesCol: number | undefined;
  const others: number[] = [];
  for (let c = 0; c < width; c++) {
    if (cols.has(c) || line.hits.has(c)) continue;
    const head = header(c);
    if (unitCol === undefined && (isUnitHeader(head) || isYearHeader(head))) unitCol = c;
    else if (codeCol === undefined && isCodeHeader(head)) codeCol = c;
    else if (parentCol === undefined && isParentHeader(head)) parentCol = c;
    else if (sttCol === undefined && isSttHeader(head)) sttCol = c;
    else if (isNotesHeader(head)) notesCol ??= c;
    else if (isSttHeader(head) || isMeasureHeader(head)) continue;
    else others.push(c);
  }
  if (unitCol === undefined) {
    // No "unit" header: the first other column holding names (text that is not just a number).
    unitCol = others.find((c) => dataRows.some((r) => /\p{L}/u.test(text(r, c))));
    if (unitCol !== undefined) others.splice(others.indexOf(unitCol), 1);
  }
  const unlabelled: number[] = [];
  const notRead: LongColumns['notRead'] = [];
  for (const c of others) {
    const head = header(c);
    const hasData = dataRows.some((r) => text(r, c) !== '');
    if (head === '' && !hasData) unlabelled.push(c);
    else draft.findings.push(head !== '' ? unknownColumn(headerCell(c), pathText(c), dataRows.map((r) => text(r, c))) : unlabelledColumn(cellAt(grid, dataRows.find((r) => text(r, c) !== '')!, c)!));
    if (hasData) notRead.push({ col: c, header: head !== '' ? pathText(c) : '', ...(head !== '' ? { headerCell: headerCell(c) } : {}) });
  }
  if (notesCol !== undefined && dataRows.some((r) => text(r, notesCol!) !== '')) notRead.push({ col: notesCol, header: header(notesCol), headerCell: headerCell(notesCol) });
  notRead.sort((a, b) => a.col - b.col);
  return { cols, unitCol, codeCol, parentCol, sttCol, unlabelled, notesCol, notRead };
}

/** The first row under the header: past the column-number row (`A | B | 1 | 2 …`) when there is one. */
export function firstDataRow(line: LabelLine, headerRow: number): number {
  return line.band?.numberRow !== undefined ? line.band.numberRow + 1 : headerRow + 1;
}

export function unknownColumn(at: Cell | undefined, head: string, values: readonly string[] = []): Finding {
  return { rule: 'unknown', severity: 'warning', ...(at ? { at } : {}), msg: { id: 'unknown.column', params: unknownLabelParams(head, values) } };
}

/** A column with content and no header, at its first cell with content (the first value that goes unchecked). */
export function unlabelledColumn(at: Cell): Finding {
  return { rule: 'unknown', severity: 'warning', at, msg: { id: 'unknown.unlabelled-column', params: { col: columnLetters(at.col) } } };
}

/**
 * A long table read from a grid: its rows through the one row reader (`LongReader`), or, when its rows are
 * years of one unit, as that unit's series.
 */
export function readLong(grid: Grid, headerRow: number, line: LabelLine): Draft {
  const reader = LongReader.open(grid, headerRow, line);
  if (reader.yearRows) {
    readYearRowsLong(reader.source, reader.draft, reader.columns.cols, reader.yearRows, reader.columns.unitCol!, headerRow);
    return reader.draft;
  }
  reader.gridRows();
  const draft = reader.end();
  // Read whole: the columns it does not read are kept, to be printed as read (`table`).
  const { notRead } = reader.columns;
  if (notRead.length > 0) {
    draft.columnsNotRead = notRead.map((c) => ({ ...c, cells: columnTexts(reader.source, c.col, headerRow) }));
  }
  return draft;
}

/**
 * The rows of a long table, one at a time, into its column store (model/long-table.ts): the same code for a
 * 20-row table and for the records of a million-row file that follow its first rows (shape/index.ts
 * `shapeRecords`). The header and the columns are found in the grid it is made with (a file's first rows);
 * every later row is a record of raw fields.
 */
export class LongReader {
  readonly draft: Draft;
  readonly columns: LongColumns;
  readonly table: LongTable;
  /** The data rows of a table whose rows are years of one unit (read by readYearRowsLong, not row by row). */
  readonly yearRows: number[] | undefined;
  private readonly indicatorCols: number[];
  private readonly plainCells: boolean;
  /** The columns the header and the columns were found in: a later record's fields past them have no header. */
  private width: number;
  /** The indicator columns' own header texts, folded (made when a row below the units may be a header again). */
  private headerKeys: string[] | undefined;
  private section: number | undefined;
  /**
   * The text of a section row read since the last unit: the next unit opens the section (so that section rows
   * with no unit between them, a hostile file's million of them included, make one section, under the last).
   */
  private pendingSection: string | undefined;
  /** Named rows without values: reported once a later row has values (rows below the last are footnotes). */
  private pendingEmpty: EmptyRow[] = [];
  /** Unlabelled columns without data so far (reported when a later row has some). */
  private readonly unlabelled: Set<number>;
  /** The table has ended: a row of the signature block or the place-and-date line under it was read (`closesTable`). */
  private ended = false;
  private readonly values: Array<string | Cell>;
  /** The unit being stored, one object for every row (the table copies its fields). */
  private readonly unit: UnitRecord = { row: 0, name: '', nameCol: -1, nameCell: undefined, stt: '', section: undefined, code: '', codeCell: undefined, parentCode: '', parentCell: undefined };
  /** The memory budget: units stored, refused past what the heap holds (read/memory-budget.ts). */
  private readonly budget = new RecordCounter();
  /** The number format's vote, value by value (none when the format is given). */
  private vote: LongVote | undefined;
  /** The format was given: the first rows' vote is kept for `end`, later rows do not vote. */
  private forcedVote: boolean;
  private firstRowsVote: LongVote | undefined;
  /** Whether later values are stored as they arrive (in the format the first rows vote for). */
  private storing: boolean;
  /** The last column `addBytes` reads (a shorter record is read by `addRecord`). */
  private readonly lastCol: number;
  /** The columns of a unit's name, row number, code and parent code, for `addBytes`. */
  private readonly unitFields: UnitFields;
  /** `LongTable.knownName` of the record `plainUnitRow` looked at last (-1: none), for `addBytes`. */
  private knownName = -1;
  /** Where a unit name split by the delimiter is looked for (a delimited file's, figures right after the names). */
  private readonly nameSplit: NameSplit | undefined;
  /** The rows whose unit name was joined back: the grid's (`open`) and later records'. */
  private joinedNames: JoinedName[] = [];
  private joinedCount = 0;

  /**
   * A reader of the grid's long table, its rows whose unit name holds the delimiter joined back first
   * (split-header.ts `realignNameRows`) and the columns found again on them; later records are joined as read.
   */
  static open(grid: Grid, headerRow: number, line: LabelLine, expectedUnits?: number, locale?: NumberLocale): LongReader {
    const first = new LongReader(grid, headerRow, line, expectedUnits, locale);
    if (!first.nameSplit) return first;
    const { grid: aligned, joined } = realignNameRows(grid, firstDataRow(line, headerRow), first.nameSplit);
    if (joined.length === 0) return first;
    const reader = new LongReader(aligned, headerRow, line, expectedUnits, locale);
    for (const j of joined) reader.noteJoined(j);
    return reader;
  }

  /** The grid read (its split names joined back). */
  get source(): Grid {
    return this.grid;
  }

  constructor(
    private readonly grid: Grid,
    private readonly headerRow: number,
    private readonly line: LabelLine,
    expectedUnits = 64,
    /** The number format, when the caller knows it (`--locale`). */
    locale?: NumberLocale,
  ) {
    this.draft = newDraft('long');
    this.columns = longColumns(grid, headerRow, line, this.draft);
    const { cols, unitCol, codeCol, parentCol, sttCol } = this.columns;
    this.unlabelled = new Set(this.columns.unlabelled);
    this.width = gridWidth(grid);
    this.indicatorCols = [...cols.keys()];
    this.values = new Array<string | Cell>(this.indicatorCols.length);
    // Cells of delimited text are { raw, ref, row, col }: made again when asked. A workbook's are kept.
    this.plainCells = grid.source.kind === 'delimited' && grid.sheet === undefined;
    this.table = new LongTable([...cols.values()], this.indicatorCols, codeCol, parentCol, sttCol, expectedUnits);
    this.yearRows = this.yearsAsRows(unitCol);
    if (locale) this.table.storeAs(locale);
    this.storing = locale !== undefined;
    // With the format given (`--locale`), only the first rows vote: to say when the cells read otherwise.
    this.vote = new LongVote(this.table, [...cols.values()].map((s) => indicatorKind(s)));
    this.forcedVote = locale !== undefined;
    this.lastCol = Math.max(unitCol ?? -1, codeCol ?? -1, parentCol ?? -1, sttCol ?? -1, ...this.indicatorCols);
    this.unitFields = { name: unitCol ?? -1, stt: sttCol ?? -1, code: codeCol ?? -1, parent: parentCol ?? -1 };
    const delimiter = splitDelimiter(grid);
    if (delimiter !== undefined && unitCol !== undefined && cols.has(unitCol + 1)) {
      this.nameSplit = { nameCol: unitCol, width: grid.rows[headerRow]?.length ?? 0, valueCols: this.indicatorCols, delimiter };
    }
  }

  /**
   * A row whose unit name was joined back: its fields after the name placed where they are in the file (their
   * references), counted, and the first ones kept for the warning (`end`).
   */
  private noteJoined(j: JoinedName): void {
    const split = this.nameSplit!;
    this.table.shiftRow(j.row, split.nameCol, j.fields - split.width);
    this.joinedCount++;
    if (this.joinedNames.length < JOINED_ROWS_NAMED) this.joinedNames.push(j);
  }

  /** Years as rows (one unit's series: `Năm | Số hộ nghèo | Tỷ lệ hộ nghèo`): the rows with values, when every name is a year. */
  private yearsAsRows(unitCol: number | undefined): number[] | undefined {
    const text = (r: number, c: number) => cellText(cellAt(this.grid, r, c));
    const withValues: number[] = [];
    for (let r = firstDataRow(this.line, this.headerRow); r < this.grid.rows.length; r++) {
      if (!this.indicatorCols.some((c) => text(r, c) !== '')) continue;
      if (withValues.length > 0 && closesTable(Array.from(this.grid.rows[r] ?? [], (c) => c?.raw))) break;
      if (unitCol === undefined || !isYearName(text(r, unitCol))) return undefined;
      withValues.push(r);
    }
    return withValues.length >= 2 ? withValues : undefined;
  }

  /** Every data row of the grid. */
  gridRows(): void {
    const grid = this.grid;
    for (let r = firstDataRow(this.line, this.headerRow); r < grid.rows.length; r++) {
      const row = grid.rows[r];
      const fields = row ? Array.from(row, (c) => c?.raw) : [];
      this.addRow(r, fields, this.plainCells ? undefined : (c) => row?.[c]);
    }
  }

  /**
   * Room for the units a file's records are estimated at (read/csv.ts `estimatedRecords`), so that the column
   * store is not grown by doubling; never more than the memory budget admits (an estimate from unusual first
   * rows cannot reserve more than a table the budget takes).
   */
  reserve(estimatedRecords: number): void {
    this.table.reserve(this.budget.atMost(Math.ceil(estimatedRecords * 1.02)));
  }

  /**
   * A record longer than every row of the grid: its columns past them have no header, and are reported as such
   * at their first content, as an empty unheaded column of the grid is (they were read past in silence).
   */
  private widen(length: number): void {
    for (let c = this.width; c < length; c++) this.unlabelled.add(c);
    this.width = length;
  }

  /**
   * Whether row `r`, below units, is not one: a header printed again (a page break: skipped), or another table's
   * title or header (a second table below the first on the sheet: the table ends there, and a warning says the rest
   * is not read; it was read on as units, each a duplicate of the first table's).
   */
  private anotherTable(r: number, fields: ReadonlyArray<string | undefined>, cellOf?: (c: number) => Cell | undefined): boolean {
    let at = anotherTableTitle(fields);
    if (at === undefined) {
      const again = this.headerAgain(fields);
      if (again === 'same') return true;
      if (again === undefined) return false;
      // At the heading that differs from the first table's (`Số hộ cận nghèo` under `Số hộ nghèo`).
      at = this.indicatorCols.find((c, k) => textOf(fields[c]) !== '' && foldKey(textOf(fields[c])) !== this.headerKeys![k])!;
    }
    this.ended = true;
    const cell = cellOf?.(at) ?? { raw: fields[at] ?? '', ref: a1(r, at), row: r, col: at, ...(this.grid.sheet ? { sheet: this.grid.sheet } : {}) };
    this.draft.findings.push({ rule: 'unknown', severity: 'warning', at: cell, msg: { id: 'unknown.another-table', params: { text: clip(textOf(fields[at])), row: r + 1 } } });
    return true;
  }

  /**
   * A row whose texts are the header's in two or more indicator columns: `same` when every text it has there is the
   * header's (the header again), `other` when some differ (`Số hộ cận nghèo` under `Số hộ nghèo`: another table's).
   */
  private headerAgain(fields: ReadonlyArray<string | undefined>): 'same' | 'other' | undefined {
    const first = this.indicatorCols.find((c) => textOf(fields[c]) !== '');
    if (first === undefined || numberLikeByte(textOf(fields[first]).charCodeAt(0))) return undefined;
    this.headerKeys ??= this.indicatorCols.map((c) => foldKey(cellText(this.line.band?.columns.get(c)?.own ?? cellAt(this.grid, this.headerRow, c))));
    let same = 0;
    let other = 0;
    this.indicatorCols.forEach((c, k) => {
      const t = textOf(fields[c]);
      if (t === '') return;
      if (foldKey(t) === this.headerKeys![k]) same++;
      else other++;
    });
    return same < 2 ? undefined : other === 0 ? 'same' : 'other';
  }

  /** The format given, the first rows have voted: later rows do not. */
  private endFirstRowsVote(): void {
    this.firstRowsVote = this.vote;
    this.vote = undefined;
    this.forcedVote = false;
  }

  /** A record read after the grid's rows (row `r`, 0-based as in the file). */
  addRecord(r: number, rec: readonly string[]): void {
    if (this.ended) return;
    // The values of the first rows (the grid) wait for the number format; later ones are stored as they
    // arrive in the format those rows vote for (finishValues reads them again if the whole table votes otherwise).
    if (!this.storing) {
      const d = this.vote!.decision();
      this.table.storeAs(d.ok ? d.locale : 'vi');
      this.storing = true;
    }
    if (this.forcedVote) this.endFirstRowsVote();
    // A unit name holding the delimiter: read joined back, its fields after the name where they are in the file (noteJoined).
    const split = this.nameSplit && rec.length > this.nameSplit.width ? joinedName(rec, this.nameSplit) : undefined;
    if (split) this.noteJoinedRecord(r, rec, split.extra);
    else if (rec.length > this.width) this.widen(rec.length);
    const fields = split ? split.fields : rec;
    if (this.unlabelled.size > 0) for (const c of this.unlabelled) if (nonEmpty(fields[c])) this.unlabelled.delete(c) && this.draft.findings.push(unlabelledColumn({ raw: fields[c]!, ref: this.table.refOf(r, c), row: r, col: c }));
    this.addRow(r, fields);
  }

  /** Record `rec` (row `r`), its unit name split `extra` times, noted as joined. */
  private noteJoinedRecord(r: number, rec: readonly string[], extra: number): void {
    const at = this.nameSplit!.nameCol + 1;
    this.noteJoined({ row: r, fields: rec.length, at: { raw: rec[at]!, ref: a1(r, at), row: r, col: at }, parts: joinedNameParts(r, rec, this.nameSplit!, extra) });
  }

  /**
   * A record read after the grid's rows from the file's bytes (row `r`): stored from its bytes when it is a
   * plain unit row (`plainUnitRow`: a name that needs no tidying and cannot be a placeholder, row number,
   * code and parent code of visible ASCII, a value that starts like a number), exactly as `addRecord` stores
   * its text; any other record decoded and read by `addRecord`, which stays the definition.
   */
  addBytes(r: number, f: ByteFields): void {
    if (this.ended) return;
    if (this.forcedVote) this.endFirstRowsVote();
    if (!this.storing || this.unlabelled.size > 0 || this.pendingEmpty.length > 0 || f.count <= this.lastCol || f.count > this.width || !this.plainUnitRow(f)) return this.addRecord(r, f.strings());
    this.budget.add();
    const u = this.unit;
    u.row = r;
    u.name = '';
    u.nameCol = this.columns.unitCol!;
    u.nameCell = undefined;
    u.stt = '';
    if (this.pendingSection !== undefined) this.openSection();
    u.section = this.section;
    u.code = '';
    u.codeCell = undefined;
    u.parentCode = '';
    u.parentCell = undefined;
    const id = this.table.addUnitBytes(u, f, this.unitFields, this.indicatorCols, this.knownName);
    if (this.vote) {
      const first = id * this.indicatorCols.length;
      const b = f.bytes;
      for (let k = 0; k < this.indicatorCols.length; k++) {
        const c = this.indicatorCols[k]!;
        this.vote.addBytes(first + k, k, b, f.starts[c]!, f.ends[c]!, f);
      }
    }
  }

  /**
   * A list cut short under the unit stored last (`cell`: the row that says so, made only when kept; `empty`: named
   * units without figures). Several such rows after the same unit are one (a hostile file's million of them included).
   */
  private cutShort(cell: () => Cell | undefined, empty?: true): void {
    const after = this.table.n - 1;
    if (after < 0 || this.draft.ellipses?.at(-1)?.after === after) return;
    const at = cell();
    if (at) (this.draft.ellipses ??= []).push({ after, cell: at, ...(empty ? { empty } : {}) });
  }

  /**
   * Named rows without figures, reported; their list is cut short, and they stay rows of the table as printed,
   * before the next unit (`table` prints them, blank).
   */
  private flushEmpty(rows: readonly EmptyRow[], under?: number): void {
    const first = rows[0]!.finding.at!;
    this.cutShort(() => first, true);
    const before = this.table.n;
    for (const { name, finding } of rows) (this.draft.unitsWithoutFigures ??= []).push({ before, name, cell: finding.at!, ...(under !== undefined ? { under } : {}) });
    this.draft.findings.push(...sameNoteRows(rows));
    this.pendingEmpty = [];
  }

  /**
   * The last unit, when rows named below it are its parts: its name says a level (a district) and none of theirs
   * says that level or a higher one (communes, or names without a level word).
   */
  private partsOfLast(names: readonly string[]): number | undefined {
    const last = this.table.n - 1;
    if (last < 0) return undefined;
    const level = adminLevel(this.table.name(last));
    if (level === undefined || level > 2) return undefined;
    return names.every((n) => (adminLevel(n) ?? 9) > level) ? last : undefined;
  }

  /** The section a section row announced, opened by the unit under it: one more partition, with its heading. */
  private openSection(): void {
    this.section = (this.section ?? 0) + 1;
    (this.draft.sectionHeadings ??= []).push(this.pendingSection!);
    this.pendingSection = undefined;
  }

  /**
   * Whether `addRow` reads record `f` as a unit with its fields as they are: its name needs no tidying (as
   * `tidyAlready`, on the bytes) and starts with an ASCII letter or digit (no placeholder), its row number,
   * code and parent code are empty or visible ASCII (trimmed already), and a value starts with a visible
   * ASCII character (the row has values: no section, block or footnote row).
   */
  private plainUnitRow(f: ByteFields): boolean {
    const { unitCol, codeCol, parentCol, sttCol } = this.columns;
    if (unitCol === undefined) return false;
    const b = f.bytes;
    const ns = f.starts[unitCol]!;
    const ne = f.ends[unitCol]!;
    if (ns === ne) return false;
    // A name stored from these very bytes before passed the checks below then (most names of a national table repeat).
    this.knownName = this.table.knownName(b, ns, ne);
    if (this.knownName < 0 && (!alphanumericByte(b[ns]!) || !tidyBytes(b, ns, ne))) return false;
    if (sttCol !== undefined && !visibleAscii(b, f.starts[sttCol]!, f.ends[sttCol]!)) return false;
    if (codeCol !== undefined && !visibleAscii(b, f.starts[codeCol]!, f.ends[codeCol]!)) return false;
    if (parentCol !== undefined && !visibleAscii(b, f.starts[parentCol]!, f.ends[parentCol]!)) return false;
    // The first value starts like a number (a signature's `Trần Văn B` under a rate column is read by addRow).
    for (const c of this.indicatorCols) {
      const start = f.starts[c]!;
      if (start < f.ends[c]!) return numberLikeByte(b[start]!);
    }
    return false;
  }

  /**
   * One row: a unit with its values, or a section row, a block heading, a total without figures, a footnote.
   * `fields[c]` is the field's text as read (undefined past the row's end); `cellOf(c)`, from a grid whose
   * cells are not plain (a workbook), the cell itself.
   */
  private addRow(r: number, fields: ReadonlyArray<string | undefined>, cellOf?: (c: number) => Cell | undefined): void {
    if (this.ended) return;
    // Below the units, the signature block (or the place and date over it) ends the table: its rows are no units.
    if (this.table.n > 0 && closesTable(fields)) {
      this.ended = true;
      return;
    }
    if (this.table.n > 0 && this.anotherTable(r, fields, cellOf)) return;
    const { unitCol, codeCol, parentCol, sttCol } = this.columns;
    let nameCol = unitCol;
    let nameRaw = unitCol === undefined ? undefined : fields[unitCol];
    let name = nameOf(nameRaw);
    const stt = sttCol === undefined ? '' : textOf(fields[sttCol]);
    // A total written across the row-number and name columns (merged A27:B27) sits in the row-number cell.
    if (name === '' && sttCol !== undefined && /\p{L}{2}/u.test(stt) && !STT_VALUE.test(stt)) {
      nameCol = sttCol;
      nameRaw = fields[sttCol];
      name = tidyName(stt);
    }
    if (isPlaceholder(name)) {
      // After a unit, a row of dots says the list goes on unprinted (finishLong: its parent's list is partial).
      this.cutShort(() => cellAtCol(r, nameCol!, fields, cellOf));
      return;
    }
    const hasName = nameRaw !== undefined;
    let hasValues = false;
    for (const c of this.indicatorCols) {
      if (nonEmpty(fields[c])) {
        hasValues = true;
        break;
      }
    }
    if (!hasValues) {
      if (isSectionRow(name)) {
        this.pendingSection = name;
        return;
      }
      // A block heading (`I. Khu vực thành thị`) or a total without figures still orders the rows under it.
      const keep = name !== '' && hasName && (blockCandidate({ name, stt }) || isTotalName(name));
      // Footnotes below the table are not data; a named row inside it without values is reported (once a later row has values).
      if (!keep) {
        const notesCol = this.columns.notesCol;
        const noted = notesCol !== undefined && nonEmpty(fields[notesCol]);
        // Its note (a band, why no figure is given) is what the row says: the warning quotes it.
        const note = noted ? clip(textOf(fields[notesCol!])) : undefined;
        if (name !== '' && hasName) this.pendingEmpty.push({ name, noted, ...(note ? { note } : {}), finding: { rule: 'unknown', severity: 'warning', at: cellAtCol(r, nameCol!, fields, cellOf)!, msg: { id: 'unknown.empty-row', params: { text: name, row: r + 1, ...(note ? { note } : {}) } } } });
        return;
      }
    } else if (this.pendingEmpty.length > 0) {
      // Named rows without figures among the units (a commune the source names but gives no figure for): the list
      // they are in does not print every unit's figures, as after a row of dots (finishLong: not added up).
      this.flushEmpty(this.pendingEmpty);
    }
    if (name === '') {
      const at = hasName ? cellAtCol(r, nameCol!, fields, cellOf) : fields[this.indicatorCols[0]!] !== undefined ? cellAtCol(r, this.indicatorCols[0]!, fields, cellOf) : undefined;
      this.draft.findings.push({ rule: 'missing', severity: 'error', ...(at ? { at } : {}), msg: { id: 'missing.unit-name', params: { row: r + 1 } } });
    }
    const codeRaw = codeCol === undefined ? undefined : fields[codeCol];
    const parentRaw = parentCol === undefined ? undefined : fields[parentCol];
    const code = textOf(codeRaw);
    const parentCode = textOf(parentRaw);
    const withName = name !== '' && hasName;
    for (let k = 0; k < this.indicatorCols.length; k++) {
      const c = this.indicatorCols[k]!;
      if (!cellOf) this.values[k] = fields[c] ?? '';
      else this.values[k] = cellOf(c) ?? { raw: '', ref: a1(r, c), row: r, col: c, ...(this.grid.sheet ? { sheet: this.grid.sheet } : {}) };
    }
    this.budget.add();
    const u = this.unit;
    u.row = r;
    u.name = name;
    u.nameCol = withName ? nameCol! : -1;
    u.nameCell = withName ? kept(r, nameCol!, nameRaw, name, cellOf) : undefined;
    u.stt = stt;
    if (this.pendingSection !== undefined) this.openSection();
    u.section = this.section;
    u.code = code;
    u.codeCell = code !== '' ? kept(r, codeCol!, codeRaw, code, cellOf) : undefined;
    u.parentCode = parentCode;
    u.parentCell = parentCode !== '' ? kept(r, parentCol!, parentRaw, parentCode, cellOf) : undefined;
    const id = this.table.addUnit(u, this.values);
    if (this.vote) {
      const first = id * this.values.length;
      for (let k = 0; k < this.values.length; k++) this.vote.add(first + k, this.values[k]!);
    }
  }

  /** The draft, once every row is read. */
  end(): Draft {
    const draft = this.draft;
    const joined = this.joinedNames;
    if (joined.length > 0) {
      const split = this.nameSplit!;
      draft.findings.unshift({
        rule: 'unknown',
        severity: 'warning',
        at: joined[0]!.at,
        msg: { id: 'unknown.name-joined', params: { rows: joined.map((j) => j.row + 1), count: this.joinedCount, width: split.width, delimiter: split.delimiter, joined: joined.slice(0, JOINED_NAMES_QUOTED).flatMap((j) => j.parts) } },
      });
    }
    // Below the last unit, named rows without figures are footnotes, unless the notes column says something of
    // them (communes listed with a band only, `tỷ lệ hộ nghèo < 7%`): those are units listed without figures.
    const listed = this.pendingEmpty.filter((e) => e.noted);
    if (listed.length > 0) this.flushEmpty(listed, this.partsOfLast(listed.map((e) => e.name)));
    this.table.trim();
    draft.long = this.table;
    const vote = this.vote ?? this.firstRowsVote;
    if (vote) draft.localeVote = vote;
    draft.formulas = columnFormulas(this.line, this.columns.cols);
    draft.hierarchical = this.columns.codeCol !== undefined && this.columns.parentCol !== undefined;
    return draft;
  }
}

/**
 * Rows without figures, one warning each, but one for a run of them with the same note (four provinces noted `từ
 * 105,7% đến 122% kế hoạch`: one warning naming the four), at the first one's cell.
 */
function sameNoteRows(rows: readonly EmptyRow[]): Finding[] {
  const out: Finding[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && rows[j]!.note === rows[i]!.note) j++;
    const run = rows.slice(i, j);
    const { finding, note } = run[0]!;
    out.push(
      run.length === 1
        ? finding
        : { ...finding, msg: { id: 'unknown.empty-rows', params: { rows: run.map((x) => x.finding.at!.row + 1), texts: run.map((x) => x.name), ...(note !== undefined ? { note } : {}) } } },
    );
    i = j;
  }
  return out;
}

/** A row named without figures, waiting to be reported: its name, its note (if any) and its warning. */
interface EmptyRow {
  name: string;
  noted: boolean;
  note?: string;
  finding: Finding;
}

/** A row of a series' year (`2013`, `Năm 2020`), once the mark after it is taken off (`2021 (ước)`: words.ts `withoutYearMark`). */
const YEAR_NAME = /^(?:năm\s*)?((?:19[5-9]|20\d)\d)$/iu;
const isYearName = (text: string) => YEAR_NAME.test(withoutYearMark(text));

/** The cell of row r's field c: the grid's own when its cells are not plain, else made from the field's text. */
function cellAtCol(r: number, c: number, fields: ReadonlyArray<string | undefined>, cellOf: ((c: number) => Cell | undefined) | undefined): Cell | undefined {
  const rw = fields[c];
  if (rw === undefined) return cellOf?.(c);
  return cellOf ? cellOf(c) : { raw: rw, ref: a1(r, c), row: r, col: c };
}

/** A cell kept only when it cannot be made again from the text kept (a workbook's, or text with spaces). */
function kept(r: number, c: number, rw: string | undefined, text: string, cellOf: ((c: number) => Cell | undefined) | undefined): Cell | undefined {
  return cellOf ? cellOf(c) : rw !== text ? { raw: rw!, ref: a1(r, c), row: r, col: c } : undefined;
}

/** cellText of a raw field. */
function textOf(raw: string | undefined): string {
  return raw === undefined || raw === '' ? '' : trimmedText(raw);
}

/** Whether cellText(raw) is not empty: a visible ASCII character first settles it. */
function nonEmpty(raw: string | undefined): boolean {
  if (raw === undefined || raw === '') return false;
  const c = raw.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || textOf(raw) !== '';
}

/**
 * A name tidyName(cellText(raw)) leaves as it is: words of visible characters from ranges where every
 * character is already in NFC (Latin up to U+02FF, Vietnamese precomposed letters U+1E00–U+1EFF; no
 * combining marks, no-break or other spaces) separated by single spaces, at most MAX_NAME characters.
 */
function tidyAlready(raw: string): boolean {
  const n = raw.length;
  if (n === 0 || n > MAX_NAME) return false;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if ((c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300) || (c >= 0x1e00 && c <= 0x1eff)) continue;
    return false;
  }
  return !prevSpace;
}

/**
 * `tidyAlready` of a text given as its UTF-8 bytes b[start, end): the same characters (ASCII 0x21–0x7E and
 * spaces, U+00A1–U+02FF as two bytes C2 A1 … CB BF, U+1E00–U+1EFF as three bytes E1 B8 80 … E1 BB BF), single
 * spaces between words, at most MAX_NAME characters.
 */
function tidyBytes(b: Uint8Array, start: number, end: number): boolean {
  let chars = 0;
  let prevSpace = true;
  for (let k = start; k < end; chars++) {
    const c = b[k]!;
    if (c === 0x20) {
      if (prevSpace) return false;
      prevSpace = true;
      k++;
      continue;
    }
    prevSpace = false;
    if (c > 0x20 && c < 0x7f) k++;
    else if (c >= 0xc2 && c <= 0xcb && (c !== 0xc2 || b[k + 1]! > 0xa0)) k += 2;
    else if (c === 0xe1 && b[k + 1]! >= 0xb8 && b[k + 1]! <= 0xbb) k += 3;
    else return false;
  }
  return chars > 0 && chars <= MAX_NAME && !prevSpace;
}

/** Bytes of visible ASCII only (or none): a text `trimmedText` leaves as it is. */
function visibleAscii(b: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (b[k]! <= 0x20 || b[k]! >= 0x7f) return false;
  return true;
}

/** A byte a number can start with: a digit, a sign, a decimal mark (`.5`), a hyphen read as none. */
function numberLikeByte(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x2c;
}

/** `startsWithAlphanumeric` of a text whose first byte is `c`. */
function alphanumericByte(c: number): boolean {
  const l = c | 0x20;
  return (l >= 0x61 && l <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** tidyName(cellText(raw)), with a fast path for names already tidy. */
function nameOf(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  if (tidyAlready(raw)) return raw;
  const t = textOf(raw);
  return t === '' ? '' : tidyName(t);
}

/** Row numbers as printed: 1, 2, 6.1, I, II, a … */
export const STT_VALUE = /^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVXivx]{1,5}\.?|[a-zđ][.)]?)$/u;

/** A row of a blank form standing for units to fill in: "........", "…". */
const isPlaceholder = (name: string) => name !== '' && !startsWithAlphanumeric(name) && /^[.…\s_-]+$/u.test(name);

/** Whether a text starts with an ASCII letter or digit (no placeholder does: most names, without a regular expression). */
function startsWithAlphanumeric(text: string): boolean {
  const c = text.charCodeAt(0) | 0x20;
  return (c >= 0x61 && c <= 0x7a) || (text.charCodeAt(0) >= 0x30 && text.charCodeAt(0) <= 0x39);
}

/**
 * A row without figures that starts another partition of the total: `Chia theo khu vực`, `Phân theo vùng`, `By
 * region`, or the survey tables' bare headings of one (`6 vùng`, `Vùng`, `Dân tộc`, `Khu vực`: read as units
 * without figures, they kept the country's mean from being checked).
 */
export const isSectionRow = (name: string) => SECTION_ROW.test(foldKey(name));
const SECTION_ROW = /^(?:(?:chia theo|phan theo|theo|by|classified by)\b|(?:\d+ )?(?:vung|vung kinh te|vung kinh te xa hoi|khu vuc|dan toc|nhom dan toc|thanh phan dan toc|regions?|ethnic(?:ity| groups?)|areas?)$)/;

/**
 * Columns of a count that are its parts: "of which" columns (`Trong đó: hộ nghèo về thu nhập thấp` after `Số hộ
 * nghèo`), and columns that name the count again with words of their own (`Hộ nghèo về thu nhập`, `Hộ nghèo thiếu hụt
 * dịch vụ xã hội cơ bản` after `Số hộ nghèo`: listed as the wide layout's dash rows are, and settled alike,
 * listed-parts.ts; an "of which" column they follow heads their list). Taken out of the line's hits (they are not the
 * count again) with the part they name.
 */
function partColumns(line: LabelLine): Map<number, ColumnPart> {
  const out = new Map<number, ColumnPart>();
  const first = new Map<Indicator, string>();
  for (const [c, hit] of [...line.hits.entries()].sort((a, b) => a[0] - b[0])) {
    const text = cellText(hit.cell);
    const before = first.get(hit.indicator);
    if (before !== undefined && indicatorKind(hit.indicator) === 'count' && parseSlot(hit.indicator).part === undefined) {
      const part = partName(text);
      const ofWhich = isOfWhichName(text);
      if (part !== '' && (ofWhich || foldKey(text) !== before)) out.set(c, { parent: hit.indicator, part, cell: hit.cell, relation: ofWhich ? 'of-which' : 'breakdown' });
    }
    if (before === undefined) first.set(hit.indicator, foldKey(text));
  }
  // `Trong đó: hộ nghèo về thu nhập | Hộ nghèo thiếu hụt …`: the parts after an "of which" column continue its list,
  // which then splits the count (a column of its own `Trong đó: …` is another subset).
  const nextOf = new Map<Indicator, ColumnPart['relation']>();
  for (const [c, p] of [...out.entries()].reverse()) {
    if (p.relation === 'of-which' && nextOf.get(p.parent) === 'breakdown') out.set(c, { ...p, relation: 'breakdown' });
    nextOf.set(p.parent, p.relation);
  }
  for (const c of out.keys()) line.hits.delete(c);
  return out;
}

interface ColumnPart {
  parent: Indicator;
  part: string;
  cell: Cell;
  relation: 'of-which' | 'breakdown';
}

/** The part columns as slots of the count they are part of (relations/of-which.ts, breakdown.ts). */
function addPartColumns(draft: Draft, cols: Map<number, Indicator>, parts: ReadonlyMap<number, ColumnPart>): void {
  for (const [c, o] of parts) {
    const key = slotKey(o.parent, { part: o.part });
    if (draft.labelCells[key]) continue;
    cols.set(c, key);
    draft.indicators.push(key);
    draft.labelCells[key] = o.cell;
    (draft.subSlots ??= new Map()).set(key, { parent: o.parent, relation: o.relation });
  }
  if (draft.subSlots) settleListedParts(draft.subSlots);
}

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
    // A formula over a column that is not read (its label not understood) cannot be checked: its number is that
    // column, not a constant (`11=10/1` with column 1 unread was read as 10 ÷ 1).
    if ((f.text.match(/\d+/g) ?? []).some((n) => f.refs.has(n) && !refs.has(n))) continue;
    out.push({ slot, cell: f.cell, text: f.text, refs });
  }
  return out;
}

/** A long table whose rows are years: one unit (named in the title, else the total), a slot per column and year. */
function readYearRowsLong(grid: Grid, draft: Draft, cols: Map<number, Indicator>, rows: number[], yearCol: number, headerRow: number): void {
  const named = titleTotal(grid, headerRow);
  const unit = draft.units.push(named ? { name: named.name, cell: named.cell } : { name: unnamedTotal(draft) }) - 1;
  const base = [...draft.indicators];
  const labels = { ...draft.labelCells };
  draft.indicators.length = 0;
  for (const ind of base) delete draft.labelCells[ind];
  const first = new Map<string, string>();
  for (const r of rows) {
    const yearCell = cellAt(grid, r, yearCol)!;
    const text = cellText(yearCell);
    const year = YEAR_NAME.exec(withoutYearMark(text))![1]!;
    // A year printed with more than its digits (`2021 (ước)`): printed so in the table's layouts.
    if (text !== year && !/^năm\s*\d{4}$/iu.test(text)) (draft.yearHeadings ??= {})[year] = text;
    // A year given twice: its later row is not read, and the report says so (it was dropped in silence).
    const seen = first.get(year);
    if (seen !== undefined) {
      draft.findings.push({ rule: 'duplicate', severity: 'error', at: yearCell, msg: { id: 'duplicate.year', params: { year, first: seen } } });
      continue;
    }
    first.set(year, yearCell.ref);
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
