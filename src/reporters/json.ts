/**
 * The JSON report: a contract for CI users, documented in README ("JSON report").
 * Values are strings with the table's exact digits in plain form ("4693", "13.56"); `cell` is the A1
 * reference in the input.
 */
import { catalog, makeFmt, renderMessage, renderSkip } from '../messages/index.js';
import type { FileResult } from '../validate.js';
import { langOf, tableOf, totalCounts, type ReportInput } from './types.js';

export const JSON_SCHEMA_VERSION = 1;

function fileJson(input: ReportInput, file: FileResult) {
  const lang = langOf(input, file);
  const fmt = makeFmt(lang);
  if (file.status === 'unreadable' && file.error) {
    const e = file.error;
    const reason = (catalog(lang).errors[e.code] as (p: unknown) => string)(e.params);
    return {
      file: file.file,
      status: file.status,
      error: { code: e.code, message: reason, cell: e.cell ?? null },
      findings: [],
    };
  }
  const table = tableOf(file)!;
  return {
    file: file.file,
    status: file.status,
    layout: table.layout,
    locale: table.locale,
    lang,
    source: file.source ?? null,
    units: table.units,
    total: table.total ?? null,
    findings: file.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      cell: f.at?.ref ?? null,
      ...(f.at?.sheet ? { sheet: f.at.sheet } : {}),
      unit: f.unit ?? null,
      indicator: f.indicator ?? null,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      message: renderMessage(f.msg, fmt),
    })),
    skipped: file.skipped.map((s) => ({ rule: s.rule, unit: s.unit ?? null, reason: renderSkip(s.msg, fmt) })),
  };
}

export function jsonReport(input: ReportInput): string {
  const c = totalCounts(input.files);
  const out = {
    povcheck: JSON_SCHEMA_VERSION,
    files: input.files.map((f) => fileJson(input, f)),
    summary: { files: input.files.length, errors: c.errors, warnings: c.warnings, infos: c.infos, unreadable: c.unreadable },
  };
  return JSON.stringify(out, null, 2) + '\n';
}
