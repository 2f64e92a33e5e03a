/**
 * Wording of the likely causes (src/locate) for the reports and `fix`: sentences from the catalogues, each
 * cause linked to the findings it explains. Pure.
 */
import { columnLetters, displayRef, filePlace, type Cell } from '../model/grid.js';
import { catalog, makeFmt, type Fmt } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { CauseCellText, NoCauseParams } from '../messages/types.js';
import type { Indicator } from '../model/indicators.js';
import type { Finding } from '../model/finding.js';
import { firstCauses, isSlipCause, type Cause, type CauseCell, type Localisation, type SlipKind } from '../locate/types.js';
import { cellLabel, firstParams, type LikelyCause, type ReportFile, type Style } from './types.js';

export function causeCellText(c: CauseCell, lang?: Lang): CauseCellText {
  return {
    ref: lang ? cellLabel(c.cell, lang) : displayRef(c.cell),
    unit: c.unit,
    indicator: c.indicator,
    actual: c.actual,
    ...(c.proposed !== undefined ? { proposed: c.proposed } : {}),
    ...(c.range?.min !== undefined ? { min: c.range.min } : {}),
    ...(c.range?.max !== undefined ? { max: c.range.max } : {}),
    ...(c.kind ? { kind: c.kind } : {}),
    ...(c.formula ? { formula: c.formula } : {}),
  };
}

/** The sentence for one cause: the whole story when it is unique, its line in the list otherwise. */
export function causeMessage(loc: Localisation, cause: Cause, rank: number, lang: Lang, fmt: Fmt): string {
  const t = catalog(lang).locate;
  const cells = cause.cells.map((c) => causeCellText(c, lang));
  if (cause.shift) return shiftedMessage(loc, cause, cells, rank, lang, fmt);
  if (cause.confidence !== 'unique') return t.option({ rank, cells, linked: cause.linked }, fmt);
  // The checks it makes hold are the findings it explains, listed under it (a range finding among them: locate's
  // own count, `loc.failing`, counts the equations only).
  const failing = cause.explains.length || loc.failing;
  if (cells.length === 1) return t.single({ cell: cells[0]!, failing, pinned: cause.pinned, rounding: cause.rounding === true }, fmt);
  return t.group({ cells, failing, linked: cause.linked }, fmt);
}

/** A run of a row or column typed one cell off: its line, where the run starts, the values moved back and the lost one. */
function shiftedMessage(loc: Localisation, cause: Cause, cells: CauseCellText[], rank: number, lang: Lang, fmt: Fmt): string {
  const shift = cause.shift!;
  const first = cause.cells[0]!.cell;
  const row = (c: Cell) => String(filePlace(c).row + 1);
  const col = (c: Cell) => columnLetters(filePlace(c).col);
  const lost = cells[cause.cells.findIndex((c) => c.cell.ref === shift.lost.ref && c.cell.sheet === shift.lost.sheet)] ?? cells[0]!;
  // A row of a long table, or a column of a wide one, holds one unit's values.
  const unitLine = cause.cells.every((c) => c.unit === cause.cells[0]!.unit) && cause.cells.length > 1;
  return catalog(lang).locate.shifted(
    {
      along: shift.along,
      direction: shift.direction,
      line: shift.along === 'row' ? row(first) : col(first),
      unitLine,
      start: shift.along === 'row' ? col(first) : row(first),
      cells,
      span: spanOf(first, cause.cells[cause.cells.length - 1]!.cell, lang),
      lost,
      ...(shift.landed
        ? { landed: { ref: cellLabel(shift.landed.cell, lang), text: shift.landed.plain !== undefined ? fmt.n(shift.landed.plain) : shift.landed.text, header: shift.landed.header, matches: shift.landed.matches } }
        : {}),
      // The consistency checks (a blank cell's `missing` error among those it explains is none).
      failing: loc.failing,
      pinned: cause.pinned,
      rounding: cause.rounding === true,
      ...(cause.confidence !== 'unique' ? { rank } : {}),
    },
    fmt,
  );
}

/** A run's first and last cells as one range, a sheet's name written once (`'Năm 2020'!H5–K5`), as the cells are elsewhere. */
function spanOf(first: Cell, last: Cell, lang: Lang): string {
  const sameSheet = first.sheet !== undefined && first.sheet === last.sheet && first.table === undefined && last.table === undefined;
  return `${cellLabel(first, lang)}–${sameSheet ? last.ref : cellLabel(last, lang)}`;
}

/**
 * The findings a unique cause explains at a cell it does not change (a total's sum failing for a district's typo):
 * their cell is right as it stands, and their recomputed figure is no value to type in. Each with the cause's cells.
 * Only for a cause every cell of which looks like a typing slip (its `kind`): a cause that fits without one (a
 * coherent error elsewhere: the total's households typed wrong and its rates computed from them) is no ground to
 * say another cell needs no change.
 */
export function consequencesOf(loc: Localisation | undefined, findings: readonly Finding[]): Map<Finding, readonly Cell[]> {
  const out = new Map<Finding, readonly Cell[]>();
  if (!loc) return out;
  for (const cause of firstCauses(loc)) {
    if (!isSlipCause(cause)) continue;
    const cells = cause.cells.map((c) => c.cell);
    const refs = new Set(cells.map(displayRef));
    for (const i of cause.explains) {
      const f = findings[i];
      // Each follows from the cells it reads (locate's `sources`): the total's sum from the commune's count alone.
      const from = cause.sources?.[i];
      if (f?.at && !refs.has(displayRef(f.at))) out.set(f, from ? from.map((k) => cells[k]!) : cells);
    }
  }
  return out;
}

/**
 * "expected X, found Y" for a finding that shows both; for a consequence of a unique cause (`dueTo`, its cells)
 * the figure is only recomputed, and the cells to correct are named instead.
 */
export function expectedPair(f: Finding & { expected: string; actual: string }, lang: Lang, fmt: Fmt, dueTo?: readonly Cell[]): string {
  const { ui, document } = catalog(lang);
  if (f.place) return document.expectedStated(fmt.n(f.expected), fmt.n(f.actual));
  return dueTo ? ui.recomputedDueTo(fmt.n(f.expected), fmt.n(f.actual), dueTo.map((c) => cellLabel(c, lang))) : ui.expectedActual(fmt.n(f.expected), fmt.n(f.actual));
}

/** "D6 sum · I6 flow · I10 rate" for the findings a cause explains. */
export function explainsItems(cause: Cause, findings: readonly Finding[], lang?: Lang): string[] {
  return cause.explains.map((i) => findings[i]!).map((f) => `${f.at ? (lang ? cellLabel(f.at, lang) : displayRef(f.at)) : '—'} ${f.rule}`);
}

/**
 * The unit whose sums are every failing check (two or more), when they are: no one or two cells explain that,
 * and the likely fault is the table's structure (the total row taken from elsewhere, or parts listed under it
 * that it does not add up), which the `none` and `stopped` lines then say.
 */
export function sumsOfOneUnit(findings: readonly Finding[]): string | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  const unit = errors[0]?.unit;
  return errors.length >= 2 && unit !== undefined && errors.every((f) => f.rule === 'sum' && f.unit === unit) ? unit : undefined;
}

/**
 * The `none` and `stopped` lines, with the hint the findings call for: the counts stored as fractions, `--locale`
 * given against the cells (each the cell its warning names), or the sums of one unit.
 */
function noCauseLine(loc: Localisation, findings: readonly Finding[] | undefined, lang: Lang): string {
  const t = catalog(lang).locate;
  const unit = findings ? sumsOfOneUnit(findings) : undefined;
  const fractions = findings ? firstParams(findings, 'number', 'number.thousands-as-decimals') : undefined;
  const locale = findings ? firstParams(findings, 'number', 'number.locale-given') : undefined;
  const negative = findings ? negativeRow(findings, lang) : undefined;
  const p = {
    failing: loc.failing,
    ...(unit !== undefined ? { sumsOf: unit } : {}),
    ...(fractions ? { fractionsAt: fractions.cell } : {}),
    ...(locale ? { localeGiven: { given: locale.given, cell: locale.cell } } : {}),
    ...(negative ? { negative } : {}),
  };
  return loc.status === 'none' ? t.none(p) : loc.open ? t.open(p) : t.stopped(p);
}

/** Units whose figures of one indicator are negative (`range` warnings), from which a row computed the wrong way round is told. */
const NEGATIVE_ROW = 3;

/**
 * The indicator most units give a negative figure of (`range.negative`, `range.reduced-negative`), when NEGATIVE_ROW or more do
 * and every failing flow is at one of them.
 */
function negativeRow(findings: readonly Finding[], lang: Lang): NoCauseParams['negative'] {
  const byIndicator = new Map<Indicator, Finding[]>();
  for (const f of findings) {
    if (f.rule !== 'range' || (f.msg.id !== 'range.negative' && f.msg.id !== 'range.reduced-negative') || !f.indicator || !f.at) continue;
    (byIndicator.get(f.indicator) ?? byIndicator.set(f.indicator, []).get(f.indicator)!).push(f);
  }
  const [indicator, most] = [...byIndicator].reduce<[Indicator | undefined, Finding[]]>((best, e) => (e[1].length > best[1].length ? e : best), [undefined, []]);
  if (indicator === undefined || most.length < NEGATIVE_ROW) return undefined;
  // Figures that fell the other way (poverty grew) balance their flows: the sign is the cause only where the flows fail,
  // each at a unit whose figure is negative.
  const negativeUnits = new Set(most.map((f) => f.unit));
  const flows = findings.filter((f) => f.rule === 'flow' && f.severity === 'error');
  if (flows.length === 0 || !flows.every((f) => negativeUnits.has(f.unit))) return undefined;
  return { label: makeFmt(lang).ind(indicator), count: most.length, cell: cellLabel(most[0]!.at!, lang) };
}

/** The causes block of the text report (and of `fix` when it refuses): empty when nothing fails. */
export function causeLines(loc: Localisation | undefined, findings: readonly Finding[], lang: Lang, fmt: Fmt, style: Style, hints = true): string[] {
  if (!loc || loc.status === 'clean') return [];
  const t = catalog(lang).locate;
  if (loc.parts) {
    // Several independent errors: the head line, then each error's causes, indented; what the findings point to said
    // once, by the first group no cell explains.
    const head = `  ${style.bold('→')} ${style.bold(t.independent({ count: loc.parts.length, failing: loc.failing, ...sameMethod(loc) }))}`;
    const hinted = loc.parts.findIndex((p) => p.status === 'none' || p.status === 'stopped');
    return [head, ...loc.parts.flatMap((p, i) => causeLines(p, findings, lang, fmt, style, i === hinted).map((l) => `    ${l}`))];
  }
  if (loc.status === 'none' || loc.status === 'stopped') return [`  ${style.bold('→')} ${noCauseLine(loc, hints ? findings : undefined, lang)}`];
  const first = loc.causes[0]!;
  if (first.confidence === 'unique') {
    return [`  ${style.bold('→')} ${style.bold(causeMessage(loc, first, 1, lang, fmt))}`, `      ${style.dim(t.explains(explainsItems(first, findings, lang)))}`];
  }
  const out = [
    `  ${style.bold('→')} ${style.bold(t.several({ count: loc.causes.length, size: loc.size ?? first.cells.length, failing: loc.failing, confidence: first.confidence, more: loc.more }, fmt))}`,
  ];
  loc.causes.forEach((c, i) => {
    out.push(`      ${causeMessage(loc, c, i + 1, lang, fmt)}`, `         ${style.dim(t.explains(explainsItems(c, findings, lang)))}`);
  });
  return out;
}

/** Ways of computing a derived cell wrongly (not typing slips; a sign: `=D10-D8` for `=D8-D10`): found in every group, they are one way applied to the whole row or column. */
const METHOD_KINDS: ReadonlySet<SlipKind> = new Set(['start-denominator', 'reduction-share', 'reduction-added', 'unrounded-difference', 'summed-rates', 'share', 'rounded-coarser', 'truncated', 'sign']);

/** Groups that are this many or more, each explained by the same way of computing: said once in the head line. */
const SAME_METHOD_GROUPS = 3;

/**
 * The way of computing every group's first cause shows (the end rate over the start-of-year households in each of 7
 * districts: the row was computed so, not 7 slips), when there are enough groups and each first cause has a cell of it.
 */
export function sameMethod(loc: Localisation): { sameKind?: SlipKind } {
  const firsts = firstCauses(loc);
  if (firsts.length < SAME_METHOD_GROUPS) return {};
  const kindsOf = (c: Cause | undefined) => new Set(c?.cells.flatMap((x) => (x.kind !== undefined && METHOD_KINDS.has(x.kind) ? [x.kind] : [])) ?? []);
  const [first, ...rest] = firsts.map(kindsOf);
  const shared = [...first!].find((k) => rest.every((s) => s.has(k)));
  return shared ? { sameKind: shared } : {};
}

/** The causes as the HTML report takes them (display references, proposed values, explains, kind, confidence). */
export function likelyCauses(loc: Localisation | undefined): LikelyCause[] {
  if (loc?.parts) return loc.parts.flatMap((p) => likelyCauses(p));
  return (loc?.causes ?? []).map((c) => {
    // A slip is named, as the text report names it, only with the value it would have turned into the one held.
    const kinds = c.cells.map((x) => (x.proposed !== undefined ? x.kind : undefined));
    const kind = kinds.every((k) => k !== undefined && k === kinds[0]) ? kinds[0] : undefined;
    const each = kind === undefined && kinds.some((k) => k !== undefined) ? Object.fromEntries(c.cells.flatMap((x, i) => (kinds[i] !== undefined ? [[displayRef(x.cell), kinds[i]!]] : []))) : undefined;
    const ranged = c.cells.filter((x) => x.range !== undefined);
    return {
      cells: c.cells.map((x) => displayRef(x.cell)),
      proposed: Object.fromEntries(c.cells.filter((x) => x.proposed !== undefined).map((x) => [displayRef(x.cell), x.proposed!])),
      ...(ranged.length > 0 ? { ranges: Object.fromEntries(ranged.map((x) => [displayRef(x.cell), { ...x.range }])) } : {}),
      explains: [...c.explains],
      ...(kind ? { kind } : {}),
      ...(each ? { kinds: each } : {}),
      ...(c.cells.some((x) => x.formula) ? { formulas: Object.fromEntries(c.cells.filter((x) => x.formula).map((x) => [displayRef(x.cell), x.formula!])) } : {}),
      confidence: c.confidence,
      ...(c.rounding ? { rounding: true } : {}),
    };
  });
}

/** A file's causes: the ones it was given, else those of its error localisation. */
export function causesOf(file: ReportFile): LikelyCause[] {
  return file.causes ?? likelyCauses(file.localisation);
}

/**
 * The likely causes as one plain line for the CI formats (markdown, github, sarif, junit, gitlab): the whole
 * story of a unique cause, else the head line and each ranked option; the line for `none` or `stopped`.
 * Undefined when nothing fails. `explained` are the indexes of the findings the causes explain.
 */
export function likelyCauseLine(loc: Localisation | undefined, lang: Lang, fmt: Fmt, findings?: readonly Finding[]): { text: string; explained: ReadonlySet<number> } | undefined {
  if (!loc || loc.status === 'clean') return undefined;
  const t = catalog(lang).locate;
  if (loc.parts) {
    const lines = loc.parts.map((p) => likelyCauseLine(p, lang, fmt)).filter((x) => x !== undefined);
    const head = t.independent({ count: loc.parts.length, failing: loc.failing, ...sameMethod(loc) });
    return { text: [head, ...lines.map((x, i) => `(${i + 1}) ${x.text}`)].join(' '), explained: new Set(lines.flatMap((x) => [...x.explained])) };
  }
  if (loc.status === 'none' || loc.status === 'stopped') return { text: noCauseLine(loc, findings, lang), explained: new Set() };
  const first = loc.causes[0]!;
  const explained = new Set(loc.causes.flatMap((c) => c.explains));
  if (first.confidence === 'unique') return { text: causeMessage(loc, first, 1, lang, fmt), explained };
  const head = t.several({ count: loc.causes.length, size: loc.size ?? first.cells.length, failing: loc.failing, confidence: first.confidence, more: loc.more }, fmt);
  return { text: [head, ...loc.causes.map((c, i) => causeMessage(loc, c, i + 1, lang, fmt))].join(' '), explained };
}
