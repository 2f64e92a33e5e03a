/**
 * A label's features (shape/words.ts) do not depend on the shortcuts taken to read them: a folded text of
 * digits tried against the year pattern only, and the combined pattern that rejects a long table's names,
 * built only after the first texts with letters. Both are compared with every rule tried one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { featuresOf, readFeatures } from '../../src/shape/words.js';

const WORDS = [
  'Số', 'hộ', 'nghèo', 'cận', 'đầu', 'cuối', 'năm', 'kỳ', 'Tỷ', 'lệ', 'tỉ', 'giảm', 'thoát', 'tái', 'phát', 'sinh',
  'Chỉ', 'tiêu', 'giao', 'đạt', 'so', 'với', 'điểm', 'Trong', 'đó', 'Tương', 'ứng', 'Từ', 'Đến', 'thành', 'thị',
  'nông', 'thôn', 'dân', 'tộc', 'thiểu', 'số', 'DTTS', 'chuẩn', 'giai', 'đoạn', 'Quyết', 'định', 'Tổng', 'Xã',
  'Huyện', 'Sơn', 'Dương', 'Na', 'Hang', 'STT', 'ĐVT', 'Ghi', 'chú', 'poor', 'near', 'households', 'rate',
  'start', 'end', 'target', 'of', 'which', 'urban', 'rural', 'points', 'from', 'to', 'year', 'multidimensional',
  '2020', '2021', '1999', '2016', '2025', '12.345', '11,80', '0', '7', '210.299', '%', '(%)', '-', '+', ':', '(hộ)',
];

const label = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
const digits = fc.array(fc.constantFrom('0', '1', '2', '9', '.', ',', ' ', '%', '20', '19'), { maxLength: 8 }).map((cs) => cs.join(''));

describe('featuresOf', () => {
  it('reads the first labels (before the combined pattern is built) as every rule does', () => {
    const texts = ['Số hộ nghèo đầu năm', 'Tỷ lệ hộ nghèo cuối năm (%)', 'Xã Hùng Lợi', '2020', 'Năm 2020', '11,80', '%', '', 'Từ', 'Chỉ tiêu giao'];
    for (const t of texts) expect(featuresOf(t), t).toEqual(readFeatures(t, false));
  });

  it('reads any label, digits and years as every rule does', () => {
    fc.assert(
      fc.property(fc.oneof(label, digits), (t) => {
        expect(featuresOf(t)).toEqual(readFeatures(t, false));
      }),
      { numRuns: 2000 },
    );
  });
});
