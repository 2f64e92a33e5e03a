/**
 * What rows (wide layout) or columns (long layout) listed under a count are to it: a list of two or more adds up to
 * it (`breakdown`), one alone is "of which" it; groups named by a trait overlap (of which); gross flows under a net
 * reduction are out-flows less in-flows. Each list is the parts with one parent and group (`SubSlot.group`).
 */
import { parseSlot, type SubSlot } from '../model/slots.js';
import type { Indicator } from '../model/indicators.js';
import { describeIndicator, IN_FLOWS, OUT_FLOWS, type Time } from '../model/vocabulary.js';
import { COMPLEMENT, namesTraitGroup } from './structure.js';
import { foldKey } from './normalize.js';
import { recognise } from './words.js';

/** Settles the relation of every list of parts (listed first as `breakdown`), in place. */
export function settleListedParts(subSlots: Map<Indicator, SubSlot>): void {
  const groupKey = (s: SubSlot) => `${s.parent}#${s.group ?? 0}`;
  // One listed row under a count cannot break it down (it would be all of it): it is a group of it, "of which".
  const rowsOf = new Map<string, number>();
  for (const s of subSlots.values()) if (s.relation === 'breakdown') rowsOf.set(groupKey(s), (rowsOf.get(groupKey(s)) ?? 0) + 1);
  for (const [key, s] of subSlots) if (s.relation === 'breakdown' && rowsOf.get(groupKey(s)) === 1) subSlots.set(key, { ...s, relation: 'of-which' });
  groupsByTrait(subSlots, groupKey);
  flowsUnderNet(subSlots, groupKey);
}

/**
 * Rows listed under a count without a heading that are groups picked out by a trait or a support (`- Đồng bào DTTS`,
 * `- Hộ có thành viên là người có công`: structure.ts `namesTraitGroup`) overlap and leave the rest of the households
 * out: each is "of which" the count, they do not add up to it; the rows beside them, two or more, still split it. A
 * list with a complement (structure.ts `COMPLEMENT`: `- Thuộc chính sách bảo trợ xã hội`, `- Không thuộc …`) or under a
 * heading (`Hộ nghèo phân theo …`) still splits it.
 */
function groupsByTrait(subSlots: Map<Indicator, SubSlot>, groupKey: (s: SubSlot) => string): void {
  const lists = new Map<string, Indicator[]>();
  for (const [key, s] of subSlots) if (s.relation === 'breakdown' && s.heading === undefined) (lists.get(groupKey(s)) ?? lists.set(groupKey(s), []).get(groupKey(s))!).push(key);
  for (const keys of lists.values()) {
    const parts = keys.map((k) => parseSlot(k).part ?? '');
    if (parts.some((p) => COMPLEMENT.test(foldKey(p)))) continue;
    const trait = keys.filter((_, i) => namesTraitGroup(parts[i]!));
    if (trait.length === 0) continue;
    // The rows beside the groups split the count when two or more are left (`- Hộ nghèo về thu nhập`, `- Hộ nghèo
    // thiếu hụt …` beside `- Hộ nghèo dân tộc thiểu số`); one left alone is a group of it too.
    const rest = keys.length - trait.length;
    for (const k of rest >= 2 ? trait : keys) subSlots.set(k, { ...subSlots.get(k)!, relation: 'of-which' });
  }
}

/**
 * The rows under a net reduction that are its gross flows (`Số hộ nghèo giảm` 112 → `- Số hộ thoát nghèo` 126,
 * `- Số hộ nghèo mới phát sinh` 14): out-flows less in-flows, not parts that add up. Out- and in-flows together
 * break the reduction down so (`inFlow` on the in-flows); out-flows alone (two or more) still add up to it, as
 * decreases listed by cause do; one out-flow alone, or in-flows alone, are listed, related by nothing (an exit
 * may exceed the net reduction: it is not "of which").
 */
function flowsUnderNet(subSlots: Map<Indicator, SubSlot>, groupKey: (s: SubSlot) => string): void {
  const groups = new Map<string, Array<[Indicator, SubSlot, Time]>>();
  for (const [key, s] of subSlots) {
    const parent = describeIndicator(s.parent);
    if (s.relation === 'listed' || parent?.time !== 'reduced' || parent.measure !== 'count') continue;
    const flow = recognise(parseSlot(key).part ?? '');
    const point = flow && describeIndicator(flow.key);
    const time = point && point.measure === 'count' && point.population === parent.population ? point.time : undefined;
    const g = groupKey(s);
    const list = groups.get(g) ?? groups.set(g, []).get(g)!;
    list.push([key, s, time && (OUT_FLOWS.includes(time) || IN_FLOWS.includes(time)) ? time : 'reduced']);
  }
  for (const rows of groups.values()) {
    if (rows.some(([, , t]) => t === 'reduced')) continue;
    const ins = rows.filter(([, , t]) => IN_FLOWS.includes(t)).length;
    const outs = rows.length - ins;
    for (const [key, s, t] of rows) {
      if (ins > 0 && outs > 0) subSlots.set(key, { ...s, relation: 'breakdown', ...(IN_FLOWS.includes(t) ? { inFlow: true } : {}) });
      else if (ins > 0 || outs === 1) subSlots.set(key, { ...s, relation: 'listed' });
    }
  }
}
