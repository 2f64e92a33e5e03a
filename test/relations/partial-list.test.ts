/**
 * A row of dots after a parent's units ("…", as an article lists "the highest districts: …") says the list is
 * cut short: nothing is added up or bounded over it, and the report says why (relations/sum.ts, rate-mean.ts).
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
      expect(r.coverage.ran).not.toContain('sum');
    }
    const whole = await check(FLAT.join('\n'));
    expect(whole.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`)).toEqual(['sum B2', 'sum C2']);
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
