/**
 * Relations as data. A relation kind (one file each in src/relations/) says which cells of a table must agree
 * and how: it lists its instances over a table (per unit, per parent and partition, per slot), checks one
 * instance and explains a failure with its message ids, and gives the instance's linear or rounding form,
 * which error localisation (src/locate/) solves. The engine (engine.ts) evaluates every kind in one pass.
 *
 * Instances know their cells (`cells`), so the relations a cell takes part in, and the connected component
 * of a failing relation, are found without looking at the rest of the table.
 */
import type { Annex, Unit } from '../model/annex.js';
import type { Expr } from '../model/expr.js';
import type { Dec } from '../calc/decimal.js';
import type { OkValue, Rule, RuleContext } from '../rules/types.js';
import type { InstanceContext } from './scope.js';

export interface Relation {
  /** The unit whose finding it gives (the parent, for a sum). */
  readonly unit: Unit;
  /** The cell its finding sits at. */
  readonly at: OkValue;
  /** Every value it reads. */
  readonly cells: readonly OkValue[];
  /**
   * The ids of the units whose cells `cells` reads (each at least once, any order), where the relation knows them
   * without making its cells (the store's instances: their values are made when asked). A small table's kept
   * instances are indexed by unit so (checked.ts), and only those locate reads have their cells made.
   */
  unitIds?(): readonly number[];
}

/**
 * The form locate solves, over cell references (A1):
 *  - `eq`: expr = 0 (sums, balances, differences of printed rates);
 *  - `rate`: r = round_half_up(100·p / h, dp) with dp = max(minDp, decimals of r) (unchecked when h = 0);
 *  - `le`: a ≤ b (bounds: a guard when it holds, a check when it is the relation itself);
 *  - `within`: |expr| ≤ tol (a sum of rounded rates);
 *  - `test`: anything else, checked point by point; `bounds` (optional) gives, for one cell moving alone, the
 *    interval of its values that satisfy it. `dpOf` gives the decimals of a cell that takes a value locate tries
 *    (the decimals it would be proposed with: 12,5 tried as 12,05 is rounded at two decimals, not one); undefined
 *    for a cell as printed.
 */
/** The decimals of a cell that takes a value locate tries; undefined for a cell as printed (its own decimals). */
export type TriedDecimals = (ref: string) => number | undefined;

export type Form =
  | { readonly type: 'eq'; readonly expr: Expr }
  | { readonly type: 'rate'; readonly r: string; readonly p: string; readonly h: string; readonly minDp: number }
  | { readonly type: 'le'; readonly a: Expr; readonly b: Expr }
  | {
      readonly type: 'within';
      readonly expr: Expr;
      readonly tol: string;
      /**
       * When `tol` is the half-units of these cells at their printed decimals: a cell locate changes counts at its
       * proposal's decimals instead (25,6 proposed as 25,68 leaves ±0,005 of rounding, not ±0,05).
       */
      readonly tolCells?: ReadonlyArray<{ readonly ref: string; readonly dp: number }>;
    }
  | {
      readonly type: 'test';
      readonly refs: readonly string[];
      holds(get: (ref: string) => Dec | undefined, dpOf?: TriedDecimals): boolean;
      /** Exactly the values the cell may take (the others as they are), or undefined when it cannot tell. */
      bounds?(ref: string, get: (ref: string) => Dec | undefined, dpOf?: TriedDecimals): { lo?: Dec; loStrict?: boolean; hi?: Dec; hiStrict?: boolean } | undefined;
    };

export interface RelationKind<R extends Relation = Relation> extends Rule {
  /** The relation's name in docs/rules.md and the coverage record. */
  readonly relation: string;
  /** Whether locate explains its failures (its forms are checks). */
  readonly localised: boolean;
  /** Whether its instances that hold bound locate's proposals (the `range` rule). */
  readonly guard?: boolean;
  /**
   * Where `applicable` says no, the kind has no instance at all (what it relates is absent from the table): locate
   * does not list them over a table whose rules' run it was given (test/relations/applicable.test.ts holds each
   * kind that says so to it on the fixtures).
   */
  readonly noneUnlessApplicable?: true;
  /**
   * Its instances are not kept by the rules' run for locate (relations/checked.ts), which lists them again over
   * the few units it reads: a kind of many cheap instances per unit (`range`, a bound per figure), or one locate
   * never reads (`denominator`). The rules then only check it (`checking`): a relation that holds is not made.
   */
  readonly unkept?: true;
  /** One of the annex's first checks (listed first among the rule ids; asked of every annex table). */
  readonly annex?: boolean;
  /**
   * The instances over the table (over `ctx.scope` only, when given: scope.ts); reports through `ctx.skip`
   * those it cannot check, and why.
   */
  instances(ctx: InstanceContext): Iterable<R>;
  /**
   * The instances to check, one at a time, as `run` lists them when nothing keeps them: an instance that the
   * kind's first test shows to hold with nothing to report may be left out (KindSpec's `checking`). Checking
   * what it visits reports what checking every instance would.
   */
  eachToCheck(ctx: InstanceContext, visit: (r: R) => void): void;
  /** Checks one instance: reports its finding (and records that it ran) through `ctx`. */
  check(r: R, ctx: RuleContext): void;
  /** The instance's form for locate (several for a relation of several parts), over the table `annex`. */
  form(r: R, annex: Annex): Form | readonly Form[] | undefined;
}

/**
 * A kind's parts. Its instances are listed by `instances`, or by `each`, which hands them to a visitor one
 * at a time (no generator to resume: a kind with several instances per unit lists hundreds of thousands over
 * a national table); `instances` then collects them.
 *
 * `checking`: `each` is called by `run` only to check the instances (nothing keeps them: no `keep`, no
 * locate). The kind may then leave out an instance that its check's own first test, on the integers the
 * instance would be made of, shows to hold with nothing to report; it records the check as run
 * (`ctx.checked`) as `check` would. The check is the same function either way: only the object is not made.
 */
export type KindSpec<R extends Relation> = Omit<RelationKind<R>, 'run' | 'instances' | 'eachToCheck'> &
  (
    | { instances(ctx: InstanceContext): Iterable<R>; each?: undefined }
    | { each(ctx: InstanceContext, visit: (r: R) => void, checking?: boolean): void; instances?: undefined }
  );

/** A kind from its parts: `run` evaluates every instance. */
export function defineKind<R extends Relation>(spec: KindSpec<R>): RelationKind<R> {
  const each: (ctx: InstanceContext, visit: (r: R) => void, checking?: boolean) => void =
    spec.each ??
    ((ctx: InstanceContext, visit: (r: R) => void) => {
      for (const r of spec.instances!(ctx)) visit(r);
    });
  return {
    ...spec,
    instances:
      spec.instances ??
      ((ctx) => {
        const out: R[] = [];
        spec.each!(ctx, (r) => out.push(r));
        return out;
      }),
    eachToCheck: (ctx, visit) => each(ctx, visit, true),
    run(ctx) {
      const keep = ctx.keep;
      if (!keep || spec.unkept) {
        // Not kept (none asked, or a kind locate lists again where it needs it): only checked.
        keep?.ranUnkept(spec.id);
        return each(ctx, (r) => spec.check(r, ctx), true);
      }
      // The instances and the findings of each kept for locate (checked.ts).
      const kept = keep.record(spec.id);
      each(ctx, (r) => {
        keep.checking(kept, r);
        spec.check(r, ctx);
      });
      keep.done();
    },
  };
}
