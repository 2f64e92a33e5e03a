/**
 * A unit named twice in one list, told with what its parent's sums say of the second row (rules/duplicate-rows.ts):
 * left out of the total (each failing sum short by exactly its figures), or counted by it (a misnamed unit).
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';
import type { Finding } from '../../src/model/finding.js';
import type { Annex } from '../../src/model/annex.js';

const HEAD = 'Đơn vị;Tổng số hộ;Hộ nghèo;Tỷ lệ hộ nghèo (%)';
const duplicate = async (rows: string[]) => {
  const r = await check([HEAD, ...rows].join('\n'));
  return r.findings.find((f) => f.msg.id === 'duplicate.unit')!;
};

describe('a unit named twice', () => {
  it('left out of the total: the sums short by exactly its row say so (helper-88\'s Cà Mau e1)', async () => {
    const f = await duplicate(['Huyện Ngọc Hiển;24.830;1.067;4,30', 'Huyện Phú Tân;17.689;853;4,82', 'Huyện Phú Tân;19.595;1.714;8,75', 'Tổng cộng;42.519;1.920;4,52']);
    expect(f.at?.ref).toBe('A4');
    expect(f.msg.params).toMatchObject({ leftOut: ['B5', 'C5'], total: 'Tổng cộng' });
    expect(renderMessage(f.msg, makeFmt('en'))).toBe(
      'Unit "Huyện Phú Tân" appears twice (first at A3); the row "Tổng cộng" leaves this row out: each of its failing sums (B5, C5) is short by exactly this row\'s figure. If it is the same unit typed twice, delete this row; if it is another unit under a wrong name, correct the name and add the row to "Tổng cộng".',
    );
  });

  it('left out of the total: the row is the likely cause of those sums, not two-cell rewrites elsewhere', async () => {
    const r = await check([HEAD, 'Huyện Ngọc Hiển;24.830;1.067;4,30', 'Huyện Phú Tân;17.689;853;4,82', 'Huyện Phú Tân;19.595;1.714;8,75', 'Tổng cộng;42.519;1.920;4,52'].join('\n'));
    // Before: "B5 holds 42.519, should be 62.114; D5 4,52 should be 3,09" and "C4 (the row typed twice) should be 0".
    expect(r.localisation.causes).toEqual([]);
    expect(r.localisation.parts ?? []).toEqual([]);
    expect(r.localisation.status).toBe('clean');
  });

  it('left out of the total, and a slip elsewhere: the slip is still localised, the sums the row explains left to it', async () => {
    const r = await check([HEAD, 'Huyện Ngọc Hiển;24.830;1.067;4,30', 'Huyện Phú Tân;17.689;853;4,82', 'Huyện Phú Tân;19.595;1.714;8,75', 'Huyện Năm Căn;15.000;600;4,40', 'Tổng cộng;57.519;2.520;4,38'].join('\n'));
    expect(r.findings.find((f) => f.msg.id === 'duplicate.unit')?.msg.params).toMatchObject({ leftOut: ['B6', 'C6'] });
    expect(r.localisation.status).toBe('found');
    // Năm Căn's poor households or its rate; before, the sums' rewrites (the total, the row typed twice) were tried too.
    const causes = r.localisation.causes.map((c) => c.cells.map((x) => `${x.cell.ref} ${x.proposed ?? ''}`.trim()).join(' '));
    expect(causes.slice(0, 2)).toEqual(['C5 660', 'D5 4.00']);
    expect(causes.filter((c) => /[A-D][46]\b/.test(c))).toEqual([]);
  });

  it('counted by the total: one row misnamed, or the unit listed twice on purpose (Cà Mau 2014, Năm Căn printed as Phú Tân; helper-93: Bình Định by area)', async () => {
    const f = await duplicate(['Huyện Ngọc Hiển;24.830;1.067;4,30', 'Huyện Phú Tân;17.689;853;4,82', 'Huyện Phú Tân;19.595;1.714;8,75', 'Tổng cộng;62.114;3.634;5,85']);
    expect(f.msg.params).toMatchObject({ counted: 'Tổng cộng' });
    expect(renderMessage(f.msg, makeFmt('vi'))).toContain('dòng "Tổng cộng" cộng cả hai dòng: nếu là hai đơn vị khác nhau thì một dòng bị ghi nhầm tên');
  });

  it('neither when the sums fail by something else, or cannot be checked', async () => {
    const other = await duplicate(['Huyện A;100;10;10,00', 'Huyện A;200;20;10,00', 'Tổng cộng;290;30;10,34']);
    expect(other.msg.params).not.toHaveProperty('leftOut');
    expect(other.msg.params).not.toHaveProperty('counted');
    const noTotal = await duplicate(['Huyện A;100;10;10,00', 'Huyện A;200;20;10,00']);
    expect(Object.keys(noTotal.msg.params)).toEqual(['unit', 'first']);
  });
});

describe('the notes of a national table', () => {
  // A note is made again each time its message is read (model/finding.ts RemadeFinding): the duplicates are found by
  // their rule first, and no other finding's message is read (88,909 notes were made again on the 1M-unit table).
  it('are not read for their message', async () => {
    const { duplicatesWithTheirSums } = await import('../../src/rules/duplicate-rows.js');
    const note = { rule: 'denominator', severity: 'info', get msg(): never { throw new Error('message read'); } } as unknown as Finding;
    expect(duplicatesWithTheirSums([note, note], {} as Annex, true, [])).toEqual([note, note]);
  });
});
