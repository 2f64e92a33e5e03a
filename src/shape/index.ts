/**
 * Grid → Annex. Finds the layout, reads units and indicators, decides the number format and parses every
 * value. Reading problems become findings (number, missing, duplicate, unknown); only "nothing here is a
 * poverty table" or an undecidable number format is an exception.
 */
import { displayRef, gridWidth, type Cell, type Grid } from '../read/grid.js';
import { PovcheckError } from '../errors.js';
import { COUNT_INDICATORS, indicatorKind, type Indicator } from '../model/indicators.js';
import type { Annex, NumberLocale, Unit, Value } from '../model/annex.js';
import type { Finding } from '../findings.js';
import type { Lang } from '../messages/index.js';
import { isTotalName } from './aliases.js';
import { clip, type Draft } from './draft.js';
import { readLong } from './long.js';
import { unitKey } from './normalize.js';
import { decideLocale, parseNumber, type NumberSample } from './numbers.js';
import { scanColumn, scanRow, type ExtraLabels, type LabelLine } from './scan.js';
import { readWide } from './wide.js';
import { resolveTree } from './hierarchy.js';

export interface ShapeOptions {
  /** Number format, when the caller knows it (`--locale`). */
  locale?: NumberLocale;
  /** Extra label aliases: folded label key → indicator. */
  extraLabels?: ExtraLabels;
  /**
   * When no unit is labelled as the total: 'first' takes the first unit (validate: a total is expected),
   * 'none' leaves the table without one (table/plan compute it).
   */
  totalPolicy?: 'first' | 'none';
}

export interface ShapeResult {
  annex: Annex;
  findings: Finding[];
}

/** How far to look for labels: annex tables put them near the top-left. */
const SCAN_COLS = 12;
const SCAN_ROWS = 60;

function detect(grid: Grid, extra?: ExtraLabels): { layout: 'wide'; col: number; line: LabelLine } | { layout: 'long'; row: number; line: LabelLine } | undefined {
  let best: { layout: 'wide'; col: number; line: LabelLine } | { layout: 'long'; row: number; line: LabelLine } | undefined;
  const width = Math.min(gridWidth(grid), SCAN_COLS);
  for (let c = 0; c < width; c++) {
    const line = scanColumn(grid, c, extra);
    if (line.distinct >= 2 && (!best || line.distinct > best.line.distinct)) best = { layout: 'wide', col: c, line };
  }
  const height = Math.min(grid.rows.length, SCAN_ROWS);
  for (let r = 0; r < height; r++) {
    const line = scanRow(grid, r, extra);
    if (line.distinct >= 2 && (!best || line.distinct > best.line.distinct)) best = { layout: 'long', row: r, line };
  }
  return best;
}

export function shape(grid: Grid, opts: ShapeOptions = {}): ShapeResult {
  const found = detect(grid, opts.extraLabels);
  if (!found) throw new PovcheckError('NOT_A_TABLE', { reason: 'no-labels' });
  const draft = found.layout === 'wide' ? readWide(grid, found.col, found.line) : readLong(grid, found.row, found.line);
  return finish(draft, opts);
}

function finish(draft: Draft, opts: ShapeOptions): ShapeResult {
  const findings = draft.findings;

  const keys = draft.units.map((u) => unitKey(u.name));
  const { parents, totalIdx } = draft.hierarchical ? fromTree(draft, findings) : oneLevel(draft, keys, findings, opts);
  const units: Unit[] = draft.units.map((u, id) => ({
    id,
    name: u.name,
    key: keys[id]!,
    ...(u.cell ? { cell: u.cell } : {}),
    ...(u.code ? { code: u.code } : {}),
    isTotal: id === totalIdx,
    ...(parents[id] !== undefined ? { parent: parents[id] } : {}),
  }));

  // Numbers: decide the file's format from all value cells, then parse each.
  const samples: NumberSample[] = draft.values
    .map((v) => ({ text: v.cell.raw.trim(), kind: indicatorKind(v.indicator), ref: displayRef(v.cell) }))
    .filter((s) => s.text !== '');
  let locale: NumberLocale;
  let plain = false;
  let witness = '';
  if (opts.locale) {
    locale = opts.locale;
  } else {
    const d = decideLocale(samples);
    if (!d.ok) {
      if (d.reason === 'ambiguous') {
        throw new PovcheckError('LOCALE_AMBIGUOUS', { reason: 'ambiguous', cell: d.sample.ref, text: clip(d.sample.text), vi: d.vi, en: d.en }, { cell: d.sample.ref });
      }
      throw new PovcheckError('LOCALE_AMBIGUOUS', { reason: 'conflict', viCell: d.vi.ref, viText: clip(d.vi.text), enCell: d.en.ref, enText: clip(d.en.text) });
    }
    locale = d.locale;
    plain = d.plain;
    witness = d.witness?.ref ?? '';
  }

  const values: Array<Partial<Record<Indicator, Value>>> = units.map(() => ({}));
  for (const dv of draft.values) {
    const unit = units[dv.unit]!;
    const kind = indicatorKind(dv.indicator);
    const text = dv.cell.raw.replace(/^[\s\u00a0\u2007\u202f]+|[\s\u00a0\u2007\u202f]+$/g, '');
    const base = { indicator: dv.indicator, unit: dv.unit, cell: dv.cell, text };
    const p = parseNumber(text, locale, kind);
    if (p.ok) {
      values[dv.unit]![dv.indicator] = { ...base, status: 'ok', num: p.num, plain: p.plain, decimals: p.decimals };
      continue;
    }
    values[dv.unit]![dv.indicator] = { ...base, status: p.problem === 'empty' ? 'empty' : 'invalid' };
    findings.push(numberFinding(p.problem, dv.cell, unit.name, dv.indicator, clip(text), locale, witness));
  }

  for (const ind of COUNT_INDICATORS) {
    if (!draft.indicators.includes(ind)) {
      findings.push({ rule: 'missing', severity: 'warning', indicator: ind, msg: { id: 'missing.indicator', params: { indicator: ind, rules: RULES_NEEDING[ind] } } });
    }
  }

  const annex: Annex = {
    layout: draft.layout,
    units,
    ...(totalIdx >= 0 ? { total: units[totalIdx]! } : {}),
    indicators: draft.indicators,
    labelCells: draft.labelCells,
    values,
    locale: plain ? 'plain' : locale,
    lang: decideLang(draft, units),
  };
  return { annex, findings };
}

/** Code and parent columns: the tree decides parents and the total; names may repeat across districts. */
function fromTree(draft: Draft, findings: Finding[]): { parents: Array<number | undefined>; totalIdx: number } {
  const tree = resolveTree(draft.units, findings);
  return { parents: tree.parent, totalIdx: tree.total ?? -1 };
}

/** One level (wide layout, or long without codes): the total, then every other unit under it. */
function oneLevel(draft: Draft, keys: string[], findings: Finding[], opts: ShapeOptions): { parents: Array<number | undefined>; totalIdx: number } {
  let totalIdx = draft.units.findIndex((u) => isTotalName(u.name));
  if (totalIdx < 0 && draft.units.length > 1 && (opts.totalPolicy ?? 'first') === 'first') {
    totalIdx = 0;
    findings.push({
      rule: 'sum',
      severity: 'info',
      ...(draft.units[0]!.cell ? { at: draft.units[0]!.cell } : {}),
      unit: draft.units[0]!.name,
      msg: { id: 'sum.total-assumed', params: { unit: draft.units[0]!.name } },
    });
  }
  const firstByKey = new Map<string, number>();
  keys.forEach((k, i) => {
    const first = firstByKey.get(k);
    const u = draft.units[i]!;
    const isSecondTotal = i !== totalIdx && totalIdx >= 0 && isTotalName(u.name);
    if (first === undefined && !isSecondTotal) {
      firstByKey.set(k, i);
      return;
    }
    const firstUnit = draft.units[first ?? totalIdx]!;
    findings.push({
      rule: 'duplicate',
      severity: 'error',
      ...(u.cell ? { at: u.cell } : {}),
      unit: u.name,
      msg: { id: 'duplicate.unit', params: { unit: u.name, first: firstUnit.cell ? displayRef(firstUnit.cell) : firstUnit.name } },
    });
  });
  const parents = draft.units.map((_, i) => (totalIdx >= 0 && i !== totalIdx ? totalIdx : undefined));
  return { parents, totalIdx };
}

const RULES_NEEDING: Record<(typeof COUNT_INDICATORS)[number], string[]> = {
  households_start: ['sum', 'rate', 'denominator', 'range'],
  households_end: ['sum', 'rate', 'denominator', 'range'],
  poor_start: ['sum', 'flow', 'rate', 'denominator', 'range'],
  poor_reduced: ['sum', 'flow', 'range'],
  poor_end: ['sum', 'flow', 'rate', 'range'],
};

function numberFinding(problem: string, cell: Cell, unit: string, indicator: Indicator, text: string, locale: NumberLocale, witness: string): Finding {
  if (problem === 'empty') return { severity: 'error', at: cell, unit, indicator, rule: 'missing', msg: { id: 'missing.value', params: { unit, indicator } } };
  const base = { severity: 'error' as const, at: cell, unit, indicator, actual: text };
  if (problem === 'dash') return { ...base, rule: 'number', msg: { id: 'number.dash', params: { unit, indicator, text } } };
  if (problem === 'grouping') {
    const kind = indicatorKind(indicator);
    const other = parseNumber(text, locale === 'vi' ? 'en' : 'vi', kind);
    const plausible = other.ok && (kind === 'count' ? other.decimals === 0 : other.num.abs().lte(100));
    if (plausible && witness) {
      return { ...base, rule: 'number', msg: { id: 'number.other-locale', params: { unit, indicator, text, locale, witness } } };
    }
    return { ...base, rule: 'number', msg: { id: 'number.grouping', params: { unit, indicator, text, locale } } };
  }
  return { ...base, rule: 'number', msg: { id: 'number.text', params: { unit, indicator, text } } };
}

function decideLang(draft: Draft, units: Unit[]): Lang {
  const { vi, en } = draft.langVotes;
  if (vi > en) return 'vi';
  if (en > vi) return 'en';
  // Only keys (or a tie): Vietnamese letters in unit names tip it.
  return units.some((u) => /[^\x00-\x7f]/.test(u.name)) ? 'vi' : 'en';
}
