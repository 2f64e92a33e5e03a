/**
 * The streaming path: a long table with code and parent columns, read row by row in bounded memory.
 *
 * 1. The head (the first HEAD_ROWS records) is shaped with the in-memory shape code: layout, indicator,
 *    name, code and parent columns, and the number format (decided from the head's values).
 * 2. Every data row then gets the fast pre-check (fast.ts). A clean row costs a few typed-array writes; a
 *    row with anything to report becomes a one-unit annex (cells of that row only, with their A1 refs) and
 *    the real per-unit rules run on it, so findings and messages are those of the in-memory path.
 * 3. Each unit is kept compactly (code, parent code and name in byte pools, its row, its five counts), and
 *    at the end the tree is resolved as shape/hierarchy.ts does (duplicate codes, unknown parents, cycles,
 *    orphans), every parent's children are added up and compared by the real `sum` rule's finding, and the
 *    folded notes of deeper units (rules/summary.ts) become one finding per parent.
 *
 * A unit's depth (per-unit note for depth ≤ 1, one summary per parent below) is taken as the rows arrive:
 * depth 1 when its parent code is that of a root already read (tables are written top-down). When the tree
 * says otherwise for a unit with a note (parents listed after their children, an unknown parent, a loop),
 * the notes are made again in a second pass over the file with the tree's depths.
 *
 * Memory grows with the number of units (about 90 bytes each) and with the findings, not with the text.
 * A difference from the in-memory path, by design: the layout, the columns and the number format are
 * decided from the head.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PovcheckError } from '../errors.js';
import { compareFindings, type Finding, type Skip } from '../model/finding.js';
import { a1, trimmedText, type Cell, type Grid, type SourceInfo } from '../model/grid.js';
import { gridFromRecords, delimiterOf, type Delimiter } from '../read/csv.js';
import { decodeBytes, utf8Damage } from '../read/decode.js';
import { COUNT_INDICATORS, INDICATORS, indicatorKind, isCoreIndicator, type CountIndicator, type Indicator } from '../model/indicators.js';
import type { Annex, Unit, Value } from '../model/annex.js';
import { detect, langOf, missingIndicators, numberFormat, parseValue, NON_ASCII, type NumberFormat } from '../shape/index.js';
import { longColumns, type LongColumns } from '../shape/long.js';
import { clip, MAX_ECHO, newDraft, tidyName, type Draft } from '../shape/draft.js';
import { totalMatcher } from '../shape/aliases.js';
import { loopParams } from '../shape/hierarchy.js';
import { CHECK_RULES, applicableRules } from '../rules/index.js';
import { noTotalSkip, sumMismatch, sumSkip } from '../relations/sum.js';
import { Folds, summaryFinding, type Effect, type FoldRule } from '../rules/summary.js';
import type { OkValue, Rule, RuleContext } from '../rules/types.js';
import { Dec, ZERO } from '../calc/decimal.js';
import { RecordSplitter } from '../read/records.js';
import { CodeIndex, grow, StringPool } from './pool.js';
import { checkRow, fastCount, fastRate, Verdict, type FastFacts } from './fast.js';
import { askedChecks, fileCoverage, tableBudget } from '../check-grid.js';
import { statusOf, type FileResult, type TableSummary } from '../model/file-result.js';
import type { ValidateOptions } from '../model/options.js';

/** Records shaped with the in-memory code before streaming the rest. */
export const HEAD_ROWS = 1000;
/** Bytes read for the encoding checks and the delimiter. */
const HEAD_BYTES = 1 << 20;
const NONE = 0xffffffff;
/** Unit flags: bits 2–3 the depth taken as the rows arrived (0, 1, 2 for deeper), bit 4 a foldable note. */
const DEPTH_SHIFT = 2;
const NOTE = 16;
/** Findings that depend on the unit's place in the tree (its depth, whether it is the total): made again when that changes. */
const NOTE_IDS = new Set(['denominator.mixed', 'denominator.total', 'denominator.direction', 'rate-change.convention']);
/**
 * Bytes read at a time. The decoded text of a chunk lives while its rows are processed: at 64 kB it stays in
 * the young generation and dies there; at 1 MB it is a large object that survives until a full collection
 * (30 MB more peak memory, and slower).
 */
const CHUNK = 1 << 16;

export interface StreamOptions extends ValidateOptions {
  /** Bytes read so far and the file's size, after each chunk (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Records in the head (tests use small heads). */
  headRows?: number;
}

/** Thrown (and caught by validateFile) when the table is not one the streaming path reads. */
export class NotStreamable extends Error {
  constructor(reason: string) {
    super(reason);
  }
}

/** A fold winner on the streaming path: the note itself, or the row that rebuilds it at the end. */
type Winner = Finding | { rec: string[]; row: number; depth: number; parent: string | number };

interface SlowValues {
  /** Count values of a unit that went the slow way and are not plain whole numbers. */
  [ind: string]: Value;
}

export async function streamValidate(file: string, opts: StreamOptions = {}): Promise<FileResult> {
  const fd = openSync(file, 'r');
  try {
    return await run(file, fd, fstatSync(fd).size, opts);
  } finally {
    closeSync(fd);
  }
}

async function run(file: string, fd: number, size: number, opts: StreamOptions): Promise<FileResult> {
  // Encoding checks on the head, exactly as the in-memory reader does them (cut at a line break).
  const head = Buffer.allocUnsafe(Math.min(size, HEAD_BYTES));
  const got = readSync(fd, head, 0, head.length, 0);
  let cut = got;
  if (got < size) {
    // UTF-16 (with or without BOM) and binary data are left to the in-memory reader.
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.indexOf(0) >= 0) throw new NotStreamable('not UTF-8');
    cut = head.lastIndexOf(0x0a, got - 1) + 1;
    if (cut <= 0) throw new NotStreamable('no line break in the head');
  }
  // (The head's text is not kept: only what was decided from it.)
  const { encoding, delimiter } = headDecisions(head.subarray(0, cut), opts);
  const source: SourceInfo = { kind: 'delimited', encoding, delimiter };

  // Room for as many units as the file has lines, judged from the head's line length.
  let lines = 0;
  for (let i = head.indexOf(0x0a); i >= 0 && i < cut; i = head.indexOf(0x0a, i + 1)) lines++;
  const expected = Math.ceil((size / Math.max(1, cut)) * Math.max(1, lines) * 1.02) + 64;
  const table = new StreamTable(source, opts, expected);
  const start = encoding === 'utf-8-bom' ? 3 : 0;
  await readRecords(fd, start, size, delimiter, (rec) => table.record(rec), opts.onProgress);
  // A unit's depth was taken as rows arrived; where the tree says otherwise (parents after their children,
  // a broken tree), the notes are made again in a second pass with the tree's depths.
  if (table.endOfFirstPass()) await readRecords(fd, start, size, delimiter, (rec) => table.secondPass(rec));
  return table.finish(file);
}

/** The file's records, decoded and split, chunk by chunk. */
async function readRecords(fd: number, start: number, size: number, delimiter: Delimiter, onRecord: (rec: string[]) => void, onProgress?: (done: number, total: number) => void): Promise<void> {
  const splitter = new RecordSplitter(delimiter, onRecord);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buf = Buffer.allocUnsafe(CHUNK);
  let pos = start;
  for (;;) {
    const n = readSync(fd, buf, 0, CHUNK, pos);
    if (n === 0) break;
    pos += n;
    const chunk = buf.subarray(0, n);
    if (chunk.indexOf(0) >= 0) throw new PovcheckError('FILE_BINARY', { kind: 'binary' });
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw damagedAt(fd, pos - n, chunk, splitter.count);
    }
    splitter.push(text);
    onProgress?.(pos, size);
    // Let timers (the progress bar) run between chunks.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  try {
    splitter.push(decoder.decode());
  } catch {
    throw new PovcheckError('ENCODING_INVALID', { encoding: 'UTF-8', offset: size - 1 });
  }
  splitter.end();
}

/**
 * The damaged spot of a chunk that does not decode as UTF-8: its file offset, and its line (the records read
 * before the chunk, and the line breaks in it before the spot). The chunk is scanned with the three bytes
 * before it, where a character cut by the chunk boundary begins.
 */
function damagedAt(fd: number, chunkStart: number, chunk: Uint8Array, recordsBefore: number): PovcheckError {
  const back = Math.min(3, chunkStart);
  const before = Buffer.alloc(back);
  readSync(fd, before, 0, back, chunkStart - back);
  const window = Buffer.concat([before, chunk]);
  const d = utf8Damage(window);
  if (!d) return new PovcheckError('ENCODING_INVALID', { encoding: 'UTF-8' });
  let breaks = 0;
  for (let i = back; i < d.offset; i++) if (window[i] === 0x0a) breaks++;
  return new PovcheckError('ENCODING_INVALID', { encoding: 'UTF-8', offset: chunkStart - back + d.offset, line: recordsBefore + 1 + breaks, bytes: d.bytes });
}

function headDecisions(bytes: Uint8Array, opts: StreamOptions): { encoding: 'utf-8' | 'utf-8-bom'; delimiter: Delimiter } {
  const decoded = decodeBytes(bytes, opts.encoding ?? 'auto');
  if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-8-bom') throw new NotStreamable(`encoding ${decoded.encoding}`);
  const delimiter = opts.delimiter ?? delimiterOf(decoded.text);
  return { encoding: decoded.encoding, delimiter };
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
 * combining marks, no-break or other spaces) separated by single spaces, at most MAX_ECHO characters.
 */
function tidyAlready(raw: string): boolean {
  const n = raw.length;
  if (n === 0 || n > MAX_ECHO) return false;
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

/** tidyName(cellText(raw)), with a fast path for names already tidy. */
function nameOf(raw: string | undefined): string {
  if (raw === undefined || raw === '') return '';
  if (tidyAlready(raw)) return raw;
  const t = textOf(raw);
  return t === '' ? '' : tidyName(t);
}

class StreamTable {
  private readonly headRows: number;
  private head: string[][] | undefined = [];
  private row = 0;
  private shaped = false;

  // Head decisions.
  private headerRow = 0;
  private columns!: LongColumns;
  private draft!: Draft;
  private format!: NumberFormat;
  private indCols: number[] = [];
  /** Column of each of the eight indicators (INDICATORS order), -1 when not carried. */
  private colOf = new Int32Array(8).fill(-1);
  private group = 0;
  private mark = 0;
  private perUnitRules: Rule[] = [];
  private sumApplies = false;
  private indicators: Indicator[] = [];
  private firstIndCol = -1;

  // Units.
  private n = 0;
  private rows: Int32Array;
  /** The five counts per unit; NONE: not kept here (see `big` and `slow`, or the indicator is not carried). */
  private counts: Uint32Array;
  /** Counts of 2^32 − 1 and more (totals of huge tables), by unit × 5 + indicator. */
  private readonly big = new Map<number, number>();
  /** Bit 1: the name cell exists; bit 2: the unit is a root (no parent code). */
  private flags: Uint8Array;
  /** Each unit's parent code, as an index into `parents` (a run of units with the same parent shares one). */
  private parentRef: Int32Array;
  private lastParentText: string | undefined;
  private names!: StringPool;
  private codes!: StringPool;
  private readonly parents: StringPool;
  private index!: CodeIndex;
  private readonly rootCodes = new Set<string>();
  private lastDepthParent: string | undefined;
  private lastDepth = 0;
  private readonly slow = new Map<number, SlowValues>();
  private nonAsciiName = false;

  // Results.
  private findings: Finding[] = [];
  private readonly budget = tableBudget();
  /** The tree after the first pass, and the total. */
  private parentOf: Int32Array | undefined;
  private total: number | undefined;
  /** Units met in the second pass. */
  private n2 = 0;
  private readonly skipped: Array<{ skip: Skip; order: number; row: number }> = [];
  /** The rules that compared at least one value (the file's coverage). */
  private readonly ran = new Set<string>();
  /** The reading findings of the head (labels not understood are among them). */
  private readFindings: Finding[] = [];
  private folds = new Folds<Winner>();
  private pendingEmpty: Array<{ row: number; name: string; raw: string }> = [];
  private readonly values = new Float64Array(8);
  private readonly facts: FastFacts = { denominator: undefined, convention: false };

  constructor(
    private readonly source: SourceInfo,
    private readonly opts: StreamOptions,
    private readonly expected: number,
  ) {
    this.headRows = opts.headRows ?? HEAD_ROWS;
    this.rows = new Int32Array(expected);
    this.counts = new Uint32Array(expected * 5);
    this.flags = new Uint8Array(expected);
    this.parentRef = new Int32Array(expected);
    this.parents = new StringPool(1024, 8192);
  }

  record(rec: string[]): void {
    const r = this.row++;
    // The budget (validate.ts TABLE_BUDGET), checked where rows are counted: refused before memory runs out.
    if (r >= this.budget.rows) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'rows', limit: this.budget.rows });
    if (this.findings.length > this.budget.findings) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'findings', limit: this.budget.findings });
    if (this.shaped) return this.dataRow(rec, r);
    this.head!.push(rec);
    if (this.head!.length >= this.headRows) this.shapeHead();
  }

  private shapeHead(): void {
    const records = this.head!;
    this.head = undefined;
    this.shaped = true;
    // As read/csv.ts: empty records at the very end are not rows.
    const rows = records.slice();
    if (this.row === records.length) while (rows.length > 0 && rows[rows.length - 1]!.every((f) => f.trim() === '')) rows.pop();
    const grid: Grid = gridFromRecords(rows, this.source);
    const found = detect(grid, this.opts.extraLabels);
    if (!found) throw new PovcheckError('NOT_A_TABLE', { reason: 'no-labels' });
    if (found.layout !== 'long') throw new NotStreamable('wide layout');
    this.headerRow = found.row;
    this.draft = newDraft('long');
    this.columns = longColumns(grid, found.row, found.line, this.draft);
    if (this.columns.codeCol === undefined || this.columns.parentCol === undefined) throw new NotStreamable('no code and parent columns');
    for (const [c, ind] of this.columns.cols) {
      // Only the annex's eight indicators stream; any other table is read in memory.
      if (!isCoreIndicator(ind)) throw new NotStreamable('indicators outside the annex');
      this.colOf[INDICATORS.indexOf(ind)] = c;
      this.indCols.push(c);
    }
    this.firstIndCol = this.indCols[0] ?? -1;
    this.indicators = this.draft.indicators;

    // The number format from the head's values, as shape/index.ts decides it from all of them.
    const samples: Array<{ text: string; kind: 'count' | 'rate'; ref: string }> = [];
    for (let r = found.row + 1; r < rows.length; r++) {
      const rec = rows[r]!;
      if (!this.indCols.some((c) => textOf(rec[c]) !== '')) continue;
      for (const [c, ind] of this.columns.cols) samples.push({ text: (rec[c] ?? '').trim(), kind: indicatorKind(ind), ref: a1(r, c) });
    }
    this.format = numberFormat(samples, this.opts);

    // The name and code pools, sized from the head's names and codes (growing a pool copies it).
    let nameBytes = 0;
    let codeBytes = 0;
    let count = 0;
    for (let r = found.row + 1; r < rows.length; r++) {
      const rec = rows[r]!;
      nameBytes += Buffer.byteLength(rec[this.columns.unitCol ?? -1] ?? '');
      codeBytes += Buffer.byteLength(rec[this.columns.codeCol] ?? '');
      count++;
    }
    const per = (bytes: number) => Math.ceil((bytes / Math.max(1, count)) * 1.15) + 2;
    this.names = new StringPool(this.expected, this.expected * per(nameBytes));
    this.codes = new StringPool(this.expected, this.expected * per(codeBytes));
    this.index = new CodeIndex(this.codes, this.expected);
    this.group = (this.format.locale === 'vi' ? '.' : ',').charCodeAt(0);
    this.mark = (this.format.locale === 'vi' ? ',' : '.').charCodeAt(0);
    this.readFindings = [...this.draft.findings];
    this.findings.push(...this.draft.findings, ...missingIndicators(this.indicators));

    // Rules the table cannot run are skipped once, as runRules does.
    const skips: Skip[] = [];
    const probe = { indicators: this.indicators } as unknown as Annex;
    // Only the annex's checks: a streamed table is an annex table (a table of other indicators is read in memory).
    for (const rule of CHECK_RULES.filter((r) => (r as { annex?: boolean }).annex)) {
      const before = skips.length;
      const ok = applicableRules(probe, [rule], skips);
      if (skips.length > before) this.skipped.push({ skip: skips[before]!, order: CHECK_RULES.indexOf(rule), row: -1 });
      if (ok.length === 0) continue;
      if (rule.perUnit) this.perUnitRules.push(rule);
      else if (rule.id === 'sum') this.sumApplies = true;
    }
    for (let r = 0; r < records.length; r++) if (r > this.headerRow) this.dataRow(records[r]!, r);
  }

  private cell(rec: string[], r: number, c: number): Cell {
    return { raw: rec[c] ?? '', ref: a1(r, c), row: r, col: c };
  }

  private dataRow(rec: string[], r: number): void {
    const { unitCol, codeCol, parentCol } = this.columns;
    let hasValues = false;
    for (const c of this.indCols) {
      if (nonEmpty(rec[c])) {
        hasValues = true;
        break;
      }
    }
    const nameRaw = unitCol === undefined ? undefined : rec[unitCol];
    const name = nameOf(nameRaw);
    if (!hasValues) {
      // Footnotes below the table are not data; a named row inside it without values is reported.
      if (name !== '' && nameRaw !== undefined) this.pendingEmpty.push({ row: r, name, raw: nameRaw });
      return;
    }
    if (this.pendingEmpty.length > 0) {
      for (const p of this.pendingEmpty) {
        const at: Cell = { raw: p.raw, ref: a1(p.row, unitCol!), row: p.row, col: unitCol! };
        this.findings.push({ rule: 'unknown', severity: 'warning', at, msg: { id: 'unknown.empty-row', params: { text: p.name, row: p.row + 1 } } });
      }
      this.pendingEmpty = [];
    }
    const hasNameCell = name !== '' && nameRaw !== undefined;
    if (name === '') {
      const c = nameRaw !== undefined ? unitCol! : this.firstIndCol;
      const at = rec[c] !== undefined ? this.cell(rec, r, c) : undefined;
      this.findings.push({ rule: 'missing', severity: 'error', ...(at ? { at } : {}), msg: { id: 'missing.unit-name', params: { row: r + 1 } } });
    }
    const unitName = name !== '' ? name : `#${r + 1}`;
    if (!this.nonAsciiName && NON_ASCII.test(unitName)) this.nonAsciiName = true;
    const code = textOf(rec[codeCol!]);
    const parent = textOf(rec[parentCol!]);

    const u = this.n++;
    if (u === this.rows.length) this.growUnits();
    this.rows[u] = r;
    this.names.add(unitName);
    this.codes.add(code);
    if (parent !== this.lastParentText) {
      this.parents.add(parent);
      this.lastParentText = parent;
    }
    this.parentRef[u] = this.parents.length - 1;
    this.flags[u] = hasNameCell ? 1 : 0;
    if (code !== '') {
      const first = this.index.insert(u);
      if (first >= 0) {
        const at = this.cell(rec, r, codeCol!);
        this.findings.push({ rule: 'duplicate', severity: 'error', at, unit: unitName, msg: { id: 'duplicate.code', params: { code, unit: unitName, first: this.names.get(first) } } });
      }
    }
    const depth = parent === '' ? 0 : parent === this.lastDepthParent ? this.lastDepth : this.rootCodes.has(parent) ? 1 : 2;
    if (depth === 0 && code !== '') {
      this.rootCodes.add(code);
      this.lastDepthParent = undefined;
    } else if (parent !== '') {
      this.lastDepthParent = parent;
      this.lastDepth = depth;
    }
    this.flags[u]! |= depth << DEPTH_SHIFT;

    if (this.fastCheck(rec) && (depth === 2 || (!this.facts.denominator && !this.facts.convention))) {
      // A clean row of plain values: every per-unit rule compared its values on it.
      if (this.ran.size < this.perUnitRules.length) for (const rule of this.perUnitRules) this.ran.add(rule.id);
      const base = u * 5;
      for (let k = 0; k < 5; k++) this.setCount(base + k, this.values[k]!);
      if (this.facts.denominator || this.facts.convention) {
        this.flags[u]! |= NOTE;
        const lazy = () => ({ rec, row: r, depth, parent });
        if (this.facts.convention) this.folds.add('rate-change', parent, lazy);
        if (this.facts.denominator) this.folds.add('denominator', parent, lazy, this.facts.denominator);
      }
      return;
    }
    this.slowRow(rec, r, u, unitName, hasNameCell, code, parent, depth, true);
  }

  /** Reads the row's values for the fast pre-check; true when they are plain and the check finds it clean. */
  private fastCheck(rec: string[]): boolean {
    const v = this.values;
    let fast = true;
    for (let k = 0; k < 5; k++) {
      const c = this.colOf[k]!;
      if (c < 0) {
        v[k] = NaN;
        continue;
      }
      const x = fastCount(rec[c] ?? '', this.group);
      if (x < 0) {
        fast = false;
        break;
      }
      v[k] = x;
    }
    if (fast) {
      for (let k = 5; k < 8; k++) {
        const c = this.colOf[k]!;
        if (c < 0) {
          v[k] = NaN;
          continue;
        }
        const x = fastRate(rec[c] ?? '', this.mark);
        if (x !== x) {
          fast = false;
          break;
        }
        v[k] = x;
      }
    }
    return fast && checkRow(v, this.facts) === Verdict.Clean;
  }

  /** The real rules on a one-unit annex of this row. */
  private slowRow(
    rec: string[],
    r: number,
    u: number,
    unitName: string,
    hasNameCell: boolean,
    code: string,
    parent: string | number,
    depth: number,
    store: boolean,
    capture?: (f: Finding) => void,
    notesOnly = false,
  ): void {
    const unitCol = this.columns.unitCol;
    const unit: Unit = {
      id: 0,
      name: unitName,
      key: '',
      ...(hasNameCell ? { cell: this.cell(rec, r, unitCol!) } : {}),
      ...(code ? { code } : {}),
      // The total is known after the first pass; until then, a root is taken for it (endOfFirstPass redoes the notes otherwise).
      isTotal: this.parentOf ? u >= 0 && u === this.total : depth === 0,
    };
    const vals: Partial<Record<Indicator, Value>> = {};
    const labelCells: Partial<Record<Indicator, Cell>> = this.draft.labelCells;
    for (const [c, ind] of this.columns.cols) {
      const { value, finding } = parseValue(this.cell(rec, r, c), 0, unitName, ind, this.format);
      vals[ind] = value;
      if (finding && store && !notesOnly) this.findings.push(finding);
    }
    if (store) this.keepCounts(u, vals);
    const annex: Annex = {
      layout: 'long',
      units: [unit],
      indicators: this.indicators,
      labelCells,
      values: [vals],
      locale: this.format.plain ? 'plain' : this.format.locale,
      lang: 'vi',
    };
    const ctx: RuleContext = {
      annex,
      report: (f) => {
        if (capture) return;
        if (NOTE_IDS.has(f.msg.id)) {
          if (u >= 0) this.flags[u]! |= NOTE;
        } else if (notesOnly) return;
        this.findings.push(f);
      },
      skip: (s) => (capture || notesOnly ? undefined : this.skipped.push({ skip: s, order: CHECK_RULES.findIndex((x) => x.id === s.rule), row: r })),
      depth: () => depth,
      checked: (rule) => void this.ran.add(rule),
      fold: (rule: FoldRule, _unit: Unit, note: () => Finding, effect?: Effect) => {
        if (capture) return capture(note());
        if (u >= 0) this.flags[u]! |= NOTE;
        this.folds.add(rule, parent, note, effect);
      },
    };
    for (const rule of this.perUnitRules) rule.run(ctx);
  }

  /** Whole plain counts go to the typed array; anything else (and unusable cells) to the side table. */
  private keepCounts(u: number, vals: Partial<Record<Indicator, Value>>): void {
    let side: SlowValues | undefined;
    for (let k = 0; k < 5; k++) {
      const ind = COUNT_INDICATORS[k]!;
      const x = vals[ind];
      if (!x) {
        this.setCount(u * 5 + k, NaN);
        continue;
      }
      const n = x.status === 'ok' ? x.num!.toNumber() : NaN;
      if (x.status === 'ok' && x.num!.isInteger() && Number.isSafeInteger(n) && n >= 0 && String(n) === x.plain) {
        this.setCount(u * 5 + k, n);
      } else {
        this.setCount(u * 5 + k, NaN);
        (side ??= {})[ind] = x;
      }
    }
    if (side) this.slow.set(u, side);
  }

  private setCount(i: number, n: number): void {
    if (n === n && n < NONE) this.counts[i] = n;
    else {
      this.counts[i] = NONE;
      if (n === n) this.big.set(i, n);
    }
  }

  /** The count at i (a safe integer), or NaN when it is not a plain whole number (side table) or not carried. */
  private getCount(i: number): number {
    const x = this.counts[i]!;
    return x !== NONE ? x : (this.big.get(i) ?? NaN);
  }

  private growUnits(): void {
    const size = this.rows.length * 2;
    this.rows = grow(this.rows, size);
    this.counts = grow(this.counts, size * 5);
    this.flags = grow(this.flags, size);
    this.parentRef = grow(this.parentRef, size);
  }

  /** A unit's count as an OkValue (cell and plain digits), or its side-table value. */
  private countValue(u: number, k: number): Value {
    const side = this.slow.get(u)?.[COUNT_INDICATORS[k]!];
    if (side) return side;
    const n = this.getCount(u * 5 + k);
    const r = this.rows[u]!;
    const c = this.colOf[k]!;
    const plain = String(n);
    const ok: OkValue = { indicator: COUNT_INDICATORS[k]!, unit: u, cell: { raw: plain, ref: a1(r, c), row: r, col: c }, text: plain, status: 'ok', num: new Dec(n), plain, decimals: 0 };
    return ok;
  }

  private unitCell(u: number, col: number | undefined, raw: string): Cell | undefined {
    if (col === undefined) return undefined;
    const r = this.rows[u]!;
    return { raw, ref: a1(r, col), row: r, col };
  }

  /**
   * After the first pass: resolves the tree, and says whether a second pass must make the notes again
   * because a unit's depth taken as the rows arrived differs from its depth in the tree.
   */
  endOfFirstPass(): boolean {
    if (!this.shaped) this.shapeHead();
    const parentOf = this.resolveTree();
    let redo = false;
    for (let u = 0; u < this.n && !redo; u++) {
      const f = this.flags[u]!;
      if ((f & NOTE) === 0) continue;
      const p = parentOf[u]!;
      const depth = p < 0 ? 0 : parentOf[p]! < 0 ? 1 : 2;
      if (((f >> DEPTH_SHIFT) & 3) !== depth || (depth === 0 && u !== this.total)) redo = true;
    }
    if (!redo) return false;
    this.findings = this.findings.filter((f) => !NOTE_IDS.has(f.msg.id));
    this.folds = new Folds<Winner>();
    this.row = 0;
    this.n2 = 0;
    return true;
  }

  /** The second pass: each unit with a note, at its depth in the tree, folded under its parent unit. */
  secondPass(rec: string[]): void {
    const r = this.row++;
    if (r <= this.headerRow) return;
    let hasValues = false;
    for (const c of this.indCols) {
      if (nonEmpty(rec[c])) {
        hasValues = true;
        break;
      }
    }
    if (!hasValues) return;
    const u = this.n2++;
    if ((this.flags[u]! & NOTE) === 0) return;
    const parentOf = this.parentOf!;
    const p = parentOf[u]!;
    const depth = p < 0 ? 0 : parentOf[p]! < 0 ? 1 : 2;
    const { unitCol, codeCol } = this.columns;
    const nameRaw = unitCol === undefined ? undefined : rec[unitCol];
    const nm = nameOf(nameRaw);
    const unitName = nm !== '' ? nm : `#${r + 1}`;
    const code = textOf(rec[codeCol!]);
    if (depth === 2 && this.fastCheck(rec)) {
      const lazy = () => ({ rec, row: r, depth, parent: p });
      if (this.facts.convention) this.folds.add('rate-change', p, lazy);
      if (this.facts.denominator) this.folds.add('denominator', p, lazy, this.facts.denominator);
      return;
    }
    this.slowRow(rec, r, u, unitName, nm !== '' && nameRaw !== undefined, code, p, depth, false, undefined, true);
  }

  /** The tree, as shape/hierarchy.ts resolves it: each unit's parent (-1 for none), and its findings. */
  private resolveTree(): Int32Array {
    const n = this.n;
    const { unitCol, codeCol, parentCol } = this.columns;
    const name = (u: number) => this.names.get(u);
    const code = (u: number) => this.codes.get(u);
    const nameCell = (u: number) => ((this.flags[u]! & 1) !== 0 ? this.unitCell(u, unitCol, name(u)) : undefined);
    const pref = this.parentRef;
    const parentCell = (u: number) => (this.parents.isEmpty(pref[u]!) ? undefined : this.unitCell(u, parentCol, this.parents.get(pref[u]!)));
    const codeCell = (u: number) => (this.codes.isEmpty(u) ? undefined : this.unitCell(u, codeCol, code(u)));
    const push = (f: Finding) => this.findings.push(f);

    // The tree, as shape/hierarchy.ts resolves it.
    const parentOf = new Int32Array(n).fill(-1);
    const flagged = new Uint8Array(n);
    let lastRef = -1;
    let lastFound = -1;
    for (let u = 0; u < n; u++) {
      const ref = pref[u]!;
      if (this.parents.isEmpty(ref)) continue;
      const p = ref === lastRef ? lastFound : this.index.find(this.parents, ref);
      lastRef = ref;
      lastFound = p;
      if (p < 0 || p === u) {
        flagged[u] = 1;
        const at = parentCell(u) ?? nameCell(u);
        const pc = this.parents.get(ref);
        push({
          rule: 'hierarchy',
          severity: 'error',
          ...(at ? { at } : {}),
          unit: name(u),
          msg: p === u ? { id: 'hierarchy.cycle', params: loopParams(name(u), [pc], 0) } : { id: 'hierarchy.unknown-parent', params: { unit: name(u), parent: pc } },
        });
        continue;
      }
      parentOf[u] = p;
    }
    const state = new Uint8Array(n);
    const walk: number[] = [];
    for (let start = 0; start < n; start++) {
      let len = 0;
      let i = start;
      while (i >= 0 && state[i] === 0) {
        state[i] = 1;
        walk[len++] = i;
        i = parentOf[i]!;
      }
      if (i >= 0 && state[i] === 1) {
        let from = 0;
        while (walk[from] !== i) from++;
        const loop = walk.slice(from, len);
        const codes = loop.map((k) => (this.codes.isEmpty(k) ? name(k) : code(k)));
        // Reported once, at the member listed first, as shape/hierarchy.ts does.
        let first = 0;
        for (let k = 1; k < loop.length; k++) if (loop[k]! < loop[first]!) first = k;
        const at = parentCell(loop[first]!) ?? nameCell(loop[first]!);
        push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: name(loop[first]!), msg: { id: 'hierarchy.cycle', params: loopParams(name(loop[first]!), codes, first) } });
        for (const k of loop) {
          parentOf[k] = -1;
          flagged[k] = 1;
        }
      }
      for (let k = 0; k < len; k++) state[walk[k]!] = 2;
    }
    const hasChildren = state.fill(0); // (reused: the walk is done)
    for (let u = 0; u < n; u++) if (parentOf[u]! >= 0) hasChildren[parentOf[u]!] = 1;
    const roots: number[] = [];
    for (let u = 0; u < n; u++) if (parentOf[u]! < 0 && !flagged[u]) roots.push(u);
    const isTotal = totalMatcher([...(this.opts.totalNames ?? []), ...(this.opts.totalName !== undefined ? [this.opts.totalName] : [])]);
    let total = roots.find((u) => isTotal(name(u)));
    if (total === undefined) {
      const withChildren = roots.filter((u) => hasChildren[u]);
      if (withChildren.length === 1) total = withChildren[0];
      else if (roots.length === 1) total = roots[0];
    }
    for (const u of roots) {
      if (u === total) continue;
      const at = parentCell(u) ?? codeCell(u) ?? nameCell(u);
      push({ rule: 'hierarchy', severity: 'error', ...(at ? { at } : {}), unit: name(u), msg: { id: 'hierarchy.orphan', params: { unit: name(u) } } });
    }

    this.parentOf = parentOf;
    this.total = total;
    return parentOf;
  }

  finish(file: string): FileResult {
    const parentOf = this.parentOf!;
    const total = this.total;
    const n = this.n;
    const name = (u: number) => this.names.get(u);
    if (this.sumApplies) this.sums(parentOf, name);
    this.emitFolds();
    if (this.findings.length > this.budget.findings) throw new PovcheckError('TABLE_TOO_LARGE', { what: 'findings', limit: this.budget.findings });

    this.findings.sort(compareFindings);
    const skipped = this.skipped.sort((a, b) => a.order - b.order || a.row - b.row).map((s) => s.skip);
    const table: TableSummary = {
      layout: 'long',
      locale: this.format.plain ? 'plain' : this.format.locale,
      lang: langOf(this.draft.langVotes, this.nonAsciiName),
      units: n,
      ...(total !== undefined ? { total: name(total) } : {}),
    };
    const coverage = fileCoverage(askedChecks(this.opts), this.ran, skipped, this.readFindings, 'long');
    return { file, status: statusOf(this.findings, this.opts.strict, coverage), source: this.source, table, findings: this.findings, skipped, coverage };
  }

  /** Every parent against the sum of its children, in unit order, with the real rule's finding. */
  private sums(parentOf: Int32Array, name: (u: number) => string): void {
    const n = this.n;
    const slotOf = new Int32Array(n).fill(-1);
    const parentsInOrder: number[] = [];
    for (let u = 0; u < n; u++) {
      const p = parentOf[u]!;
      if (p >= 0 && slotOf[p]! < 0) {
        slotOf[p] = 0;
      }
    }
    for (let u = 0; u < n; u++) if (slotOf[u]! >= 0) slotOf[u] = parentsInOrder.push(u) - 1;
    const slots = parentsInOrder.length;
    if (slots === 0) this.skipped.push({ skip: noTotalSkip(), order: 0, row: -1 });
    const acc = new Float64Array(slots * 5);
    const children = new Int32Array(slots);
    /** Per slot and indicator: the sum cannot be kept in safe integers (or holds fractions): redo in Decimal. */
    const inexact = new Uint8Array(slots * 5);
    for (let u = 0; u < n; u++) {
      const p = parentOf[u]!;
      if (p < 0) continue;
      const s = slotOf[p]!;
      children[s]!++;
      for (let k = 0; k < 5; k++) {
        const x = this.getCount(u * 5 + k);
        if (x !== x) {
          inexact[s * 5 + k] = 1;
          continue;
        }
        const t = acc[s * 5 + k]! + x;
        // Exact while the sum stays a safe integer; beyond, the slot is added up again in Decimal.
        if (t > Number.MAX_SAFE_INTEGER) inexact[s * 5 + k] = 1;
        acc[s * 5 + k] = t;
      }
    }
    // Unusable children's cells, per slot and indicator, in unit order.
    const bad = new Map<number, string[]>();
    for (const [u, side] of this.slow) {
      const p = parentOf[u]!;
      if (p < 0) continue;
      const s = slotOf[p]!;
      for (let k = 0; k < 5; k++) {
        const x = side[COUNT_INDICATORS[k]!];
        if (!x || x.status === 'ok') continue;
        const key = s * 5 + k;
        const list = bad.get(key);
        if (list) list.push(x.cell.ref);
        else bad.set(key, [x.cell.ref]);
      }
    }
    let childrenOf: Map<number, number[]> | undefined;
    for (let s = 0; s < slots; s++) {
      const p = parentsInOrder[s]!;
      for (let k = 0; k < 5; k++) {
        if (this.colOf[k]! < 0) continue;
        const ind = COUNT_INDICATORS[k]! as CountIndicator;
        const total = this.countValue(p, k);
        const cells = [...(total.status === 'ok' ? [] : [total.cell.ref]), ...(bad.get(s * 5 + k) ?? [])];
        if (cells.length > 0 || total.status !== 'ok') {
          if (cells.length > 0) this.skipped.push({ skip: sumSkip(name(p), cells), order: 0, row: this.rows[p]! });
          continue;
        }
        this.ran.add('sum');
        let sum: Dec;
        if (inexact[s * 5 + k]) {
          childrenOf ??= this.childLists(parentOf, slotOf);
          sum = ZERO;
          for (const c of childrenOf.get(s) ?? []) {
            const x = this.countValue(c, k);
            if (x.status === 'ok') sum = sum.plus(x.num!);
          }
        } else {
          sum = new Dec(acc[s * 5 + k]!);
        }
        const f = sumMismatch(name(p), ind, total as OkValue, sum, children[s]!);
        if (f) this.findings.push(f);
      }
    }
  }

  private childLists(parentOf: Int32Array, slotOf: Int32Array): Map<number, number[]> {
    const m = new Map<number, number[]>();
    for (let u = 0; u < this.n; u++) {
      const p = parentOf[u]!;
      if (p < 0) continue;
      const s = slotOf[p]!;
      const l = m.get(s);
      if (l) l.push(u);
      else m.set(s, [u]);
    }
    return m;
  }

  /** One finding per parent for the folded notes; a lazily kept winner is rebuilt from its row. */
  private emitFolds(): void {
    for (const slot of this.folds) {
      let note: Finding | undefined;
      const w = slot.winner;
      if ('rule' in w) note = w;
      else {
        const { codeCol, unitCol } = this.columns;
        const nameRaw = unitCol === undefined ? undefined : w.rec[unitCol];
        const nm = nameOf(nameRaw);
        this.slowRow(w.rec, w.row, -1, nm !== '' ? nm : `#${w.row + 1}`, nm !== '' && nameRaw !== undefined, textOf(w.rec[codeCol!]), w.parent, w.depth, false, (f) => {
          if (f.rule === slot.rule) note = f;
        });
      }
      if (!note) continue;
      const p = typeof slot.parent === 'string' ? this.parentByCode(slot.parent) : slot.parent;
      this.findings.push(summaryFinding(slot.rule, p >= 0 ? this.names.get(p) : clip(String(slot.parent)), slot.count, note));
    }
  }

  private parentByCode(code: string): number {
    const pool = new StringPool(1, code.length * 3 + 1);
    pool.add(code);
    return this.index.find(pool, 0);
  }
}

