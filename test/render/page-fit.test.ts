/**
 * The documents' layout machinery: the grouped header and column numbers (annex-layout.ts), text measuring
 * (measure.ts) and fitting a table to A4 pages (page-fit.ts), on the seed, the 148 communes of Phú Thọ, the 34
 * provinces, and random tables (property: every column is at least as wide as its widest number or word, the
 * parts cover every column once, nothing is negative, the table fits the page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { computeTable, type ComputedTable } from '../../src/compute/table.js';
import { annexLayout, columnNumbers, headRows, type AnnexLayout } from '../../src/render/annex-layout.js';
import { catalog } from '../../src/messages/index.js';
import type { Unit } from '../../src/model/annex.js';
import { layoutOf } from '../../src/render/table-data.js';
import { DEFAULT_FIT, contentWidth, fitTable, needs, partHead, share, type ColumnNeed } from '../../src/render/page-fit.js';
import { lineCount, longestWord, textWidth, words } from '../../src/render/measure.js';
import { FIXTURES, fixtures } from '../helpers.js';

const tableOf = (bytes: Uint8Array): ComputedTable => computeTable(shape(gridFromBytes(bytes), { totalPolicy: 'none' }).annex, { total: 'auto', totalName: 'Tổng cộng' });
const fixture = (name: string) => tableOf(readFileSync(join(FIXTURES, 'calc', name)));
const layout = (t: ComputedTable, transpose?: boolean): AnnexLayout => layoutOf(t, { lang: 'vi', locale: 'vi', ...(transpose !== undefined ? { transpose } : {}) }, { grouped: true });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('measure', () => {
  it('measures Times New Roman: digits are half an em, a space a quarter, bold wider', () => {
    expect(textWidth('0123456789', 10)).toBeCloseTo(50);
    expect(textWidth(' ', 12)).toBeCloseTo(3);
    expect(textWidth('Hà Nội', 11, true)).toBeGreaterThan(textWidth('Hà Nội', 11));
  });

  it('gives a Vietnamese letter the width of its base letter, decomposed or not', () => {
    expect(textWidth('ộ', 10)).toBeCloseTo(textWidth('o', 10));
    expect(textWidth('ộ'.normalize('NFD'), 10)).toBeCloseTo(textWidth('o', 10));
    expect(textWidth('Ư', 10)).toBeGreaterThan(textWidth('U', 10)); // the horn takes room
  });

  it('breaks lines only between words, and keeps a leading dash with its word', () => {
    expect(words('- Đầu năm')).toEqual(['- Đầu', 'năm']);
    expect(longestWord('Số hộ nghèo giảm trong năm', 10)).toBeCloseTo(textWidth('nghèo', 10));
    expect(lineCount('Giảm trong năm', textWidth('Giảm trong', 10), 10)).toBe(2);
    expect(lineCount('Giảm', 1, 10)).toBe(1);
  });
});

describe('the documents header', () => {
  it('merges a group over its columns and lets a lone column span the header rows', () => {
    const rows = headRows([
      { cell: { text: 'STT', kind: 'stt' } },
      { cell: { text: 'Số hộ nghèo', kind: 'label' }, children: [{ cell: { text: 'Đầu năm', kind: 'label' } }, { cell: { text: 'Cuối năm', kind: 'label' } }] },
    ]);
    expect(rows.map((r) => r.map((h) => [h.text, h.col, h.colSpan, h.rowSpan]))).toEqual([
      [['STT', 0, 1, 2], ['Số hộ nghèo', 1, 2, 1]],
      [['Đầu năm', 1, 1, 1], ['Cuối năm', 2, 1, 1]],
    ]);
  });

  it('numbers the columns as the forms do, with the formula of each derived one', () => {
    expect(columnNumbers(2, ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'])).toEqual([
      'A', 'B', '1', '2', '3', '4', '5=3-4', '6=3/1*100', '7=6-8', '8=5/2*100',
    ]);
    // A column whose operands are not shown gets its number alone.
    expect(columnNumbers(2, ['poor_end', 'rate_end'])).toEqual(['A', 'B', '1', '2']);
  });

  it('lays the seed out with units as rows under grouped columns and a column-number row, the total first and set apart', () => {
    const l = layout(fixture('seed-base-counts.csv'), true);
    expect(l.head!.map((r) => r.map((h) => h.text))).toEqual([
      ['STT', 'Đơn vị', 'Tổng số hộ', 'Số hộ nghèo', 'Tỷ lệ hộ nghèo (%)'],
      ['Đầu năm', 'Cuối năm', 'Đầu năm', 'Giảm trong năm', 'Cuối năm', 'Đầu năm', 'Giảm trong năm', 'Cuối năm'],
    ]);
    expect(l.head![0]!.map((h) => h.colSpan)).toEqual([1, 1, 2, 3, 3]);
    expect(l.columnNumbers).toEqual(['A', 'B', '1', '2', '3', '4', '5=3-4', '6=3/1*100', '7=6-8', '8=5/2*100']);
    expect(l.rows[0]!.slice(0, 3).map((c) => c.text)).toEqual(['', 'Toàn tỉnh', '210.299']);
    expect(l.rowInfo[0]).toEqual({ kind: 'total', indent: 0 });
    expect(l.rows[4]!.map((c) => c.text)).toEqual(['4', 'Hàm Yên', '31.526', '31.800', '4.753', '799', '3.954', '15,08', '2,65', '12,43']);
    expect(l.hasMeasureColumn).toBe(false);
  });

  it('keeps the seed layout for the seed: units as columns, the rate rows indented under their heading', () => {
    const l = layout(fixture('seed-base-counts.csv'));
    expect(l.transposed).toBe(false);
    expect(l.totalColumn).toBe(3);
    expect(l.rowInfo.map((r) => `${r.kind}:${r.indent}`)).toEqual(['data:0', 'data:0', 'data:0', 'data:0', 'data:0', 'heading:0', 'data:1', 'data:1', 'data:1']);
    expect(l.columnNumbers).toBeUndefined();
  });

  it('shows a hierarchy as subtotal rows with their units numbered and indented under them', () => {
    const l = layout(tableOf(fixtures.serialize(fixtures.hierarchyRecords(), { delimiter: ';' })));
    expect(l.transposed).toBe(true);
    const rows = l.rows.slice(0, 6).map((r, i) => [r[0]!.text, r[1]!.text, l.rowInfo[i]!.kind, l.rowInfo[i]!.indent]);
    expect(rows).toEqual([
      ['', 'Toàn tỉnh', 'total', 0],
      ['1', 'Sơn Dương', 'subtotal', 0],
      ['1.1', 'Xã 1 Sơn Dương', 'data', 1],
      ['1.2', 'Xã 2 Sơn Dương', 'data', 1],
      ['1.3', 'Xã 3 Sơn Dương', 'data', 1],
      ['2', 'Yên Sơn', 'subtotal', 0],
    ]);
  });

  it('sets an "of which" row of a unit back when it is listed after another unit, where it would read as that one\'s', () => {
    const unit = (id: number, name: string, o: Partial<Unit> = {}): Unit => ({ id, name, key: name.toLowerCase(), isTotal: false, ...o });
    const units = [
      unit(0, 'Toàn tỉnh', { isTotal: true }),
      unit(1, 'Huyện A', { parent: 0 }),
      unit(2, 'Trong đó: hộ DTTS huyện A', { parent: 1, role: 'of-which' }),
      unit(3, 'Huyện B', { parent: 0 }),
      unit(4, 'Trong đó: hộ DTTS huyện A (nhắc lại)', { parent: 1, role: 'of-which' }),
    ];
    const l = annexLayout({ units, total: units[0]!, indicators: ['poor_start'] }, catalog('vi').ui, () => '', { transpose: true });
    expect(l.rows.map((r, i) => `${'  '.repeat(l.rowInfo[i]!.indent)}${r[1]!.text}`)).toEqual([
      'Toàn tỉnh',
      'Huyện A',
      '  Trong đó: hộ DTTS huyện A',
      'Huyện B',
      'Trong đó: hộ DTTS huyện A (nhắc lại)',
    ]);
  });

  it('lays many units out as rows unless told otherwise', () => {
    expect(layout(fixture('communes-phu-tho.csv')).transposed).toBe(true);
    expect(layout(fixture('communes-phu-tho.csv'), false).transposed).toBe(false);
    expect(layout(fixture('seed-base-counts.csv')).transposed).toBe(false);
  });
});

/** Every column at least as wide as the widest unbreakable text in it at the fitted size, and the page holds the table. */
function expectFits(l: AnnexLayout, fit = fitTable(l)): void {
  const need = needs(l, fit.fontPt, DEFAULT_FIT);
  const seen: number[] = [];
  for (const part of fit.parts) {
    expect(part.columns.slice(0, l.labelColumns)).toEqual([...Array(l.labelColumns).keys()]);
    part.widths.forEach((w, i) => {
      expect(w).toBeGreaterThan(0);
      expect(w + 1e-6).toBeGreaterThanOrEqual(need[part.columns[i]!]!.min);
    });
    expect(sum(part.widths)).toBeLessThanOrEqual(contentWidth(fit.orientation) + 1e-6);
    seen.push(...part.columns.slice(l.labelColumns));
  }
  expect(seen).toEqual([...l.header.keys()].slice(l.labelColumns));
}

describe('fitting a table to A4', () => {
  it('prints the seed on one landscape page at 11 pt, as before', () => {
    const fit = fitTable(layout(fixture('seed-base-counts.csv')));
    expect([fit.orientation, fit.fontPt, fit.parts.length]).toEqual(['landscape', 11, 1]);
    expectFits(layout(fixture('seed-base-counts.csv')), fit);
  });

  it('prints the 148 communes and the 34 provinces in portrait, units as rows, one part', () => {
    for (const f of ['communes-phu-tho.csv', 'provinces-34.csv']) {
      const l = layout(fixture(f));
      const fit = fitTable(l);
      expect(fit.orientation).toBe('portrait');
      expect(fit.parts).toHaveLength(1);
      expectFits(l, fit);
    }
  });

  it('splits 148 communes as columns into parts with the naming columns repeated, none negative (the docx crash)', () => {
    const l = layout(fixture('communes-phu-tho.csv'), false);
    const fit = fitTable(l);
    expect(fit.orientation).toBe('landscape');
    expect(fit.parts.length).toBeGreaterThan(5);
    expectFits(l, fit);
  });

  it('lets a name typed without spaces break alone: every other column keeps its numbers whole', () => {
    const records = [['unit', 'households_start', 'households_end', 'poor_start', 'poor_reduced'], ['Xã ' + 'Dài'.repeat(35), '1000', '1010', '100', '10'], ['Xã Hy Cương', '2000', '2020', '200', '20']];
    const l = layout(tableOf(fixtures.serialize(records, { delimiter: ';' })));
    const fit = fitTable(l);
    expect(fit.fontPt).toBe(11);
    expectFits(l, fit);
  });

  it('cuts a part of the header to its columns', () => {
    const l = layout(fixture('seed-base-counts.csv'), true);
    const part = partHead(l.head!, [0, 1, 4, 5, 6]);
    expect(part.map((r) => r.map((h) => [h.text, h.col, h.colSpan]))).toEqual([
      [['STT', 0, 1], ['Đơn vị', 1, 1], ['Số hộ nghèo', 2, 3]],
      [['Đầu năm', 2, 1], ['Giảm trong năm', 3, 1], ['Cuối năm', 4, 1]],
    ]);
  });

  it('fits any table: random sizes, names with diacritics, counts up to tens of millions, either layout', () => {
    const syllables = ['Xã', 'Phường', 'Hòa', 'Bình', 'Nghĩa', 'Đồng', 'Thượng', 'Mường', 'Thuỷ', 'Quảng', 'Yên', 'Tân', 'Ư', 'Ngọc'];
    const name = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
    const unit = fc.record({ name, h0: fc.integer({ min: 1, max: 30_000_000 }), grow: fc.integer({ min: 0, max: 50 }), share: fc.integer({ min: 0, max: 100 }), out: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.uniqueArray(unit, { minLength: 2, maxLength: 160, selector: (u) => u.name }), fc.option(fc.boolean(), { nil: undefined }), (units, transpose) => {
        const records = [['unit', 'households_start', 'households_end', 'poor_start', 'poor_reduced']];
        for (const u of units) {
          const h1 = u.h0 + Math.floor((u.h0 * u.grow) / 1000);
          const p0 = Math.floor((u.h0 * u.share) / 100);
          records.push([u.name, String(u.h0), String(h1), String(p0), String(Math.floor((p0 * u.out) / 100))]);
        }
        const t = tableOf(fixtures.serialize(records, { delimiter: ';' }));
        const l = layout(t, transpose);
        const fit = fitTable(l);
        if (fit.fontPt === DEFAULT_FIT.sizes[DEFAULT_FIT.sizes.length - 1] && fit.parts.length === 1 && sum(needs(l, fit.fontPt, DEFAULT_FIT).map((c) => c.min)) > contentWidth('landscape')) return; // shrunk: nothing fits
        expectFits(l, fit);
      }),
      { numRuns: 60 },
    );
  });
});

describe('share: names before notes when the table is too wide for one line', () => {
  // STT, names of three words (60 pt on one line, 30 at the longest word), figures, notes as read (500 pt on one line).
  const cols: ColumnNeed[] = [{ min: 20, pref: 20 }, { min: 30, pref: 60, role: 'names' }, { min: 40, pref: 40 }, { min: 50, pref: 500, role: 'notes' }];

  it('the names\' column takes the room it lacks for one line from the notes\' column (Vĩnh Linh: `Xã Vĩnh / Thủy` no more)', () => {
    const w = share(cols, 300)!;
    expect(w[1]).toBeCloseTo(60);
    expect(w[0]).toBeCloseTo(20);
    expect(w[2]).toBeCloseTo(40);
    expect(sum(w)).toBeCloseTo(300);
    // Shared in proportion alone, the names got 40 and the notes 200.
    expect(share(cols.map(({ min, pref }) => ({ min, pref })), 300)![1]).toBeCloseTo(40);
  });

  it('never below the notes\' minimum: with little room the names get what is there', () => {
    const w = share(cols, 150)!;
    expect(w[3]).toBeGreaterThanOrEqual(50 - 1e-9);
    expect(w[1]).toBeGreaterThanOrEqual(30);
    expect(sum(w)).toBeCloseTo(150);
  });

  it('reads the roles from the layout: the unit names\' and labels\' columns, and a column of notes as read', () => {
    const need = needs(layout(fixture('annex-with-other-rows.csv')), 11, DEFAULT_FIT);
    expect(need.map((c) => c.role ?? '')).toEqual(['', 'names', '', '', '', '', '', '', '', '', '', 'notes']);
  });
});
