/** English messages about plan documents (src/document/): stated figures, money, references, the document's tables. */
import { parseDocumentCellRef } from '../model/document.js';
import type { ClaimFigure } from '../model/finding-detail.js';
import type { CitationPlace, ClaimWithin, MessageParams, MoneyText } from '../model/message-ref.js';
import type { DocumentText, Fmt } from './types.js';
import { val } from './en-calc.js';

const FIGURE_NAME = {
  rate_start: 'start rate',
  rate_end: 'end rate',
  rate_reduced: 'reduction',
  poor_reduced: 'poor households reduced',
  households_start: 'households at the start',
  households_end: 'households at the end',
  poor_start: 'poor households at the start',
  poor_end: 'poor households at the end',
} as const;

/** "T1R8C4" → "row 8, column 4" (the sentence names table 1); a cell of the table's continuation (a table split at a page break) names its own table: "Table 2, row 5, column 4". */
const at = (ref: string, table: number) => {
  const c = parseDocumentCellRef(ref);
  if (!c) return ref;
  return c.table === table ? `row ${c.row}, column ${c.col}` : cellPlace(ref);
};
/** A cell named in a message as people find it: a plan document's "T1R5C4" → "Table 1, row 5, column 4"; a sheet's "D4" as it is. */
export const cellPlace = (ref: string) => {
  const c = parseDocumentCellRef(ref);
  return c ? `Table ${c.table}, row ${c.row}, column ${c.col}` : ref;
};
/** A table whose header row was lost: why no unit of it can be matched by name. */
const unnamedColumns = (p: { table: number }) => `table ${p.table} lost its header row, so its columns have no names (name them with --units "…")`;
const unitName = (u: string) => (u === 'total' ? 'the total' : u);
const money = (m: MoneyText, f: Fmt) => `${f.n(m.value)} ${m.unit}`;
const labelled = (m: MoneyText, f: Fmt) => `${m.label ? `${m.label}: ` : ''}${money(m, f)}`;
const sumText = (parts: MoneyText[], f: Fmt) => parts.map((p) => f.n(p.value)).join(' + ');
const where = (p: CitationPlace) => `¶${p.paragraph}${p.section ? ` (${p.section})` : ' (preamble)'}`;
const within = (w: ClaimWithin, f: Fmt) => `${f.n(w.start)} − ${f.term(w.end)} = ${f.n(w.expected)}`;
const figureText = (x: ClaimFigure, table: number, f: Fmt) =>
  `${FIGURE_NAME[x.indicator]} ${f.n(x.stated)}${x.table !== undefined ? ` (table ${val(x.indicator, x.table, f)}${x.cell ? `, ${at(x.cell, table)}` : ''})` : ' (not in the table)'}`;

export const enDocumentMessages = {
  'sum.header-lost': (p: MessageParams['sum.header-lost'], f: Fmt) => {
    const named = p.given ? `its columns are named from --units: ${f.list(p.names)}` : `its columns are named by position: ${f.list(p.names)} (column numbers of the table)`;
    const total = p.total ? (p.arithmetic ? `; ${p.total} is the total, as it equals the sum of the others in the count rows` : `; the total is ${p.total}`) : '; no column equals the sum of the others, so no total was found';
    const ignored = p.expected !== undefined ? ` --units names ${p.count} units but the table has ${p.expected} unit columns, so it was not used.` : '';
    const hint = p.given ? '' : ' Units named in the text cannot be matched to these columns; name them with --units "…" in their order.';
    return `Table ${p.table} has no header row (Word's plain-text export drops it): ${named}${total}.${ignored}${hint}`;
  },
  'claim.consistent': (p: MessageParams['claim.consistent'], f: Fmt) =>
    `The text's figures for ${unitName(p.unit)} agree with table ${p.number}: ${p.figures.map((x) => figureText(x, p.number, f)).join(', ')}${p.within ? `; and within the sentence ${within(p.within, f)}` : ''}.`,
  'claim.table': (p: MessageParams['claim.table'], f: Fmt) =>
    `The text states ${f.n(p.stated)} as the ${FIGURE_NAME[p.indicator]} of ${unitName(p.unit)}, but table ${p.number} shows ${val(p.indicator, p.table, f)}${p.cell ? ` (${at(p.cell, p.number)})` : ''}` +
    `${p.within ? `; the same sentence also gives ${within(p.within, f)}, which ${f.n(p.stated)} breaks` : ''}.`,
  'claim.sentence': (p: MessageParams['claim.sentence'], f: Fmt) =>
    `Within the sentence, ${f.n(p.start)} − ${f.term(p.end)} = ${f.n(p.expected)}, but it states a reduction of ${f.n(p.reduced)} for ${unitName(p.unit)}.`,
  'claim.unknown-unit': (p: MessageParams['claim.unknown-unit']) =>
    `The text names ${p.unit}, which table ${p.table} does not have (its units: ${p.known.join(', ')}); its figures are not checked.`,
  'money.cause': (p: MessageParams['money.cause'], f: Fmt) => {
    const rel = p.relations.map((r) =>
      r.role === 'total'
        ? `its parts add up to ${sumText(r.parts, f)} = ${f.n(r.sum)}`
        : `${labelled(r.total, f)} adds up only with ${f.n(p.proposed)} in its place (${sumText(r.parts, f)} = ${f.n(r.sum)})`,
    );
    const n = p.relations.length;
    const lead = n === 1 ? '' : `This one figure explains ${n === 2 ? 'both' : `all ${n}`} totals that do not add up: `;
    const likely = p.confidence === 'unique' ? 'is most likely meant' : 'is the likeliest (it looks like a typing slip; another figure could be wrong instead)';
    return `${labelled(p.figure, f)} does not fit: ${rel.join('; and ')}. ${lead}${f.n(p.proposed)} ${likely} instead of ${f.n(p.figure.value)}.`;
  },
  'money.sum': (p: MessageParams['money.sum'], f: Fmt) =>
    `${labelled(p.total, f)}, but its parts add up to ${sumText(p.parts, f)} = ${f.n(p.sum)} ${p.total.unit} (difference ${f.n(p.diff)}).` +
    (p.candidates.length > 1 ? ` Any one of ${p.candidates.map((c) => f.n(c.value)).join(', ')} could be the wrong figure.` : ''),
  'money.part-exceeds': (p: MessageParams['money.part-exceeds'], f: Fmt) =>
    `${labelled(p.part, f)} is more than the total it is part of, ${labelled(p.total, f)}.`,
  'money.consistent': (p: MessageParams['money.consistent']) =>
    `Every total of money (in the text and its budget tables) equals its parts (${p.totals} ${p.totals === 1 ? 'total' : 'totals'}, ${p.amounts} amounts read).`,
  'reference.date': (p: MessageParams['reference.date']) =>
    `${p.number} is dated ${p.date}, a date that does not exist (${{ day: 'no such day in that month', month: 'no such month', year: 'an impossible year' }[p.reason]}).`,
  'reference.year': (p: MessageParams['reference.year']) => `${p.number} carries the year ${p.year} in its number but is dated ${p.date}.`,
  'reference.conflict': (p: MessageParams['reference.conflict']) =>
    `${p.kind ? `${p.kind} ` : ''}${p.number} is cited ${p.what === 'date' ? 'with two dates' : 'with two issuers'}: ${p.first.value} at ${where(p.first)} and ${p.other.value} at ${where(p.other)}.`,
  'reference.consistent': (p: MessageParams['reference.consistent']) =>
    `${p.citations} ${p.citations === 1 ? 'citation' : 'citations'} of ${p.documents} ${p.documents === 1 ? 'document' : 'documents'}: every date exists, and no document is cited with two dates or two issuers.`,
  'skip.claim-no-table': (p: { clauses: number; paragraph: number }) =>
    `the document has no poverty table to compare the figures of ${p.clauses} ${p.clauses === 1 ? 'statement' : 'statements'} with (the first at ¶${p.paragraph}); each was checked within its sentence only`,
  'skip.claim-unnamed': (p: { unit: string; table: number; paragraph: number }) => `¶${p.paragraph}: ${p.unit} cannot be matched: ${unnamedColumns(p)}`,
  'skip.unnamed-columns': (p: { table: number }) => unnamedColumns(p),
  'skip.money-bounds': (p: { totals: number; paragraph: number }) =>
    `${p.totals} ${p.totals === 1 ? 'total' : 'totals'} of money stated as bounds ("trên 68 tỷ đồng", the first at ¶${p.paragraph}): bounds do not tell whether the parts add up`,
  'skip.claim-no-total': (p: { table: number; paragraph: number }) => `¶${p.paragraph}: table ${p.table} has no total unit to compare the figures with`,
};

export const enDocument: DocumentText = {
  parts: { tables: 'Tables', claims: 'Stated figures', money: 'Money', references: 'References' },
  checked: {
    tables: (p) =>
      `${p.tables} poverty ${p.tables === 1 ? 'table' : 'tables'} checked${p.budget ? `; ${p.budget} budget ${p.budget === 1 ? 'table' : 'tables'} checked with the money` : ''}${p.other ? `; ${p.other} other ${p.other === 1 ? 'table' : 'tables'} (neither poverty nor budget tables) left alone` : ''}`,
    claims: (p) => `${p.claims} ${p.claims === 1 ? 'statement' : 'statements'} and ${p.targets} ${p.targets === 1 ? 'target' : 'targets'} checked`,
    money: (p) => `${p.totals} ${p.totals === 1 ? 'total' : 'totals'} checked against their parts (${p.amounts} amounts read)`,
    references: (p) => `${p.citations} ${p.citations === 1 ? 'citation' : 'citations'} of ${p.documents} ${p.documents === 1 ? 'document' : 'documents'} checked`,
  },
  cell: (t, r, c) => `Table ${t}, row ${r}, column ${c}`,
  column: (t, c) => `Table ${t}, column ${c}`,
  paragraph: (n) => `¶${n}`,
  preamble: 'preamble',
  source: (s) =>
    `${s.format === 'docx' ? 'Word document' : s.format === 'doc' ? 'Word 97–2003 document (.doc)' : s.format === 'html' ? `document as a web page (HTML${s.mhtml ? ', saved as one file: MHTML' : ''})` : `Word's plain-text export${s.encoding ? ` (${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' }[s.encoding] ?? s.encoding})` : ''}`}, ${s.paragraphs} ${s.paragraphs === 1 ? 'paragraph' : 'paragraphs'}, ${s.tables} ${s.tables === 1 ? 'table' : 'tables'}${s.hiddenText ? `; hidden text in ${s.hiddenText} ${s.hiddenText === 1 ? 'paragraph or cell' : 'paragraphs or cells'} not read (Word neither shows nor prints it)` : ''}${s.textBoxText ? `; ${s.textBoxText} ${s.textBoxText === 1 ? 'paragraph' : 'paragraphs'} in text boxes not read (figures stated there are not checked; a table in a text box is)` : ''}${s.notes ? `; ${s.notes} ${s.notes === 1 ? 'footnote' : 'footnotes'} not read (figures and citations in footnotes and endnotes are not checked)` : ''}${s.legacyFont ? `; text typed in a ${s.legacyFont === 'tcvn3' ? 'TCVN3 font (.VnTime)' : 'VNI font (VNI-Times)'} read as Unicode (--encoding ${s.legacyFont})` : ''}`,
  nothing: 'nothing of this kind in the document',
  tableTitle: (n) => `Table ${n}`,
  expectedStated: (e, a) => `expected ${e}, the text says ${a}`,
};
