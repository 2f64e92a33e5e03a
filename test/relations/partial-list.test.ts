/**
 * A row of dots after a parent's units ("…", as an article lists "the highest districts: …") says the list is
 * cut short: nothing is added up over it, only its parts checked to be no more than the parent, and the report
 * says why (relations/sum.ts, rate-mean.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, type CheckResult } from '../../src/check-grid.js';
import { FIXTURES } from '../helpers.js';

async function check(csv: string): Promise<CheckResult> {
  return checkGrid(await gridFromAnyBytes(Buffer.from(`\uFEFF${csv}`, 'utf8'), { name: 't.csv' }));
}

const partialSkips = (r: CheckResult) => r.skipped.filter((s) => s.msg.id === 'skip.partial-list').map((s) => `${s.rule} ${s.unit} ${(s.msg.params as { cell: string }).cell}`);

const FLAT = ['Đơn vị;Số hộ nghèo;Số hộ cận nghèo', 'Toàn tỉnh;29.146;8.673', 'Bắc Trà My;5.089;1.200', 'Nam Trà My;3.609;900', 'Đông Giang;3.394;800'];

describe('a list cut short by a row of dots', () => {
  it('is not added up to its total, and the coverage says why; without the dots the sum is an error', async () => {
    for (const dots of ['…', '...', '. . .', '……']) {
      const r = await check([...FLAT, `${dots};;`].join('\n'));
      expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(partialSkips(r)).toEqual(['sum Toàn tỉnh A6']);
      // Its parts were checked against the total all the same: no more than it.
      expect(r.skipped.find((s) => s.msg.id === 'skip.partial-list')!.msg.params).toMatchObject({ bounded: true });
      expect(r.coverage.ran).toContain('sum');
    }
    const whole = await check(FLAT.join('\n'));
    expect(whole.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['sum B2', 'sum C2']);
  });

  it('still bounds its parts: listed units adding up to more than their total are an error at the total, the cause among them', async () => {
    // Cà Mau (helper-88's e5g): two districts of 6.663 and 5.325 poor households under a province of 9.604.
    const r = await check(['Đơn vị;Hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;9.604;3,14', 'Huyện Thới Bình;6.663;10,76', 'Huyện Trần Văn Thời;5.325;7,63', '...;;'].join('\n'));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule} ${f.at?.ref} ${f.msg.id}`)).toEqual(['sum B2 sum.exceeds']);
    expect(errors[0]!.msg.params).toMatchObject({ parts: '11988', actual: '9604', diff: '2384', count: 2 });
    expect(r.localisation.causes.map((c) => c.cells[0]!.cell.ref)).toEqual(['B3', 'B4']);
    // A net reduction may be negative in the units not listed: never bounded.
    const net = await check(['Đơn vị;Số hộ nghèo giảm trong năm', 'Toàn tỉnh;300', 'Huyện A;500', '...;'].join('\n'));
    expect(net.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('cuts short only the list it ends: a district\'s communes, while the province still adds up its districts', async () => {
    const csv = [
      'Đơn vị;Tổng số hộ;Số hộ nghèo',
      'Tỉnh A;300;30',
      'Huyện B;200;20',
      'Xã B1;120;12',
      '…;;',
      'Huyện C;100;10',
      'Xã C1;60;6',
      'Xã C2;40;4',
    ].join('\n');
    const r = await check(csv);
    expect(partialSkips(r)).toEqual(['sum Huyện B A5']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
    // The province's sum is still checked: a slip in a district is found.
    const slipped = await check(csv.replace('Huyện C;100;10', 'Huyện C;100;11'));
    expect(slipped.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`).sort()).toEqual(['sum C2', 'sum C6'].sort());
  });

  it('leaves a region\'s rate unbounded by a partial list of its provinces\' rates', async () => {
    const csv = ['Vùng / tỉnh, thành;Tỷ lệ hộ nghèo (%)', 'Miền núi Đông Bắc;17,39', 'Hà Giang;30,13', 'Cao Bằng;28,22', '...;'].join('\n');
    const r = await check(csv);
    expect(r.findings.filter((f) => f.rule === 'rate-mean')).toEqual([]);
    expect(partialSkips(r)).toEqual(['rate-mean Miền núi Đông Bắc A5']);
  });

  it('means nothing before the first unit, nor in a blank form whose units have no figures', async () => {
    const r = await check(['Đơn vị;Số hộ nghèo', '…;', 'Toàn tỉnh;30', 'A;10', 'B;20'].join('\n'));
    expect(partialSkips(r)).toEqual([]);
    expect(r.coverage.ran).toContain('sum');
    // The ministry's blank form: placeholder units `1 ........`, `...` rows, no figure anywhere.
    const form = checkGrid(await gridFromAnyBytes(readFileSync(join(FIXTURES, 'published', 'form-near-poor-review-summary-blank.csv')), { name: 'form.csv' }));
    expect(partialSkips(form)).toEqual([]);
  });

  it('as when units are named without their figures among the others: their parent is neither added up nor bounded', async () => {
    // Đông Giang's communes: two give a rate, the others only a note (the article's "more than 50 %").
    const csv = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Ghi chú', 'Huyện Đông Giang;2.878;37,46;', 'Xã A Rooi;;;hơn 50%', 'Xã A Ting;;;hơn 50%', 'Xã Ba;;14,46;', 'Xã Tư;;24,67;'].join('\n');
    const r = await check(csv);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.skipped.filter((s) => s.msg.id === 'skip.partial-list').map((s) => [s.rule, s.msg.params])).toEqual(['sum', 'rate-mean'].map((rule) => [rule, { cell: 'A3', empty: true, text: 'Xã A Rooi' }]));
    // Without the rows that name no figure, the two rates are the whole list, and 37,46 lies outside them.
    const whole = await check(csv.split('\n').filter((l) => !l.includes('hơn 50%')).join('\n'));
    expect(whole.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['rate-mean C2']);
  });
});
