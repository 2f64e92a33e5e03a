/**
 * A reduction recomputed from a rate typed with more decimals than the table prints (a share, 0,1180 for 11,80)
 * is shown at the reduction column's precision, rounded half-up: `-9,62`, not `-9,6220`, after the difference itself
 * (`= -9,622 → -9,62`); more decimals only when fewer would show the figure the table prints (9,311 − 7,29 = 2,021
 * against 2,02).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import type { CheckResult } from '../../src/check-grid.js';
import { checkBytes, checkCsv, FIXTURES } from '../helpers.js';

const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8');
const mismatches = (r: CheckResult) =>
  r.findings.filter((f) => f.msg.id === 'rate-change.mismatch').map((f) => [f.at?.ref, f.expected, renderMessage(f.msg, makeFmt('en'))]);

describe('a rate-change mismatch over a rate typed as a share', () => {
  it('fixtures/planted/rate-as-share.csv: the difference at the two decimals of the reduction column', () => {
    const r = checkBytes(readFileSync(join(FIXTURES, 'planted', 'rate-as-share.csv')));
    const [[ref, expected, text]] = mismatches(r) as [[string, string, string]];
    expect([ref, expected]).toEqual(['D9', '-9.62']);
    expect(text).toContain('0.1180 − 9.74 = ');
    // The difference itself, then it rounded: `= -9.62` alone would be a false equation (the difference is -9.622).
    expect(text).toMatch(/= -9\.622 → -9\.62 points \(rounded half-up to the 2 decimals printed\)/);
  });

  it('a whole column of shares: each difference rounded half-up at two decimals (-0,7499 → -0,75)', async () => {
    const shares = seed.replace(/^;- Đầu năm;%;.*$/m, ';- Đầu năm;%;0,1180;0,0931;0,0926;0,0101;0,1508;0,1603;0,2956;0,3603;');
    const r = await checkCsv(shares.replace(/^\uFEFF/, ''));
    expect(mismatches(r).map(([ref, expected]) => `${ref} ${expected}`)).toEqual(['D9 -9.62', 'E9 -7.20', 'F9 -7.07', 'G9 -0.75', 'H9 -12.28', 'I9 -13.40', 'J9 -25.26', 'K9 -31.67']);
  });

  it('a difference that rounds to the printed reduction keeps the decimal that tells them apart (2,021 against 2,02)', async () => {
    const r = await checkCsv(seed.replace(/^\uFEFF/, '').replace(';- Đầu năm;%;11,80;9,31;', ';- Đầu năm;%;11,80;9,311;'));
    expect(mismatches(r).map(([ref, expected]) => `${ref} ${expected}`)).toEqual(['E9 2.021']);
  });
});
