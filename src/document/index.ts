/**
 * The document stage: a plan (PlanDocument, from read/docx.ts or read/text-document.ts) → findings, in four
 * parts. Tables: every poverty table through the table pipeline (`checkGrid`, tables.ts). Stated figures:
 * the text's claims against the table and within their sentence, its targets through the `target` rule
 * (claims.ts). Money: totals against their parts, with the likely cause (money.ts). References: the same
 * document cited with different dates or issuers, impossible dates (references.ts).
 *
 * The checks of the text are self-contained (they read paragraphs and the annex model), so they can move onto
 * another table engine unchanged. Pure.
 */
import { PovcheckError } from '../errors.js';
import { compareFindings, severityRank, type Finding, type RuleId, type Skip } from '../model/finding.js';
import type { Localisation } from '../locate/types.js';
import type { Coverage } from '../model/coverage.js';
import { DOCUMENT_PARTS, partOf, writesVietnameseText, type DocumentReport, type DocumentTableReport, type PlanDocument } from '../model/document.js';
import type { Annex } from '../model/annex.js';
import type { Grid } from '../model/grid.js';
import { checkTargets } from '../rules/target.js';
import { relevel, withoutOffRules } from '../rules/levels.js';
import type { CheckOptions } from '../model/options.js';
import { checkClaims, textNotRunReason, type ClaimTable } from './claims.js';
import type { SkipRef } from '../model/message-ref.js';
import { checkMoney, type Amount, type Relation } from './money.js';
import { readBudgetTable } from './budget-tables.js';
import { checkReferences } from './references.js';
import { checkDocumentTables, claimTableOf, letterheadTexts, type TableCheck } from './tables.js';

export interface DocumentOptions extends CheckOptions {
  /** `--units`: names for the unit columns of a table whose header row was lost. */
  unitNames?: readonly string[];
}

export interface DocumentCheck {
  findings: Finding[];
  skipped: Skip[];
  /** The poverty tables' checks and the text's (claim, money, reference): which ran, which could not and why. */
  coverage: Coverage;
  localisation: Localisation;
  /** The first poverty table: what the reports summarise (layout, number format, units). */
  annex?: Annex;
  grid?: Grid;
  report: DocumentReport;
  /** Indexes of the run's targets (`--targets`, `--target`) naming a unit the first poverty table lacks. */
  targetsUnmatched?: number[];
}

const CLEAN: Localisation = { status: 'clean', failing: 0, causes: [], more: 0 };

/** The localisations of several tables as one, `explains` moved to where each table's findings end up. */
function mergeLocalisations(parts: Array<{ loc: Localisation; offset: number }>): Localisation {
  const used = parts.filter((p) => p.loc.status !== 'clean');
  if (used.length === 0) return CLEAN;
  if (used.length === 1) {
    const { loc, offset } = used[0]!;
    return { ...loc, causes: loc.causes.map((c) => ({ ...c, explains: c.explains.map((i) => i + offset) })) };
  }
  const status = used.some((p) => p.loc.status === 'found') ? 'found' : used.some((p) => p.loc.status === 'stopped') ? 'stopped' : 'none';
  const sizes = used.map((p) => p.loc.size).filter((s): s is number => s !== undefined);
  return {
    status,
    failing: used.reduce((n, p) => n + p.loc.failing, 0),
    ...(sizes.length > 0 ? { size: Math.min(...sizes) } : {}),
    causes: used.flatMap(({ loc, offset }) => loc.causes.map((c) => ({ ...c, explains: c.explains.map((i) => i + offset) }))),
    more: used.reduce((n, p) => n + p.loc.more, 0),
  };
}

/** Text findings in report order: severity, then where they are in the text. */
function compareText(a: Finding, b: Finding): number {
  return severityRank(a.severity) - severityRank(b.severity) || (a.place?.paragraph ?? 0) - (b.place?.paragraph ?? 0) || (a.place?.mark?.start ?? 0) - (b.place?.mark?.start ?? 0) || compareFindings(a, b);
}

function tableReport(t: TableCheck, budget: boolean): DocumentTableReport {
  return {
    number: t.table.number,
    kind: t.result || t.continues !== undefined ? 'poverty' : budget ? 'budget' : 'other',
    grid: t.grid,
    ...(t.result ? { annex: t.result.annex } : {}),
    ...(t.headerLost ? { headerLost: t.headerLost } : {}),
    ...(t.problem ? { problem: true } : {}),
    ...(t.continues !== undefined ? { continues: t.continues } : {}),
  };
}

/**
 * A text check for the coverage: whether it ran, whether it was asked at all (`target` only when the text sets
 * targets: the run's targets are the tables'), and why it did not run when its skips say (else its part found
 * nothing of its kind).
 */
interface TextCoverage {
  check: string;
  part: 'claims' | 'money' | 'references';
  ran: boolean;
  asked: boolean;
  reason?: SkipRef;
}

/**
 * A document's coverage: its poverty tables' (a check ran when it ran in any table) and the text's checks. The
 * indicators read but compared with nothing are each table's, less those the text or the run's targets compared
 * (`compared`: `<table number>|<indicator>`).
 */
function documentCoverage(tablesWithNumbers: ReadonlyArray<{ number: number; coverage: Coverage }>, text: readonly TextCoverage[], compared: ReadonlySet<string>): Coverage {
  const tables = tablesWithNumbers.map((t) => t.coverage);
  const checks: string[] = [];
  const ran = new Set<string>();
  for (const c of tables) {
    for (const id of c.checks) if (!checks.includes(id)) checks.push(id);
    for (const id of c.ran) ran.add(id);
  }
  for (const t of text) {
    if (!t.asked) continue;
    if (!checks.includes(t.check)) checks.push(t.check);
    if (t.ran) ran.add(t.check);
  }
  const notRun: Coverage['notRun'] = [];
  for (const id of checks) {
    if (ran.has(id)) continue;
    const fromTable = tables.map((c) => c.notRun.find((n) => n.check === id)).find((n) => n !== undefined);
    const t = text.find((x) => x.check === id);
    notRun.push(fromTable ?? { check: id, reason: t?.reason ?? { id: 'skip.document-part', params: { part: t?.part ?? 'claims' } } });
  }
  const notCompared = tablesWithNumbers.some((t) => t.coverage.notCompared)
    ? tablesWithNumbers.flatMap((t) => (t.coverage.notCompared ?? []).filter((n) => !compared.has(`${t.number}|${n.indicator}`)))
    : undefined;
  return { checks, ran: checks.filter((id) => ran.has(id)), notRun, notUnderstood: tables.flatMap((c) => c.notUnderstood), ...(notCompared ? { notCompared } : {}) };
}

/** Checks a plan document. Throws DOCUMENT_NOTHING when it holds nothing povcheck checks. */
export function checkDocument(doc: PlanDocument, opts: DocumentOptions = {}): DocumentCheck {
  const { targets, ...tableOpts } = opts;
  const checks = checkDocumentTables(doc.tables, tableOpts);
  const poverty = checks.filter((c) => c.result);
  const primary = poverty[0];
  const { findings, skipped, locs } = tableFindings(checks);
  // The run's targets (a targets file, --target, the configuration) are checked on the first poverty table.
  let targetsUnmatched: number[] | undefined;
  const compared = new Set<string>();
  if (primary && targets && opts.rules?.target !== 'off') {
    const t = checkTargets(primary.result!.annex, targets);
    for (const f of t.findings) if (f.indicator !== undefined) compared.add(`${primary.table.number}|${f.indicator}`);
    findings.push(...relevel(t.findings, opts.rules));
    skipped.push(...withoutOffRules(t.skipped, opts.rules));
    targetsUnmatched = t.unmatched;
  }
  const text = checkText(doc, checks);
  const textFindings = relevel([...text.claims.findings, ...text.money.findings, ...text.references.findings], opts.rules);
  for (const part of DOCUMENT_PARTS.slice(1)) findings.push(...textFindings.filter((f) => partOf(f) === part).sort(compareText));
  skipped.push(...withoutOffRules([...text.claims.skipped, ...text.money.skipped], opts.rules));
  const report = documentReport(doc, checks, text);
  if (poverty.length === 0 && report.checked.claims + report.checked.targets + report.checked.totals + report.checked.citations === 0) throw nothingChecked(doc, checks, text);
  return {
    findings,
    skipped,
    coverage: documentCoverage(
      poverty.map((c) => ({ number: c.table.number, coverage: c.result!.coverage })),
      textCoverage(text, opts),
      new Set([...compared, ...text.claims.compared.map((c) => `${c.table}|${c.indicator}`)]),
    ),
    localisation: mergeLocalisations(locs),
    ...(primary ? { annex: primary.result!.annex, grid: primary.grid } : {}),
    report,
    ...(targetsUnmatched ? { targetsUnmatched } : {}),
  };
}

/** Table findings, table after table; a table that looked like a poverty table but could not be read says why. */
function tableFindings(checks: readonly TableCheck[]): { findings: Finding[]; skipped: Skip[]; locs: Array<{ loc: Localisation; offset: number }> } {
  const findings: Finding[] = [];
  const skipped: Skip[] = [];
  const locs: Array<{ loc: Localisation; offset: number }> = [];
  for (const c of checks) {
    if (c.problem) {
      findings.push({ rule: 'unknown', severity: 'warning', msg: { id: 'unknown.document-table', params: { table: c.table.number, error: { code: c.problem.code, params: c.problem.params } } } });
    }
    if (!c.result) continue;
    locs.push({ loc: c.result.localisation, offset: findings.length });
    findings.push(...c.result.findings);
    skipped.push(...c.result.skipped);
  }
  return { findings, skipped, locs };
}

/** The text's checks: its claims against the poverty tables, its money (with the budget tables' totals), its references. */
interface TextChecks {
  claims: ReturnType<typeof checkClaims>;
  money: ReturnType<typeof checkMoney>;
  references: ReturnType<typeof checkReferences>;
  /** The numbers of the tables read as budget tables. */
  budgetTables: Set<number>;
}

function checkText(doc: PlanDocument, checks: readonly TableCheck[]): TextChecks {
  const poverty = checks.filter((c) => c.result);
  const claimTables: ClaimTable[] = poverty.map(claimTableOf);
  const letterhead = letterheadTexts(checks);
  const claims = checkClaims(doc.paragraphs, claimTables, { source: 'plan text', letterhead });
  // Tables that are not poverty tables may be budget tables: their totals go with the text's money.
  const budgetTables = new Set<number>();
  const money = checkMoney(doc.paragraphs, (firstId) => budgetAmounts(doc, checks, firstId, budgetTables));
  return { claims, money, references: checkReferences(doc.paragraphs), budgetTables };
}

/** The amounts and relations of the tables that are neither poverty tables nor unreadable ones, when they read as budget tables (noted in `budgetTables`). */
function budgetAmounts(doc: PlanDocument, checks: readonly TableCheck[], firstId: number, budgetTables: Set<number>): { amounts: Amount[]; relations: Relation[] } {
  const all: { amounts: Amount[]; relations: Relation[] } = { amounts: [], relations: [] };
  for (const c of checks) {
    if (c.result || c.problem || c.continues !== undefined) continue;
    const before = c.table.after !== undefined ? doc.paragraphs[c.table.after - 1] : undefined;
    const b = readBudgetTable(c.table, before, firstId + all.amounts.length);
    if (!b) continue;
    budgetTables.add(c.table.number);
    all.amounts.push(...b.amounts);
    all.relations.push(...b.relations);
  }
  return all;
}

function documentReport(doc: PlanDocument, checks: readonly TableCheck[], { claims, money, references, budgetTables }: TextChecks): DocumentReport {
  return {
    format: doc.format,
    paragraphs: doc.paragraphs.length,
    tables: checks.map((c) => tableReport(c, budgetTables.has(c.table.number))),
    checked: {
      tables: checks.filter((c) => c.result || c.continues !== undefined).length,
      budgetTables: budgetTables.size,
      claims: claims.claims,
      targets: claims.targets,
      totals: money.totals,
      amounts: money.amounts,
      // Citations with nothing to compare (none dated, no number cited twice with its issuer) are not counted as checked.
      citations: references.compared > 0 ? references.citations : 0,
      documents: references.compared > 0 ? references.documents : 0,
    },
  };
}

/** Nothing checked at all (figures without a table to compare them with, amounts that are no total's parts): the first table's problem, else DOCUMENT_NOTHING (exit 2). */
function nothingChecked(doc: PlanDocument, checks: readonly TableCheck[], { claims, money, references }: TextChecks): PovcheckError {
  const problem = checks.find((c) => c.problem)?.problem;
  const statements = claims.skipped.reduce((n, sk) => n + (sk.msg.id === 'skip.claim-no-table' ? (sk.msg.params as { clauses: number }).clauses : 0), 0);
  const params = { paragraphs: doc.paragraphs.length, tables: doc.tables.length, statements, amounts: money.amounts, bounded: money.bounded, citations: references.citations };
  // In the document's language when it is Vietnamese, as its report would be (pipeline.ts documentResult).
  return problem ?? new PovcheckError('DOCUMENT_NOTHING', params, writesVietnameseText(doc) ? { lang: 'vi' } : {});
}

/**
 * The text's checks for the coverage, those switched off left out. The text sets targets when it checked one or
 * left one unchecked (a unit of a table whose header row was lost): then `target` is listed, ran or not.
 */
function textCoverage({ claims, money, references }: TextChecks, opts: DocumentOptions): TextCoverage[] {
  const reason = (rule: 'claim' | 'target') => textNotRunReason(claims.skipped, rule);
  const targetReason = reason('target');
  const checks: TextCoverage[] = [
    { check: 'claim', part: 'claims', ran: claims.claims > 0, asked: true, ...optional(reason('claim')) },
    { check: 'target', part: 'claims', ran: claims.targets > 0, asked: claims.targets > 0 || targetReason !== undefined, ...optional(targetReason) },
    { check: 'money', part: 'money', ran: money.totals > 0, asked: true },
    { check: 'reference', part: 'references', ran: references.compared > 0, asked: true, ...(references.citations > 0 ? { reason: { id: 'skip.reference-undated', params: { citations: references.citations } } } : {}) },
  ];
  return checks.filter((x) => opts.rules?.[x.check as RuleId] !== 'off');
}

const optional = (reason: SkipRef | undefined) => (reason ? { reason } : {});
