/** English text of the calculator commands (table, plan, rate). Numbers arrive as plain digits. */
import type { AtStartHouseholds, CalcText, TargetPhrase, UnmetUnit } from './calc-types.js';
import type { Fmt } from './types.js';
import type { Indicator } from '../model/indicators.js';
import { count, firstEight } from './number-format.js';
import { layoutWords } from './indicator-labels.js';

const OP = { '>=': '≥', '<=': '≤', '=': '=' } as const;
const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A value with its unit: "4.00 points", "25.56 %", "390 households". */
export function val(ind: Indicator, v: string, f: Fmt): string {
  if (ind === 'rate_reduced') return `${f.n(v)} points`;
  if (ind.startsWith('rate_')) return `${f.n(v)} %`;
  return `${f.n(v)} households`;
}

/** Indicator names inside sentences (the labels carry "(points)", which reads badly next to a value). */
const NAME: Partial<Record<Indicator, string>> = {
  rate_reduced: 'poverty rate reduction',
  rate_start: 'poverty rate at the start of the year',
  rate_end: 'poverty rate at the end of the year',
  poor_reduced: 'poor households reduced',
  poor_end: 'poor households at the end of the year',
};
export const name = (ind: Indicator, f: Fmt) => {
  const own = NAME[ind];
  return own === undefined ? low(f.ind(ind)) : f.period ? layoutWords('en').ofPeriod(own) : own;
};

/** The exits at constant households, when the plan's differ from them (compute/plan.ts `exitsAtStartHouseholds`). */
const atStartEn = ({ atStart: a }: { atStart?: AtStartHouseholds }, f: Fmt) =>
  a ? ` Total households change from ${f.n(a.h0)} to ${f.n(a.h1)}; were they unchanged, it would take ${f.n(a.exits)} fewer poor households.` : '';

const target = (p: TargetPhrase, f: Fmt) => `${name(p.indicator, f)} ${OP[p.op]} ${val(p.indicator, p.value, f)}`;

const why = (
  p: { indicator: Indicator; reason: 'zero-households' | 'unreachable' | 'not-exact'; poor: string; best?: string; exits?: string; value?: string; belowExits?: string; belowValue?: string },
  f: Fmt,
) => {
  if (p.reason === 'zero-households') return 'cannot be planned: the households at the start or at the end are 0, so there is no poverty rate';
  if (p.reason === 'unreachable') {
    return `cannot be met: even if all ${f.n(p.poor)} poor households left poverty, the ${name(p.indicator, f)} would only be ${val(p.indicator, p.best ?? '0', f)}`;
  }
  const below = p.belowExits !== undefined && p.belowValue !== undefined ? `${f.n(p.belowExits)} fewer poor households give ${val(p.indicator, p.belowValue, f)}, ` : '';
  return `no number of exits gives exactly this value: ${below}${f.n(p.exits ?? '0')} give ${val(p.indicator, p.value ?? '0', f)}`;
};

/** Why a unit's target cannot be met, inside the total's line (the unit's own line says it in full). */
const unmetWhy = (u: UnmetUnit, f: Fmt) => {
  if (u.reason === 'zero-households') return 'its households at the start or at the end are 0, so it has no poverty rate';
  if (u.reason === 'unreachable') return `even if all its ${f.n(u.poor)} poor households left poverty, its ${name(u.indicator, f)} would only be ${val(u.indicator, u.best ?? '0', f)}`;
  return `no number of exits gives its target exactly: ${f.n(u.exits ?? '0')} give ${val(u.indicator, u.value ?? '0', f)}`;
};

/**
 * Why a total's exits are unknown: each unit whose own target cannot be met, with why (not "no poor households
 * reduced": it may well have some in the table), then the units with none.
 */
const missingWhy = (missing: readonly string[], unmet: readonly UnmetUnit[] = [], f: Fmt) => {
  const rest = missing.filter((u) => !unmet.some((x) => x.unit === u));
  return [
    ...unmet.map((u) => `${u.unit}'s target cannot be met (${unmetWhy(u, f)}), so ${u.unit} has no planned exits`),
    ...(rest.length > 0 ? [`${rest.join(', ')} ${rest.length === 1 ? 'has' : 'have'} no poor households reduced`] : []),
  ].join('; and ');
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const enCalc: CalcText = {
  totalName: 'Total',
  sheetName: 'Annex',
  unitLine: (m) => `Unit: ${[m.households && 'households', m.persons && 'persons', m.percent && '%'].filter(Boolean).join(', ') || 'households, %'}`,
  ofYear: (y) => `(Figures for ${y})`,
  asOf: (d) => `(Figures as of ${d.day} ${MONTHS[d.month - 1]} ${d.year})`,
  sourceLine: (s) => `Source: ${s}`,
  continued: '(continued)',
  differencesHead: (file, n) => `povcheck: ${file}: ${n} ${n === 1 ? 'cell states' : 'cells state'} another value than computed; the output carries the computed values:`,
  difference: (p, f) =>
    `  ${p.cell} (${p.unit}, ${low(f.ind(p.indicator))}): the table has ${p.statedIsNumber ? f.n(p.stated) : `"${p.stated}" (not read as a number)`}, computed ${f.n(p.computed)}`,
  blankForm: (file, p) => `povcheck: ${file}: the table has no figures (${p.count} indicators recognised, every cell empty): the form is printed blank, to be filled in`,
  unreadableCell: (file, p, f) => `povcheck: ${file}: ${p.cell} (${p.unit}, ${low(f.ind(p.indicator))}): "${p.text}" ${p.fraction ? 'is not a whole number of households' : 'cannot be read as a number'} and cannot be computed from other cells; ${p.printed ? 'the output prints it as read' : 'the output leaves it blank'}`,
  fractionCells: (file, p) =>
    `povcheck: ${file}: ${p.count} household counts are fractions (${p.first.join(', ')}${p.count > p.first.length ? ', …' : ''}), cannot be computed with and are printed as read: the table was probably opened with English number settings, which read the thousands point as a decimal point (915.274 households, meant as 915,274, read as 915.274); import it again with Vietnamese settings`,
  suggestValidate: (file) => `  Run \`povcheck validate ${file}\` for what is wrong where.`,
  hiddenNotRead: (h) =>
    `${[h.rows.length ? `hidden ${h.rows.length === 1 ? 'row' : 'rows'} ${firstEight(h.rows, (n) => ` and ${count(n, 'en')} more`)}` : '', h.cols.length ? `hidden ${h.cols.length === 1 ? 'column' : 'columns'} ${firstEight(h.cols, (n) => ` and ${count(n, 'en')} more`)}` : ''].filter(Boolean).join(' and ')} not read (hidden in the workbook)`,
  otherSheets: (names) => `${names.length === 1 ? 'sheet' : 'sheets'} ${firstEight(names.map((n) => `"${n}"`), (n) => ` and ${count(n, 'en')} more`)} not read (--sheet to check one)`,
  sheetsPassedOver: (read, passedOver, webPage) =>
    webPage
      ? `read the web page's table ${read}: ${passedOver.length === 1 ? 'table' : 'tables'} ${passedOver.join(', ')} before it ${passedOver.length === 1 ? 'holds' : 'hold'} no poverty table`
      : `read sheet "${read}": ${passedOver.map((s) => `"${s}"`).join(', ')} before it ${passedOver.length === 1 ? 'holds' : 'hold'} no table`,
  documentTable: (d) =>
    [
      `${d.tables === 1 ? `read the document's only table (Table ${d.table})` : `read the document's Table ${d.table} (of ${count(d.tables, 'en')})`}${d.joined.length ? `, with ${tableList(d.joined)} below it as its continuation over a page break` : ''}`,
      d.headerLost
        ? `its header row was lost: its unit columns are named ${d.headerLost.given ? 'by --units' : `by position (${firstEight(d.headerLost.names, (n) => ` and ${count(n, 'en')} more`)}; name them with --units "…" in order)`}${d.headerLost.total !== undefined ? `, ${d.headerLost.total} the total` : ''}`
        : '',
      d.others.length ? `the poverty ${d.others.length === 1 ? 'table' : 'tables'} after it (${tableList(d.others)}) not read` : '',
      d.unreadable?.length ? `${tableList(d.unreadable)} before it, which ${d.unreadable.length === 1 ? 'looks' : 'look'} like a poverty table, could not be read (povcheck validate says why)` : '',
    ]
      .filter(Boolean)
      .join('; '),
  textTargets: (t) =>
    `the targets are the plan's own: ${t.count === 1 ? 'the one' : `the ${count(t.count, 'en')}`} its text sets (${t.paragraphs.map((n) => `¶${n}`).join(', ')})${t.unmatched.length ? `, not those of ${t.unmatched.join(', ')}, which the table does not name${t.unnamed ? ' (it lost its header row: name its columns with --units)' : ''}` : ''}; give --target or --targets to plan for others`,
  note: (file, message) => `povcheck: ${file}: ${message}`,
  ownTitle: (rows) => `the title above the table is the input's own (${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}); --title gives another`,
  planNotOk: (p) =>
    `the plan falls short: ${[p.unreachable.length ? `${firstEight(p.unreachable, (n) => ` and ${count(n, 'en')} more units`)} cannot reach ${p.unreachable.length === 1 ? 'its target' : 'their targets'} however many households leave poverty` : '', p.notMet ? `${count(p.notMet, 'en')} of the total's targets ${p.notMet === 1 ? 'is' : 'are'} not met` : '', p.unknown ? `${count(p.unknown, 'en')} of the total's targets cannot be told (units without a plan)` : ''].filter(Boolean).join('; ')}${p.output ? ` (details in ${p.output})` : ''}`,
  leftOut: 'It is not in the table printed.',
  markLeftOut: 'The table printed gives the figure without the mark.',
  printedAsRead: 'It is printed as read.',
  columnPrintedAsRead: 'It is printed as read.',
  target,
  planTitle: (file) => `Poverty-reduction plan for the targets: ${file}`,
  targetsHeading: 'Targets',
  unitPlanned: (p, f) => {
    const rates = p.rateStart && p.rateEnd && p.reduction ? `; poverty rate ${f.n(p.rateStart)} % → ${f.n(p.rateEnd)} %, down ${f.n(p.reduction)} points` : '';
    const input = p.input !== undefined ? ` (the table has ${f.n(p.input)})` : '';
    // A target the unit meets with no exit at all is said so, not "at least 0".
    const need = p.exits === '0' ? 'met already, with no poor household leaving poverty' : `needs at least ${f.n(p.exits)} fewer poor households`;
    return `✔ ${p.unit} (${p.targets}): ${need}${input}${rates}.${atStartEn(p, f)}`;
  },
  unitNotMet: (p, f) => `✖ ${p.unit} (${p.target}): ${why(p, f)}.`,
  kept: (units) => `No target, the table's poor households reduced kept: ${units.join(', ')}.`,
  notPlanned: (units) => `Not planned (no target, and the table gives no poor households reduced): ${units.join(', ')}.`,
  totalResult: (p, f) => {
    const head = `${p.unit} (${p.target})`;
    const min = p.minimum !== undefined ? `at least ${f.n(p.minimum)}` : '';
    switch (p.state) {
      case 'met':
        return `✔ ${head}: with ${f.n(p.planned)} fewer poor households the ${name(p.indicator, f)} is ${val(p.indicator, p.value!, f)}: met (needs ${min}).${atStartEn(p, f)}`;
      case 'short': {
        const more = p.more !== undefined ? `; needs ${f.n(p.more)} more exits (${min} for ${p.unit})` : '';
        return `✖ ${head}: with ${f.n(p.planned)} fewer poor households the ${name(p.indicator, f)} is ${val(p.indicator, p.value!, f)}: not met${more}.${atStartEn(p, f)}`;
      }
      case 'incomplete': {
        const more = p.more !== undefined ? `, ${f.n(p.more)} short` : '';
        return `✖ ${head}: cannot be told, as ${missingWhy(p.missing, p.unmet, f)}; ${p.unit} needs ${min} in all, the other units have ${f.n(p.planned)}${more}.${atStartEn(p, f)}`;
      }
      case 'impossible':
        return `✖ ${head}: ${why({ ...p, reason: p.reason ?? 'unreachable' }, f)}.`;
    }
  },
  totalBlank: (p, f) => `${p.unit}: the ${low(f.ind('poor_reduced'))}, the ${low(f.ind('poor_end'))} and their rates are left blank, as ${missingWhy(p.missing, p.unmet, f)}.`,
  verdict: (state) =>
    state === 'ok'
      ? 'The plan meets every target.'
      : state === 'undetermined'
        ? 'Whether the plan meets every target cannot be told yet: some units have no plan (the ✖ lines above name them).'
        : 'Some targets cannot be met or are not met (the ✖ lines above).',
};

/** Tables 3, 4 (a document's, by number). */
const tableList = (numbers: readonly number[]) => `${numbers.length === 1 ? 'Table' : 'Tables'} ${numbers.join(', ')}`;
