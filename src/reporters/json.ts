/**
 * The JSON report: a contract for CI users, documented in docs/json-report.md.
 * Values are strings with the table's exact digits in plain form ("4693", "13.56"); `cell` is the A1
 * reference in the input.
 * The text is made piece by piece (`jsonReportPieces`: a file's findings a batch at a time, as they are written),
 * never as one object tree and one string; `jsonReport` joins the pieces.
 */
import { jsonControlsEscaped } from '../render/safe-text.js';
import { makeFmt, renderError, renderMessage, renderSkip, type Fmt } from '../messages/index.js';
import type { FileResult } from '../model/file-result.js';
import { langOf, tableOf, totalCounts, type ReportInput } from './types.js';
import { causeMessage } from './causes.js';
import type { Localisation } from '../locate/types.js';
import type { Lang } from '../model/lang.js';
import type { FindingDetail } from '../model/finding-detail.js';
import { partOf } from '../model/document.js';
import type { Coverage } from '../model/coverage.js';
import type { Finding, Skip } from '../model/finding.js';
import { Fields, LazyList, jsonPieces, mapLazily } from '../render/json-pieces.js';

/** `causes` of the JSON contract: cells, proposed values, the findings each explains, slip kind, confidence. */
function causesJson(loc: Localisation | undefined, lang: Lang, fmt: Fmt): object[] {
  if (!loc) return [];
  // Several independent errors: every error's causes, each saying which error (`part`, from 0) it explains.
  if (loc.parts) return loc.parts.flatMap((p, k) => causesJson(p, lang, fmt).map((c) => ({ ...c, part: k })));
  return loc.causes.map((c, i) => {
    const kinds = c.cells.map((x) => x.kind ?? null);
    const ranged = c.cells.filter((x) => x.range);
    const formulas = c.cells.filter((x) => x.formula);
    return {
      cells: c.cells.map((x) => x.cell.ref),
      ...(c.cells[0]?.cell.sheet ? { sheet: c.cells[0].cell.sheet } : {}),
      proposed: Object.fromEntries(c.cells.filter((x) => x.proposed !== undefined).map((x) => [x.cell.ref, x.proposed!])),
      explains: [...c.explains],
      kind: kinds.every((k) => k !== null && k === kinds[0]) ? kinds[0]! : null,
      confidence: c.confidence,
      pinned: c.pinned,
      kinds: Object.fromEntries(c.cells.map((x) => [x.cell.ref, x.kind ?? null])),
      ...(ranged.length > 0 ? { range: Object.fromEntries(ranged.map((x) => [x.cell.ref, { min: x.range!.min ?? null, max: x.range!.max ?? null }])) } : {}),
      ...(c.shift ? { shift: { along: c.shift.along, direction: c.shift.direction, from: c.cells[0]!.cell.ref, to: c.cells[c.cells.length - 1]!.cell.ref, lost: c.shift.lost.ref, landed: c.shift.landed?.cell.ref ?? null } } : {}),
      ...(formulas.length > 0 ? { formulas: Object.fromEntries(formulas.map((x) => [x.cell.ref, { formula: x.formula!.text, treated: x.formula!.role, ...(x.formula!.range ? { leavesOut: x.formula!.range.leavesOut, adds: x.formula!.range.adds } : {}), ...(x.formula!.sheet !== undefined ? { sheet: x.formula!.sheet } : {}) }])) } : {}),
      message: causeMessage(loc, c, i + 1, lang, fmt),
    };
  });
}

/** A finding's detail without its rule tag (the key it sits under says it). */
function detailJson(d: FindingDetail) {
  const { rule: _rule, ...rest } = d;
  return rest;
}

export const JSON_SCHEMA_VERSION = 1;

/** A plan document: its tables and what was checked in each part. */
function documentJson(file: FileResult) {
  const d = file.document!;
  return {
    format: d.format,
    paragraphs: d.paragraphs,
    tables: d.tables.map((t) => ({
      table: t.number,
      kind: t.kind,
      units: t.annex ? Array.from(t.annex.units, (u) => u.name) : null,
      total: t.annex?.total?.name ?? null,
      headerLost: t.headerLost ? { names: [...t.headerLost.names], fromUnitsOption: t.headerLost.given } : null,
      ...(t.continues !== undefined ? { continues: t.continues } : {}),
    })),
    checked: d.checked,
  };
}

/** `coverage` of the contract: checks ran of those asked for, the ones that could not run and why, labels not understood, indicators compared with nothing. */
function coverageJson(c: Coverage, fmt: Fmt) {
  return {
    checks: { ran: c.ran.length, total: c.checks.length },
    ran: c.ran,
    notRun: c.notRun.map((n) => ({ check: n.check, reason: renderSkip(n.reason, fmt) })),
    notUnderstood: c.notUnderstood.map((l) => ({ text: l.text, cell: l.cell, keys: l.keys ?? [], ...(l.noIndicator ? { noIndicator: true } : {}), ...(l.unrelated ? { unrelated: true } : {}) })),
    ...(c.notCompared ? { notCompared: c.notCompared.map((n) => ({ indicator: n.indicator, label: fmt.ind(n.indicator), cell: n.cell ?? null })) } : {}),
  };
}

/** One finding of the `findings` array. */
function findingJson(file: FileResult, f: Finding, fmt: Fmt) {
  // Its members in the contract's order, the optional ones set where they go (no object made to be spread).
  const at = f.at;
  const json: Record<string, unknown> = { rule: f.rule, severity: f.severity, cell: at?.ref ?? null };
  if (at?.sheet) json.sheet = at.sheet;
  json.unit = f.unit ?? null;
  json.indicator = f.indicator ?? null;
  json.expected = f.expected ?? null;
  json.actual = f.actual ?? null;
  json.message = renderMessage(f.msg, fmt);
  // `target` and `continuity` findings carry their data under the rule's id.
  if (f.detail) json[f.detail.rule] = detailJson(f.detail);
  // Plan documents: the part of the report, and where a finding about the text is.
  if (file.document) json.part = partOf(f);
  if (f.place) json.place = { section: f.place.section, paragraph: f.place.paragraph, quote: f.place.quote, mark: f.place.mark ?? null, line: f.place.line ?? null };
  return json;
}

/** One entry of the `skipped` array. */
function skipJson(file: FileResult, s: Skip, fmt: Fmt) {
  return { rule: s.rule, unit: s.unit ?? null, reason: renderSkip(s.msg, fmt), ...(file.document ? { part: partOf(s) } : {}) };
}

function fileJson(input: ReportInput, file: FileResult) {
  // Its table's summary made once (a long table's total is a unit made when asked).
  const table = tableOf(file);
  const lang = input.lang ?? table?.lang ?? langOf(input, file);
  const fmt = makeFmt(lang);
  if (file.status === 'unreadable' && file.error) {
    const e = file.error;
    const reason = renderError(e, lang);
    return {
      file: file.file,
      status: file.status,
      error: { code: e.code, message: reason, cell: e.cell ?? null },
      // The members every file has, as the contract gives them for an unreadable one (consumers need not test for them).
      findings: [],
      skipped: [],
      coverage: null,
      causes: [],
      localisation: null,
    };
  }
  return new Fields({
    file: file.file,
    status: file.status,
    layout: table!.layout,
    locale: table!.locale,
    ...(table!.rateLocale ? { rateLocale: table!.rateLocale } : {}),
    lang,
    source: file.source ?? null,
    units: table!.units,
    total: table!.total ?? null,
    findings: new LazyList(mapLazily(file.findings, (f) => findingJson(file, f, fmt))),
    skipped: new LazyList(mapLazily(file.skipped, (sk) => skipJson(file, sk, fmt))),
    coverage: file.coverage ? coverageJson(file.coverage, fmt) : null,
    causes: causesJson(file.localisation, lang, fmt),
    localisation: file.localisation
      ? {
          status: file.localisation.status,
          failing: file.localisation.failing,
          size: file.localisation.size ?? null,
          more: file.localisation.more,
          ...(file.localisation.parts
            ? { parts: file.localisation.parts.map((p) => ({ status: p.status, failing: p.failing, size: p.size ?? null, more: p.more })) }
            : {}),
        }
      : null,
    ...(file.document ? { document: documentJson(file) } : {}),
  });
}

/** The report as pieces of text, made as they are asked for (each file's findings a batch at a time). */
export function* jsonReportPieces(input: ReportInput): Generator<string> {
  for (const piece of jsonPieces(reportJson(input))) yield jsonControlsEscaped(piece);
  yield '\n';
}

/** The whole report as one string: the pieces of `jsonReportPieces` joined. */
export function jsonReport(input: ReportInput): string {
  let text = '';
  for (const piece of jsonReportPieces(input)) text += piece;
  return text;
}

function reportJson(input: ReportInput): Fields {
  const c = totalCounts(input.files);
  return new Fields({
    povcheck: JSON_SCHEMA_VERSION,
    files: new LazyList(mapLazily(input.files, (f) => fileJson(input, f))),
    ...(input.series ? { series: { files: input.series.files, unitsMap: input.series.unitsMap ?? null, transitions: input.series.transitions } } : {}),
    ...(input.passedOver?.length ? { passedOver: [...input.passedOver] } : {}),
    summary: { files: input.files.length, errors: c.errors, warnings: c.warnings, infos: c.infos, unreadable: c.unreadable, unchecked: input.files.filter((f) => f.status === 'unchecked').length },
  });
}
