/**
 * The eth (Ð U+00D0, ð U+00F0) looks like Đ and stands for it in converted or mistyped Vietnamese (`Ðầu năm`,
 * `Ðồng Tháp`): a table written with it is read as the same table written with Đ (model/grid.ts trimmedText,
 * shape/normalize.ts foldKey, shape/spelling.ts). Before, `- Ðầu năm` was a label not understood and the seed ran 2
 * of its 6 checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBytes, FIXTURES } from '../helpers.js';
import { resolveTargetUnit } from '../../src/targets/index.js';
import { unitKey } from '../../src/shape/normalize.js';
import { sameSpelling } from '../../src/shape/spelling.js';

const SEED = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8');
const withEth = (text: string) => text.replace(/Đ/g, '\u00d0').replace(/đ/g, '\u00f0');
const brief = (text: string) => {
  const r = checkBytes(Buffer.from(text, 'utf8'));
  return { indicators: r.annex.indicators, units: [...r.annex.units].map((u) => [u.name, u.key]), findings: r.findings.map((f) => [f.rule, f.severity, f.at?.ref, f.indicator, f.expected, f.actual]) };
};

describe('a table written with the eth for Đ', () => {
  it('is read as the same table: its labels, units and findings', () => {
    expect(withEth(SEED)).toContain('\u00d0');
    expect(brief(withEth(SEED))).toEqual(brief(SEED));
  });

  it('its units are the units of Đ, for targets and for names told apart by their marks', () => {
    const text = SEED.replace('Na Hang', '\u00d0ồng Tâm');
    const annex = checkBytes(Buffer.from(text, 'utf8')).annex;
    expect(resolveTargetUnit('Đồng Tâm', annex.units, annex.total).name).toBe('Đồng Tâm');
    expect(unitKey('\u00d0ồng Tháp')).toBe(unitKey('Đồng Tháp'));
    expect(sameSpelling('\u00d0ồng Tháp', 'Đồng Tháp')).toBe(true);
    expect(sameSpelling('\u00d0ồng Tháp', 'Dồng Tháp')).toBe(false);
  });
});
