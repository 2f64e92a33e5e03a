/**
 * The plan document model: what the document readers (read/docx.ts, read/text-document.ts) build from a
 * Word plan or its plain-text export, and what the document stage (src/document/) checks. Paragraphs keep
 * their number and section, so a finding in the text can be found again; tables are plain `Grid`s, so the
 * table pipeline checks them like any CSV or workbook.
 */
import type { Grid } from './grid.js';
import type { TextEncodingName } from '../read/decode.js';
import type { Annex } from './annex.js';
import { writesVietnamese } from './lang.js';

export interface DocParagraph {
  /** 1-based number among the document's non-empty body paragraphs (table cells not counted). */
  readonly number: number;
  /** The text, NFC, tabs and line breaks as spaces. */
  readonly text: string;
  /** The nearest heading above it ("III. KINH PHÍ THỰC HIỆN"), '' in the preamble. */
  readonly section: string;
  /** Set when the paragraph is itself a heading. */
  readonly heading?: boolean;
  /** 1-based line of a plain-text document. */
  readonly line?: number;
}

export interface DocTable {
  /** 1-based, in document order. */
  readonly number: number;
  /** Cells carry refs "T1R3C4" (table, row, column; 1-based) and `table`. */
  readonly grid: Grid;
  /** The paragraph just before the table (its caption or the sentence that introduces it). */
  readonly after?: number;
  /**
   * .docx: the number of the table just before it, when nothing but empty paragraphs (a page break) stands between
   * them and they have as many columns: it may be that table's continuation (document/tables.ts decides).
   */
  readonly follows?: number;
  /** 1-based line of the table's first cell in a plain-text document. */
  readonly line?: number;
}

/** `html`: a plan as a web page (Word's "Save as Web Page", a system's "export to Word" served as .doc). */
export type DocumentFormat = 'docx' | 'doc' | 'html' | 'text';

export interface PlanDocument {
  readonly format: DocumentFormat;
  /** Plain-text documents: the encoding they were read in. */
  readonly encoding?: TextEncodingName;
  readonly paragraphs: readonly DocParagraph[];
  readonly tables: readonly DocTable[];
  /** .docx: paragraphs (a table cell's included) holding hidden text (Word's Font › Hidden), not read. */
  readonly hiddenText?: number;
  /** .docx: paragraphs of text boxes (outside a table in the box), not part of the running text and not read. */
  readonly textBoxText?: number;
  /** .docx: footnotes and endnotes (their marks in the running text), not read. */
  readonly notes?: number;
  /** .docx, .doc: text typed in a legacy font, read as Unicode (`--encoding tcvn3|vni`, read/legacy-fonts.ts). */
  readonly legacyFont?: 'tcvn3' | 'vni';
  /** A web page saved as one file (MHTML, read/mhtml.ts), its page read. */
  readonly mhtml?: true;
}

/** Whether a plan document's text is Vietnamese (a paragraph writes it): its language when no table of it decides. */
export function writesVietnameseText(doc: Pick<PlanDocument, 'paragraphs'>): boolean {
  return doc.paragraphs.some((p) => writesVietnamese(p.text));
}

/** Where a finding about the text is: section, paragraph, a short quote with the figure in it marked. */
export interface TextPlace {
  readonly paragraph: number;
  readonly section: string;
  /** Up to about 120 characters of the paragraph around the figure, "…" where cut. */
  readonly quote: string;
  /** The figure's position in `quote` (UTF-16 offsets, end exclusive). */
  readonly mark?: { readonly start: number; readonly end: number };
  /** 1-based line, for plain-text documents. */
  readonly line?: number;
}

/** The parts a document's report is grouped in. */
export const DOCUMENT_PARTS = ['tables', 'claims', 'money', 'references'] as const;
export type DocumentPart = (typeof DOCUMENT_PARTS)[number];

/** The reference of a document table's cell: "T1R3C4" (table 1, row 3, column 4, as counted in Word). */
export function documentCellRef(table: number, row: number, col: number): string {
  return `T${table}R${row + 1}C${col + 1}`;
}

/** "T1R3C4" → its parts (1-based), or undefined. */
export function parseDocumentCellRef(ref: string): { table: number; row: number; col: number } | undefined {
  const m = /^T(\d+)R(\d+)C(\d+)$/.exec(ref);
  return m ? { table: Number(m[1]), row: Number(m[2]), col: Number(m[3]) } : undefined;
}

/** What the reports say about a document's table: a poverty table checked, or another table left alone. */
export interface DocumentTableReport {
  readonly number: number;
  /** A poverty table (checked as a table), a budget table (its totals checked with the money), or another. */
  readonly kind: 'poverty' | 'budget' | 'other';
  /** The table as checked (its grid with the header row put back, when it was lost). */
  readonly annex?: Annex;
  readonly grid: Grid;
  /** The header row was lost: the names given to the columns, whether from `--units`, and the total. */
  readonly headerLost?: { readonly names: readonly string[]; readonly given: boolean; readonly total?: string };
  /** A table that looked like a poverty table but could not be read as one. */
  readonly problem?: boolean;
  /** The table it continues (split at a page break): checked as part of that one, whose `annex` holds both. */
  readonly continues?: number;
}

/** What was checked in a plan document, for the reports ("2 claims, 5 totals, 14 citations checked"). */
export interface DocumentReport {
  readonly format: DocumentFormat;
  readonly paragraphs: number;
  readonly tables: readonly DocumentTableReport[];
  readonly checked: {
    readonly tables: number;
    readonly budgetTables: number;
    readonly claims: number;
    readonly targets: number;
    readonly totals: number;
    readonly amounts: number;
    readonly citations: number;
    readonly documents: number;
  };
}

/** The part of a document's report a finding (or a skipped check) belongs to. */
export function partOf(f: { rule: string; place?: TextPlace; paragraph?: number }): DocumentPart {
  if (f.rule === 'money') return 'money';
  if (f.rule === 'reference') return 'references';
  if (f.rule === 'claim' || f.place !== undefined || f.paragraph !== undefined) return 'claims';
  return 'tables';
}

/** Which table of a plan document `table` and `plan` read (document/poverty-table.ts), for the reading notes. */
export interface DocumentTableNote {
  /** Its number in the document (1-based), and how many tables the document has. */
  table: number;
  tables: number;
  /** The tables read on below it (its continuations over a page break). */
  joined: number[];
  /** The poverty tables after it, not read. */
  others: number[];
  /** Tables before it that look like poverty tables but could not be read (`validate` says why). */
  unreadable?: number[];
  /** Its header row was lost (a plain-text export): its unit columns named by position, or by `--units` (`given`). */
  headerLost?: { names: string[]; given: boolean; total?: string };
}
