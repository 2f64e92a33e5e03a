/**
 * The one exception povcheck throws on purpose: "this input cannot be read as a table at all".
 * Everything less severe (a bad cell, an unknown row) is a Finding, not an exception.
 * The CLI turns a PovcheckError into exit code 2 and one line naming the file (and cell, if any),
 * worded by the message catalogue of the chosen language (see messages/*.ts, `errors`).
 */
import type { CoreIndicator as Indicator } from './model/indicators.js';
import type { RefusedKind } from './read/kinds.js';
import { writesVietnamese, type Lang } from './model/lang.js';

export interface ErrorParams {
  /** `stdin`: the name was `-`, which povcheck does not read as standard input. */
  FILE_NOT_FOUND: { stdin?: boolean };
  FILE_UNREADABLE: { reason: 'directory' } | { reason: 'not-a-file' } | { reason: 'changed' } | { reason: 'io'; detail?: string };
  FILE_EMPTY: { blank: boolean };
  /** A targets file or units map (JSON, or CSV for a units map) that is binary: `kind` as FILE_BINARY's. */
  SIDE_FILE_BINARY: { what: 'targets' | 'units-map'; kind: ErrorParams['FILE_BINARY']['kind'] };
  FILE_BINARY: { kind: 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gzip' | 'binary' | 'ods' | 'xlsb' | 'docx' | 'encrypted' | 'encrypted-doc' | 'doc' | 'not-zip' | 'docx-damaged' | 'odt' | 'rtf' };
  FILE_TOO_LARGE: { limitMb: number };
  /** A spreadsheet or document of a kind povcheck does not read (read/kinds.ts), with how to convert it. */
  FILE_KIND: { kind: RefusedKind; ext: string };
  /**
   * Not valid in the encoding it is read in. For UTF-8 the first damaged spot: its byte offset (0-based), its
   * line and the bytes there in hex ("C3 28"), when the file is otherwise clearly UTF-8 or --encoding utf-8 says so.
   */
  ENCODING_INVALID: { encoding: string; offset?: number; line?: number; bytes?: string };
  /** Text in a legacy Vietnamese encoding (or typed with a legacy font); `likely` when it can be told. */
  /** `workbook`, `document`: a workbook's or a Word document's text typed in a legacy font (read/legacy-fonts.ts), not a file's encoding. */
  ENCODING_LEGACY: { likely?: 'windows-1258' | 'tcvn3' | 'vni'; sample: string; workbook?: true; document?: true };
  /**
   * The delimited text cannot be split into records: a quoted field that opens on `line` and never closes, a line
   * longer than `limit` characters, a line of more than `limit` fields, or csv-parse's own `detail`.
   */
  CSV_MALFORMED:
    | { line?: number; detail: string }
    | { line: number; reason: 'quote' }
    | { line?: number; reason: 'record-size'; limit: number }
    | { line: number; reason: 'columns'; limit: number };
  /** `labels`: with `no-labels`, the texts of the first row that has any (at most HEAD_LABELS), what povcheck saw at the top. */
  NOT_A_TABLE: { reason: 'no-columns' } | { reason: 'document' } | { reason: 'document-no-table'; tables: number } | { reason: 'no-labels'; labels?: string[] };
  /** Text whose Vietnamese letters were replaced by `?` or garbled when it was saved (read/garbled.ts), with a word as it stands. */
  TEXT_GARBLED: { how: 'lost' | 'mojibake'; sample: string; codePage?: 'windows-1258' };
  LOCALE_AMBIGUOUS:
    | { reason: 'ambiguous'; cell: string; text: string; vi: string; en: string }
    | { reason: 'conflict'; viCell: string; viText: string; enCell: string; enText: string };
  /**
   * A .xlsx/.xlsm that cannot be opened: a broken ZIP or a part missing (`damage`), or an XML part that is not
   * well-formed (`detail`: the XML parser's own words) or declares a DOCTYPE (`part`, `xml`).
   */
  /** `of`: an OpenDocument spreadsheet's (read/ods.ts, or a file named .ods), else a workbook's, said as Excel's. */
  WORKBOOK_INVALID: (ContainerDamage | XmlDamage) & { of?: 'ods' | 'xls' };
  /** A workbook over povcheck's limits (checked before it is unpacked: zip bombs, enormous sheets). */
  WORKBOOK_TOO_LARGE:
    | { what: 'uncompressed'; limitMb: number }
    | { what: 'entries'; limit: number }
    | { what: 'cells'; limit: number }
    | { what: 'range'; cell: string; maxRows: number; maxCols: number }
    | { what: 'zip64' }
    | { what: 'sheets'; limit: number }
    | { what: 'merges'; limit: number }
    | { what: 'strings'; limit: number }
    | { what: 'string-chars'; limit: number }
    /** An XML part past the reader's limits: a text longer than `limit` characters, nesting, elements. */
    | { what: 'text' | 'depth' | 'elements'; part: string; limit: number };
  SHEET_NOT_FOUND: { sheet: string; available: string[] };
  /** A .docx plan that cannot be opened: a broken ZIP, XML that does not parse or declares a DOCTYPE. */
  DOCUMENT_INVALID: ContainerDamage | XmlDamage;
  /** A plan document over povcheck's limits (read/document-limits.ts): refused before it exhausts anything. */
  DOCUMENT_TOO_LARGE:
    | { what: 'uncompressed' | 'document'; limitMb: number }
    | { what: 'entries' | 'cells' | 'paragraphs' | 'depth' | 'text' | 'elements'; limit: number }
    | { what: 'rows' | 'columns'; table: number; limit: number }
    | { what: 'zip64' };
  /** A plan document with nothing povcheck checks: no poverty table, no stated figure, amount or reference. */
  DOCUMENT_NOTHING: { paragraphs: number; tables: number; statements: number; amounts: number; bounded: number; citations?: number };
  /**
   * A table past povcheck's memory budget (check-grid.ts TABLE_BUDGET): more rows than it checks, or more findings
   * than it keeps; or more cells than this machine's heap holds (read/memory-budget.ts, with the heap limit in
   * MB). Refused with the reason before the memory runs out.
   */
  TABLE_TOO_LARGE: { what: 'rows' | 'findings'; limit: number } | { what: 'cells' | 'units'; limit: number; heapMb: number };
  /** A directory or glob on the command line that names no file povcheck reads. */
  NO_INPUT: { kind: 'glob' | 'directory' };
  /** povcheck.config.json (or --config) cannot be used. */
  CONFIG_INVALID: { reason: 'json'; detail: string; line?: number; column?: number } | { reason: 'schema'; problems: ConfigProblem[] } | { reason: 'not-found' };
  /** Command-line options that do not fit together (commander checks each option alone). */
  BAD_OPTION:
    | { reason: 'output-twice'; format: string }
    /** Two output files and no --format: which report goes where cannot be told. */
    | { reason: 'output-twice-bare'; files: string[] }
    | { reason: 'stdout-twice'; formats: string[] }
    | { reason: 'same-output'; file: string }
    | { reason: 'rule-level'; value: string }
    /** `reportIds`: explain also takes these (the other ids reports name). */
    | { reason: 'unknown-rule'; rule: string; known: string[]; reportIds?: string[] }
    | { reason: 'series-one'; files: number }
    | { reason: 'units-map-alone' }
    | { reason: 'fix-stdout' }
    | { reason: 'total-unknown'; name: string; units: string[] }
    /** rate --decimals: not a whole number from 0 to `max`. */
    | { reason: 'decimals'; value: string; max: number };
  /**
   * table / plan: the table lacks what the calculation needs, or holds a value it cannot start from. `period`: the
   * table counts over a period (`đầu kỳ`, compute/label-year.ts labelPeriod), and its indicators are named so.
   */
  CALC_INPUT: (
    | { reason: 'absent'; indicators: Indicator[] }
    /** `restored`: a count that lost the zeros of its last group in a save, as it was probably typed (shape/zeros-dropped.ts). */
    | { reason: 'value'; unit: string; indicator: Indicator; text: string; restored?: string }
    | { reason: 'fraction' | 'negative'; unit: string; indicator: Indicator; text: string }
    | { reason: 'exceeds'; unit: string; part: Indicator; partText: string; whole: Indicator; wholeText: string }
    | { reason: 'zero-households'; unit: string; indicator: Indicator }
    | { reason: 'duplicate-unit'; unit: string }
  ) & { period?: true };
  /** rate: an argument is not a usable count. */
  CALC_ARG:
    | { reason: 'not-a-count'; text: string }
    | { reason: 'zero-households' }
    | { reason: 'exceeds'; poor: string; households: string };
  /** A targets file or --target that cannot be used. */
  TARGETS_INVALID:
    /** `line`, `column`: where the text stops being JSON (read/json-place.ts), when that can be told. */
    | { reason: 'json'; detail: string; line?: number; column?: number }
    | { reason: 'shape' }
    /** `line`: the line the entry starts on, in a file of several lines. */
    | { reason: 'field'; index: number; field: 'unit' | 'indicator' | 'op' | 'value'; text?: string; line?: number }
    | { reason: 'arg'; text: string; file?: boolean }
    /** plan: no --target and no --targets; `empty`: a targets file (the error's file) that lists none; `document`: nor does the plan document's text. */
    | { reason: 'none'; empty?: boolean; document?: boolean };
  /**
   * A target names a unit the table does not have. The target's place in its file or among the --target options
   * (`index`, 1-based; `line`), and the tables of the run that lack it (`tables`).
   * `candidates`: the units a name without marks fits, spelt differently (Tân Hòa, Tân Hóa), or with `level` the
   * units of two levels a name without its level word fits (Huyện Na Hang, Thị trấn Na Hang): which one is meant.
   */
  TARGET_UNIT: { unit: string; known: string[]; index?: number; line?: number; tables?: string[]; candidates?: string[]; level?: boolean; city?: boolean };
  /** A units-map file (validate --series --units-map) that cannot be used. */
  UNITS_MAP_INVALID:
    | { reason: 'json'; detail: string; line?: number; column?: number }
    | { reason: 'shape' }
    | { reason: 'field'; index: number; field: 'from' | 'to'; text?: string; row?: boolean }
    | { reason: 'twice'; unit: string; index: number; first: number; row?: boolean }
    | { reason: 'csv-header' };
  /** A target plan cannot plan exits for (e.g. an upper bound on the reduction). */
  /** `index`, `line`: the target's place in its file (or among the --target options), as TARGET_UNIT's. */
  TARGET_UNSUPPORTED: { unit: string; indicator: string; op: string; index?: number; line?: number };
  /** A binary output format (xlsx, docx) asked for without -o. */
  OUTPUT_REQUIRED: { format: string };
  /**
   * An output file whose extension names other content than the format written (`--format csv -o annex.xlsx`):
   * `expected`, the format's own extension; `named`, the command's format that the extension names, if any.
   */
  OUTPUT_EXTENSION: { file: string; format: string; extension: string; expected: string; named?: string };
  /** A text longer than an xlsx cell holds (`limit`, 32,767 characters): its first characters and its length. */
  XLSX_TEXT_TOO_LONG: { start: string; chars: number; limit: number };
  USAGE: { detail: string };
  /** An output file that is one of the run's inputs (the same file, by device and inode): never written over. */
  OUTPUT_IS_INPUT: { input: string };
  WRITE_FAILED: { detail: string };
  INTERNAL: { detail: string };
}

export type PovcheckErrorCode = keyof ErrorParams;

/**
 * What is wrong with a ZIP container (workbook or document), worded by the catalogues: no central directory (cut
 * short), a damaged directory, an end record that places the directory outside the file (`outside`), not where the
 * directory ends (`place`) or counts another number of parts than it holds (`count`), two parts of one name
 * (`part-twice`: programs differ in which they read), a part damaged, cut short, packed with an unknown method, not
 * unpacking, or unpacking to another size than its header says; a workbook without its workbook part or any
 * worksheet, a cell naming a shared text the workbook lacks, a sheet whose part is missing; a reference no worksheet
 * has (a cell, a row, a merged range, hidden columns past XFD or row 1,048,576, row 0, not a reference at all).
 */
export type ContainerDamage =
  | { damage: 'no-directory' | 'directory' | 'no-workbook' | 'no-worksheet' }
  | { damage: 'end-record'; fault: 'outside' | 'place' }
  | { damage: 'end-record'; fault: 'count'; listed: number; found: number }
  | { damage: 'part-twice' | 'part-header' | 'part-short' | 'part-larger' | 'part-size'; part: string }
  /** Two parts whose names differ only in case: one part to Excel (OPC part names ignore case), two to other readers. */
  | { damage: 'part-case'; part: string; other: string }
  /** A part whose local header names another part than the central directory does (`local`, clipped). */
  | { damage: 'part-name'; part: string; local: string }
  | { damage: 'part-method'; part: string; method: number }
  | { damage: 'part-inflate'; part: string; code: string }
  | { damage: 'shared-string'; cell: string; index: string }
  | { damage: 'sheet-missing'; sheet: string; part: string }
  | { damage: 'cell-ref' | 'row-ref' | 'merge-ref' | 'col-ref'; sheet: string; ref: string }
  /** A cell whose reference (`ref`) is not in the row that holds it (`row`, 1-based). */
  | { damage: 'cell-row'; sheet: string; ref: string; row: number }
  /** An .xls's compound file (read/cfb.ts) damaged: its header, a sector number past the file, a chain of sectors that loops, its directory, a stream longer than its sectors. */
  | { damage: 'ole'; fault: OleFault }
  /** An .xls older than Excel 97 (BIFF5, Excel 5.0/95, or before): its `version` as the file's first record says it. */
  | { damage: 'biff-version'; version: string }
  /** An .xls record that runs past the end of its stream, or a sheet's place outside it (`at`: the byte). */
  | { damage: 'biff-record'; at: number }
  /** An .xls sheet whose records do not start with a sheet's beginning record (BOF). */
  | { damage: 'biff-sheet'; sheet: string }
  /** A Word 97–2003 document (read/word97.ts) whose structure points outside its stream or cannot be read. */
  | { damage: 'doc-structure'; structure: Word97Structure }
  /** A Word document older than Word 97 (Word 6.0 or 95), as its FIB says. */
  | { damage: 'doc-version'; version: string };

/** The structure of a Word 97–2003 document that is damaged: its FIB, its text's pieces, properties, styles, streams. */
export type Word97Structure = 'fib' | 'pieces' | 'text' | 'table-stream' | 'paragraphs' | 'characters' | 'styles';

/** What is damaged in a compound file (cfb.ts). */
export type OleFault = 'header' | 'sector' | 'loop' | 'directory' | 'size';

/** An XML part that is not well-formed (`detail`: the XML parser's own words) or declares a DOCTYPE. */
export type XmlDamage = { part: string; xml: 'syntax'; detail: string } | { part: string; xml: 'doctype' };

/** One reason a configuration file does not fit its JSON Schema, at a JSON pointer ("/rules/denominator"). */
export type ConfigProblem =
  | { pointer: string; kind: 'enum'; allowed: string[] }
  | { pointer: string; kind: 'type'; type: string }
  | { pointer: string; kind: 'unknown-key'; key: string }
  | { pointer: string; kind: 'required'; key: string }
  | { pointer: string; kind: 'pattern'; pattern: string }
  | { pointer: string; kind: 'other'; detail: string };

export class PovcheckError<C extends PovcheckErrorCode = PovcheckErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];
  /** The file the problem is in, when there is one. */
  readonly file: string | undefined;
  /** An A1 reference when the problem sits at one cell. */
  readonly cell: string | undefined;
  /** The language of the file's own text, when it was read (a Vietnamese table's line in Vietnamese without --lang). */
  readonly lang: Lang | undefined;
  /** A plan document's table (numbered as Word numbers them) the problem is in, when it is in one and no cell says so. */
  readonly table: number | undefined;

  constructor(code: C, params: ErrorParams[C], opts: { file?: string; cell?: string; lang?: Lang; table?: number } = {}) {
    super(`${code}${opts.cell ? ` at ${opts.cell}` : ''}: ${JSON.stringify(params)}`);
    this.name = 'PovcheckError';
    this.code = code;
    this.params = params;
    this.file = opts.file;
    this.cell = opts.cell;
    this.lang = opts.lang;
    this.table = opts.table;
  }

  /** This error worded in `lang` (the output's, the table's) unless it already has a language. */
  withLang(lang: Lang): PovcheckError<C> {
    return this.lang ? this : this.with({ lang });
  }

  /** A copy that names `file` (readers deep in the pipeline don't know the path). */
  withFile(file: string): PovcheckError<C> {
    return this.file ? this : this.with({ file });
  }

  /** A copy that names the plan document's table `n` it is in, unless it names a table or a cell already. */
  withTable(n: number): PovcheckError<C> {
    return this.table !== undefined || this.cell !== undefined ? this : this.with({ table: n });
  }

  private with(over: { file?: string; lang?: Lang; table?: number }): PovcheckError<C> {
    const { file, cell, lang, table } = { file: this.file, cell: this.cell, lang: this.lang, table: this.table, ...over };
    return new PovcheckError(this.code, this.params, { ...(file !== undefined ? { file } : {}), ...(cell !== undefined ? { cell } : {}), ...(lang ? { lang } : {}), ...(table !== undefined ? { table } : {}) });
  }
}

/** How much of a file's text decides the language of a refusal raised while reading it (`inTextLanguage`). */
const TEXT_LANG_CHARS = 65_536;

/**
 * `e` in the language of the file's `text` when it has none yet: a refusal raised while the text is split or shaped
 * (a stray quote, a number format it cannot decide) is worded in Vietnamese without --lang when the text writes
 * Vietnamese, as that table's report would be. Anything else is returned as it is.
 */
export function inTextLanguage(e: unknown, text: string | (() => string)): unknown {
  if (!(e instanceof PovcheckError) || e.lang) return e;
  const head = typeof text === 'string' ? text.slice(0, TEXT_LANG_CHARS) : text();
  return writesVietnamese(head) ? e.withLang('vi') : e;
}

export function isPovcheckError(e: unknown): e is PovcheckError {
  return e instanceof PovcheckError;
}

/** A workbook's damage said as an OpenDocument spreadsheet's (read/ods.ts, or a file named .ods); any other error as it is. */
export function asOdsDamage(e: unknown, file?: string): unknown {
  if (!(e instanceof PovcheckError) || e.code !== 'WORKBOOK_INVALID') return e;
  return new PovcheckError('WORKBOOK_INVALID', { ...(e.params as ErrorParams['WORKBOOK_INVALID']), of: 'ods' }, file !== undefined ? { file } : {});
}
