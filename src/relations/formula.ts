/**
 * formula: a column formula printed under the header (`4=3/1*100`, `10=2-4+6+8`, the official forms' column
 * numbers) holds in every row: sums and differences exactly, a quotient at the precision the computed column
 * is printed with. Column numbers name the columns of the column-number row; other numbers (100) are constants.
 */
import { Dec, plain } from '../calc/decimal.js';
import type { SlotFormula } from '../model/slots.js';
import { evaluate, num, ref, sub, type Expr } from '../model/expr.js';
import type { OkValue } from '../rules/types.js';
import { okValue } from './slots.js';
import { indicatorOf } from '../model/slots.js';
import { describeIndicator } from '../model/vocabulary.js';
import { unitIdsIn } from './scope.js';
import { defineKind, type Form, type Relation } from './types.js';

export interface FormulaRelation extends Relation {
  readonly formula: SlotFormula;
  /** The formula over this row's cells. */
  readonly expr: Expr;
  /** Whether it divides (then it is compared at the computed column's printed precision). */
  readonly divides: boolean;
}

/** `3/1*100` → an expression over slot keys; undefined when it is not one povcheck reads. */
export function parseColumnFormula(text: string, refs: ReadonlyMap<string, string>): Expr | undefined {
  const tokens = text.replace(/[−–]/g, '-').replace(/[x×]/gi, '*').replace(/:/g, '/').match(/\d+(?:[.,]\d+)?|[-+*/()]/g);
  if (!tokens || tokens.join('') !== text.replace(/[−–]/g, '-').replace(/[x×]/gi, '*').replace(/:/g, '/').replace(/\s+/g, '')) return undefined;
  let i = 0;
  const peek = () => tokens[i];
  const factor = (): Expr | undefined => {
    const t = tokens[i++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const e = expr();
      return tokens[i++] === ')' ? e : undefined;
    }
    if (t === '-') {
      const a = factor();
      return a && { k: 'neg', a };
    }
    if (!/^\d/.test(t)) return undefined;
    const slot = refs.get(t);
    return slot !== undefined ? ref(slot) : num(t.replace(',', '.'));
  };
  const term = (): Expr | undefined => {
    let a = factor();
    while (a && (peek() === '*' || peek() === '/')) {
      const op = tokens[i++] as '*' | '/';
      const b = factor();
      a = b && { k: 'bin', op, a, b };
    }
    return a;
  };
  const expr = (): Expr | undefined => {
    let a = term();
    while (a && (peek() === '+' || peek() === '-')) {
      const op = tokens[i++] as '+' | '-';
      const b = term();
      a = b && { k: 'bin', op, a, b };
    }
    return a;
  };
  const e = expr();
  return e && i === tokens.length ? e : undefined;
}

/** The expression with each slot replaced by the row's cell; undefined when a cell is not usable. */
function onRow(e: Expr, cell: (slot: string) => OkValue | undefined): Expr | undefined {
  switch (e.k) {
    case 'num':
      return e;
    case 'ref': {
      const v = cell(e.ref);
      return v && ref(v.cell.ref);
    }
    case 'neg': {
      const a = onRow(e.a, cell);
      return a && { k: 'neg', a };
    }
    case 'bin': {
      const a = onRow(e.a, cell);
      const b = onRow(e.b, cell);
      return a && b && { ...e, a, b };
    }
    default:
      return undefined;
  }
}

/**
 * A quotient printed for a column in % without its × 100 (`5=4/2` over `Tỷ lệ (%)`: the forms leave it out as
 * often as they write it) is the percentage the column holds.
 */
function asPrinted(e: Expr | undefined, slot: string): Expr | undefined {
  if (!e || !divides(e) || mentions100(e) || describeIndicator(indicatorOf(slot))?.measure !== 'rate') return e;
  return { k: 'bin', op: '*', a: e, b: num('100') };
}

const mentions100 = (e: Expr): boolean => (e.k === 'num' ? e.v.eq(100) : e.k === 'bin' ? mentions100(e.a) || mentions100(e.b) : e.k === 'neg' ? mentions100(e.a) : false);

const divides = (e: Expr): boolean => (e.k === 'bin' ? e.op === '/' || divides(e.a) || divides(e.b) : e.k === 'neg' ? divides(e.a) : false);

export const formulaKind = defineKind<FormulaRelation>({
  id: 'formula',
  relation: 'column-formula',
  severity: 'error',
  needs: [],
  perUnit: true,
  localised: true,
  noneUnlessApplicable: true,
  applicable: (annex) => (annex.formulas?.length ?? 0) > 0,
  *instances(ctx) {
    const { annex } = ctx;
    for (const formula of annex.formulas ?? []) {
      const e = asPrinted(parseColumnFormula(formula.text, formula.refs), formula.slot);
      if (!e) continue;
      for (let nth = 0, ids = unitIdsIn(ctx); nth < ids.length; nth++) {
        const id = ids.list ? ids.list[nth]! : nth;
        const at = okValue(annex, id, formula.slot);
        const cells: OkValue[] = [];
        const rowExpr = onRow(e, (slot) => {
          const v = okValue(annex, id, slot);
          if (v) cells.push(v);
          return v;
        });
        if (at && rowExpr) yield { unit: annex.units.at(id)!, at, cells: [...cells, at], formula, expr: rowExpr, divides: divides(e) };
      }
    }
  },
  check(r, ctx) {
    const byRef = new Map(r.cells.map((c) => [c.cell.ref, c.num]));
    const v = evaluate(r.expr, (x) => byRef.get(x));
    if (v === undefined) return;
    ctx.checked('formula');
    const dp = r.divides ? (r.at.decimals ?? 0) : Math.max(r.at.decimals ?? 0, v.decimalPlaces());
    const expected = v.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
    if (expected.eq(r.at.num)) return;
    ctx.report({
      rule: 'formula',
      severity: 'error',
      at: r.at.cell,
      unit: r.unit.name,
      indicator: r.at.indicator,
      expected: plain(expected, dp),
      actual: r.at.plain,
      msg: { id: 'formula.mismatch', params: { unit: r.unit.name, indicator: r.at.indicator, formula: `${r.formula.cell.raw.trim()}`, expected: plain(expected, dp), actual: r.at.plain } },
    });
  },
  form(r): Form {
    const e = r.expr;
    // a / b × 100: a rate at the precision printed.
    if (e.k === 'bin' && e.op === '*' && e.a.k === 'bin' && e.a.op === '/' && e.a.a.k === 'ref' && e.a.b.k === 'ref' && e.b.k === 'num' && e.b.v.eq(100)) {
      return { type: 'rate', r: r.at.cell.ref, p: e.a.a.ref, h: e.a.b.ref, minDp: 0 };
    }
    if (!r.divides) return { type: 'eq', expr: sub(ref(r.at.cell.ref), e) };
    return { type: 'eq', expr: sub(ref(r.at.cell.ref), { k: 'round', a: e, d: num(r.at.decimals ?? 0) }) };
  },
});
