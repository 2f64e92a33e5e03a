import { describe, expect, it } from 'vitest';
import { WIDE_MAX_UNITS, annexDocument, annexTableHtml, fitClass, shouldTranspose } from '../../src/render/html-annex.js';
import { checkRecords, fixtures } from '../helpers.js';

const seed = () => checkRecords(fixtures.wideRecords()).annex;

/** A consistent-enough table with `n` units besides the total (layout tests need no valid arithmetic). */
function manyUnits(n: number) {
  const units = ['Toàn huyện', ...Array.from({ length: n }, (_, i) => `Xã số ${i + 1}`)];
  const data = fixtures.cloneData();
  for (const k of Object.keys(data)) data[k] = units.map((_, i) => data[k]![i % 8]!);
  return checkRecords(fixtures.wideRecords(data, { units })).annex;
}

describe('annexTableHtml', () => {
  it("lays the seed out as the annex: STT, label, measure, then the units, total first and bold", () => {
    const t = annexTableHtml(seed(), { lang: 'vi' }).value;
    expect(t).toContain('<table class="annex wide fit-m">');
    const head = /<thead><tr>(.*?)<\/tr><\/thead>/s.exec(t)![1]!;
    expect([...head.matchAll(/>([^<>]+)<\/th>/g)].map((m) => m[1])).toEqual(['STT', 'Chỉ tiêu', 'ĐVT', ...fixtures.UNITS]);
    expect(t).toMatch(/<td id="c-D2" class="value num total" data-ref="D2">210\.299<\/td>/);
    expect(t).toMatch(/<th scope="row" class="heading">Tỷ lệ hộ nghèo<\/th>/);
  });

  it('writes the numbers in the chosen language, the digits as read', () => {
    expect(annexTableHtml(seed(), { lang: 'en' }).value).toMatch(/data-ref="D2">210,299<\/td>/);
    expect(annexTableHtml(seed(), { lang: 'en' }).value).toMatch(/data-ref="D8">11\.80<\/td>/);
    expect(annexTableHtml(seed(), { lang: 'vi', locale: 'en' }).value).toMatch(/data-ref="D8">11\.80<\/td>/);
  });

  it('shows text that is not a number as typed', () => {
    const annex = checkRecords(fixtures.wideRecords(fixtures.SEED, { texts: { 'poor_reduced:7': '28x' } })).annex;
    expect(annexTableHtml(annex, { lang: 'vi' }).value).toMatch(/data-ref="K5">28x<\/td>/);
  });

  it('marks a cell with its severity class, symbol, hover text, link and proposed value', () => {
    const marks = new Map([['I6', { severity: 'error' as const, title: 'msg <1>', findingIds: ['f0-1', 'f0-2'], proposed: '4.693' }]]);
    const t = annexTableHtml(seed(), { lang: 'vi', idPrefix: 'c0', marks }).value;
    const cell = /<td id="c0-I6"[^>]*>.*?<\/td>/.exec(t)![0];
    expect(cell).toContain('class="value num sev-error cause"');
    expect(cell).toContain('title="msg &lt;1&gt;\nNguyên nhân có thể; đề xuất: 4.693"');
    expect(cell).toContain('data-findings="f0-1 f0-2"');
    expect(cell).toContain('<a class="flag" href="#f0-1"><span class="sym sym-error" aria-hidden="true">✖</span><span class="sr">lỗi: </span>4.693</a>');
    expect(cell).toContain('<span class="proposed">→ 4.693</span>');
  });

  it('escapes unit names and cell text from the input', () => {
    const units = ['Toàn tỉnh', '<script>alert(1)</script>', ...fixtures.UNITS.slice(2)];
    const annex = checkRecords(fixtures.wideRecords(fixtures.SEED, { units, texts: { 'poor_reduced:7': '<img src=x onerror=alert(1)>' } })).annex;
    const t = annexTableHtml(annex, { lang: 'vi' }).value;
    expect(t).not.toMatch(/<script|<img/);
    expect(t).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(t).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it(`keeps up to ${WIDE_MAX_UNITS} units as columns and puts more in rows, so the table fits the page`, () => {
    expect(shouldTranspose(manyUnits(WIDE_MAX_UNITS - 1))).toBe(false);
    expect(shouldTranspose(manyUnits(WIDE_MAX_UNITS))).toBe(true);
    const t = annexTableHtml(manyUnits(30), { lang: 'vi' }).value;
    expect(t).toContain('<table class="annex transposed fit-m">');
    expect(t).toMatch(/<th id="c-D1" scope="row" class="unit total" data-ref="D1">Toàn huyện<\/th>/);
    expect(annexTableHtml(manyUnits(30), { lang: 'vi', transpose: false }).value).toContain('annex wide fit-xs');
  });

  it('uses smaller type as the columns grow', () => {
    expect([fitClass(11), fitClass(12), fitClass(13), fitClass(14)]).toEqual(['fit-m', 'fit-s', 'fit-s', 'fit-xs']);
  });
});

describe('annexDocument', () => {
  it('is a standalone page with the table and no script', () => {
    const doc = annexDocument(seed(), { lang: 'vi', title: 'Phụ lục <1>' });
    expect(doc).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(doc).toContain('<title>Phụ lục &lt;1&gt;</title>');
    expect(doc).toContain('script-src &#39;none&#39;');
    expect(doc).not.toContain('<script');
    expect(doc).toContain('<table class="annex wide');
  });
});
