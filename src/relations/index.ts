/**
 * The relation kinds, in report order. Each is a file of this folder: its instances over a table, its check
 * and explanation, its form for locate. `rules/index.ts` registers them by rule id.
 */
import { denominatorKind } from './denominator.js';
import { flowKind } from './flow.js';
import { rangeKind } from './range.js';
import { rateChangeKind } from './rate-change.js';
import { rateKind } from './rate.js';
import { sumKind } from './sum.js';
import type { RelationKind } from './types.js';
import { breakdownKind } from './breakdown.js';
import { ofWhichKind } from './of-which.js';
import { balanceKind } from './balance.js';
import { combinedKind } from './combined.js';
import { impliedKind } from './implied.js';
import { rateMeanKind } from './rate-mean.js';
import { achievementKind } from './achievement.js';
import { formulaKind } from './formula.js';
import { precisionKind } from './precision.js';
import { shareKind } from './share.js';

/** A kind of any relation type: each kind only ever checks and solves its own instances. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = RelationKind<any>;

export const RELATION_KINDS: readonly AnyKind[] = [
  sumKind,
  flowKind,
  rateKind,
  rateChangeKind,
  denominatorKind,
  rangeKind,
  breakdownKind,
  ofWhichKind,
  balanceKind,
  combinedKind,
  impliedKind,
  rateMeanKind,
  achievementKind,
  formulaKind,
  precisionKind,
  shareKind,
];
