/** English messages. Numbers arrive as plain digits; f.n() writes them as 210,299 and 11.80. */
import { cellPlace, enDocument, enDocumentMessages } from './en-document.js';
import { layoutWords } from './indicator-labels.js';
import type { Catalog, CauseCellText, Fmt, NoCauseParams, TargetOp } from './types.js';
import type { FormulaRange, SlipKind } from '../locate/types.js';
import type { ConfigProblem, ContainerDamage, ErrorParams, Word97Structure, XmlDamage } from '../errors.js';
import { enCalc, name as indName, val } from './en-calc.js';
import { enCli } from './cli-en.js';
import { quotedRows, type JoinedPart, type MessageParams } from '../model/message-ref.js';
import type { NoIndicatorKind } from '../model/vocabulary.js';
import type { SpreadsheetError } from '../model/grid.js';
import { count, firstThree, namesCut, yearsSpan, missingChecksClause, namedPaths, isTxt, signed, splitCase, unsigned, alternativesOf, refList } from './number-format.js';
import { enRelations } from './en-relations.js';

/** A count the report makes (findings, files, units), grouped as English writes it: 87,299. */
const k = (n: number) => count(n, 'en');

const OP: Record<TargetOp, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** The file's delimiter, by name. */
const delimiterEn = (d: string) => (d === ',' ? 'comma' : d === ';' ? 'semicolon' : 'TAB');
/** Why a name is in two cells: a delimiter outside quotes (`d`), or, in a workbook (`d` empty), a spreadsheet's import. */
const nameSplitEn = (d: string, name: string, holds: string) =>
  d === '' ? `${name} ${holds === 'hold' ? 'stand' : 'stands'} over two cells, as when a CSV whose names hold its delimiter outside quotes is opened in a spreadsheet` : `${name} ${holds} a ${delimiterEn(d)} outside quotes, so it was split in two`;
/** What to do about it: quote the name, or, in a workbook, put it back into one cell (and the figures after it). */
const unsplitEn = (d: string, what: string, figures: boolean) =>
  d === '' ? `Put the ${what} back into one cell${figures ? " and move the row's figures left" : ''} in the workbook.` : `Put that ${what} in quotes (or save the file again from Excel) for the table to read as typed.`;

/** Each rest read back into its name or label (`what`), as a sentence's clauses. */
const restsReadEn = (joined: readonly JoinedPart[], what: 'name' | 'label') =>
  joined.map((j, i) => `${i === 0 ? 'Cell' : 'cell'} ${j.cell} ("${j.text}") is read as the rest of the ${what} in ${j.into}: "${j.name}"`).join('; ');

/** How to make a .docx of a word-processor document povcheck does not read (.odt, .rtf, a Word 6.0/95 .doc). */
const SAVE_AS_DOCX_EN = 'open it in Word or LibreOffice and save it as .docx (or convert it: libreoffice --headless --convert-to docx <file>), then check the .docx';

/** Why a file could not be opened, by the system's code (the code itself for any other). */
const READ_CAUSE_EN: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error of the device',
  EMFILE: 'too many files open',
};

/** What a label names that no indicator stands for (model/vocabulary.ts NoIndicatorKind). */
const EN_NO_INDICATOR: Record<NoIndicatorKind, string> = {
  increase: 'is a rise against another time',
  share: 'is a share of another total (povcheck checks a share of the poor or the near-poor right after the count of a part of them)',
  ethnicGroup: 'names one ethnic group, whose households povcheck does not count apart (its ethnic-minority figures are the minorities together)',
  average: 'is an average per year over a period, which tables compute over periods they do not state alike',
  selectedGroup: 'is a figure of a group (households, people, times) picked out by a support received, a trait or a place (supported, given loans, people of merit, social protection, lacking clean water or housing, poor districts, especially difficult communes…)',
  money: 'is an amount of money (funds, loans), not households',
  period: 'is a period of several years, not a year of the series',
  planBeside: "is the plan for a year whose results the table also gives (the year is read from the results' column)",
  comparison: 'compares two other columns of the table (achievement against the plan, against the same period)',
  planColumn: "is a plan, or an achievement against one, of each row's indicator (read only beside years)",
  planYear: "is the plan for a year, beside the years' results (a target)",
  verdict: 'holds verdicts (đạt, không đạt: met, not met…), not figures',
  measureMismatch: 'has a unit of measure (the ĐVT column) that is not that of the indicator its name names (a rate is in %, households in households)',
};

/** The short reason, when the whole one was given at an earlier label (`sameAs`). */
const EN_NO_INDICATOR_SHORT: Record<NoIndicatorKind, string> = {
  increase: 'is a rise against another time',
  share: 'is a share of another total',
  ethnicGroup: 'names one ethnic group',
  average: 'is an average per year over a period',
  selectedGroup: 'is a figure of a group picked out by a support, a trait or a place',
  money: 'is an amount of money',
  period: 'is a period of several years',
  planBeside: 'is the plan for a year whose results the table also gives',
  comparison: 'compares two other columns of the table',
  planColumn: "is a plan of each row's indicator",
  planYear: 'is the plan for a year',
  measureMismatch: 'has a unit of measure that is not its indicator\'s',
  verdict: 'holds verdicts, not figures',
};

/** A label that is no indicator povcheck checks: the whole reason, or the short one and the cell that gave it (`sameAs`). */
function enNoIndicator(where: 'row' | 'column', p: { text: string; kind?: NoIndicatorKind; sameAs?: string }): string {
  if (p.kind && p.sameAs) return `"${p.text}", like ${p.sameAs}, ${EN_NO_INDICATOR_SHORT[p.kind]}; the ${where} is not checked.`;
  if (p.kind) return `"${p.text}" ${EN_NO_INDICATOR[p.kind]}, not an indicator povcheck checks; the ${where} is not checked.`;
  // The list of labels is pointed to once, at the first label not recognised.
  return `"${p.text}" is not a known indicator; the ${where} is not checked${p.sameAs ? '' : ' (see the label list in docs/input.md)'}.`;
}

/** What each spreadsheet error value means where a figure goes. */
const SPREADSHEET_ERROR_EN: Record<SpreadsheetError, string> = {
  '#DIV/0!': 'a formula divided by an empty or zero cell',
  '#REF!': 'a formula refers to cells that were deleted or moved',
  '#VALUE!': 'a formula computed with a cell that holds text',
  '#N/A': 'a lookup found no value',
  '#NAME?': 'a formula names a function or range the spreadsheet does not know',
  '#NUM!': 'a formula gave a number the spreadsheet cannot hold',
  '#NULL!': 'a formula takes the intersection of ranges that do not meet',
  other: 'a formula could not be computed',
};

/** A figure that rounds to zero at the printed precision (`0.00`, `-0.00`): said as "less than 0.01", never "about 0.00". */
/** A target's place in its targets file or among the --target options: `target 2`, `target 2 (line 4)`. */
const targetPlaceEn = (p: { index?: number; line?: number }) => `target ${p.index}${p.line !== undefined ? ` (line ${p.line})` : ''}`;
const roundsToZero = (plain: string) => /^-?0(?:\.0*)?$/.test(plain);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A net change in poor households the table does not print (`derived`: the start's count less the end's). */
const FROM_COUNTS = 'computed from the start and end counts, as the table prints no reduction';
/** "(net)", saying the figure was computed when the table prints no reduction. */
const netEn = (p: { derived?: boolean }) => (p.derived ? `(net, ${FROM_COUNTS})` : '(net)');
/** The same said of a reduction the sentence does not call net. */
const fromCountsEn = (p: { derived?: boolean }) => (p.derived ? ` (${FROM_COUNTS})` : '');

/** The split of a rate's change for the three cases (number-format.ts splitCase) the first sentence does not cover. */
function splitEn(p: { points: string; reduced: string; share: string; growth: string; change: string; derived?: boolean }, f: Fmt, rate: string): string {
  const g = roundsToZero(p.growth) ? `less than ${f.n('0.01')}` : `about ${f.n(unsigned(p.growth))}`;
  const share = `${f.n(unsigned(p.share))} % of the start-of-year households`;
  switch (splitCase(p)) {
    case 'fell-shrank':
      return `${rate} fell ${f.n(p.points)} points, while poor households fell by ${f.n(p.reduced)} ${netEn(p)}, ${share}: the fall in the number of households alone held the fall back by ${g} points`;
    case 'rose-grew':
      return `${rate} rose ${f.n(unsigned(p.points))} points, while poor households grew by ${f.n(unsigned(p.reduced))} ${netEn(p)}, ${share}: the growth in the number of households alone held the rise back by ${g} points`;
    default:
      return `${rate} rose ${f.n(unsigned(p.points))} points, but poor households grew by only ${f.n(unsigned(p.reduced))} ${netEn(p)}, ${share}: the fall in the number of households alone added ${g} points to the rise`;
  }
}

/** The slips the HTML report names (its likely causes' `kind`). */
const HTML_SLIP_EN = {
  transposition: 'two adjacent digits transposed',
  mistyped: 'one digit mistyped',
  dropped: 'a digit dropped',
  doubled: 'a digit doubled',
  extra: 'an extra digit',
  separator: 'a thousands separator taken as a decimal mark (2.750 → 2,75)',
  share: 'a rate typed as a share (0.1180 for 11.80)',
  'rounded-coarser': 'a rate rounded to fewer decimals, zeros printed after them (15.40 for 15.38)',
  truncated: 'digits cut off instead of rounded (35.69 for 35.6987…, 35.70)',
  'reduction-share': 'the reduction typed as reduced households / start households (1.99 instead of 2.06)',
  'reduction-added': 'the reduction added to the start instead of subtracted (=D4+D5 for =D4-D5)',
  'unrounded-difference': 'the reduction rounded from the unrounded difference (2.64 for 2.65)',
  'start-denominator': 'the end rate taken over the start-of-year households',
  'summed-rates': 'the poor and near-poor rate typed as the sum of the two printed rates (8.60 = 6.63 + 1.97 for 8.61)',
  sign: 'the sign',
  copied: "the neighbouring unit's value copied (same column)",
  'mean-of-rates': "the total's rate taken as the plain average of its units' rates",
  'part-left-out': 'the total taken as the sum of its units but one (a SUM range a row short)',
  'sum-of-rates': "the total's rate taken as the sum of its units' rates (a SUM copied onto a rate row)",
  'decimal-mark': 'the decimal mark in the wrong place (1.180 for 11.80)',
  shifted: 'a row or column typed one cell off',
} satisfies Record<SlipKind, string>;

const SLIP_EN = {
  transposition: 'the digits look transposed',
  mistyped: 'one digit looks mistyped',
  dropped: 'a digit looks dropped',
  doubled: 'a digit looks doubled',
  extra: 'an extra digit looks typed in',
  separator: 'the thousands separator looks typed as a decimal mark',
  share: 'the rate looks typed as a share instead of a percentage',
  'rounded-coarser': 'the rate looks rounded to fewer decimals and printed with zeros after them',
  truncated: 'the value looks truncated (digits cut off) instead of rounded',
  'reduction-share': 'the reduction looks computed as reduced households / start-of-year households',
  'reduction-added': 'the end looks computed as the start plus the reduction instead of minus it',
  'unrounded-difference': 'the reduction looks rounded from the unrounded difference instead of subtracting the printed rates',
  'start-denominator': 'the end rate looks computed over the start-of-year households',
  'summed-rates': 'the rate looks like the poor rate plus the near-poor rate as printed, not the rate of the summed count',
  sign: 'the sign looks wrong',
  copied: 'the value looks copied from the neighbouring unit\'s cell in the same column',
  'mean-of-rates': "the total's rate looks like the plain average of its units' rates, not its poor households over its households",
  'part-left-out': 'the total looks like the sum of its units with one left out (a SUM range a row short)',
  'sum-of-rates': "the total's rate looks like the sum of its units' rates (the total column's SUM copied onto a rate row)",
  'decimal-mark': 'the decimal mark looks typed in the wrong place: the digits are right, the value is off by 10, 100 … times',
  shifted: 'the values look typed one cell off, each cell holding its neighbour\'s',
} as const;

const cellName = (c: CauseCellText, f: Fmt) => `${c.ref} (${f.ind(c.indicator)}, ${c.unit})`;
/** Every failing check is a sum of one unit: the structure, not a cell. */
const sumsOfEn = (unit: string) =>
  `Every failing check is a sum of ${unit}: rather than wrong cells, its row may come from another table or year, or the units listed under it are not the ones its total adds up (check their parent codes); see the findings below.`;
/** The counts are stored as fractions: the import, not cells. */
const fractionsEn = (cell: string) =>
  `The workbook stores its counts as fractions (see the warning at ${cell}): rather than wrong cells, the table was probably opened with English number settings; import it again with Vietnamese settings.`;
/** `--locale` was given against the file's cells: the option, not cells. */
const localeGivenEn = ({ given, cell }: { given: string; cell: string }) =>
  `The numbers were read with --locale ${given}, against the way the file writes them (see the warning about ${cell}): rather than wrong cells, try without --locale.`;
/** Figures of one indicator negative across units: a formula the wrong way round, not cells. */
const negativeEn = ({ label, count, cell }: NonNullable<NoCauseParams['negative']>) =>
  `${count} figures of ${label.charAt(0).toLowerCase() + label.slice(1)} are negative (see the warning at ${cell}): rather than wrong cells, the row probably gives the change, computed the wrong way round (end − start); correct their signs, then check again.`;
/** The hint a none/stopped/open line ends with, if any. */
const hintEn = (p: NoCauseParams) =>
  p.fractionsAt !== undefined ? fractionsEn(p.fractionsAt) : p.localeGiven !== undefined ? localeGivenEn(p.localeGiven) : p.negative !== undefined ? negativeEn(p.negative) : p.sumsOf !== undefined ? sumsOfEn(p.sumsOf) : undefined;
const allFailing = (n: number) => (n === 1 ? 'the failing check' : n === 2 ? 'both failing checks' : `all ${n} failing checks`);
/** "any value from 2.12 to 100.00" for bounds already written (absent: unbounded). */
/** Why a cause's cell has a range: its checks' rounded figures, or checks that only bound it (a part at most its whole). */
/** A partial list's sum skip, when its parts were checked against the parent all the same. */
const EN_BOUNDED = '; only checked that the units listed add up to no more than it';
const notPinned = (rounding: boolean) => (rounding ? 'the rates are rounded, so they do not pin the value' : 'the checks bound the value without pinning it');
const rangeWords = (min: string | undefined, max: string | undefined) =>
  min !== undefined && max !== undefined ? `any value from ${min} to ${max}` : min !== undefined ? `any value of ${min} or more` : max !== undefined ? `any value up to ${max}` : 'other values';
const rangeText = (c: CauseCellText, f: Fmt) => rangeWords(c.min !== undefined ? f.n(c.min) : undefined, c.max !== undefined ? f.n(c.max) : undefined);
/** What a suspect formula reads against its failing check: a sum's parts left out or added, another check's cells. */
const formulaRangeEn = (r: FormulaRange) => {
  const out = r.leavesOut.join(', ');
  const adds = r.adds.join(', ');
  if (r.sum) return [out ? `leaves out ${out}` : '', adds ? `adds ${adds}, no part of it` : ''].filter(Boolean).join(' and ');
  return out && adds ? `reads ${adds} where the check reads ${out}` : out ? `does not read ${out}` : `also reads ${adds}`;
};
const formulaNote = (formula: CauseCellText['formula']) =>
  !formula
    ? ''
    : formula.role === 'entered'
      ? formula.sheet !== undefined
        ? ` (it takes ${formula.text} from sheet "${formula.sheet}": correct the figure there; --sheet "${formula.sheet}" checks that sheet)`
        : ` (it holds the formula ${formula.text}, which povcheck does not recompute: counted as an entered value)`
      : formula.range
        ? ` (it is computed by ${formula.text}, which ${formulaRangeEn(formula.range)}: check the formula's ${formula.range.sum ? 'range' : 'references'})`
        : ` (it is computed by ${formula.text}, but no change to its inputs explains the checks: check the formula)`;
/** Cells typed one cell off, together (a run of a row or column): `H5–K5 (…) seem typed one cell off: moved back, 799, 818`. */
const runOf = (cells: CauseCellText[], f: Fmt): string | undefined => {
  if (cells.length < 2 || !cells.every((c) => c.kind === 'shifted' && c.proposed !== undefined)) return undefined;
  const [first, last] = [cells[0]!, cells[cells.length - 1]!];
  const what = cells.every((c) => c.indicator === first.indicator) ? f.ind(first.indicator) : cells.every((c) => c.unit === first.unit) ? first.unit : undefined;
  return `${first.ref}–${last.ref}${what ? ` (${what})` : ''} seem typed one cell off: moved back, they hold ${cells.map((c) => f.n(c.proposed!)).join(', ')}`;
};

const item = (c: CauseCellText, f: Fmt) => {
  const value = c.min !== undefined || c.max !== undefined
    ? `${rangeText(c, f)} works${c.proposed !== undefined ? `, ${f.n(c.proposed)} most likely` : ''}`
    : `should be ${f.n(c.proposed ?? '')}`;
  // A blank cell (the first of a run typed one cell on) is said to be blank, not to hold nothing.
  return `${cellName(c, f)} ${c.actual === '' ? 'is blank' : `holds ${f.n(c.actual)}`}${formulaNote(c.formula)}, ${value}${c.kind ? ` (${SLIP_EN[c.kind]})` : ''}`;
};

/** Said of a workbook part no spreadsheet program writes (a reference outside any worksheet). */
const NOT_SAVED_BY_A_SPREADSHEET = 'the file is damaged or was not saved by a spreadsheet program';

/** What is wrong with a workbook's or document's ZIP container or one of its XML parts (errors.ts ContainerDamage, XmlDamage). */
/** A web page's table (read/html-table.ts: tables by their position), and the page's tables passed over or not read. */
function webPageTableEn(s: { sheet: string; passedOver?: readonly string[]; others?: readonly string[]; mhtml?: true }): string {
  const list = (xs: readonly string[]) => xs.join(', ');
  return `web page (HTML${s.mhtml ? ', saved as one file: MHTML' : ''}), its table ${s.sheet}${s.passedOver?.length ? ` (${s.passedOver.length === 1 ? 'table' : 'tables'} ${list(s.passedOver)} before it ${s.passedOver.length === 1 ? 'holds' : 'hold'} no poverty table)` : ''}${s.others?.length ? `; the page's ${s.others.length === 1 ? 'table' : 'tables'} ${list(s.others)} not read (--sheet N to check one)` : ''}`;
}

/** The structures of a Word 97–2003 document, as a damage names them. */
const WORD97_STRUCTURE_EN: Record<Word97Structure, string> = {
  fib: 'file information block (FIB)',
  pieces: 'piece table (where its text is stored)',
  text: 'text',
  'table-stream': 'table stream (1Table or 0Table)',
  paragraphs: 'paragraph properties',
  characters: 'character properties',
  styles: 'style sheet',
};

function containerDamage(p: ContainerDamage | XmlDamage, office: string): string {
  if ('xml' in p) {
    return p.xml === 'doctype'
      ? `${p.part} declares a DOCTYPE, which ${office} files never do (it is how entity-expansion attacks begin); not read`
      : `${p.part} is not well-formed XML (${p.detail})`;
  }
  switch (p.damage) {
    case 'no-directory':
      return 'no ZIP central directory; the file is cut short or damaged';
    case 'directory':
      return 'damaged ZIP central directory';
    case 'end-record':
      return `damaged ZIP end record: ${
        p.fault === 'count'
          ? `it counts ${p.listed.toLocaleString('en-US')} parts, the central directory holds ${p.found.toLocaleString('en-US')}`
          : p.fault === 'outside'
            ? 'it places the central directory outside the file'
            : 'it does not point to the central directory'
      }`;
    case 'part-twice':
      return `the ZIP holds two parts named ${p.part} (programs differ in which one they read, so two programs could show different contents)`;
    case 'part-case':
      return `the ZIP holds two parts named ${p.part} and ${p.other}, names that differ only in case: one part to Excel, two to other programs (so two programs could show different contents)`;
    case 'part-name':
      return `the ZIP's directory names a part ${p.part} whose own header names it ${p.local} (programs that read the headers would see another part, so two programs could show different contents)`;
    case 'part-header':
      return `damaged ZIP part ${p.part}`;
    case 'part-short':
      return `ZIP part ${p.part} is cut short`;
    case 'part-method':
      return `ZIP part ${p.part} uses an unsupported compression method (${p.method})`;
    case 'part-inflate':
      return `ZIP part ${p.part} cannot be unpacked (${p.code})`;
    case 'part-larger':
      return `ZIP part ${p.part} unpacks to more than its header says (damaged or hostile)`;
    case 'part-size':
      return `ZIP part ${p.part} is not the size its header says`;
    case 'no-workbook':
      return 'no xl/workbook.xml';
    case 'no-worksheet':
      return 'no worksheet';
    case 'shared-string':
      return `cell ${p.cell} refers to text number ${p.index}, which the workbook does not have`;
    case 'sheet-missing':
      return `the sheet "${p.sheet}" (${p.part}) is missing`;
    case 'cell-ref':
      return `the sheet "${p.sheet}" has a cell at ${p.ref}, which no worksheet has (columns A to XFD, rows 1 to 1,048,576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'row-ref':
      return `the sheet "${p.sheet}" has a row numbered ${p.ref}, which no worksheet has (rows 1 to 1,048,576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'merge-ref':
      return `the sheet "${p.sheet}" merges ${p.ref}, which is no range of a worksheet (columns A to XFD, rows 1 to 1,048,576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'col-ref':
      return `the sheet "${p.sheet}" hides columns ${p.ref}, which no worksheet has (columns 1 to 16,384); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'cell-row':
      return `the sheet "${p.sheet}" has a cell ${p.ref} in row ${p.row.toLocaleString('en-US')} (programs differ in which of the two rows they put it in); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'ole':
      return {
        header: `its Office 97–2003 container has no valid header (the file is damaged, or not ${office === 'Word' ? 'a Word' : 'an Excel'} file)`,
        sector: 'its Office 97–2003 container points past the end of the file (the file is cut short or damaged)',
        loop: 'its Office 97–2003 container has a chain of sectors that loops (damaged or hostile)',
        directory: 'the directory of its Office 97–2003 container is damaged',
        size: 'a stream of its Office 97–2003 container is longer than the sectors that hold it (the file is cut short or damaged)',
      }[p.fault];
    case 'biff-version':
      return `it is an Excel 5.0/95 or older workbook (${p.version}), which povcheck does not read: open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)"`;
    case 'biff-record':
      return `a record at byte ${p.at.toLocaleString('en-US')} of its Workbook stream runs past the stream's end (the file is cut short or damaged)`;
    case 'biff-sheet':
      return `the sheet "${p.sheet}" does not start where the workbook says (the file is damaged)`;
    case 'doc-structure':
      return `its ${WORD97_STRUCTURE_EN[p.structure]} points outside the file or cannot be read (the file is cut short or damaged); open the original in Word and save it again`;
    case 'doc-version':
      return `it is a ${p.version} document or older, which povcheck does not read: open it in Word or LibreOffice Writer and save it as "Word Document (.docx)"`;
  }
}

function configProblem(p: ConfigProblem): string {
  const at = p.pointer === '' ? 'the top level' : p.pointer;
  switch (p.kind) {
    case 'enum':
      return `${at} must be one of ${p.allowed.join(', ')}`;
    case 'type':
      return `${at} must be ${{ object: 'an object', array: 'a list', string: 'a text', boolean: 'true or false', integer: 'a whole number', number: 'a number' }[p.type] ?? p.type}`;
    case 'unknown-key':
      return `${at} has an unknown key "${p.key}"`;
    case 'required':
      return `${at} lacks "${p.key}"`;
    case 'pattern':
      return `${at} is not in the expected form (${p.pattern})`;
    case 'other':
      return `${at}: ${p.detail}`;
  }
}

/** How far a missed target is, in households leaving poverty. */
function targetGap(p: MessageParams['target.missed'], f: Fmt): string {
  const g = p.gap;
  const what = indName(p.indicator, f);
  switch (g.kind) {
    case 'more':
      return `At least ${f.n(g.more)} more poor ${g.more === '1' ? 'household' : 'households'} would have to leave poverty (net): ${f.n(g.minimum)} at least, the table has ${f.n(g.exits)}.`;
    case 'fewer':
      return `The table's ${f.n(g.exits)} poor households leaving poverty are ${f.n(g.fewer)} more than the most that meet it (${f.n(g.maximum)}).`;
    case 'unreachable':
      return g.direction === 'more'
        ? `No number of households leaving poverty meets it: even if all ${f.n(g.poor)} poor households left poverty, the ${what} would be ${val(p.indicator, g.best, f)}.`
        : `No number of households leaving poverty meets it: even with none, the ${what} would be ${val(p.indicator, g.best, f)}.`;
    case 'not-exact':
      return `No number of households leaving poverty gives exactly this value: ${f.n(g.exits)} give ${val(p.indicator, g.value, f)}, one more gives ${val(p.indicator, g.nextValue, f)}.`;
    case 'counts-meet':
      return `The table's counts meet it (${f.n(g.exits)} poor households leaving poverty); the printed value disagrees with them (see the rate and rate-change findings).`;
    case 'zero-households':
      return 'No gap in households can be given: the households at the start or the end of the year are 0.';
    case 'not-exits':
      return `Households leaving poverty do not change the ${what}, so no gap in households is given.`;
    case 'no-counts':
      return 'No gap in households can be given: the table lacks usable households at the start and end, poor households at the start, or poor households reduced.';
  }
}

const CONTINUITY_NAME = {
  households_start: 'households at the start of the year',
  poor_start: 'poor households at the start of the year',
  households_end: 'households at the end of the year',
  poor_end: 'poor households at the end of the year',
} as const;

function continuityMismatch(p: MessageParams['continuity.mismatch'], f: Fmt): string {
  const end = p.indicator === 'households_start' ? 'households_end' : 'poor_end';
  const diff = `(difference ${f.n(signed(p.diff))})`;
  const head = `${p.unit}: ${CONTINUITY_NAME[p.indicator]} are ${f.n(p.actual)} here (${cellPlace(p.cell)}), but`;
  const tail = 'a year starts with the households and poor households the year before ended with.';
  if (p.previous.length === 1) {
    const q = p.previous[0]!;
    const who = q.unit === p.unit ? '' : ` for ${q.unit}`;
    return `${head} ${p.previousFile} gives ${f.n(q.value)} ${CONTINUITY_NAME[end]}${who} (${cellPlace(q.cell)}) ${diff}; ${tail}`;
  }
  const parts = f.list(p.previous.map((q) => `${q.unit} (${cellPlace(q.cell)}: ${f.n(q.value)})`));
  return `${head} in ${p.previousFile} ${parts}, merged into it by the units map, add up to ${f.n(p.expected)} ${CONTINUITY_NAME[end]} ${diff}; ${tail}`;
}

const renamed = 'If it was merged or renamed, say so with --units-map (or unitAliases in povcheck.config.json).';

/** What a binary side file is, for SIDE_FILE_BINARY. */
const SIDE_KIND_EN: Record<ErrorParams['FILE_BINARY']['kind'], string> = {
  zip: 'a ZIP archive (an Excel workbook or a Word document)',
  'not-zip': 'binary data',
  'docx-damaged': 'a ZIP archive',
  ods: 'an OpenDocument spreadsheet',
  xlsb: 'a binary Excel workbook',
  docx: 'a Word document',
  odt: 'an OpenDocument text document',
  rtf: 'an RTF document',
  doc: 'a Word 97–2003 document',
  encrypted: 'a password-protected Office file',
  'encrypted-doc': 'a password-protected Word document',
  ole: 'a legacy Office file (.xls, .doc)',
  pdf: 'a PDF document',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gzip: 'gzip-compressed data',
  binary: 'binary data',
};

let built: Catalog | undefined;

/** The English catalogue, built at its first use (index.ts `catalog`): a run whose messages are all in Vietnamese never builds it. */
export function en(): Catalog {
  return (built ??= {
    ...enRelations,
    'sum.mismatch': (p, f) =>
      `${f.ind(p.indicator)}: ${p.count === 1 ? 'the one unit under it holds' : `the ${p.count} units add up to`} ${f.n(p.parts)}, but ${p.total} shows ${f.n(p.actual)} (difference ${f.n(signed(p.diff))}).`,
    'sum.exceeds': (p, f) =>
      `${f.ind(p.indicator)}: ${p.count === 1 ? `the unit named under it (${p.part}) holds` : `the ${p.count} units listed add up to`} ${f.n(p.parts)}, more than ${p.total} shows, ${f.n(p.actual)} (by ${f.n(p.diff)}). The table lists only some of ${p.total}'s units, so they may add up to less, never to more.`,
    'sum.total-assumed': (p) =>
      `No column or row is labelled as the total (Toàn tỉnh, Tổng, Tổng cộng, Cộng, Total); "${p.unit}" is taken as the total for the sum checks.`,
    'sum.total-by-sums': (p, f) =>
      `No column or row is labelled as the total (Toàn tỉnh, Tổng, Tổng cộng, Cộng, Total); "${p.unit}" is taken as the total, as its figures are the sums of the other ${k(p.count)} units' in ${k(p.indicators.length)} indicators (${p.indicators.map((i) => f.ind(i)).join('; ')}).`,
    'flow.mismatch': (p, f) =>
      `${p.unit}: poor households at the end should be ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`,
    'rate.mismatch': (p, f) => {
      const denom = p.indicator === 'rate_end' ? 'END-of-year households' : 'start-of-year households';
      let s = `${p.unit}: the ${lower(f.ind(p.indicator))} should be ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (over the ${denom}, rounded half-up to ${p.decimals === 1 ? '1 decimal, as the table prints its rates' : '2 decimals'}), but the table shows ${f.n(p.actual)}.`;
      if (p.startDenominator) s += ` ${f.n(p.actual)} is poor households at the end over the START-of-year households.`;
      return s;
    },
    'rate-change.mismatch': (p, f) => {
      const src = p.computed ? ' (rates computed from the counts, as the table prints none)' : '';
      const what = p.rate && p.from && p.to ? `the fall of the ${lower(f.ind(p.rate))} from ${p.from} to ${p.to}` : p.indicator ? lower(f.ind(p.indicator)) : 'the reduction';
      const rounded = p.difference ? `${f.n(p.difference)} → ${f.n(p.expected)} points (rounded half-up to the ${p.decimals} ${p.decimals === 1 ? 'decimal' : 'decimals'} printed)` : `${f.n(p.expected)} points`;
      let s = `${p.unit}: ${what} should be ${f.n(p.start)} − ${f.term(p.end)} = ${rounded}${src}, but the table shows ${f.n(p.actual)}.`;
      if (p.unrounded) s += ` ${f.n(p.actual)} is the unrounded difference (${f.n(p.unrounded)}…) rounded; the annex convention subtracts the two printed two-decimal rates.`;
      if (p.share) s += ` ${f.n(p.actual)} is the reduced households as a share of the start-of-year households, not the fall of the rate.`;
      return s;
    },
    'rate-change.convention': (p, f) =>
      `${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.term(p.end)} (the difference of the printed rates); the unrounded difference ${f.n(p.unrounded)}… would round to ${f.n(p.rounded)}. This is the annex's convention, not an error.`,
    'denominator.mixed': (p, f) =>
      `${p.unit}: the start rate is over ${f.n(p.h0)} households and the end rate over ${f.n(p.h1)} (${f.n(signed(p.change))}), so the two rates have different denominators. ` +
      (splitCase(p) === 'fell-grew'
        ? `The rate fell ${f.n(p.points)} points, but the ${f.n(p.reduced)} households reduced${fromCountsEn(p)} are only ${f.n(p.share)} % of the start-of-year households; ` +
          (roundsToZero(p.growth) ? `the change in the number of households alone accounts for less than ${f.n('0.01')} points of the fall.` : `the change in the number of households alone accounts for about ${f.n(p.growth)} points of the fall.`)
        : `${splitEn(p, f, 'The rate')}.`),
    'denominator.total': (p, f) =>
      `${p.unit}: households changed from ${f.n(p.h0)} at the start of the year to ${f.n(p.h1)} at the end (${f.n(signed(p.change))}), so the start and end rates have different denominators. ` +
      (splitCase(p) === 'fell-grew'
        ? `The total's rate fell ${f.n(p.points)} points, but its poor households fell by ${f.n(p.reduced)} ${netEn(p)}, only ${f.n(p.share)} % of the start-of-year households: ` +
          `${roundsToZero(p.growth) ? `less than ${f.n('0.01')}` : `about ${f.n(p.growth)}`} points of the fall come from the change in the number of households alone. Read the reduction as the fall of the rate, not as the net fall in poor households over the households; each unit's own split is given as information.`
        : `${splitEn(p, f, "The total's rate")}. Read the ${p.points.startsWith('-') ? 'rise' : 'reduction'} as the change of the rate, not as the net change in poor households over the households; each unit's own split is given as information.`),
    'denominator.direction': (p, f) => {
      const rose = p.points.startsWith('-');
      return (
        `${p.unit}: the rate ${rose ? 'rose' : 'fell'} ${f.n(unsigned(p.points))} points although poor households ${p.reduced.startsWith('-') ? `grew by ${f.n(unsigned(p.reduced))}` : p.reduced === '0' ? 'did not change' : `fell by ${f.n(p.reduced)}`}${fromCountsEn(p)}: ` +
        `the direction comes from the number of households alone (${f.n(p.h0)} at the start, ${f.n(p.h1)} at the end, ${f.n(signed(p.change))}), the two rates having different denominators.`
      );
    },
    'denominator.decides-target': (p, f) =>
      `${p.unit}: target ${enCalc.target(p, f)} is met (${val(p.indicator, p.actual, f)}) only because households changed from ${f.n(p.h0)} to ${f.n(p.h1)}: ` +
      `over the start-of-year households it would be ${val(p.indicator, p.constant, f)}${p.from !== undefined && p.to !== undefined ? ` (${f.n(p.from)} % − ${f.term(p.to)} %, the end rate over the ${f.n(p.h0)} start-of-year households)` : ''}, and missed (the net fall of ${f.n(p.reduced)} poor households${p.derived ? `, ${FROM_COUNTS},` : ''} is ${f.n(p.share)} % of the start-of-year households).`,
    'denominator.summary': (p, f) =>
      `${p.count} units under ${p.parent} have their start and end rates over different numbers of households, so their falls in the rate are not their net falls in poor households over the households. ` +
      `The change in the number of households alone accounts for as much as ${f.n(p.growth)} points of a fall, in ${p.unit} (the rate fell ${f.n(p.points)} points, but the ${f.n(p.reduced)} households reduced${fromCountsEn(p)} are ${f.n(p.share)} % of its start-of-year households).`,
    'rate-change.convention-summary': (p, f) =>
      `${p.count} units under ${p.parent} print as the reduction the difference of their two printed rates where the unrounded difference would round to another value; this is the annex's convention, not an error. ` +
      `For example ${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.term(p.end)}, while the unrounded difference ${f.n(p.unrounded)}… would round to ${f.n(p.rounded)}.`,
    'range.negative': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} is negative (${f.n(p.actual)}); a number of households cannot be below 0.`,
    'range.fraction': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} is ${f.n(p.actual)}; a number of households must be a whole number.`,
    'range.exceeds': (p, f) =>
      `${p.unit}: ${lower(f.ind(p.part))} (${f.n(p.partValue)}) is larger than ${lower(f.ind(p.whole))} (${f.n(p.wholeValue)}).`,
    'range.reduced-negative': (p, f) =>
      p.indicator
        ? `${p.unit}: ${lower(f.ind(p.indicator))} is negative (${f.n(p.actual)}), i.e. the number grew during the year; check the sign.`
        : `${p.unit}: poor households reduced is negative (${f.n(p.actual)}), i.e. the number of poor households grew; check the sign.`,
    'range.rate': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} = ${f.n(p.actual)} is outside ${f.n(p.min)}–${f.n(p.max)}.`,
    'number.text': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is not a number.`,
    'number.digits': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" has more than ${p.max} digits, more than any figure of a table has; it is not read as a number.`,
    'number.spreadsheet-error': (p, f) =>
      `${p.unit}, ${lower(f.ind(p.indicator))}: the cell shows the spreadsheet error ${p.text}${p.formula !== undefined ? ` of =${p.formula}` : ''} (${SPREADSHEET_ERROR_EN[p.kind]}), not a figure; correct the formula or type the figure.`,
    'number.note-mark': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is read as ${f.n(p.value)}; the "${p.mark}" after it is taken as a note mark (the sign of a footnote), not part of the figure.`,
    'number.approximate': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is an approximate figure, not a number, so nothing that needs it is checked.`,
    'number.bound': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is a bound (above or below a figure), not a figure, so nothing that needs it is checked.`,
    'number.range': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is a range, not one figure, so nothing that needs it is checked.`,
    'number.note': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: the cell holds a note, not a figure ("${p.text}"), so nothing that needs it is checked.`,
    'number.grouping': (p, f) =>
      `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is not a well-formed number in ${p.locale === 'vi' ? 'Vietnamese format ("." groups three digits, "," is the decimal mark)' : 'English format ("," groups three digits, "." is the decimal mark)'}${p.restored !== undefined ? `; probably ${p.restored}, its last zeros dropped (see the warning on such counts)` : ''}.`,
    'number.zeros-dropped': (p) =>
      `${p.count} counts of households lost the zeros of their last group of three digits (${p.cell} shows ${p.text}, probably typed ${p.restored}): the table was probably opened in a spreadsheet whose number settings read its thousands separator as a decimal mark, then saved again, which dropped the zeros after it. Open the original file again with number settings that match it, or correct those cells.`,
    'number.thousands-as-decimals': (p, f) =>
      `${p.count} counts of households in this workbook are stored as fractions (${p.cell} holds ${f.n(p.value)}): probably a Vietnamese table opened or imported with English number settings, which read the thousands separator "." as a decimal point (39.880 became 39.88). Import the CSV again with "." as the thousands separator (Vietnamese settings), or correct those cells.`,
    'number.locale-given': (p) =>
      `--locale ${p.given} was given, but the ${p.kinds === 'rate' ? 'rates' : p.kinds === 'count' ? 'counts' : 'numbers'} in this file read as ${p.read === 'vi' ? 'Vietnamese format ("." groups three digits, "," is the decimal mark)' : 'English format ("," groups three digits, "." is the decimal mark)'}, as ${p.cell} does; if the errors come from reading the numbers that way, leave --locale out.`,
    'number.mixed-format': (p) =>
      p.locale === 'vi'
        ? `This file writes its counts in Vietnamese format ("." groups three digits, as in ${p.countCell}) but its rates in English format ("." is the decimal mark, as in ${p.rateCell}); each cell reads one way only, and povcheck reads it that way.`
        : `This file writes its counts in English format ("," groups three digits, as in ${p.countCell}) but its rates in Vietnamese format ("," is the decimal mark, as in ${p.rateCell}); each cell reads one way only, and povcheck reads it that way.`,
    'number.other-locale': (p, f) =>
      p.kinds
        ? `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is written in ${p.locale === 'vi' ? 'English' : 'Vietnamese'} format, but this file writes its ${p.kinds === 'rate' ? 'rates' : 'counts'} in ${p.locale === 'vi' ? 'Vietnamese' : 'English'} format (as in ${p.witness}).`
        : `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is written in ${p.locale === 'vi' ? 'English' : 'Vietnamese'} format, but this file uses ${p.locale === 'vi' ? 'Vietnamese' : 'English'} format (as in ${p.witness}); use --locale if that is wrong.`,
    'number.not-applicable': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" marks no figure (not applicable or not published), as statistical tables write it; the checks over this cell do not run.`,
    'number.dash': (p, f) =>
      `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is read as 0 (none), as statistical tables write it${p.more ? `; so ${p.more === 1 ? 'is 1 other cell' : `are ${k(p.more)} other cells`} (${p.others!.join(', ')}${p.more > p.others!.length ? ', …' : ''})` : ''}.`,
    'missing.value': (p, f) => `${p.unit}: no value for ${lower(f.ind(p.indicator))}.`,
    'missing.formula': (p, f) =>
      `${p.unit}, ${lower(f.ind(p.indicator))}: the cell holds the formula =${p.formula} but the file stores no result for it (it was never recalculated); open the file in Excel or LibreOffice and save it again.`,
    'missing.indicator': (p, f) =>
      `The table has no "${f.ind(p.indicator)}", so nothing that needs it is checked${
        p.ran ? missingChecksClause(p.rules, p.ran, (c) => `${c} ran on the other figures only`, (c) => `${c} did not run`) : ` (${p.rules.join(', ')})`
      }.`,
    'missing.total-only': (p, f) =>
      `${f.ind(p.indicator)}: only ${p.total} has a value; the cells of the other ${k(p.units)} units are blank (the table gives it for the total only), so nothing that needs it per unit is checked.`,
    'missing.total-only-several': (p, f) =>
      `${k(p.indicators.length)} indicators are given for ${p.total} only (${p.indicators.map((i) => f.ind(i)).join('; ')}): the cells of the other ${k(p.units)} units are blank in each, so nothing that needs them per unit is checked.`,
    'missing.sparse': (p, f) =>
      `${f.ind(p.indicator)}: only ${k(p.given)} of the ${k(p.units)} units ${p.given === 1 ? 'has' : 'have'} a value; the other cells are blank (the table gives it for some units only), so nothing that needs it there is checked.`,
    'missing.sparse-several': (p, f) =>
      `${k(p.indicators.length)} indicators are given for only ${k(p.given)} of the ${k(p.units)} units (${p.indicators.map((i) => f.ind(i)).join('; ')}): their other cells are blank (the table gives them for some units only), so nothing that needs them there is checked.`,
    'missing.blank-indicator': (p, f) => `${f.ind(p.indicator)}: blank for all ${k(p.units)} units, so nothing that needs it is checked.`,
    'missing.unit-name': (p) => `Row ${p.row} has values but no unit name.`,
    'duplicate.indicator': (p, f) => `"${f.ind(p.indicator)}" appears twice (first at ${p.first}); this one is ignored.`,
    'duplicate.group': (p, f) =>
      p.since
        ? `"${p.text}" is ${lower(f.ind(p.indicator))} against ${p.since}, where ${p.first} is against another time; povcheck reads one such column per indicator: it is not checked.`
        : `"${p.text}" also reads as ${lower(f.ind(p.indicator))} (as ${p.first} does); probably a group of them, which povcheck does not tell apart: it is not checked.`,
    'duplicate.unit': (p) =>
      `Unit "${p.unit}" appears twice (first at ${p.first})` +
      (p.leftOut
        ? `; the row "${p.total}" leaves this row out: ${p.leftOut.length === 1 ? `its failing sum at ${p.leftOut[0]} is` : `each of its failing sums (${p.leftOut.join(', ')}) is`} short by exactly this row's figure. If it is the same unit typed twice, delete this row; if it is another unit under a wrong name, correct the name and add the row to "${p.total}".`
        : p.counted
          ? `; the row "${p.counted}" counts both rows: if they are two units, one row is misnamed (correct its name); if the table lists this unit twice on purpose (by area, by year …), the two rows should say so.`
          : '.'),
    'duplicate.year': (p) => `The year ${p.year} appears twice (first at ${p.first}); this row is not read, so nothing in it is checked.`,
    'duplicate.code': (p) => `Code "${p.code}" of "${p.unit}" is also the code of "${p.first}".`,
    'hierarchy.unknown-parent': (p) => `"${p.unit}": no unit has the parent code "${p.parent}"; this unit is not added up anywhere.`,
    'hierarchy.cycle': (p) =>
      `"${p.unit}" is in a loop of parents (${p.codes.join(' → ')}${p.count > p.codes.length ? ` → …; ${p.count.toLocaleString('en-US')} units in all` : ''}); the units in the loop are not added up anywhere.`,
    'hierarchy.orphan': (p) => `"${p.unit}" has no parent and is not the total; its values are not added up anywhere.`,
    'unknown.row': (p) => enNoIndicator('row', p),
    'unknown.unlabelled-row': (p) => `Row ${p.row} has values but no indicator label; it is not checked.`,
    'unknown.empty-rows': (p, f) =>
      `Rows ${p.rows.every((r, i) => r === p.rows[0]! + i) ? `${p.rows[0]}–${p.rows[p.rows.length - 1]}` : f.list(p.rows.map(String))} (${firstThree(p.texts, (n) => ` and ${k(n)} more`)}) have ${p.note !== undefined ? `a note only ("${p.note}")` : 'no values'}${p.note !== undefined ? ', no values' : ''}; they are not checked.`,
    'unknown.another-table': (p) => `Another table starts in row ${p.row} ("${p.text}"): the table read ends above it, and it is not read; put it on a sheet of its own to check it.`,
    'unknown.empty-row': (p) => (p.note ? `Row ${p.row} ("${p.text}") has a note only ("${p.note}"), no values; it is not checked.` : `Row ${p.row} ("${p.text}") has no values; it is not checked.`),
    'unknown.column': (p) => enNoIndicator('column', p),
    'unknown.unlabelled-column': (p) => `Column ${p.col} has content but no header; it is not checked.`,
    'unknown.header-joined': (p) =>
      `Row ${p.row} has ${p.fields} cells, more than every row below (${p.width}): ${p.joined.length === 1 ? nameSplitEn(p.delimiter, 'a name', 'holds') : nameSplitEn(p.delimiter, `${p.joined.length} names`, 'hold')}. ` +
      `${restsReadEn(p.joined, 'name')}; the names after it move one column left, over their figures. ${unsplitEn(p.delimiter, 'name', false)}`,
    'unknown.label-joined': (p) =>
      `Row ${p.row} has ${p.fields} cells, more than the table's other rows (${p.width}): ${nameSplitEn(p.delimiter, 'its label', 'holds')}. ` +
      `${restsReadEn(p.joined, 'label')}; the row's figures move one column left, under their units. ${unsplitEn(p.delimiter, 'label', true)}`,
    'unknown.name-joined': (p) =>
      `${p.count === 1 ? `Row ${p.rows[0]} has` : `${p.count} rows (${p.rows.join(', ')}${p.count > p.rows.length ? ', …' : ''}) have`} more cells than the header (${p.width}): ${nameSplitEn(p.delimiter, 'a unit name', 'holds')}. ` +
      `${restsReadEn(p.joined, 'name')}${p.count > quotedRows(p.joined) ? '; …' : ''}; the figures of ${p.count === 1 ? 'the row' : 'each such row'} move left, under their indicators. ${unsplitEn(p.delimiter, 'name', true)}`,
    'unknown.header-longer': (p) =>
      `Row ${p.row} has ${p.fields} cells, more than every row below (${p.width}): ${p.cells.length === 1 ? `cell ${p.cells[0]} has no figures under it` : `cells ${p.cells.join(', ')} have no figures under them`}. If a name in this row ${p.delimiter === '' ? 'was split over two cells' : `holds a ${delimiterEn(p.delimiter)} outside quotes`}, the names after it stand one column off their figures, and the errors of those columns may come from that alone; check the header row.`,
    'split-table.continued': (p) =>
      `Table ${p.table} continues Table ${p.continues}: it follows it directly (nothing but empty paragraphs or a page break between) with as many columns and ${p.header === 'repeated' ? 'its header typed again (not read twice)' : 'no header row of its own'}, so the two are checked as one table, with the units named in Table ${p.continues}'s header.`,
    'unknown.document-table': (p) => `Table ${p.table} looks like a poverty table but cannot be read as one: ${(en().errors[p.error.code] as (x: unknown) => string)(p.error.params)}; it is not checked.`,
    ...enDocumentMessages,
    'target.met': (p, f) =>
      `${p.unit}: target ${enCalc.target(p, f)} met: ${val(p.indicator, p.actual, f)}${p.computed ? ' (computed from the counts; the table does not print it)' : ''}.`,
    'target.missed': (p, f) =>
      `${p.unit}: target ${enCalc.target(p, f)} missed: ${p.computed ? 'computed from the counts (the table does not print it), it is' : 'the table shows'} ${val(p.indicator, p.actual, f)}. ${targetGap(p, f)}`,
    'continuity.mismatch': continuityMismatch,
    'continuity.appeared': (p) => `${p.unit} is not in ${p.previousFile} (the year before), so its start of year is not compared. ${renamed}`,
    'continuity.disappeared': (p) =>
      `${p.unit} (${p.previousFile}${p.cell ? `, ${cellPlace(p.cell)}` : ''}) is not in this file, so its end of year is not carried over. ${renamed}`,
    'continuity.map-partial': (p, f) =>
      `The units map merges ${f.list(p.from)} into ${p.unit}, but ${p.previousFile} has no ${f.list(p.missing)}: ${p.unit} is not compared.`,
    'continuity.map-ambiguous': (p, f) =>
      `The units map names ${p.unit}, but ${p.file} has ${p.parents.length} units of that name (under ${f.list(p.parents)}): write it with its parent, as "${p.parents[0]} / ${p.unit}", to say which; the entry is not applied.`,
    'continuity.summary': (p) =>
      `Compared with ${p.previousFile}: ${p.matched} of ${p.compared} ${p.compared === 1 ? 'unit starts' : 'units start'} the year where ${p.compared === 1 ? 'it' : 'they'} ended the year before (households and poor households)${p.merged > 0 ? `; ${p.merged} merged from older units by the units map` : ''}.`,
    'skip.bad-value': (p, f) => `${f.list(p.cells)} ${p.blank ? (p.cells.length === 1 ? 'is blank' : 'are blank') : 'not usable'}`,
    'skip.absent': (p, f) => `the table has no ${f.list(p.indicators.map((i) => lower(f.ind(i))))}`,
    'skip.not-recomputed': (p, f) => `${f.list(p.rates.map((i) => lower(f.ind(i))))} not recomputed: the table has no ${f.list(p.absent.map((i) => lower(f.ind(i))))}`,
    'skip.base-year': (p, f) => `${f.list([p.indicator, ...(p.also ?? [])].map((i) => lower(f.ind(i))))} ${p.also?.length ? 'are' : 'is'} measured against ${p.year}, which the table does not print`,
    'skip.several': (p, f) => p.reasons.map((r) => (built![r.id] as (q: unknown, g: Fmt) => string)(r.params, f)).join('; '),
    'skip.no-units': () => 'the table has no units (no row or column of figures for a unit)',
    'skip.partial-list': (p) =>
      (p.of !== undefined ? `the list names only ${p.listed} of the ${p.of} provinces (to ${p.cell}): an excerpt, not every unit` : p.empty ? `the list names units without their figures (${p.cell} "${p.text}", …)` : `the list of units ends with a row of dots (${p.cell}): not every unit is listed`) +
      (p.bounded ? EN_BOUNDED : ''),
    'skip.one-part': (p) => `the table names one unit under it (${p.part}): a part of it or a row printed for comparison, not its whole list${p.bounded ? EN_BOUNDED : ''}`,
    'skip.no-total': (p) =>
      p.total !== undefined ? `${p.total} is the total, but the table lists no units under it to add up` : "no unit is the total (none is named as one: Toàn tỉnh, Toàn huyện, Tổng cộng, Cộng, Cả nước, Total …); name it with --total, or add its name to the configuration's totalNames",
    'skip.nothing': () => 'no unit has the values it needs',
    'skip.reference-undated': (p) => `the text's ${p.citations} ${p.citations === 1 ? 'citation carries' : 'citations carry'} no date, and no document is cited twice with its issuer: nothing to compare`,
    'skip.document-part': (p) => ({ claims: 'the text states no figure of the table in the phrasing povcheck reads', money: 'the text and its tables state no total of money with its parts', references: 'the text cites no document by number' })[p.part],
    'skip.target-unit': (p) => `the table has no unit "${p.unit}"`,
    'skip.series': (p, f) =>
      p.reason === 'value'
        ? `${p.file}: ${f.list(p.cells)} not usable`
        : p.reason === 'absent'
          ? `${p.file} has no ${f.list(p.indicators.map((i) => lower(f.ind(i))))}`
          : `${p.file} could not be read`,
    ui: {
      pointsUnit: 'points',
      // Without commas: sentences list them (`no poverty rate at start of year and poverty rate at end of year`).
      indicatorLabels: {
        households_start: 'Total households at start of year',
        households_end: 'Total households at end of year',
        poor_start: 'Poor households at start of year',
        poor_reduced: 'Poor households reduced during the year',
        poor_end: 'Poor households at end of year',
        rate_start: 'Poverty rate at start of year',
        rate_reduced: 'Poverty rate reduction (points)',
        rate_end: 'Poverty rate at end of year',
      },
      tableLabels: {
        households_start: 'Total households, start of year',
        households_end: 'Total households, end of year',
        poor_start: 'Poor households, start of year',
        poor_reduced: 'Poor households reduced during the year',
        poor_end: 'Poor households, end of year',
        rate_start: '- Start of year',
        rate_reduced: '- Reduction during the year',
        rate_end: '- End of year',
      },
      rateHeading: 'Poverty rate',
      groups: { households: 'Total households', poor: 'Poor households', rate: 'Poverty rate (%)' },
      phases: {
        households_start: 'Start of year',
        households_end: 'End of year',
        poor_start: 'Start of year',
        poor_reduced: 'Reduced during the year',
        poor_end: 'End of year',
        rate_start: 'Start of year',
        rate_reduced: 'Reduction (points)',
        rate_end: 'End of year',
      },
      measure: { households: 'Households', percent: '%' },
      sttHeader: 'No.',
      yearHeader: 'Year',
      labelHeader: 'Indicator',
      measureHeader: 'Unit',
      unitHeader: 'Unit',
      severity: { error: 'error', warning: 'warning', info: 'info' },
      severityPlural: { error: 'Errors', warning: 'Warnings', info: 'Information' },
      verdictOk: (file) => `✔ ${file}: no errors`,
      verdictInvalid: (file) => `✖ ${file}: errors found`,
      verdictUnreadable: (file, reason, option) => `✖ ${file}: ${option ? 'cannot be checked as asked' : 'cannot be read'} (${reason})`,
      verdictUnchecked: (file, errors) => (errors ? `⚠ ${file}: no consistency check could run` : `⚠ ${file}: nothing could be checked`),
      checksRan: (ran, total, gaps) => `${ran} of ${total} ${total === 1 ? 'check' : 'checks'} ran${gaps > 0 ? `, except in ${k(gaps)} ${gaps === 1 ? 'place' : 'places'}` : ''}`,
      checksLine: (ran, total, notRun, unchecked, gaps, listedBelow) => {
        const see = ' (see “Not checked”)';
        const once = listedBelow && notRun.length > 0;
        const head = ran.length === 0 ? 'none could run' : unchecked ? `none of the consistency checks could run (only ${ran.join(', ')} ran)` : `${ran.length} of ${total} ran (${ran.join(', ')})`;
        const left = gaps > 0 ? `, except in ${k(gaps)} ${gaps === 1 ? 'place' : 'places'}${once ? '' : see}` : '';
        const not = notRun.length === 0 ? '' : once ? `; not run: ${notRun.flatMap((g) => g.checks).join(', ')}${see}` : `; not run: ${notRun.map((g) => `${g.checks.join(', ')}, because ${g.reason}`).join('; ')}`;
        return `Checks: ${head}${left}${not}`;
      },
      // The first three: a plan's annex may have a dozen rows povcheck does not read (each is a warning below).
      notUnderstood: (labels) => `not understood: ${firstThree(labels, (n) => ` and ${n} more`)}`,
      readNotChecked: (labels) => `read, not checked: ${firstThree(labels, (n) => ` and ${n} more`)}`,
      inYears: (years) => yearsSpan(years, 'and'),
      notCompared: (indicators) => `read, but checked against no other figure: ${namesCut(indicators, (n) => ` and ${n} more`, 'and')}`,
      labelsHint: (entries) =>
        `To have them read, name each one's indicator in povcheck.config.json: "labels": { ${entries.map((e) => `"${e.keys.length === 1 ? e.keys[0] : `<${e.keys.length > 1 ? e.keys.join(' or ') : 'indicator key'}>`}": ["${e.text}"]`).join(', ')} } (keys: docs/input.md; format: docs/configuration.md).`,
      counts: (e, w, i) => `${k(e)} ${e === 1 ? 'error' : 'errors'}, ${k(w)} ${w === 1 ? 'warning' : 'warnings'}, ${k(i)} info`,
      readAs: (source, layout, numbers) =>
        `Read as: ${source}; ${layout} layout${numbers === 'none' ? '' : numbers === 'numeric-cells' ? '; figures stored as numbers (not text)' : `; numbers in ${numbers.locale}`}`,
      localeGivenAgainst: (read, cell) => ` as --locale says, but the numbers in the file read as ${read}, as ${cell} does`,
      source: (s) =>
        s.kind === 'delimited'
          ? `${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3', vni: 'VNI' }[s.encoding]} text${s.encoding === 'windows-1258' ? ' (the code page of a Vietnamese Windows, in which Excel saves a plain "CSV")' : ''}, ${delimiterEn(s.delimiter)}-delimited${s.sheetNotApplied !== undefined ? ` (--sheet "${s.sheetNotApplied}" does not apply: a text file holds one table, read whole)` : ''}` // (a TAB arrives as ␉: visible.ts)
          : s.kind === 'workbook'
            ? `${s.format === 'html' ? webPageTableEn(s) : `${s.format === 'ods' || s.format === 'fods' ? `OpenDocument spreadsheet (.${s.format})` : s.format === 'xls' ? 'Excel 97–2003 workbook (.xls)' : s.format === 'xml2003' ? 'Excel 2003 XML Spreadsheet' : `${s.format} workbook`}, sheet "${s.sheet}"`}${s.passedOver?.length && s.format !== 'html' ? ` (${s.passedOver.map((x) => `"${x}"`).join(', ')} before it ${s.passedOver.length === 1 ? 'holds' : 'hold'} no table)` : ''}${s.hidden ? `; ${enCalc.hiddenNotRead(s.hidden)}` : ''}${s.others && s.format !== 'html' ? `; ${enCalc.otherSheets(s.others)}` : ''}${s.legacyFont ? `; text typed in a ${s.legacyFont === 'tcvn3' ? 'TCVN3 font (.VnTime)' : 'VNI font (VNI-Times)'} read as Unicode (--encoding ${s.legacyFont})` : ''}`
            : enDocument.source(s),
      layoutName: { wide: 'wide (one row per indicator)', long: 'long (one row per unit)', none: 'no poverty table' },
      // The marks in words, not a figure: an example number here was read as one of the file's own.
      localeName: {
        vi: 'Vietnamese format ("." groups three digits, "," is the decimal mark)',
        en: 'English format ("," groups three digits, "." is the decimal mark)',
        plain: 'plain format (no separators)',
        mixedVi: 'mixed format (counts Vietnamese, "." groups three digits; rates English, "." is the decimal mark)',
        mixedEn: 'mixed format (counts English, "," groups three digits; rates Vietnamese, "," is the decimal mark)',
      },
      expectedActual: (e, a) => `expected ${e}, found ${a}`,
      recomputedDueTo: (e, a, cells) => `recomputed ${e}, found ${a}: follows from ${cells.join(' and ')}; this cell needs no change`,
      notChecked: 'Not checked',
      notCheckedHeading: (places, notRun) =>
        `Not checked (${[...(places > 0 ? [`${k(places)} ${places === 1 ? 'place' : 'places'}`] : []), ...(notRun > 0 ? [`${k(notRun)} ${notRun === 1 ? 'check' : 'checks'} not run`] : [])].join('; ')})`,
      moreFindings: (n, rule) => `… and ${k(n)} more ${rule} findings (all of them with --format json)`,
      tableTooWide: (needed, width, file) =>
        `The table is ${needed} characters wide and does not fit the terminal's ${width} columns either way round; povcheck validate "${file}" --format html -o report.html shows it with the cells of its findings marked (--format json for the figures).`,
      tableOmitted: (units) => `The table has ${k(units)} units, too many to print here; use --format json, or povcheck table to see it.`,
      skipLine: (rule, unit, reason) => `${rule}${unit ? ` (${unit})` : ''}: ${reason}`,
      allUnits: 'all units',
      annexTitle: 'The table (cells with findings are marked)',
      tableSheet: (sheet) => `sheet "${sheet}"`,
      legend: '✖ error  ▲ warning  ℹ info',
      legendCause: '◆ likely cause (the cell to correct)',
      columnsNotShown: (cols) => `Not in the table printed (columns povcheck does not read): ${cols.join('; ')}.`,
      summary: (c) =>
        `Total: ${k(c.files)} ${c.files === 1 ? 'file' : 'files'} (${k(c.ok)} without errors, ${k(c.invalid)} with errors, ${c.unchecked > 0 ? `${k(c.unchecked)} not checked, ` : ''}${k(c.unreadable)} unreadable); ${k(c.errors)} ${c.errors === 1 ? 'error' : 'errors'}, ${k(c.warnings)} ${c.warnings === 1 ? 'warning' : 'warnings'}, ${k(c.infos)} info.`,
      passedOver: (paths) =>
        paths.every(isTxt)
          ? `Not checked: ${k(paths.length)} .txt ${paths.length === 1 ? 'file' : 'files'} in the folders that ${paths.length === 1 ? 'does' : 'do'} not look like an Excel text export ("Unicode Text" or "Text (Tab delimited)"): ${namedPaths(paths, (n) => `and ${k(n)} more`)}. Name a file in the command to check it (a table, or a plan's text).`
          : `Not checked: ${k(paths.length)} ${paths.length === 1 ? 'file' : 'files'} in the folders that ${paths.length === 1 ? 'does' : 'do'} not look like a table or a plan (${paths.some(isTxt) ? 'a .txt that is no Excel text export, ' : ''}a web page without a table): ${namedPaths(paths, (n) => `and ${k(n)} more`)}. Name a file in the command to check it.`,
      verdictWord: { ok: 'no errors', invalid: 'errors found', unchecked: 'nothing checked', unreadable: 'unreadable' },
      markdown: {
        title: 'povcheck report',
        fileHeader: { file: 'File', verdict: 'Verdict', errors: 'Errors', warnings: 'Warnings', infos: 'Info' },
        findingHeader: { cell: 'Cell', rule: 'Rule', severity: 'Severity', unit: 'Unit', indicator: 'Indicator', message: 'Message' },
        noFindings: 'No findings.',
        more: (n) => `… and ${k(n)} more findings (see the full report).`,
      },
      wholeTable: 'whole table',
      rulesHeader: { id: 'rule', severity: 'severity', summary: 'checks' },
      rulesFooter: (ids) => `povcheck explain <rule> says what a rule checks, why, and shows an example; it explains the other ids reports name too: ${ids.join(', ')}.`,
      explainHeadings: { checks: 'What it checks', why: 'Why', example: 'Example', severity: 'Default severity', configure: 'Configure', means: 'What it means', where: 'Where reports name it', weight: 'What it does to the run' },
      notARule: 'Not a rule: nothing to turn off or re-level (povcheck rules lists the rules).',
      configuredLevel: (level, source) => `${level} (set in ${source})`,
      off: 'off',
      unreadable: (file, reason) => `povcheck: ${file}: ${reason}`,
      reportWritten: (file) => `povcheck: report written to ${file}`,
      html: {
        title: (files) => `povcheck — validation report: ${files.join(', ')}`,
        heading: 'Poverty-rate table: validation report',
        generatedBy: 'Made by povcheck; every derived number is recomputed with exact decimal arithmetic.',
        filesTitle: 'Files checked',
        fileColumn: 'File',
        verdictColumn: 'Result',
        toFile: (file) => `Go to ${file}`,
        causesTitle: 'Likely causes',
        causeValue: (actual, proposed) => `holds ${actual}; ${proposed} would fit`,
        causeRange: (actual, r, guess, rounding) =>
          `holds ${actual}; ${rangeWords(r.min, r.max)} would fit: ${notPinned(rounding)}${guess !== undefined ? `; ${guess} would fit a slip` : ''}`,
        causeFormula: (formula) => formulaNote(formula).trimStart(),
        causeExplains: (n) => `This would make ${n} failing ${n === 1 ? 'check' : 'checks'} pass.`,
        explainsLabel: 'Explains the findings:',
        confidence: {
          unique: 'The only explanation that changes so few cells (changing more cells could explain it otherwise).',
          ranked: 'One of several explanations, ranked by how much each looks like a typing slip.',
          ambiguous: 'Several equally good explanations: the wrong cell cannot be told.',
        },
        kind: (k) => `Slip: ${HTML_SLIP_EN[k]}`,
        kinds: (items) => `${items.length === 1 ? 'Slip' : 'Slips'}: ${items.map((x) => `${x.ref}, ${HTML_SLIP_EN[x.kind]}`).join('; ')}`,
        annexTitle: 'The table',
        legendTitle: 'Key:',
        legendCause: 'proposed value',
        clickHint: 'Hover over a marked cell to see its finding; click it for details.',
        proposed: (v) => `Likely cause; proposed: ${v}`,
        findingsTitle: 'Findings',
        noFindings: 'No findings.',
        notInTable: 'this cell is not shown in the table above',
        wholeTable: 'whole table',
        toList: 'Show in the list',
        close: 'Close',
        chartTitle: 'Poverty rate at the start and end of the year, by unit',
        chartTitlePoint: 'Poverty rate by unit',
        chartPoint: 'Poverty rate',
        chartStart: 'Start of year',
        chartEnd: 'End of year',
        chartTarget: 'Target',
        chartAxis: 'Poverty rate (%)',
        chartSorted: (p) => `Units sorted by ${p.point ? 'poverty rate' : 'end-of-year rate'}, highest first${p.total ? '; the first row is the total' : ''}.`,
        chartLimited: (p) =>
          `The chart draws only the ${k(p.shown)} ${p.how === 'top-level' ? 'top-level units' : p.how === 'highest' ? 'units with the highest rates' : 'top-level units with the highest rates'} (of the table's ${k(p.of)}); every unit is in the table above.`,
        chartComputed: '* computed from the household counts (the table prints no rate, or it cannot be read)',
        chartNone: 'The table has no poverty rates (or counts) to chart.',
        chartTargetLines: (p) => [
          p.indicator === 'rate_reduced' ? `Target: fall ${OP[p.op]} ${p.value} points` : `Target: end ${OP[p.op]} ${p.value} %`,
          `${p.indicator === 'rate_reduced' ? `→ end ${OP[p.endOp]} ${p.at} %` : ''}${p.met === undefined ? '' : `${p.indicator === 'rate_reduced' ? ': ' : ''}${p.met ? '✔ met' : '✖ not met'}`}`,
        ],
        chartNotDrawn: (t) => `Targets not shown on the chart: ${t.join('; ')}.`,
        chartOmitted: (u, more) => `No rate to draw: ${u.join(', ')}${more > 0 ? ` and ${k(more)} other units` : ''}.`,
      },
    },
    locate: {
      single: (p, f) => {
        const c = p.cell;
        const head = `Likely cause: ${cellName(c, f)} holds ${f.n(c.actual)}${formulaNote(c.formula)}; `;
        if (p.pinned) return `${head}${f.n(c.proposed ?? '')} would make ${allFailing(p.failing)} pass${c.kind ? `; ${SLIP_EN[c.kind]}` : ''}.`;
        const guess = c.proposed !== undefined && c.kind ? `; ${f.n(c.proposed)} would fit a slip: ${SLIP_EN[c.kind]}` : '';
        return `${head}${rangeText(c, f)} would make ${allFailing(p.failing)} pass: ${notPinned(p.rounding)}${guess}.`;
      },
      group: (p, f) =>
        `Likely cause: ${p.cells.length} cells together: ${p.cells.map((c) => item(c, f)).join('; ')}${p.linked ? ' (tied: changing one changes the others)' : ''}; this would make ${allFailing(p.failing)} pass.`,
      several: (p) =>
        `Ambiguous: ${p.count + p.more} different explanations, each changing ${p.size === 1 ? 'one cell' : `${p.size} cells`}, would make ${allFailing(p.failing)} pass; ` +
        (p.confidence === 'ranked' ? 'the first is the likeliest, by the slip named beside each:' : 'ranked by how much each looks like a typing slip:') +
        (p.more > 0 ? ` (the first ${p.count} listed)` : ''),
      option: (p, f) => `${p.rank}. ${p.cells.map((c) => item(c, f)).join('; ')}${p.linked ? ' (tied: changing one changes the others)' : ''}`,
      explains: (items) => `explains: ${items.join(' · ')}`,
      none: (p) =>
        hintEn(p) !== undefined
          ? `No change of one or two cells makes ${allFailing(p.failing)} pass. ${hintEn(p)}`
          : `No change of one or two cells makes ${allFailing(p.failing)} pass: several cells are probably wrong; see the findings below.`,
      independent: (p) =>
        `The ${p.failing} failing consistency checks fall into ${p.count} groups that share no cell${p.sameKind ? `, and in every group ${SLIP_EN[p.sameKind]}: probably one way of computing applied to the whole row or column, not ${p.count} slips` : ''}; the likely cause of each group:`,
      open: (p) =>
        `No cause is named for ${p.failing === 1 ? 'the failing check' : `the ${p.failing} failing checks`}: the cells ${p.failing === 1 ? 'it reads' : 'they read'} leave too wide a range of values to single one out; see the findings below.` +
        (hintEn(p) !== undefined ? ` ${hintEn(p)}` : ''),
      stopped: (p) =>
        `The search for the cells behind ${p.failing === 1 ? 'the failing check' : `the ${p.failing} failing checks`} stopped at its limit (a large or badly broken table); no cause is named.` +
        (hintEn(p) !== undefined ? ` ${hintEn(p)}` : ''),
      slip: SLIP_EN,
      untraced: (p) =>
        `  The input likely has ${p.count} typing slips the computed values may carry (too many to trace one by one): some cells above may be right as the table states them. povcheck validate names each; correct them and make the ${p.command === 'plan' ? 'plan' : 'table'} again.`,
      carried: (p, f) => {
        const cells = refList(p.cells.map((c) => c.ref));
        return (
          `  ${refList(p.carried)} may be right as the table states ${p.carried.length === 1 ? 'it' : 'them'}; the likely cause of the ${p.carried.length === 1 ? 'difference' : 'differences'}: ${runOf(p.cells, f) ?? p.cells.map((c) => item(c, f)).join('; ')}. ` +
          `The computed ${p.carried.length === 1 ? 'value carries' : 'values carry'} ${p.cells.length === 1 ? 'that slip' : 'those slips'}: correct ${cells} in the input and make the ${p.command === 'plan' ? 'plan' : 'table'} again.`
        );
      },
      doubtful: (p, f) => {
        const a = alternativesOf(p.alternatives, 'and', (c) => item(c, f));
        return (
          `  ${p.cell}: validate cannot tell whether the slip is ${p.cell} or ${a.refs.join(' or ')}: ${a.described}${a.more > 0 ? ` (and ${a.more} more ways, see validate)` : ''}. ` +
          `The computed value at ${p.cell} takes ${a.cells} as right as stated; check ${a.cells} in the input before using this ${p.command === 'plan' ? 'plan' : 'table'}.`
        );
      },
      shifted: (p, f) => {
        const first = p.cells[0]!;
        const cell = p.along === 'row' ? 'column' : 'row';
        const line = `${p.along} ${p.line} (${p.unitLine ? first.unit : f.ind(first.indicator)})`;
        const start = `${cell} ${p.start} (${p.unitLine ? f.ind(first.indicator) : first.unit})`;
        const values = p.cells.map((c) => (c.proposed !== undefined ? f.n(c.proposed) : '?')).join(', ');
        const given = p.pinned
          ? `the checks give ${f.n(p.lost.proposed ?? '')}`
          : p.lost.min === undefined && p.lost.max === undefined
            ? 'no check reads it, so its value is not known'
            : `${rangeText(p.lost, f)} would fit: ${notPinned(p.rounding)}`;
        const pushed = (l: NonNullable<typeof p.landed>) =>
          `${p.lost.ref}'s own value was pushed into ${l.ref} (${l.header !== '' ? `${p.along === 'row' ? 'column' : 'row'} ${l.header}` : `a ${p.along === 'row' ? 'column' : 'row'} without a header`}), which holds ${l.text}` +
          (l.matches ? ': the very value the checks give, which confirms the shift' : `; ${given}`);
        const lost =
          p.direction === 'right' || p.direction === 'down'
            ? p.landed
              ? pushed(p.landed)
              : `${p.lost.ref}'s own value was pushed out of the table: ${given}`
            : `${p.lost.ref}'s own value was skipped: ${given}`;
        const body =
          `${line}: from ${start} on, the values seem shifted one ${cell} ${p.direction === 'right' || p.direction === 'left' ? `to the ${p.direction}` : p.direction} (typed one cell off). ` +
          `Moved back one ${cell}, ${p.span} would hold ${values}, and ${allFailing(p.failing)} pass; ${lost}.`;
        return p.rank !== undefined ? `${p.rank}. ${body}` : `Likely cause: ${body}`;
      },
    },
    fix: {
      written: (p) => `Wrote ${p.output}: ${p.count} ${p.count === 1 ? 'cell' : 'cells'} corrected:`,
      restored: (p, f) => `${cellName({ ref: p.ref, unit: p.unit, indicator: p.indicator, actual: p.actual }, f)}: ${p.actual} → ${p.text} (the zeros of its last group, dropped in a save, written back)`,
      change: (p, f) => `${cellName(p.cell, f)}: ${p.cell.actual === '' ? '(blank)' : f.n(p.cell.actual)} → ${f.n(p.cell.proposed ?? '')}${p.cell.kind ? ` (${SLIP_EN[p.cell.kind]})` : ''}`,
      cleared: (p) =>
        `${p.ref} (${p.header !== '' ? `${p.along === 'row' ? 'column' : 'row'} ${p.header}` : `a ${p.along === 'row' ? 'column' : 'row'} without a header`}): ${p.text} → (blank): ${p.movedTo}'s value, typed one cell on into it, moved back to ${p.movedTo}`,
      validates: () => 'The copy was checked again: no errors left.',
      copied: (p) => `No sum, flow, rate or rate-change check fails: wrote an unchanged copy to ${p.output}.`,
      refused: (p) =>
        `${p.file}: not fixed, nothing written: ` +
        {
          ambiguous: `${p.count} explanations fit and povcheck cannot tell which is right (listed below).`,
          'not-pinned': 'the checks do not pin the value (listed below).',
          shifted: p.landed
            ? `the values of ${p.cells.join('–')} seem typed one cell on (listed below): the last one was pushed into ${p.landed.ref}, but ${p.landed.ref} holds ${p.landed.number ? p.landed.text : `"${p.landed.text}"`}, ` +
              (p.landed.given !== undefined ? `while the checks give ${p.landed.lost} ${p.landed.given}` : `while the checks do not pin the value of ${p.landed.lost}`) +
              `; move the values back by hand, then correct or clear ${p.landed.ref}.`
            : `the values of ${p.cells.join('–')} seem typed one cell on (listed below): the last one was pushed out of the table, and no cell just past it holds the value the checks give; move the values back by hand (and clear the cell it fell into, if any).`,
          'no-slip':
            p.cells.length > 1
              ? `the values that fit ${p.cells.join(' and ')} look like no typing slip, so those cells may be right and the error elsewhere: correct it by hand after a look (listed below).`
              : `the value that fits ${p.cells[0] ?? 'the cell'} looks like no typing slip, so the cell may be right and the error elsewhere: correct it by hand after a look (listed below).`,
          none: 'no change of one or two cells makes all failing checks pass.',
          stopped: 'the search for causes stopped at its limit.',
          'other-errors': `errors that fix cannot correct remain (${p.cells.join(', ')}); run povcheck validate.`,
          unchecked: 'nothing in it could be checked (its labels were not understood, or it has no units); povcheck validate says what.',
        }[p.reason],
      workbook: (p) =>
        `fix writes delimited text files (CSV, TAB-separated) only${
          p.changes
            ? `; its errors have one explanation, to correct in the workbook by hand: ${p.changes.join(', ')} (or save the sheet as "CSV UTF-8" and fix that)`
            : p.clean
              ? '; no check fails in this workbook: nothing to correct'
              : '; povcheck validate names the likely causes of its errors'
        }`,
      unsafe: (p) => `cannot find cell ${p.cell} in the file's text to rewrite it safely; nothing written`,
    },
    calc: enCalc,
    document: enDocument,
    cli: enCli,
    errors: {
      FILE_NOT_FOUND: (p) => (p.stdin ? 'no file named "-"; povcheck does not read a table from standard input: save it to a file and name the file' : 'no such file'),
      FILE_UNREADABLE: (p) =>
        p.reason === 'directory'
          ? 'this is a directory, not a file'
          : p.reason === 'not-a-file'
            ? 'this is not a regular file'
            : p.reason === 'changed'
              ? 'the file changed while it was read'
              : `cannot read the file (${READ_CAUSE_EN[p.detail ?? ''] ?? p.detail ?? ''})`,
      FILE_EMPTY: (p) => (p.blank ? 'the file holds only blank space, no table' : 'the file is empty'),
      SIDE_FILE_BINARY: (p) =>
        `${p.what === 'targets' ? 'a targets file is JSON text' : 'a units map is JSON or CSV text'} (docs/targets-and-series.md), and this is ${SIDE_KIND_EN[p.kind]}`,
      FILE_BINARY: (p) =>
        ({
          zip: 'this is a ZIP archive but not an Excel workbook (.xlsx, .xlsm)',
          ods: 'this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV',
          xlsb: 'this is a binary Excel workbook (.xlsb); save it as .xlsx or CSV',
          docx: 'this is a Word document: povcheck validate checks a plan document; for this command save its table as .xlsx or CSV',
          odt: `this is an OpenDocument text document (.odt), which povcheck does not read: ${SAVE_AS_DOCX_EN}`,
          rtf: `this is an RTF document, which povcheck does not read: ${SAVE_AS_DOCX_EN}`,
          doc: 'this is a Word 97–2003 document (.doc): povcheck validate checks a plan document; for this command save its table as .xlsx or CSV',
          encrypted: 'this workbook is password-protected (encrypted); save an unprotected copy',
          'encrypted-doc': 'this Word document is password-protected (encrypted); open it in Word, remove the password and save it again',
          ole: 'this is a legacy Office file (.xls/.doc); save it as CSV or .xlsx',
          pdf: 'this is a PDF document: its tables cannot be read from it; check the Word file (.docx) it was made from, or open the PDF in Word and save it as .docx',
          png: 'this is a PNG image, not a table',
          jpeg: 'this is a JPEG image, not a table',
          gzip: 'this is gzip-compressed data, not a table',
          binary: 'this is binary data, not a CSV or text table',
          'docx-damaged': 'its name says Word (.docx) and it is a ZIP archive, but it holds no Word document (word/document.xml): damaged, or another archive renamed; open the original in Word and save it again',
          'not-zip': 'its name says Excel or Word (.xlsx, .xlsm, .docx), but it is not such a file: those are ZIP archives and this one is binary data of another kind (damaged, cut short while copying, or another file renamed); open the original and save it again',
        })[p.kind],
      FILE_TOO_LARGE: (p) => `the file is larger than ${p.limitMb} MB`,
      FILE_KIND: (p) =>
        ({
          html: `a web page (HTML${p.ext ? `, though named ${p.ext}` : ''}: many systems' "export to Excel" save one), not a spreadsheet: open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"`,
          xlsb: 'a binary Excel workbook (.xlsb): save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
          ods: 'a flat OpenDocument spreadsheet (.fods): in LibreOffice, File → Save As → "ODF Spreadsheet (.ods)", "Excel 2007-365 (.xlsx)" or "Text CSV" (UTF-8)',
          numbers: 'an Apple Numbers file: in Numbers, File → Export To → Excel (.xlsx) or CSV',
          et: 'a WPS Spreadsheets file (.et): save it as "Excel Workbook (.xlsx)" or CSV',
          document: `a word-processor document (${p.ext}), which povcheck does not read: ${SAVE_AS_DOCX_EN}`,
          pdf: 'a PDF, from which povcheck does not read tables: check the spreadsheet it was made from (.xlsx or CSV), or for a plan the Word document (.docx)',
        })[p.kind],
      ENCODING_INVALID: (p) =>
        p.offset !== undefined
          ? `the text is not valid ${p.encoding} at byte ${p.offset.toLocaleString('en-US')}${p.line !== undefined ? ` (line ${p.line.toLocaleString('en-US')})` : ''}${p.bytes ? `: bytes ${p.bytes}` : ''}; the file is damaged there (a character cut short or mistyped); correct that spot or save the file again as "CSV UTF-8"`
          : `the text is not valid ${p.encoding}; it may be in a legacy code page (Windows-1258, TCVN3, VNI): save it from Excel as "CSV UTF-8" or "Unicode Text"`,
      ENCODING_LEGACY: (p) =>
        p.workbook || p.document
          ? `the ${p.document ? 'document' : 'workbook'}'s text is typed in a legacy Vietnamese font (most likely ${p.likely === 'vni' ? 'VNI, fonts VNI-Times' : 'TCVN3/ABC, fonts .VnTime'})${p.sample ? `, e.g. "${p.sample}"` : ''}; read it with --encoding ${p.likely ?? 'tcvn3|vni'}, or convert the ${p.document ? 'document' : 'workbook'}'s text to Unicode (as Unikey's converter does)`
          : `the text is in a legacy Vietnamese encoding${p.likely ? ` (most likely ${{ 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3/ABC, fonts .VnTime', vni: 'VNI, fonts VNI-Times' }[p.likely]})` : ' (Windows-1258, TCVN3 or VNI)'}${p.sample ? `, e.g. "${p.sample}"` : ''}; read it with --encoding ${p.likely ?? 'windows-1258|tcvn3|vni'} or save it as "CSV UTF-8"`,
      CSV_MALFORMED: (p) =>
        !('reason' in p)
          ? `cannot parse the CSV${p.line ? ` near line ${p.line}` : ''}: ${p.detail}`
          : p.reason === 'quote'
            ? `a quoted field opens on line ${p.line.toLocaleString('en-US')} and is never closed (a stray " in a cell?); everything after it would be one field`
            : p.reason === 'columns'
              ? `line ${p.line.toLocaleString('en-US')} has more than ${p.limit.toLocaleString('en-US')} columns (more than a spreadsheet holds); this is not a table`
              : `${p.line ? `line ${p.line.toLocaleString('en-US')}` : 'a line'} is longer than ${p.limit.toLocaleString('en-US')} characters; this is not a table`,
      TEXT_GARBLED: (p) =>
        p.how === 'lost' && p.codePage === 'windows-1258'
          ? `the Vietnamese letters Windows-1258 has no one byte for were replaced by "?" when the file was saved (e.g. "${p.sample}"): it was most likely saved as Excel's plain "CSV" on a Vietnamese Windows, which keeps ă, ơ, ư, đ but not those letters, and they cannot be recovered from it; save the table again from the workbook as "CSV UTF-8" or "Unicode Text", or check the .xlsx`
          : p.how === 'lost'
          ? `the Vietnamese letters were replaced by "?" when the file was saved (e.g. "${p.sample}"): it was saved in a character set without them (Excel's "CSV (Comma delimited)" on a Windows not set to Vietnamese), and they cannot be recovered from it; save the table again from the workbook as "CSV UTF-8" or "Unicode Text", or check the .xlsx`
          : `the Vietnamese letters are garbled (e.g. "${p.sample}"): UTF-8 text was opened as Windows-1252 (Latin) and saved again; open the original file as UTF-8 (Excel: Data → From Text/CSV, File Origin "65001: Unicode (UTF-8)") and save it as "CSV UTF-8", or check the .xlsx`,
      NOT_A_TABLE: (p) =>
        p.reason === 'no-columns'
          ? 'no column structure: no line splits into several fields at a comma, semicolon or TAB'
          : p.reason === 'document'
            ? 'this is running text (a plan, as Word saves it as plain text), not a table: povcheck validate checks a plan document; for this command save its table as .xlsx or CSV'
            : p.reason === 'document-no-table'
              ? p.tables === 0
                ? 'this is a document without a table (povcheck validate checks its text): no poverty table to compute'
                : `${p.tables === 1 ? "this document's only table is not a poverty table: it has no" : `none of this document's ${p.tables} tables is a poverty table: none has a`} poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start")`
              : `no poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start") found in any row or column${p.labels ? `; its first row reads ${p.labels.map((l) => `"${l}"`).join(', ')}` : ''}`,
      LOCALE_AMBIGUOUS: (p) =>
        p.reason === 'ambiguous'
          ? `cell ${p.cell}: "${p.text}" reads as ${p.vi} in Vietnamese format and ${p.en} in English format, and no other cell tells which the file uses; pass --locale vi or --locale en`
          : `the file mixes both number formats equally (${p.viCell} "${p.viText}" is Vietnamese, ${p.enCell} "${p.enText}" English); pass --locale vi or --locale en`,
      WORKBOOK_INVALID: (p) => `not a readable ${p.of === 'ods' ? 'OpenDocument spreadsheet' : p.of === 'xls' ? 'Excel 97–2003 workbook (.xls)' : 'Excel workbook'}: ${containerDamage(p, 'Office')}`,
      WORKBOOK_TOO_LARGE: (p) =>
        p.what === 'uncompressed'
          ? `the workbook unpacks to more than ${p.limitMb} MB (a ZIP bomb, or far larger than any annex table); not read`
          : p.what === 'entries'
            ? `the workbook holds more than ${p.limit} parts; not read`
            : p.what === 'cells'
              ? `the workbook holds more than ${p.limit.toLocaleString('en-US')} cells; not read`
              : p.what === 'range'
                ? `the sheet has content as far as ${p.cell}; povcheck reads sheets up to ${p.maxRows.toLocaleString('en-US')} rows and ${p.maxCols.toLocaleString('en-US')} columns (delete what lies beyond the table)`
                : p.what === 'zip64'
                  ? 'the workbook uses ZIP64 (it is larger than 4 GB); not read'
                  : p.what === 'sheets'
                    ? `the workbook has more than ${p.limit.toLocaleString('en-US')} sheets; not read`
                    : p.what === 'merges'
                      ? `the sheet has more than ${p.limit.toLocaleString('en-US')} merged ranges; not read`
                      : p.what === 'strings'
                        ? `the workbook holds more than ${p.limit.toLocaleString('en-US')} texts (shared strings); not read`
                        : p.what === 'string-chars'
                          ? `the workbook's texts add up to more than ${p.limit.toLocaleString('en-US')} characters; not read`
                          : p.what === 'text'
                            ? `${p.part} holds a text longer than ${p.limit.toLocaleString('en-US')} characters (a cell holds at most 32,767); not read`
                            : p.what === 'depth'
                              ? `${p.part} nests XML elements more than ${p.limit.toLocaleString('en-US')} deep; not read`
                              : `${p.part} holds more than ${p.limit.toLocaleString('en-US')} XML elements; not read`,
      DOCUMENT_INVALID: (p) => `not a readable Word document: ${containerDamage(p, 'Word')}`,
      DOCUMENT_TOO_LARGE: (p) => {
        switch (p.what) {
          case 'uncompressed':
          case 'document':
            return `the document ${p.what === 'document' ? 'text ' : ''}unpacks to more than ${p.limitMb} MB (a ZIP bomb, or far larger than any plan); not read`;
          case 'rows':
          case 'columns':
            return `table ${p.table} has more than ${p.limit.toLocaleString('en-US')} ${p.what}; not read`;
          case 'zip64':
            return 'the document uses ZIP64 (it is larger than 4 GB); not read';
          default:
            return `the document holds more than ${p.limit.toLocaleString('en-US')} ${{ entries: 'parts', cells: 'table cells', paragraphs: 'paragraphs', depth: 'levels of nested elements', text: 'characters of text', elements: 'XML elements' }[p.what]}; not read`;
        }
      },
      DOCUMENT_NOTHING: (p) =>
        `nothing to check in this document (${p.paragraphs} ${p.paragraphs === 1 ? 'paragraph' : 'paragraphs'}, ${p.tables} ${p.tables === 1 ? 'table' : 'tables'}): no poverty table, no total of money with its parts, ${p.citations ? `no reference to another document with a date (${p.citations} ${p.citations === 1 ? 'citation' : 'citations'} by number alone, nothing to compare)` : 'no reference to another document'}` +
        (p.statements > 0 ? `; ${p.statements} ${p.statements === 1 ? 'statement' : 'statements'} of poverty figures but no table to compare ${p.statements === 1 ? 'it' : 'them'} with` : '') +
        (p.bounded > 0 ? `; ${p.bounded} ${p.bounded === 1 ? 'total' : 'totals'} of money stated as bounds ("trên 68 tỷ đồng"), which cannot be checked` : p.amounts > 0 ? `; ${p.amounts} ${p.amounts === 1 ? 'amount' : 'amounts'} of money, none stated as the parts of a total` : ''),
      TABLE_TOO_LARGE: (p) =>
        p.what === 'cells' || p.what === 'units'
          ? `the table has more than ${p.limit.toLocaleString('en-US')} ${p.what === 'cells' ? 'cells' : 'rows of units'}, more than povcheck holds in memory here (Node's heap limit is ${p.heapMb.toLocaleString('en-US')} MB); it stops rather than run out of memory: split the table, or give Node more memory with NODE_OPTIONS=--max-old-space-size=8192`
          : p.what === 'rows'
          ? `the table has more than ${p.limit.toLocaleString('en-US')} rows, more than povcheck checks in one run; it stops here rather than run out of memory (split the table, e.g. by province)`
          : `checking the table gives more than ${p.limit.toLocaleString('en-US')} findings (the same mistake down the whole table? a column in the wrong place, the wrong number format?); povcheck stops here rather than run out of memory: correct the first ones and check again`,
      SHEET_NOT_FOUND: (p) => `the workbook has no ${/^\d+$/.test(p.sheet) ? `sheet number ${p.sheet} (it has ${p.available.length})` : `sheet "${p.sheet}"`}; its sheets: ${p.available.map((s, i) => `${i + 1} "${s}"`).join(', ')}`,
      NO_INPUT: (p) =>
        p.kind === 'glob'
          ? 'no file matches this pattern'
          : 'this directory holds no table or document povcheck looks for (.csv, .tsv, .xlsx, .xlsm, .xls, .ods, .docx, .doc, a .txt export of Excel, an Excel 2003 .xml; or .xlsb, .pdf … to be converted)',
      CONFIG_INVALID: (p) =>
        p.reason === 'json'
          ? `the configuration file is not valid JSON${p.line !== undefined ? ` at line ${p.line}, column ${p.column}` : ''} (${p.detail})`
          : p.reason === 'not-found'
            ? 'no such configuration file'
            : `the configuration does not fit its schema (schema/povcheck.config.schema.json): ${p.problems.map(configProblem).join('; ')}`,
      BAD_OPTION: (p) => {
        switch (p.reason) {
          case 'output-twice-bare':
            return `-o is given twice (${p.files.join(', ')}) and no --format: give each report its format, --format json -o ${p.files[0]} --format sarif -o ${p.files[1]}`;
          case 'output-twice':
            return `--format ${p.format} has two --output-file options; give each format one file`;
          case 'stdout-twice':
            return `several formats would go to the terminal (${p.formats.join(', ')}); give all but one an --output-file`;
          case 'same-output':
            return `two formats would be written to ${p.file}`;
          case 'rule-level':
            return `--rule ${p.value}: write <rule>=<off|error|warning|info>, e.g. --rule denominator=off`;
          case 'unknown-rule':
            if (p.reportIds) return `no rule or report id "${p.rule}"; the rules: ${p.known.join(', ')}; the other ids reports name: ${p.reportIds.join(', ')}`;
            return `no rule "${p.rule}"; the rules: ${p.known.join(', ')}`;
          case 'series-one':
            return `--series compares consecutive years: give at least two files, in year order (got ${p.files})`;
          case 'fix-stdout':
            return 'fix writes the corrected copy to a file and its report to the terminal: name the copy with -o <file>.csv';
          case 'units-map-alone':
            return '--units-map applies to a series: add --series and the files in year order';
          case 'total-unknown':
            return `--total "${p.name}": the table has no unit of that name (its units: ${p.units.join(', ')}${p.units.length >= 12 ? ', …' : ''})`;
          case 'decimals':
            return `--decimals "${p.value}": the number of decimals is a whole number from 0 to ${p.max}, e.g. --decimals 1 (rates in a statistical release) or --decimals 2 (in a plan)`;
        }
      },
      CALC_INPUT: (p) => {
        // A table counting over a period names its indicators so (`đầu kỳ`, as `table` prints them).
        const lab = (i: keyof Catalog['ui']['indicatorLabels']) => (p.period ? layoutWords('en').ofPeriod(en().ui.indicatorLabels[i]) : en().ui.indicatorLabels[i]);
        const low = (i: keyof Catalog['ui']['indicatorLabels']) => lab(i).charAt(0).toLowerCase() + lab(i).slice(1);
        switch (p.reason) {
          case 'absent':
            return `the table lacks what the calculation needs: ${p.indicators.map((i) => (i === 'poor_reduced' ? `"${lab(i)}" (or "${lab('poor_end')}")` : `"${lab(i)}"`)).join(', ')}`;
          case 'value':
            return p.text === '' ? `${p.unit}: no value for ${low(p.indicator)}, which the calculation needs` : `${p.unit}: ${low(p.indicator)} "${p.text}" is not a number${p.restored !== undefined ? ` (probably ${p.restored}: the zeros of its last group were dropped in a save, as in other counts of the table; povcheck fix writes them back)` : ''}`;
          case 'fraction':
            return `${p.unit}: ${low(p.indicator)} "${p.text}" is not a whole number of households`;
          case 'negative':
            return `${p.unit}: ${low(p.indicator)} "${p.text}" is negative`;
          case 'exceeds':
            return `${p.unit}: ${low(p.part)} (${p.partText}) is larger than ${low(p.whole)} (${p.wholeText})`;
          case 'zero-households':
            return `${p.unit}: ${low(p.indicator)} is 0, so there is no poverty rate`;
          case 'duplicate-unit':
            return `unit "${p.unit}" appears twice in one list: which row is which unit cannot be told; name the mistyped row right (povcheck validate says whether the total counts both rows)`;
        }
      },
      CALC_ARG: (p) =>
        p.reason === 'not-a-count'
          ? `"${p.text}" is not a number of households (a whole number, e.g. 24,814 or 24814)`
          : p.reason === 'zero-households'
            ? 'the households are 0, so there is no rate'
            : `the poor households (${p.poor}) are more than the households (${p.households})`,
      TARGETS_INVALID: (p) => {
        switch (p.reason) {
          case 'json':
            return `the targets file is not valid JSON${p.line !== undefined ? ` at line ${p.line}, column ${p.column}` : ''} (${p.detail})`;
          case 'shape':
            return 'a targets file looks like {"targets":[{"unit":"…","indicator":"rate_reduced","op":">=","value":"4"}]}';
          case 'field': {
            const hint = {
              unit: 'give a unit of the table, or "total"',
              indicator: 'give an indicator key such as rate_reduced or rate_end',
              op: 'give one of >=, <=, =',
              value: 'give a string of plain digits such as "2.06"',
            }[p.field];
            return `${targetPlaceEn(p)}: "${p.field}"${p.text !== undefined ? ` = ${p.text}` : ''} is not valid; ${hint}`;
          }
          case 'arg':
            return `--target "${p.text}" is not <unit>=<points>, e.g. --target "Na Hang=4"${p.file ? `; a targets file is given with --targets "${p.text}"` : ''}`;
          case 'none':
            return p.empty ? 'the targets file lists no target: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}' : `no targets: ${p.document ? "the plan's text sets none povcheck reads (a reduction or an end-of-year rate of a unit of its table); " : ''}give --target "<unit>=<points>" or --targets <file>`;
        }
      },
      TARGET_UNIT: (p) =>
        p.candidates
          ? `${p.index !== undefined ? `${targetPlaceEn(p)}: ` : ''}"${p.unit}" could be ${p.candidates.map((c) => `"${c}"`).join(' or ')}: ${p.city ? `a province has the name of its capital city: write "${p.candidates[0]}" for the city, or "total" for the table's total` : p.level ? 'units of different levels; write the name of the one the target is for as the table writes it, with its level (Huyện, Thị trấn, Xã …)' : 'names that differ only in their marks are different units; write the name of the one the target is for with its marks'}`
          : p.index === undefined || !p.tables
          ? `${p.index !== undefined ? `${targetPlaceEn(p)}: ` : ''}the table has no unit "${p.unit}"; its units: ${p.known.join(', ')}`
          : p.tables.length === 1
            ? `${targetPlaceEn(p)}: ${p.tables[0]} has no unit "${p.unit}"; its units: ${p.known.join(', ')}`
            : `${targetPlaceEn(p)}: none of the ${p.tables.length} tables has a unit "${p.unit}"; the units of ${p.tables[0]}: ${p.known.join(', ')}`,
      UNITS_MAP_INVALID: (p) => {
        switch (p.reason) {
          case 'json':
            return `the units map is not valid JSON${p.line !== undefined ? ` at line ${p.line}, column ${p.column}` : ''} (${p.detail})`;
          case 'shape':
            return 'a units map looks like {"units":[{"from":["Xã A","Xã B"],"to":"Xã C"}]} (or is a CSV with the columns from and to)';
          case 'csv-header':
            return 'a units-map CSV needs a header row naming the columns from and to (or Đơn vị cũ and Đơn vị mới)';
          case 'field':
            return `${p.row ? 'row' : 'entry'} ${p.index}: "${p.field}"${p.text !== undefined ? ` = ${p.text}` : ''} is not valid; ${p.field === 'from' ? 'give the old unit names (a list, or one name)' : 'give the name of the new unit'}`;
          case 'twice':
            return `"${p.unit}" is in ${p.row ? 'row' : 'entry'} ${p.first} and again in ${p.row ? 'row' : 'entry'} ${p.index}; an old unit goes into one new unit, and each new unit has one entry`;
        }
      },
      TARGET_UNSUPPORTED: (p) =>
        `${p.index !== undefined ? `${targetPlaceEn({ index: p.index, ...(p.line !== undefined ? { line: p.line } : {}) })}: ` : ''}the target for ${p.unit} (${p.indicator} ${p.op}) cannot be planned: plan computes the least exits for rate_reduced or poor_reduced with >= or = and for rate_end or poor_end with <= or =`,
      OUTPUT_EXTENSION: (p) =>
        `-o ${p.file}: the output is ${p.format}, but a file name ending in ${p.extension} says otherwise (a program that opens it by its name would refuse it); name it ${p.file.slice(0, p.file.length - p.extension.length)}${p.expected}${p.named ? `, or give --format ${p.named}` : ''}`,
      OUTPUT_REQUIRED: (p) => `the ${p.format} format is not printed to the terminal: name the output file with -o <file>.${p.format}`,
      XLSX_TEXT_TOO_LONG: (p) =>
        `an Excel cell holds at most ${p.limit.toLocaleString('en-US')} characters, and the text "${p.start}…" has ${p.chars.toLocaleString('en-US')}: shorten it, or write docx or html`,
      USAGE: (p) => p.detail,
      OUTPUT_IS_INPUT: (p) => `refusing to write over the input file ${p.input}`,
      WRITE_FAILED: (p) =>
        `cannot write the output file (${
          ({
            ENOSPC: 'no space left on the device',
            EDQUOT: 'disk quota exceeded',
            EACCES: 'permission denied',
            EPERM: 'permission denied',
            EROFS: 'read-only file system',
            EISDIR: 'it is a directory',
            ENOENT: 'no such folder',
            ENOTDIR: 'a part of the path is not a folder',
            ENXIO: 'a named pipe (FIFO) that no process reads',
            EPIPE: 'the reader closed the pipe',
            EBADF: 'no such open descriptor',
            'not-a-file': 'neither a regular file, a character device nor a named pipe',
            'not-regular': 'not a regular file: a job summary is appended to one',
            'dangling-link': 'a symbolic link to a file that does not exist: give the file itself',
          } as Record<string, string>)[p.detail] ?? p.detail
        })`,
      INTERNAL: (p) => `internal error (${p.detail}); please report it with the file`,
    },
  });
}
