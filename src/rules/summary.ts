/**
 * Notes on units deep in a tree (communes under a district) are folded into one finding per parent: a
 * national table has a row per commune, and a denominator warning or a convention info for each of them
 * would be noise (and would make memory grow with the table). Units at depth ≤ 1 (the total and the units
 * directly under it) keep their own finding.
 *
 * The summary counts the notes and names one unit: the one with the largest effect (decided exactly), or
 * the first in table order. With a single note, the note itself is reported.
 */
import { Dec } from '../calc/decimal.js';
import type { Finding, RuleId } from '../model/finding.js';
import type { MessageParams } from '../model/message-ref.js';

/**
 * The size of the effect of a change in households on a unit's fall in the rate: |P1·(H1 − H0)| / (H0·H1).
 * As two safe integers when the counts allow (exact), else as a Decimal.
 */
export type Effect = { num: number; den: number } | { dec: Dec };

/** |p1·(h1 − h0)| / (h0·h1) from safe integers; the products are exact when they are safe integers. */
export function effectOfInts(h0: number, h1: number, p1: number): Effect {
  const num = Math.abs(p1 * (h1 - h0));
  const den = h0 * h1;
  if (Number.isSafeInteger(num) && Number.isSafeInteger(den) && Number.isSafeInteger(h1 - h0)) return { num, den };
  return decEffect(new Dec(h0), new Dec(h1), new Dec(p1));
}

const decEffect = (h0: Dec, h1: Dec, p1: Dec): Effect => ({ dec: p1.mul(h1.minus(h0)).abs().div(h0.mul(h1)) });

export function effectOfDecs(h0: Dec, h1: Dec, p1: Dec): Effect {
  const safe = (d: Dec) => d.isInteger() && d.abs().lte(Number.MAX_SAFE_INTEGER);
  if (safe(h0) && safe(h1) && safe(p1)) return effectOfInts(h0.toNumber(), h1.toNumber(), p1.toNumber());
  return decEffect(h0, h1, p1);
}

const toDec = (e: Effect): Dec => ('dec' in e ? e.dec : new Dec(e.num).div(e.den));

/**
 * Exact comparison of two effects: cross-multiplied in safe integers when the products are safe, else in
 * BigInt; a Decimal effect (fractional or huge counts) is compared in Decimal at 100 digits, where two
 * different quotients of integers below 2^53 never round to the same value.
 */
export function compareEffect(x: Effect, y: Effect): number {
  if ('num' in x && 'num' in y) {
    const l = x.num * y.den;
    const r = y.num * x.den;
    if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l === r ? 0 : l > r ? 1 : -1;
    const L = BigInt(x.num) * BigInt(y.den);
    const R = BigInt(y.num) * BigInt(x.den);
    return L === R ? 0 : L > R ? 1 : -1;
  }
  return toDec(x).cmp(toDec(y));
}

/** Which rules fold their deeper notes. */
export type FoldRule = Extract<RuleId, 'denominator' | 'rate-change'>;

export interface FoldSlot<W> {
  rule: FoldRule;
  parent: string | number;
  count: number;
  /** The named unit's note. */
  winner: W;
  effect: Effect | undefined;
}

/**
 * A slot as `Folds` holds it: the unit named is remembered with its note's maker (`named`, `namedUnit`), and
 * its note made once every note is in. A parent's largest effect is replaced about ln(n) times over n units in
 * table order: making each replaced note (its figures and text) was most of the fold's cost in a national
 * table; the first unit's note too is made only if it keeps the name (the makers read the table, which the
 * rules do not change, so a note made late is the note made at once).
 */
interface HeldSlot<W> extends FoldSlot<W> {
  named: ((unit: number) => W) | undefined;
  namedUnit: number;
}

/** Notes folded per rule and parent, in the order the parents were first met. */
export class Folds<W> {
  private readonly order: Array<HeldSlot<W>> = [];
  private readonly byRule = new Map<FoldRule, Map<string | number, HeldSlot<W>>>();
  /** The last slot used per rule: rows of one parent usually follow each other. */
  private readonly last = new Map<FoldRule, HeldSlot<W>>();

  /**
   * Adds unit `unit`'s note; `winner(unit)` is called only for the named unit (one function for every unit of
   * a loop: nothing made per unit), when the slots are read (the named unit's note, made once).
   */
  add(rule: FoldRule, parent: string | number, winner: (unit: number) => W, effect?: Effect, unit = -1): void {
    let slot = this.last.get(rule);
    if (!slot || slot.parent !== parent) {
      let slots = this.byRule.get(rule);
      if (!slots) this.byRule.set(rule, (slots = new Map()));
      slot = slots.get(parent);
      if (!slot) {
        slot = { rule, parent, count: 1, winner: undefined as W, effect, named: winner, namedUnit: unit };
        slots.set(parent, slot);
        this.order.push(slot);
        this.last.set(rule, slot);
        return;
      }
      this.last.set(rule, slot);
    }
    slot.count++;
    // Strictly larger replaces: ties keep the first in table order.
    if (effect && slot.effect && compareEffect(effect, slot.effect) > 0) {
      slot.named = winner;
      slot.namedUnit = unit;
      slot.effect = effect;
    }
  }

  get size(): number {
    return this.order.length;
  }

  /** The slots in order, each with its named unit's note. */
  *[Symbol.iterator](): IterableIterator<FoldSlot<W>> {
    for (const slot of this.order) {
      if (slot.named) {
        slot.winner = slot.named(slot.namedUnit);
        slot.named = undefined;
      }
      yield slot;
    }
  }
}

/** The finding for a folded slot: the note itself when alone, else a summary at the named unit's cell. */
export function summaryFinding(rule: FoldRule, parentName: string, count: number, note: Finding): Finding {
  if (count === 1) return note;
  const { msg, ...where } = note;
  if (rule === 'denominator' && msg.id === 'denominator.mixed') {
    const p = msg.params as MessageParams['denominator.mixed'];
    return {
      ...where,
      msg: { id: 'denominator.summary', params: { parent: parentName, count, unit: p.unit, growth: p.growth, points: p.points, share: p.share, reduced: p.reduced, ...(p.derived ? { derived: true } : {}) } },
    };
  }
  if (rule === 'rate-change' && msg.id === 'rate-change.convention') {
    const p = msg.params as MessageParams['rate-change.convention'];
    return { ...where, msg: { id: 'rate-change.convention-summary', params: { parent: parentName, count, ...p } } };
  }
  return note;
}
