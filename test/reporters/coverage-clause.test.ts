/**
 * The clause of an unchecked table's verdict (`reporters/types.ts` `coverageText`) names each indicator the table lacks
 * once: Đakrông 2019 said "bảng không có …" four times, one per check, the same indicators in several lists.
 */
import { describe, expect, it } from 'vitest';
import { coverageText } from '../../src/reporters/types.js';
import type { FileResult } from '../../src/model/file-result.js';
import type { Coverage } from '../../src/model/coverage.js';
import { cli } from '../helpers.js';

const DAKRONG = 'fixtures/published/review-2019-dakrong-district-blocks-communes-reductions.csv';
const unchecked = (coverage: Coverage) => ({ file: 'a.csv', status: 'unchecked', coverage, findings: [], skipped: [] }) as unknown as FileResult;
const absent = (indicators: string[]) => ({ id: 'skip.absent', params: { indicators } }) as const;

describe('the reasons an unchecked table gives in its verdict', () => {
  it('Đakrông 2019: one "bảng không có" naming each missing indicator once', async () => {
    const r = await cli(['validate', DAKRONG, '--no-table']);
    const verdict = r.stdout.split('\n')[0]!;
    expect(verdict.match(/bảng không có/g)).toHaveLength(1);
    expect(verdict).toContain(
      '; bảng không có tổng số hộ đầu năm, số hộ nghèo đầu năm, số hộ nghèo cuối năm, tỷ lệ hộ nghèo đầu năm và tỷ lệ hộ nghèo cuối năm; không đơn vị nào có đủ số liệu cần thiết; đọc được nhưng không kiểm tra: ',
    );
    const en = await cli(['validate', DAKRONG, '--no-table', '--lang', 'en']);
    expect(en.stdout.split('\n')[0]!.match(/the table has no/g)).toHaveLength(1);
  });

  it('merges the lists in the annex order, keeping the other reasons where they were', () => {
    const c: Coverage = {
      checks: ['sum', 'flow', 'rate', 'denominator'],
      ran: [],
      notRun: [
        { check: 'flow', reason: absent(['poor_start', 'poor_end']) },
        { check: 'sum', reason: { id: 'skip.nothing', params: {} } },
        { check: 'rate', reason: absent(['households_start', 'poor_start', 'rate_end']) },
        { check: 'denominator', reason: absent(['households_start']) },
      ],
      notUnderstood: [],
    };
    const clause = coverageText(unchecked(c), 'vi').clause!;
    expect(clause.split('; ')).toHaveLength(2);
    expect(clause).toMatch(/^bảng không có tổng số hộ đầu năm, số hộ nghèo đầu năm, số hộ nghèo cuối năm và tỷ lệ hộ nghèo cuối năm; /);
  });
});
