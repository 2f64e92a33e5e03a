/**
 * The text report, for people: a verdict line per file, findings grouped by severity (rule, cell, unit,
 * indicator, expected vs found, and the explanation), what was not checked, then the table as read with
 * the flagged cells marked.
 */
import { catalog, formatPlain, makeFmt, renderError, renderMessage, renderSkip, visible } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { type Finding, type Severity, SEVERITIES, severityRank } from '../model/finding.js';
import type { FileResult } from '../model/file-result.js';
import { layoutAsRead } from '../render/shaped-layout.js';
import { sourceMargins } from '../render/source-refs.js';
import type { LayoutCell } from '../render/annex-layout.js';
import { displayWidth, renderBox, type Align } from '../render/box.js';
import { numericColumns } from '../render/table-data.js';
import { flaggedColumnsNotRead } from '../render/not-read.js';
import { DRAWN_TABLE_UNITS, cellLabel, checksLine, countFindings, coverageText, langOf, localeText, notCheckedSection, passedOverLine, placeLabel, runLang, showsExpected, summaryCounts, tableOf, verdictText, type ReportInput, type Style } from './types.js';
import type { Annex } from '../model/annex.js';
import { DOCUMENT_PARTS, partOf, type DocumentPart } from '../model/document.js';
import { causeLines, consequencesOf, expectedPair } from './causes.js';
import { displayRef, type Cell } from '../model/grid.js';
import { firstCauses, isSlipCause } from '../locate/types.js';

/** Findings shown per rule and severity in one file; the rest are counted (JSON has them all). */
export const FINDINGS_PER_RULE = 20;
/** Larger tables are not drawn under the findings (reporters/types.ts DRAWN_TABLE_UNITS). */
export const MAX_TABLE_UNITS = DRAWN_TABLE_UNITS.text;

export interface TextOptions {
  style: Style;
  /** Print the annex with marks under the findings. */
  table: boolean;
  /** Terminal width: a table wider than this is drawn the other way round when that is narrower. */
  width: number;
  /** The width is a terminal's (or $COLUMNS): a table that fits neither way is not drawn (a note says so). A pipe or a file takes any width. */
  fitWidth?: boolean;
}

const MARK: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
/** A cell of an error's one likely cause (ui.legendCause). */
const CAUSE_MARK = '◆';

function paint(style: Style, sev: Severity, s: string) {
  return sev === 'error' ? style.error(s) : sev === 'warning' ? style.warning(s) : style.info(s);
}

function findingLines(f: Finding, lang: Lang, style: Style, indent = '', dueTo?: readonly Cell[]): string[] {
  const fmt = makeFmt(lang);
  const where = f.place ? placeLabel(f.place, lang) : undefined;
  // The cell (its sheet's name), the unit and the quote come from the input: shown through `visible`.
  const head = visible([f.place ? catalog(lang).document.paragraph(f.place.paragraph) : f.at ? cellLabel(f.at, lang) : '—', f.rule, f.unit, f.indicator ? fmt.ind(f.indicator) : undefined].filter(Boolean).join(' · '));
  const ea = showsExpected(f) ? ` — ${expectedPair(f, lang, fmt, dueTo)}` : '';
  const out = [`${indent}    ${paint(style, f.severity, MARK[f.severity])} ${style.bold(head)}${ea}`];
  if (f.place && where) {
    out.push(`${indent}      ${style.dim(visible(where.slice(where.indexOf(' — ') + 3)))}`);
    const q = f.place.quote;
    const m = f.place.mark;
    const quoted = m ? `${visible(q.slice(0, m.start))}«${style.bold(visible(q.slice(m.start, m.end)))}»${visible(q.slice(m.end))}` : visible(q);
    out.push(`${indent}      “${quoted}”`);
  }
  out.push(`${indent}      ${renderMessage(f.msg, fmt)}`);
  return out;
}

function markedTable(file: FileResult, lang: Lang, opts: TextOptions, annex: Annex = file.annex!, title?: string): string[] {
  const ui = catalog(lang).ui;
  const worst = new Map<string, Severity>();
  for (const f of file.findings) {
    if (!f.at) continue;
    const prev = worst.get(f.at.ref);
    if (!prev || severityRank(f.severity) < severityRank(prev)) worst.set(f.at.ref, f.severity);
  }
  // The cells of each error's one likely cause when every one looks like a typing slip (the causes whose other cells
  // "need no change", causes.ts `consequencesOf`, and that `fix` writes): marked ◆, the cell to correct, which often
  // holds no finding of its own (a district's count typed wrong: the error is at the total's sum). A cause that fits
  // without a slip may be a correct cell bent to fit an error elsewhere: not marked.
  const causeAt = new Set((file.localisation ? firstCauses(file.localisation) : []).filter(isSlipCause).flatMap((c) => c.cells.map((x) => displayRef(x.cell))));
  // The input cells findings sit at, by row and column: a column the table does not read is drawn when one is in it.
  const at = new Set(file.findings.flatMap((f) => (f.at ? [`${f.at.row}:${f.at.col}`] : [])));
  const flaggedAt = (row: number, col: number) => at.has(`${row}:${col}`);
  // The input cell a printed cell shows: a value's, a unit's name, a row not read's label (render/source-refs.ts).
  const sourceCell = (c: LayoutCell): Cell | undefined => {
    if (c.kind === 'value' && c.unit !== undefined && c.indicator) return annex.values.get(c.unit, c.indicator)?.cell;
    if (c.kind === 'unit' && c.unit !== undefined) return annex.units.at(c.unit)?.cell;
    return c.cell;
  };
  const build = (transpose?: boolean, columnsNotRead = true) => {
    const layout = layoutAsRead(
      annex,
      lang,
      (u, ind) => {
        const v = annex.values.get(u.id, ind);
        // Numbers in the report's convention, at the decimals printed, as the messages under the table and the
        // HTML report write them (an English file's 210,299 read in a Vietnamese report was two hundred and ten
        // point 299); what is not a number as it was written.
        return v?.status === 'ok' && v.plain !== undefined ? formatPlain(v.plain, lang) : (v?.text ?? '');
      },
      transpose,
      // The rows not read too (a yearbook's income row: `5.505` beside `0.89` in an English report).
      lang,
      columnsNotRead ? flaggedAt : undefined,
    );
    // The input's row numbers and column letters around the table, as a spreadsheet shows them; a marked cell they
    // do not place (its printed row or column gathers input rows or columns not next to each other) has its reference
    // beside its mark.
    const margins = sourceMargins(layout.header, layout.rows, sourceCell, (c) => (c.kind === 'label' && c.indicator ? annex.labelCells[c.indicator] : undefined));
    const mark = (cell: Cell | undefined, place?: { row: number; col: number }) => {
      const sev = cell ? worst.get(cell.ref) : undefined;
      const cause = cell !== undefined && causeAt.has(displayRef(cell));
      if (!sev && !cause) return '';
      const placed = !margins || !place || margins.placed(place.row, place.col, cell!);
      return ` ${sev ? MARK[sev] : ''}${cause ? CAUSE_MARK : ''}${placed ? '' : ` ${cell!.ref}`}`;
    };
    // A unit's name heading its column, or the header of a column not read (a column it does not understand).
    const headerCell = (c: LayoutCell) => (c.kind === 'unit' || c.kind === 'heading' ? sourceCell(c) : undefined);
    const header = layout.header.map((c) => c.text + mark(headerCell(c)));
    // A value, or a unit's name (a unit named twice, a row named without figures: the warning sits at the name).
    const rows = layout.rows.map((r, ri) => r.map((c, ci) => c.text + (c.kind === 'value' || c.kind === 'unit' ? mark(sourceCell(c), { row: ri, col: ci }) : '')));
    const align: Align[] = numericColumns(layout).map((n) => (n ? 'right' : 'left'));
    const text = renderBox(header, rows, {
      align,
      style: (t, ri, ci) => {
        if (ri < 0) return opts.style.bold(t);
        const c = layout.rows[ri]?.[ci];
        if (c?.kind !== 'value' || c.unit === undefined || !c.indicator) return t;
        const cell = sourceCell(c);
        const sev = cell ? worst.get(cell.ref) : undefined;
        return sev ? paint(opts.style, sev, t) : cell && causeAt.has(displayRef(cell)) ? opts.style.bold(t) : t;
      },
      // Indented as the report's lines are, the row labels in the indentation.
      margins: { columns: margins?.columns ?? [], header: margins?.header ?? '', rows: margins?.rows ?? [], style: opts.style.dim, indent: 2 },
    });
    // The columns not read it draws, by input column (their header cell's).
    const drawn = new Set(layout.header.flatMap((c) => (c.kind === 'heading' && c.cell ? [c.cell.col] : [])));
    return { text, transposed: layout.transposed, sheet: margins?.sheet, drawn };
  };
  // As the input has it; when that is wider than the terminal, the other way round (units as rows or as
  // columns); when neither fits, a note instead of a table that the terminal would wrap into nonsense. The margins
  // (row numbers, column letters) count in the width.
  const width = (t: string) => t.split('\n').reduce((w, l) => Math.max(w, displayWidth(stripAnsi(l))), 0);
  // Too wide with the columns not read that hold a finding: as read without them, before the other way round (which
  // cannot print them); the first that fits, else the narrowest.
  const asRead = build();
  const tries = [asRead];
  if (width(asRead.text) > opts.width) {
    const plain = build(undefined, false);
    if (plain.text !== asRead.text) tries.push(plain);
    tries.push(build(!asRead.transposed));
  }
  const chosen = tries.find((t) => width(t.text) <= opts.width) ?? tries.reduce((a, b) => (width(b.text) < width(a.text) ? b : a));
  const text = chosen.text;
  // A workbook's sheet, once: every cell of the table is on it.
  const heading = `${title ?? ui.annexTitle}${chosen.sheet !== undefined ? ` — ${ui.tableSheet(visible(chosen.sheet))}` : ''}`;
  const head = ['', `  ${style(opts).bold(heading)}`];
  if (opts.fitWidth && width(text) > opts.width) return [...head, `  ${opts.style.dim(ui.tableTooWide(width(text), opts.width, visible(file.file)))}`];
  // The columns not read that hold a finding and that this table does not print: named under it.
  const missing = flaggedColumnsNotRead(annex.columnsNotRead ?? [], flaggedAt).filter((c) => c.headerCell && !chosen.drawn.has(c.col));
  const note = missing.length > 0 ? [`  ${opts.style.dim(ui.columnsNotShown(missing.map((c) => `${c.headerCell!.ref} "${visible(c.header)}"`)))}`] : [];
  const legend = causeAt.size > 0 && text.includes(CAUSE_MARK) ? `${ui.legend}  ${ui.legendCause}` : ui.legend;
  return [...head, ...text.split('\n'), `  ${opts.style.dim(legend)}`, ...note];
}

/** A line's text without its colours (the margins are dim): its width is what the terminal shows. */
const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

const style = (o: TextOptions) => o.style;

function fileReport(input: ReportInput, file: FileResult, opts: TextOptions): string[] {
  const lang = langOf(input, file);
  const ui = catalog(lang).ui;
  const s = opts.style;
  if (file.status === 'unreadable') {
    const e = file.error!;
    const reason = renderError(e, lang);
    return [s.error(ui.verdictUnreadable(file.file, reason, e.code === 'BAD_OPTION'))];
  }
  if (file.document) return documentReport(input, file, opts);
  const table = tableOf(file)!;
  const c = countFindings(file.findings);
  const word = verdictText(file, lang);
  const verdict = file.status === 'ok' ? s.ok(word) : file.status === 'unchecked' ? s.warning(word) : s.error(word);
  // What could not be checked belongs to the verdict: a gap is never silent.
  const { clause, hint } = coverageText(file, lang);
  const out = [`${verdict} — ${ui.counts(c.errors, c.warnings, c.infos)}${clause ? ` — ${file.status === 'unchecked' ? s.warning(clause) : clause}` : ''}`];
  if (hint) out.push(`  ${hint}`);
  out.push(s.dim(`  ${ui.readAs(file.source ? ui.source(file.source) : '', ui.layoutName[table.layout], localeText(ui, table, file.findings))}`));
  const checks = checksLine(file, lang, { listedBelow: true });
  if (checks) out.push(s.dim(`  ${checks}`));
  // The likely causes come first, each with the findings it explains.
  const causes = causeLines(file.localisation, file.findings, lang, makeFmt(lang), s);
  if (causes.length > 0) out.push('', ...causes);
  const dueTo = consequencesOf(file.localisation, file.findings);
  for (const sev of SEVERITIES) {
    const group = file.findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push('', `  ${paint(s, sev, `${ui.severityPlural[sev]} (${group.length})`)}`);
    const shown = new Map<string, number>();
    for (const f of group) {
      const n = (shown.get(f.rule) ?? 0) + 1;
      shown.set(f.rule, n);
      if (n <= FINDINGS_PER_RULE) out.push(...findingLines(f, lang, s, '', dueTo.get(f)));
    }
    for (const [rule, n] of shown) if (n > FINDINGS_PER_RULE) out.push(`    ${s.dim(ui.moreFindings(n - FINDINGS_PER_RULE, rule))}`);
  }
  const notChecked = notCheckedSection(ui, file);
  if (notChecked) {
    const fmt = makeFmt(lang);
    out.push('', `  ${s.dim(notChecked.heading)}`);
    for (const sk of notChecked.skips) out.push(`    · ${ui.skipLine(sk.rule, sk.unit ?? null, renderSkip(sk.msg, fmt))}`);
  }
  if (opts.table && (table.units > MAX_TABLE_UNITS || !file.annex)) out.push('', `  ${s.dim(ui.tableOmitted(table.units))}`);
  else if (opts.table) out.push(...markedTable(file, lang, opts));
  return out;
}

/** Findings grouped by severity, at most FINDINGS_PER_RULE per rule and severity. */
function severityGroups(findings: readonly Finding[], lang: Lang, s: Style, indent = ''): string[] {
  const ui = catalog(lang).ui;
  const out: string[] = [];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out.push('', `${indent}  ${paint(s, sev, `${ui.severityPlural[sev]} (${group.length})`)}`);
    const shown = new Map<string, number>();
    for (const f of group) {
      const n = (shown.get(f.rule) ?? 0) + 1;
      shown.set(f.rule, n);
      if (n <= FINDINGS_PER_RULE) out.push(...findingLines(f, lang, s, indent));
    }
    for (const [rule, n] of shown) if (n > FINDINGS_PER_RULE) out.push(`${indent}    ${s.dim(ui.moreFindings(n - FINDINGS_PER_RULE, rule))}`);
  }
  return out;
}

/** A plan document's part's "Not checked" section (`notCheckedSection`), at most FINDINGS_PER_RULE of its lines. */
function skipLines(section: ReturnType<typeof notCheckedSection>, lang: Lang, s: Style, indent = ''): string[] {
  if (!section) return [];
  const ui = catalog(lang).ui;
  const skipped = section.skips;
  const fmt = makeFmt(lang);
  const shown = skipped.slice(0, FINDINGS_PER_RULE).map((sk) => `${indent}    · ${ui.skipLine(sk.rule, sk.unit ?? null, renderSkip(sk.msg, fmt))}`);
  const more = skipped.length > FINDINGS_PER_RULE ? [`${indent}    ${s.dim(ui.moreFindings(skipped.length - FINDINGS_PER_RULE, ui.notChecked.toLowerCase()))}`] : [];
  return ['', `${indent}  ${s.dim(section.heading)}`, ...shown, ...more];
}

/**
 * A plan document: the verdict, then one block per part (tables, stated figures, money, references), each
 * with what it checked, its likely causes (tables), findings and what it could not check; the poverty tables
 * drawn at the end of their part.
 */
function documentReport(input: ReportInput, file: FileResult, opts: TextOptions): string[] {
  const lang = langOf(input, file);
  const { ui, document: d } = catalog(lang);
  const s = opts.style;
  const doc = file.document!;
  const c = countFindings(file.findings);
  const word = verdictText(file, lang);
  const verdict = file.status === 'ok' ? s.ok(word) : file.status === 'unchecked' ? s.warning(word) : s.error(word);
  const { clause, hint } = coverageText(file, lang);
  const out = [`${verdict} — ${ui.counts(c.errors, c.warnings, c.infos)}${clause ? ` — ${clause}` : ''}`];
  if (hint) out.push(`  ${hint}`);
  const table = tableOf(file)!;
  out.push(s.dim(`  ${ui.readAs(file.source ? ui.source(file.source) : '', ui.layoutName[table.layout], localeText(ui, table, file.findings))}`));
  // As a table's verdict does: "no errors" says which checks found none.
  const checks = checksLine(file, lang);
  if (checks) out.push(s.dim(`  ${checks}`));
  const checked: Record<DocumentPart, string> = {
    tables: d.checked.tables({ tables: doc.checked.tables, budget: doc.checked.budgetTables, other: doc.tables.length - doc.checked.tables - doc.checked.budgetTables }),
    claims: d.checked.claims(doc.checked),
    money: d.checked.money(doc.checked),
    references: d.checked.references(doc.checked),
  };
  for (const part of DOCUMENT_PARTS) {
    const findings = file.findings.filter((f) => partOf(f) === part);
    const skipped = notCheckedSection(ui, file, part);
    out.push('', `  ${s.bold(`■ ${d.parts[part]}`)} ${s.dim(`— ${checked[part]}`)}`);
    if (part === 'tables') {
      const causes = causeLines(file.localisation, file.findings, lang, makeFmt(lang), s);
      if (causes.length > 0) out.push('', ...causes.map((l) => `  ${l}`));
    }
    if (findings.length === 0 && !skipped) out.push(`    ${s.dim(d.nothing)}`);
    out.push(...severityGroups(findings, lang, s, '  '), ...skipLines(skipped, lang, s, '  '));
    if (part === 'tables' && opts.table) {
      for (const t of doc.tables) {
        if (!t.annex) continue;
        if (t.annex.units.length > MAX_TABLE_UNITS) out.push('', `    ${s.dim(ui.tableOmitted(t.annex.units.length))}`);
        else out.push(...markedTable(file, lang, opts, t.annex, d.tableTitle(t.number)).map((l) => (l ? `  ${l}` : l)));
      }
    }
  }
  return out;
}

export function textReport(input: ReportInput, opts: TextOptions): string {
  const blocks = input.files.map((f) => fileReport(input, f, opts).join('\n'));
  if (input.files.length > 1) {
    blocks.push(opts.style.bold(catalog(runLang(input)).ui.summary(summaryCounts(input.files))));
  }
  const passed = passedOverLine(input);
  if (passed) blocks.push(passed);
  return blocks.join('\n\n') + '\n';
}
