import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALIAS_LISTS, matchLabel, isTotalName } from '../../src/shape/aliases.js';
import { labelKey } from '../../src/shape/normalize.js';
import { ROOT } from '../helpers.js';

describe('label matching', () => {
  it('recognises the seed annex wording', () => {
    expect(matchLabel('Tổng số hộ của toàn tỉnh đầu năm')).toMatchObject({ kind: 'indicator', indicator: 'households_start', lang: 'vi' });
    expect(matchLabel(' Số hộ nghèo giảm trong năm')).toMatchObject({ indicator: 'poor_reduced' });
    expect(matchLabel('Tỷ lệ hộ nghèo')).toMatchObject({ kind: 'heading', group: 'rate' });
    expect(matchLabel(' - Giảm trong năm ')).toMatchObject({ kind: 'phase', phase: 'reduced' });
  });

  it('ignores case, diacritics, punctuation, list markers and units of measure', () => {
    for (const t of ['TỔNG SỐ HỘ ĐẦU NĂM', 'Tong so ho dau nam', '1. Tổng số hộ, đầu năm (hộ)', 'households_start', 'Total households, start of year']) {
      expect(matchLabel(t), t).toMatchObject({ indicator: 'households_start' });
    }
    expect(matchLabel('Tỷ lệ hộ nghèo cuối năm (%)')).toMatchObject({ indicator: 'rate_end' });
    expect(labelKey('a) Số hộ nghèo:')).toBe('so ho ngheo');
  });

  it('does not match unrelated text', () => {
    expect(matchLabel('Số hộ thoát nghèo')).toBeUndefined();
    expect(matchLabel('Ghi chú')).toBeUndefined();
    expect(matchLabel('')).toBeUndefined();
  });

  it('knows the names of the total', () => {
    expect(isTotalName('Toàn tỉnh')).toBe(true);
    expect(isTotalName('TỔNG CỘNG')).toBe(true);
    expect(isTotalName('Total')).toBe(true);
    // English editions of provincial news (Nghệ An 2025).
    expect(isTotalName('Whole province')).toBe(true);
    expect(isTotalName('Whole district')).toBe(true);
    expect(isTotalName('Na Hang')).toBe(false);
  });
});

describe('docs/input.md', () => {
  it('documents every alias', () => {
    const readme = readFileSync(join(ROOT, 'docs/input.md'), 'utf8');
    const words = new Set<string>();
    const walk = (x: unknown) => {
      if (typeof x === 'string') words.add(x);
      else if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') Object.values(x).forEach(walk);
    };
    walk(ALIAS_LISTS);
    const missing = [...words].filter((w) => !readme.includes(w));
    expect(missing).toEqual([]);
  });
});
