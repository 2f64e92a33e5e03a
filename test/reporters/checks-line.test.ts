/**
 * Every verdict of the text and HTML reports names the checks that ran (`reporters/types.ts` `checksLine`), a
 * clean one too, and those that could not, grouped by why: "no errors" never stands without what found none.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksLine } from '../../src/reporters/types.js';
import type { FileResult } from '../../src/model/file-result.js';
import type { Coverage } from '../../src/model/coverage.js';
import { cli } from '../helpers.js';

const fileWith = (coverage: Coverage | undefined, status: FileResult['status'] = 'ok') => ({ file: 'a.csv', status, coverage, findings: [], skipped: [] }) as unknown as FileResult;

describe('checksLine', () => {
  it('names every check that ran, all of them on a clean table', () => {
    const c: Coverage = { checks: ['sum', 'range'], ran: ['sum', 'range'], notRun: [], notUnderstood: [] };
    expect(checksLine(fileWith(c), 'en')).toBe('Checks: 2 of 2 ran (sum, range)');
    expect(checksLine(fileWith(c), 'vi')).toBe('Kiểm tra: 2/2 phép đã chạy (sum, range)');
  });

  it('groups the checks that did not run by their reason, and says when none ran', async () => {
    // A blank official form: no unit has values, so no check runs; each reason is written once.
    const r = await cli(['validate', 'fixtures/published/form-near-poor-review-summary-blank.csv', '--lang', 'en', '--no-table']);
    expect(r.stdout).toContain('  Checks: none could run; not run: sum, rate, range, balance (see “Not checked”)\n');
    // The reason is given once, in the section the line points to.
    expect(r.stdout).toContain('    · sum, rate, range, balance: no unit has the values it needs\n');
  });

  it('gives each reason on the line only when no "Not checked" section lists them below (a plan document\'s parts)', () => {
    const c: Coverage = { checks: ['sum', 'flow', 'rate'], ran: ['sum'], notRun: [{ check: 'flow', reason: { id: 'skip.absent', params: { indicators: ['poor_end'] } } }, { check: 'rate', reason: { id: 'skip.absent', params: { indicators: ['poor_end'] } } }], notUnderstood: [] } as unknown as Coverage;
    expect(checksLine(fileWith(c), 'vi')).toMatch(/^Kiểm tra: 1\/3 phép đã chạy \(sum\); không chạy: flow, rate vì .+$/);
    expect(checksLine(fileWith(c), 'vi', { listedBelow: true })).toBe('Kiểm tra: 1/3 phép đã chạy (sum); không chạy: flow, rate (xem mục “Chưa kiểm tra”)');
    expect(checksLine(fileWith(c), 'en', { listedBelow: true })).toBe('Checks: 1 of 3 ran (sum); not run: flow, rate (see “Not checked”)');
  });

  it('a file on which no check comparing figures ran says so, even when checks of single cells did', () => {
    const c: Coverage = { checks: ['range', 'precision', 'rate-mean'], ran: ['range', 'precision'], notRun: [], notUnderstood: [] };
    expect(checksLine(fileWith(c, 'unchecked'), 'en')).toBe('Checks: none of the consistency checks could run (only range, precision ran)');
    expect(checksLine(fileWith(c, 'unchecked'), 'vi')).toBe('Kiểm tra: không phép kiểm tra tính khớp nào chạy được (chỉ chạy range, precision)');
  });

  it('says nothing for an unreadable file or one without coverage', () => {
    expect(checksLine(fileWith(undefined), 'en')).toBeUndefined();
    expect(checksLine(fileWith({ checks: [], ran: [], notRun: [], notUnderstood: [] }, 'unreadable'), 'en')).toBeUndefined();
  });

  it('the text report of a clean published table says which checks found nothing', async () => {
    const r = await cli(['validate', 'fixtures/published/review-2022-binh-dinh-urban-rural.csv', '--no-table']);
    const [verdict, , checks] = r.stdout.split('\n');
    expect(verdict).toMatch(/^✔ .*không có lỗi/);
    expect(checks).toBe('  Kiểm tra: 6/6 phép đã chạy (sum, range, combined, implied-households, rate-mean, precision)');
    expect(r.code).toBe(0);
  });

  it('a clean plan document (.docx) names its checks too, in the text and HTML reports', async () => {
    // The document report printed "no errors" with only the parts' counts: which checks found nothing was not said.
    const plan = 'fixtures/plans/planted/corrected.docx';
    const r = await cli(['validate', plan, '--no-table', '--lang', 'en']);
    const [verdict, , checks] = r.stdout.split('\n');
    expect(verdict).toMatch(/^✔ .*no errors/);
    expect(checks).toBe('  Checks: 10 of 10 ran (sum, flow, rate, rate-change, denominator, range, claim, target, money, reference)');
    expect(r.code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-')), 'plan.html');
    await cli(['validate', plan, '--format', 'html', '--lang', 'en', '-o', out]);
    expect(readFileSync(out, 'utf8')).toContain('<p class="muted small checks">Checks: 10 of 10 ran (sum, flow, rate, rate-change, denominator, range, claim, target, money, reference)</p>');
  });

  it('the HTML report carries the same line', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'povcheck-')), 'r.html');
    await cli(['validate', 'fixtures/published/national-2023-regions-combined.csv', '--format', 'html', '--lang', 'en', '-o', out]);
    expect(readFileSync(out, 'utf8')).toContain('<p class="muted small checks">Checks: 5 of 6 ran (sum, range, combined, implied-households, precision); not run: rate-mean (see “Not checked”)</p>');
  });
});
