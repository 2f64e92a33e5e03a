/**
 * A Word 97–2003 document's paragraph and character properties ([MS-DOC] PlcBtePapx / PlcBteChpx and their 512-byte
 * FKP pages in the WordDocument stream), read for word97.ts: each page maps runs of the text's bytes (FCs) to a list
 * of property changes (sprms), of which povcheck reads the few that say how to read the text (below). Every offset is
 * checked against its stream or page (`Stream`): a damaged file is refused naming the structure, never read past.
 */
import { PovcheckError, type Word97Structure } from '../errors.js';

/** One stream's bytes, each read checked: past the end is the named structure's damage. */
export class Stream {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly structure: Word97Structure,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** The same bytes, their damage named as `structure`'s. */
  as(structure: Word97Structure): Stream {
    return new Stream(this.bytes, structure);
  }

  private check(at: number, size: number): void {
    if (!Number.isInteger(at) || at < 0 || at + size > this.bytes.length) throw new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-structure', structure: this.structure });
  }

  u8(at: number): number {
    this.check(at, 1);
    return this.bytes[at]!;
  }

  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }

  i16(at: number): number {
    this.check(at, 2);
    return this.view.getInt16(at, true);
  }

  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }

  slice(at: number, size: number): Uint8Array {
    this.check(at, size);
    return this.bytes.subarray(at, at + size);
  }
}

export interface CharacterProps {
  /** Word's Font › Hidden (sprmCFVanish). */
  readonly hidden: boolean;
  /** Deleted with Track Changes on (sprmCFRMarkDel). */
  readonly deleted: boolean;
  /** Superscript (sprmCIss 1). */
  readonly superscript: boolean;
  /** A special character (sprmCFSpec): \x02 is then a footnote's mark. */
  readonly special: boolean;
  /** In a TCVN3 capitals font (.VnTimeH: sprmCRgFtc0 naming one of `CharacterReading.capitalsFonts`). */
  readonly capitals: boolean;
  /** A symbol (sprmCSymbol: its font's name and its code), shown where the text has a \x28. */
  readonly symbol?: { readonly font: string; readonly code: number };
}

/** What reading character properties needs of the document: which of its fonts (by index) draw capitals. */
export interface CharacterReading {
  readonly capitalsFonts: ReadonlySet<number>;
  /** The font table's names, by index. */
  readonly fontNames: readonly string[];
}

export interface ParagraphProps {
  /** Its style's index (istd). */
  readonly style: number;
  /** Its outline level (sprmPOutLvl), 1-based, when it sets one (9, body text, is none). */
  readonly outlineLevel?: number;
  /** How many tables deep it is: 0 in the body (sprmPItap, or 1 for sprmPFInTable alone). */
  readonly depth: number;
  /** A row's end mark (sprmPFTtp), of the outermost table. */
  readonly rowEnd: boolean;
  /** A row's end mark of a table inside a cell (sprmPFInnerTtp). */
  readonly innerRowEnd: boolean;
  /** A cell's end mark of a table inside a cell (sprmPFInnerTableCell). */
  readonly innerCell: boolean;
  /** A row's end: its cells' edges in twips (sprmTDefTable's rgdxaCenter, one more than its cells). */
  readonly edges?: readonly number[];
  /** A row's end: each cell's TCGRF (horizontal merge in bits 0–1, vertical merge in bits 5–6). */
  readonly cellFlags?: readonly number[];
  /** A row's end: vertical merges set by sprmTVertMerge, by cell: 1 merged with the cell above, 3 the first. */
  readonly vertical: ReadonlyMap<number, number>;
  /** Numbered by a list: its override (sprmPIlfo, 1-based) and level (sprmPIlvl). */
  readonly list?: number;
  readonly level?: number;
}

/** Properties by FC: runs sorted by their first byte. */
export interface PropertyRuns<P> {
  at(fc: number): P;
}

const PLAIN: CharacterProps = { hidden: false, deleted: false, superscript: false, special: false, capitals: false };
const BODY: ParagraphProps = { style: 0, depth: 0, rowEnd: false, innerRowEnd: false, innerCell: false, vertical: new Map() };

/** The FKP pages a PlcBte lists (its PnFkp numbers), each 512 bytes of the WordDocument stream. */
function pages(table: Stream, plc: { fc: number; lcb: number } | undefined): number[] {
  if (!plc || plc.lcb < 12) return [];
  const n = (plc.lcb - 4) / 8;
  if (!Number.isInteger(n)) throw new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-structure', structure: table.structure });
  // Each page once: a hostile list naming one page a million times reads it once.
  const out = new Set<number>();
  for (let k = 0; k < n; k++) out.add((table.u32(plc.fc + (n + 1) * 4 + k * 4) & 0x3fffff) * 512);
  return [...out];
}

/** Runs of one kind of property, looked up by binary search. */
class Runs<P> implements PropertyRuns<P> {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly props: P[] = [];

  constructor(private readonly none: P) {}

  add(start: number, end: number, props: P): void {
    this.starts.push(start);
    this.ends.push(end);
    this.props.push(props);
  }

  /** Sorted by start (pages are listed in order; a damaged list is sorted rather than trusted). */
  sorted(): this {
    const order = this.starts.map((_, i) => i).sort((a, b) => this.starts[a]! - this.starts[b]!);
    const [s, e, p] = [order.map((i) => this.starts[i]!), order.map((i) => this.ends[i]!), order.map((i) => this.props[i]!)];
    this.starts.splice(0, Infinity, ...s);
    this.ends.splice(0, Infinity, ...e);
    this.props.splice(0, Infinity, ...p);
    return this;
  }

  at(fc: number): P {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= fc) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && fc < this.ends[hi]! ? this.props[hi]! : this.none;
  }
}

/**
 * Runs of a PlcBte's FKP pages: each page's runs (crun, at its last byte) from their FCs, with the properties at the
 * offset each run's entry (`entry` bytes wide) names, read once per offset by `read` (offset 0: `none`).
 */
function pageRuns<P>(wd: Stream, table: Stream, plc: { fc: number; lcb: number } | undefined, entry: number, none: P, read: (page: number, offset: number) => P): PropertyRuns<P> {
  const runs = new Runs(none);
  const parsed = new Map<number, P>();
  for (const page of pages(table, plc)) {
    const crun = wd.u8(page + 511);
    for (let i = 0; i < crun; i++) {
      const offset = wd.u8(page + (crun + 1) * 4 + i * entry) * 2;
      let props = offset === 0 ? none : parsed.get(page + offset);
      if (props === undefined) parsed.set(page + offset, (props = read(page, offset)));
      runs.add(wd.u32(page + i * 4), wd.u32(page + i * 4 + 4), props);
    }
  }
  return runs.sorted();
}

/** The character properties' runs (PlcBteChpx and its CHPX pages: a byte's offset a run, the CHPX its size and sprms). */
export function charactersAt(wd: Stream, table: Stream, plc: { fc: number; lcb: number } | undefined, fonts: CharacterReading): PropertyRuns<CharacterProps> {
  return pageRuns(wd, table, plc, 1, PLAIN, (page, offset) => {
    const size = wd.u8(page + offset);
    if (offset + 1 + size > 511) throw new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-structure', structure: 'characters' });
    return characterProps(wd.slice(page + offset + 1, size), fonts);
  });
}

/** `base` changed by a grpprl's character sprms (a CHPX's, or a fast-saved piece's). */
export function characterProps(grpprl: Uint8Array, fonts: CharacterReading, base: CharacterProps = PLAIN): CharacterProps {
  let { hidden, deleted, superscript, special, capitals, symbol } = base;
  const on = (v: number) => v === 1 || v === 0x81;
  eachSprm(grpprl, (sprm, at) => {
    if (sprm === 0x083c) hidden = on(grpprl[at]!);
    else if (sprm === 0x0800) deleted = on(grpprl[at]!);
    else if (sprm === 0x2a48) superscript = grpprl[at] === 1;
    else if (sprm === 0x0855) special = on(grpprl[at]!);
    else if (sprm === 0x4a4f && at + 2 <= grpprl.length) capitals = fonts.capitalsFonts.has(grpprl[at]! | (grpprl[at + 1]! << 8));
    else if (sprm === 0x6a09 && at + 4 <= grpprl.length) symbol = { font: fonts.fontNames[grpprl[at]! | (grpprl[at + 1]! << 8)] ?? '', code: grpprl[at + 2]! | (grpprl[at + 3]! << 8) };
  });
  return { hidden, deleted, superscript, special, capitals, ...(symbol ? { symbol } : {}) };
}

/** The paragraph properties' runs (PlcBtePapx and its PAPX pages: a BxPap of 13 bytes a run); `data`: the Data stream, for sprmPHugePapx. */
export function paragraphsAt(wd: Stream, table: Stream, plc: { fc: number; lcb: number } | undefined, data: Stream | undefined): PropertyRuns<ParagraphProps> {
  return pageRuns(wd, table, plc, 13, BODY, (page, offset) => {
    const { style, grpprl } = papx(wd, page, offset);
    return paragraphProps(grpprl, data, { ...BODY, style });
  });
}

/** A PapxInFkp's style and properties (GrpPrlAndIstd), within its page. */
function papx(wd: Stream, page: number, offset: number): { style: number; grpprl: Uint8Array } {
  const cb = wd.u8(page + offset);
  const from = cb === 0 ? offset + 2 : offset + 1;
  const size = cb === 0 ? wd.u8(page + offset + 1) * 2 : cb * 2 - 1;
  if (size < 2 || from + size > 511) throw new PovcheckError('DOCUMENT_INVALID', { damage: 'doc-structure', structure: 'paragraphs' });
  return { style: wd.u16(page + from), grpprl: wd.slice(page + from + 2, size - 2) };
}

/** `base` changed by a grpprl's paragraph and table sprms (a PAPX's, or a fast-saved piece's); `data` for sprmPHugePapx. */
export function paragraphProps(grpprl: Uint8Array, data: Stream | undefined, base: ParagraphProps): ParagraphProps {
  const p: { -readonly [K in keyof ParagraphProps]: ParagraphProps[K] } & { inTable: boolean; vertical: Map<number, number> } = { ...base, inTable: base.depth > 0, vertical: new Map(base.vertical) };
  const read = (g: Uint8Array, huge: boolean) =>
    eachSprm(g, (sprm, at, size) => {
      const view = new DataView(g.buffer, g.byteOffset + at, size);
      switch (sprm) {
        case 0x4600:
          p.style = view.getUint16(0, true);
          break;
        case 0x2416:
          p.inTable = g[at] !== 0;
          break;
        case 0x2417:
          p.rowEnd = g[at] !== 0;
          break;
        case 0x244c:
          p.innerRowEnd = g[at] !== 0;
          break;
        case 0x244b:
          p.innerCell = g[at] !== 0;
          break;
        case 0x6649:
          p.depth = Math.max(0, view.getInt32(0, true));
          break;
        case 0x460b:
          p.list = view.getInt16(0, true);
          break;
        case 0x260a:
          p.level = g[at]!;
          break;
        case 0x2640:
          if (g[at]! < 9) p.outlineLevel = g[at]! + 1;
          break;
        case 0xd608:
          tableDefinition(view, p);
          break;
        case 0xd62b:
          if (size >= 2) p.vertical.set(g[at]!, g[at + 1]!);
          break;
        case 0x6646:
          if (data && !huge) read(hugePapx(data, view.getUint32(0, true)), true);
          break;
      }
    });
  read(grpprl, false);
  if (!p.inTable) p.depth = 0;
  else if (p.depth === 0) p.depth = 1;
  const { inTable: _inTable, ...props } = p;
  return props;
}

/** sprmTDefTable: the cells' count, their edges and each cell's TC80 (20 bytes, its TCGRF first). */
function tableDefinition(view: DataView, p: { edges?: readonly number[]; cellFlags?: readonly number[] }): void {
  if (view.byteLength < 1) return;
  const cells = view.getUint8(0);
  if (view.byteLength < 1 + (cells + 1) * 2) return;
  const edges: number[] = [];
  for (let i = 0; i <= cells; i++) edges.push(view.getInt16(1 + i * 2, true));
  const flagsAt = 1 + (cells + 1) * 2;
  const cellFlags: number[] = [];
  for (let i = 0; i < cells; i++) cellFlags.push(flagsAt + i * 20 + 2 <= view.byteLength ? view.getUint16(flagsAt + i * 20, true) : 0);
  p.edges = edges;
  p.cellFlags = cellFlags;
}

/** A PAPX too large for its page, in the Data stream (PrcData: its size, then its sprms). */
function hugePapx(data: Stream, at: number): Uint8Array {
  const size = data.u16(at);
  return data.slice(at + 2, size);
}

/**
 * Each sprm of a grpprl: its code, where its operand starts and its size (by the sprm's spra; sprmTDefTable's and
 * sprmPChgTabs' sizes written before them). Stops at a sprm that does not fit, as Word ignores a truncated one.
 */
function eachSprm(g: Uint8Array, visit: (sprm: number, at: number, size: number) => void): void {
  let i = 0;
  while (i + 2 <= g.length) {
    const sprm = g[i]! | (g[i + 1]! << 8);
    let at = i + 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (at >= g.length) return;
        if (sprm === 0xd608) {
          if (at + 2 > g.length) return;
          size = (g[at]! | (g[at + 1]! << 8)) - 1;
          at += 2;
        } else {
          size = g[at]!;
          if (sprm === 0xc615 && size === 255) return;
          at += 1;
        }
    }
    if (size < 0 || at + size > g.length) return;
    visit(sprm, at, size);
    i = at + size;
  }
}
