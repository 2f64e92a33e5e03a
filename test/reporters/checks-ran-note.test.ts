/**
 * A verdict never covers more than was checked: a file whose checks all ran but left places out (a unit's blank
 * cells) says so beside its verdict in every report ("6/6 checks ran, except in 15 places"), as a file on which
 * some checks did not run says "4 of 6 checks ran" (reporters/types.ts `checksRanNote`, `coverageText`).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '../../src/messages/index.js';
import { checksRanNote, coverageText } from '../../src/reporters/types.js';
import type { FileResult } from '../../src/model/file-result.js';
import type { Coverage } from '../../src/model/coverage.js';
import type { Skip } from '../../src/model/finding.js';
import { cli, FIXTURES } from '../helpers.js';

const ALL_RAN: Coverage = { checks: ['sum', 'rate'], ran: ['sum', 'rate'], notRun: [], notUnderstood: [] };
const blank = (rule: string, unit: string, cell: string): Skip => ({ rule: rule as Skip['rule'], unit, msg: { id: 'skip.bad-value', params: { cells: [cell], blank: true } } });
const fileWith = (skipped: Skip[]) => ({ file: 'a.csv', status: 'ok', coverage: ALL_RAN, findings: [], skipped }) as unknown as FileResult;

describe('a verdict over checks that left places out', () => {
  it('every check ran everywhere: nothing to add', () => {
    expect(checksRanNote(fileWith([]), catalog('en').ui)).toBeUndefined();
    expect(coverageText(fileWith([]), 'en').clause).toBeUndefined();
  });

  it('every check ran, some units left out: the overview and the verdict say how many places', () => {
    const f = fileWith([blank('sum', 'Toàn tỉnh', 'E3'), blank('rate', 'Sơn Dương', 'E3')]);
    expect(checksRanNote(f, catalog('en').ui)).toBe('2 of 2 checks ran, except in 2 places');
    expect(checksRanNote(f, catalog('vi').ui)).toBe('2/2 phép kiểm tra đã chạy, trừ 2 chỗ chưa kiểm tra được');
    expect(coverageText(f, 'en').clause).toBe('2 of 2 checks ran, except in 2 places');
  });

  it('the markdown overview of a clean file whose households at the end are given for the total only', async () => {
    const csv = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8')
      .split('\n')
      .map((line) => (line.startsWith('2;') ? line.split(';').map((c, i) => (i >= 4 && i <= 10 ? '' : c)).join(';') : line))
      .join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-')), 'total-only.csv');
    writeFileSync(file, csv);
    const r = await cli(['validate', file, '--format', 'markdown']);
    expect(r.stdout).toContain('| ✔ không có lỗi (6/6 phép kiểm tra đã chạy, trừ 15 chỗ chưa kiểm tra được) |');
    const text = await cli(['validate', file, '--no-table']);
    expect(text.stdout.split('\n')[0]).toMatch(/: không có lỗi — 0 lỗi, 2 cảnh báo, 0 thông tin — 6\/6 phép kiểm tra đã chạy, trừ 15 chỗ chưa kiểm tra được$/);
  });
});
