/** English messages. Numbers arrive as plain digits; f.n() writes them as 210,299 and 11.80. */
import type { Catalog } from './types.js';

const sign = (plain: string) => (plain.startsWith('-') ? plain : `+${plain}`);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export const en: Catalog = {
  'sum.mismatch': (p, f) =>
    `${f.ind(p.indicator)}: the ${p.count} units add up to ${f.n(p.parts)}, but ${p.total} shows ${f.n(p.actual)} (difference ${f.n(sign(p.diff))}).`,
  'sum.total-assumed': (p) =>
    `No column or row is labelled as the total (Toàn tỉnh, Tổng, Tổng cộng, Cộng, Total); "${p.unit}" is taken as the total for the sum checks.`,
  'flow.mismatch': (p, f) =>
    `${p.unit}: poor households at the end should be ${f.n(p.start)} − ${f.n(p.reduced)} = ${f.n(p.expected)}, but the table shows ${f.n(p.actual)}.`,
  'rate.mismatch': (p, f) => {
    const denom = p.indicator === 'rate_end' ? 'END-of-year households' : 'start-of-year households';
    let s = `${p.unit}: the ${lower(f.ind(p.indicator))} should be ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (over the ${denom}, rounded half-up to 2 decimals), but the table shows ${f.n(p.actual)}.`;
    if (p.startDenominator) s += ` ${f.n(p.actual)} is poor households at the end over the START-of-year households.`;
    return s;
  },
  'rate-change.mismatch': (p, f) => {
    const src = p.computed ? ' (rates computed from the counts, as the table prints none)' : '';
    let s = `${p.unit}: the reduction should be ${f.n(p.start)} − ${f.n(p.end)} = ${f.n(p.expected)} points${src}, but the table shows ${f.n(p.actual)}.`;
    if (p.unrounded) s += ` ${f.n(p.actual)} is the unrounded difference (${f.n(p.unrounded)}…) rounded; the annex convention subtracts the two printed two-decimal rates.`;
    if (p.share) s += ` ${f.n(p.actual)} is the reduced households as a share of the start-of-year households, not the fall of the rate.`;
    return s;
  },
  'rate-change.convention': (p, f) =>
    `${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.n(p.end)} (the difference of the printed rates); the unrounded difference ${f.n(p.unrounded)}… would round to ${f.n(p.rounded)}. This is the annex's convention, not an error.`,
  'denominator.mixed': (p, f) =>
    `${p.unit}: the start rate is over ${f.n(p.h0)} households and the end rate over ${f.n(p.h1)} (${f.n(sign(p.change))}), so the two rates have different denominators. ` +
    `The rate fell ${f.n(p.points)} points, but the ${f.n(p.reduced)} households reduced are only ${f.n(p.share)} % of the start-of-year households; ` +
    `the change in the number of households alone accounts for about ${f.n(p.growth)} points of the fall.`,
  'denominator.summary': (p, f) =>
    `${p.count} units under ${p.parent} have their start and end rates over different numbers of households, so their falls in the rate are not the shares of households that left poverty. ` +
    `The change in the number of households alone accounts for as much as ${f.n(p.growth)} points of a fall, in ${p.unit} (the rate fell ${f.n(p.points)} points, but the ${f.n(p.reduced)} households reduced are ${f.n(p.share)} % of its start-of-year households).`,
  'rate-change.convention-summary': (p, f) =>
    `${p.count} units under ${p.parent} print as the reduction the difference of their two printed rates where the unrounded difference would round to another value; this is the annex's convention, not an error. ` +
    `For example ${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.n(p.end)}, while the unrounded difference ${f.n(p.unrounded)}… would round to ${f.n(p.rounded)}.`,
  'range.negative': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} is negative (${f.n(p.actual)}); a number of households cannot be below 0.`,
  'range.fraction': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} is ${f.n(p.actual)}; a number of households must be a whole number.`,
  'range.exceeds': (p, f) =>
    `${p.unit}: ${lower(f.ind(p.part))} (${f.n(p.partValue)}) is larger than ${lower(f.ind(p.whole))} (${f.n(p.wholeValue)}).`,
  'range.reduced-negative': (p, f) =>
    `${p.unit}: poor households reduced is negative (${f.n(p.actual)}), i.e. the number of poor households grew; check the sign.`,
  'range.rate': (p, f) => `${p.unit}: ${lower(f.ind(p.indicator))} = ${f.n(p.actual)} is outside ${f.n(p.min)}–${f.n(p.max)}.`,
  'number.text': (p, f) => `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is not a number.`,
  'number.grouping': (p, f) =>
    `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is not a well-formed number in ${p.locale === 'vi' ? 'Vietnamese format ("." groups three digits, "," is the decimal mark)' : 'English format ("," groups three digits, "." is the decimal mark)'}.`,
  'number.other-locale': (p, f) =>
    `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is written in ${p.locale === 'vi' ? 'English' : 'Vietnamese'} format, but this file uses ${p.locale === 'vi' ? 'Vietnamese' : 'English'} format (as in ${p.witness}); use --locale if that is wrong.`,
  'number.dash': (p, f) =>
    `${p.unit}, ${lower(f.ind(p.indicator))}: "${p.text}" is not a number; write 0 if there are none.`,
  'missing.value': (p, f) => `${p.unit}: no value for ${lower(f.ind(p.indicator))}.`,
  'missing.indicator': (p, f) => `The table has no "${f.ind(p.indicator)}"; not checked: ${p.rules.join(', ')}.`,
  'missing.unit-name': (p) => `Row ${p.row} has values but no unit name.`,
  'duplicate.indicator': (p, f) => `"${f.ind(p.indicator)}" appears twice (first at ${p.first}); this one is ignored.`,
  'duplicate.unit': (p) => `Unit "${p.unit}" appears twice (first at ${p.first}).`,
  'duplicate.code': (p) => `Code "${p.code}" of "${p.unit}" is also the code of "${p.first}".`,
  'hierarchy.unknown-parent': (p) => `"${p.unit}": no unit has the parent code "${p.parent}"; this unit is not added up anywhere.`,
  'hierarchy.cycle': (p) => `"${p.unit}" is in a loop of parents (${p.codes.join(' → ')}); the units in the loop are not added up anywhere.`,
  'hierarchy.orphan': (p) => `"${p.unit}" has no parent and is not the total; its values are not added up anywhere.`,
  'unknown.row': (p) => `"${p.text}" is not a known indicator; the row is not checked (see the label list in README).`,
  'unknown.unlabelled-row': (p) => `Row ${p.row} has values but no indicator label; it is not checked.`,
  'unknown.empty-row': (p) => `Row ${p.row} ("${p.text}") has no values; it is not checked.`,
  'unknown.column': (p) => `"${p.text}" is not a known indicator; the column is not checked (see the label list in README).`,
  'unknown.unlabelled-column': (p) => `Column ${p.col} has content but no header; it is not checked.`,
  'skip.bad-value': (p, f) => `${f.list(p.cells)} not usable`,
  'skip.absent': (p, f) => `the table has no ${f.list(p.indicators.map((i) => lower(f.ind(i))))}`,
  ui: {
    indicatorLabels: {
      households_start: 'Total households, start of year',
      households_end: 'Total households, end of year',
      poor_start: 'Poor households, start of year',
      poor_reduced: 'Poor households reduced during the year',
      poor_end: 'Poor households, end of year',
      rate_start: 'Poverty rate, start of year',
      rate_reduced: 'Poverty rate reduction (points)',
      rate_end: 'Poverty rate, end of year',
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
    measure: { households: 'Households', percent: '%' },
    sttHeader: 'No.',
    labelHeader: 'Indicator',
    measureHeader: 'Unit',
    unitHeader: 'Unit',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    severityPlural: { error: 'Errors', warning: 'Warnings', info: 'Information' },
    verdictOk: (file) => `✔ ${file}: no errors`,
    verdictInvalid: (file) => `✖ ${file}: errors found`,
    verdictUnreadable: (file, reason) => `✖ ${file}: cannot be read (${reason})`,
    counts: (e, w, i) => `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} info`,
    readAs: (source, layout, locale) => `Read as: ${source}; ${layout} layout; numbers in ${locale} format`,
    source: (s) =>
      s.kind === 'delimited'
        ? `${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3', vni: 'VNI' }[s.encoding]} text, ${{ ',': 'comma', ';': 'semicolon', '\t': 'TAB' }[s.delimiter]}-delimited`
        : `${s.format} workbook, sheet "${s.sheet}"`,
    layoutName: { wide: 'wide (one row per indicator)', long: 'long (one row per unit)' },
    localeName: { vi: 'Vietnamese (210.299; 11,80)', en: 'English (210,299; 11.80)', plain: 'plain (no separators)' },
    expectedActual: (e, a) => `expected ${e}, found ${a}`,
    notChecked: 'Not checked',
    moreFindings: (n, rule) => `… and ${n} more ${rule} findings (all of them with --format json)`,
    tableOmitted: (units) => `The table has ${units} units, too many to print here; use --format json, or povcheck table to see it.`,
    skipLine: (rule, unit, reason) => `${rule}${unit ? ` (${unit})` : ''}: ${reason}`,
    allUnits: 'all units',
    annexTitle: 'The table (cells with findings are marked)',
    legend: '✖ error  ▲ warning  ℹ info',
    summary: (files, e, w, i) => `Total: ${files} ${files === 1 ? 'file' : 'files'}; ${e} errors, ${w} warnings, ${i} info.`,
    unreadable: (file, reason) => `povcheck: ${file}: ${reason}`,
  },
  errors: {
    FILE_NOT_FOUND: () => 'no such file',
    FILE_UNREADABLE: (p) =>
      p.reason === 'directory' ? 'this is a directory, not a file' : p.reason === 'not-a-file' ? 'this is not a regular file' : `cannot read the file (${p.detail ?? ''})`,
    FILE_EMPTY: (p) => (p.blank ? 'the file holds only blank space, no table' : 'the file is empty'),
    FILE_BINARY: (p) =>
      ({
        zip: 'this is a ZIP container (an .xlsx/.docx workbook or a .zip archive), not a CSV file',
        ole: 'this is a legacy Office file (.xls/.doc); save it as CSV or .xlsx',
        pdf: 'this is a PDF document, not a table',
        png: 'this is a PNG image, not a table',
        jpeg: 'this is a JPEG image, not a table',
        gzip: 'this is gzip-compressed data, not a table',
        binary: 'this is binary data, not a CSV or text table',
      })[p.kind],
    FILE_TOO_LARGE: (p) => `the file is larger than ${p.limitMb} MB`,
    ENCODING_INVALID: (p) =>
      `the text is not valid ${p.encoding}; it may be in a legacy code page (Windows-1258, TCVN3, VNI): save it from Excel as "CSV UTF-8" or "Unicode Text"`,
    ENCODING_LEGACY: (p) =>
      `the text is in a legacy Vietnamese encoding${p.likely ? ` (most likely ${{ 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3/ABC, fonts .VnTime', vni: 'VNI, fonts VNI-Times' }[p.likely]})` : ' (Windows-1258, TCVN3 or VNI)'}${p.sample ? `, e.g. "${p.sample}"` : ''}; read it with --encoding ${p.likely ?? 'windows-1258|tcvn3|vni'} or save it as "CSV UTF-8"`,
    CSV_MALFORMED: (p) => `cannot parse the CSV${p.line ? ` near line ${p.line}` : ''}: ${p.detail}`,
    NOT_A_TABLE: (p) =>
      p.reason === 'no-columns'
        ? 'no column structure: no line splits into several fields at a comma, semicolon or TAB'
        : 'no poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start") found in any row or column',
    LOCALE_AMBIGUOUS: (p) =>
      p.reason === 'ambiguous'
        ? `cell ${p.cell}: "${p.text}" reads as ${p.vi} in Vietnamese format and ${p.en} in English format, and no other cell tells which the file uses; pass --locale vi or --locale en`
        : `the file mixes both number formats equally (${p.viCell} "${p.viText}" is Vietnamese, ${p.enCell} "${p.enText}" English); pass --locale vi or --locale en`,
    USAGE: (p) => p.detail,
    WRITE_FAILED: (p) => `cannot write the output file (${p.detail})`,
    INTERNAL: (p) => `internal error (${p.detail}); please report it with the file`,
  },
};
