/**
 * commands/carried-slips.ts: the table corrected with a likely cause's values (by cell reference) before `table` and
 * `plan` compute it again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corrected } from '../../src/commands/carried-slips.js';
import type { CauseCell } from '../../src/locate/types.js';
import { checkBytes, FIXTURES } from './../helpers.js';

const annex = () => checkBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'))).annex;
const cause = (ref: string, actual: string, proposed: string): CauseCell => ({ cell: { ref, row: Number(ref.slice(1)) - 1, col: ref.charCodeAt(0) - 65, raw: actual }, unit: '', indicator: 'poor_start', actual, proposed });

describe('corrected', () => {
  it('holds the proposed value at the cause\'s cell, as plain digits and as the table writes numbers, and every other value as it was', () => {
    const a = annex();
    const yenSon = Array.from({ length: a.units.length }, (_, id) => a.units.at(id)!).find((u) => u.name === 'Yên Sơn')!.id;
    const fixed = corrected(a, [cause('F4', '3694', '3649')], (plain) => `<${plain}>`)!;
    const v = fixed.values.get(yenSon, 'poor_start')!;
    expect(v.status === 'ok' && [v.plain, v.text, v.cell.ref]).toEqual(['3649', '<3649>', 'F4']);
    expect(a.values.get(yenSon, 'poor_start')!.status === 'ok' && (a.values.get(yenSon, 'poor_start') as { plain: string }).plain).toBe('3694');
    for (let id = 0; id < a.units.length; id++) for (const ind of ['households_start', 'poor_end', 'rate_start'] as const) expect(fixed.values.get(id, ind)).toBe(a.values.get(id, ind));
  });

  it('is undefined when a cause\'s cell is no value of the table (the command read it otherwise): no claim', () => {
    expect(corrected(annex(), [cause('F4', '3694', '3649'), cause('Z99', '1', '2')], (p) => p)).toBeUndefined();
  });
});
