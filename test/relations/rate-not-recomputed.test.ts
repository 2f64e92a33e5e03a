/**
 * A start (or end) rate printed without the households it is over: the review form of gross flows prints the
 * households at the review only, and its start rates are over the start's. They were passed over in silence (the
 * `missing` warning said only "rate ran on the other figures"); now the report's "not checked" names the rate not
 * recomputed and what the table lacks for it, whatever else the table is.
 */
import { describe, expect, it } from 'vitest';
import { checkCsv as check } from '../helpers.js';

const notRecomputed = (r: Awaited<ReturnType<typeof check>>) => r.skipped.filter((s) => s.msg.id === 'skip.not-recomputed').map((s) => [s.rule, s.unit, s.msg.params]);

describe('a rate with no households of its time', () => {
  it('the review form of gross flows: the start rate not recomputed, said once for the table, no `missing` warning', async () => {
    const r = await check(
      [
        'TT;Đơn vị;Tổng số hộ tại thời điểm rà soát;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%);Số hộ thoát nghèo;Số hộ nghèo phát sinh;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%)',
        '1;Xã A;1.000;120;12,50;30;5;95;9,50',
        '2;Xã B;2.000;200;10,40;40;10;170;8,50',
        ';Toàn huyện;3.000;320;11,10;70;15;265;8,83',
      ].join('\n'),
    );
    expect(r.annex.indicators).toContain('households_end');
    expect(notRecomputed(r)).toEqual([['rate', undefined, { rates: ['rate_start'], absent: ['households_start'] }]]);
    expect(r.coverage.ran).toContain('rate');
    expect(r.findings.filter((f) => f.rule === 'missing')).toEqual([]);
  });

  it('a table of net figures lacking the start households: the same line, beside its `missing` warning', async () => {
    const r = await check(
      [
        'TT;Đơn vị;Tổng số hộ cuối năm;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%);Số hộ nghèo giảm;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%)',
        '1;Xã A;1.000;120;12,50;25;95;9,50',
        '2;Xã B;2.000;200;10,40;30;170;8,50',
        ';Toàn huyện;3.000;320;11,10;55;265;8,83',
      ].join('\n'),
    );
    expect(notRecomputed(r)).toEqual([['rate', undefined, { rates: ['rate_start'], absent: ['households_start'] }]]);
    expect(r.findings.filter((f) => f.rule === 'missing').map((f) => f.indicator)).toEqual(['households_start']);
  });

  it('a households column without a phase serves the start rate: nothing said', async () => {
    const r = await check(
      [
        'TT;Đơn vị;Tổng số hộ dân cư;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%);Số hộ thoát nghèo;Số hộ nghèo phát sinh;Số hộ nghèo cuối năm;Tỷ lệ hộ nghèo cuối năm (%)',
        '1;Xã A;1.000;120;12,00;30;5;95;9,50',
        ';Toàn huyện;1.000;120;12,00;30;5;95;9,50',
      ].join('\n'),
    );
    expect(notRecomputed(r)).toEqual([]);
  });
});
