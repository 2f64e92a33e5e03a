/**
 * The HTML report as a string: self-contained, escaped, with the verdict, causes, marked annex, chart and
 * findings. test/browser/ opens the same reports in Chromium.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/reporters/html.js';
import { SLIP_KINDS } from '../../src/locate/slips.js';
import type { ReportFile } from '../../src/reporters/types.js';
import { validateFile } from '../../src/pipeline.js';
import { checkRecords, FIXTURES, fixtures, reportInput } from '../helpers.js';

const PLANTED = join(FIXTURES, 'planted', 'poor-end-transposed.csv');
const SEED = join(FIXTURES, 'tuyen-quang-2020.csv');

const input = reportInput;

/** The element with this id, up to its closing tag (no nesting of the same tag inside). */
function element(doc: string, tag: string, id: string): string {
  const m = new RegExp(`<${tag} id="${id}"[^>]*>.*?</${tag}>`, 's').exec(doc);
  if (!m) throw new Error(`no <${tag} id="${id}">`);
  return m[0];
}

describe('htmlReport', () => {
  it('is one self-contained document: no URL it would load, a CSP that allows only its own style and script', async () => {
    const doc = htmlReport(input([await validateFile(PLANTED)]));
    expect(doc).toMatch(/^<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">/);
    expect(doc).not.toMatch(/\ssrc=|<link|@import|<iframe|<object|<embed/i);
    for (const [, href] of doc.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#/);
    for (const [, url] of doc.matchAll(/url\(([^)]*)\)/g)) expect(url).toMatch(/^#/);
    // The only absolute URL is the SVG namespace, which is never fetched.
    expect([...new Set(doc.match(/https?:\/\/[^\s"'<)]+/g))]).toEqual(['http://www.w3.org/2000/svg']);
    const style = /<style>(.*?)<\/style>/s.exec(doc)![1]!;
    const script = /<script>(.*?)<\/script>/s.exec(doc)![1]!;
    const hash = (s: string) => `&#39;sha256-${createHash('sha256').update(s).digest('base64')}&#39;`;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(doc)![1]!;
    expect(csp).toBe(`default-src &#39;none&#39;; style-src ${hash(style)}; script-src ${hash(script)}; base-uri &#39;none&#39;; form-action &#39;none&#39;`);
    expect(doc.match(/<script/g)).toHaveLength(1);
  });

  it('puts the verdict first, then the annex, the chart and the findings', async () => {
    const doc = htmlReport(input([await validateFile(PLANTED)]));
    const order = ['class="verdict verdict-invalid"', '<table class="annex', '<svg', 'class="findings"'].map((s) => doc.indexOf(s));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(doc).toContain(`✖ ${PLANTED}: có lỗi — 3 lỗi, 1 cảnh báo, 8 thông tin`);
  });

  it("highlights the planted error's cell with its message, and the finding links back to it", async () => {
    const doc = htmlReport(input([await validateFile(PLANTED)]));
    const cell = element(doc, 'td', 'c0-I6');
    // The cell is also the likely cause (error localisation): marked, with the proposed value.
    expect(cell).toContain('class="value num sev-error cause"');
    expect(cell).toContain('data-ref="I6"');
    expect(cell).toContain('title="✖ Chiêm Hóa: số hộ nghèo cuối năm phải bằng 5.511 − 818 = 4.693, nhưng bảng ghi 4.963.\nNguyên nhân có thể; đề xuất: 4.693"');
    expect(cell).toContain('<span class="proposed">→ 4.693</span>');
    expect(cell).toMatch(/<a class="flag" href="#f0-1">.*4\.963<\/a>/);
    const finding = element(doc, 'li', 'f0-1');
    expect(finding).toContain('class="finding sev-error"');
    expect(finding).toContain('<a href="#c0-I6">I6</a> · flow · Chiêm Hóa · Số hộ nghèo cuối năm — tính lại được 4.693, trong bảng 4.963');
    // cells without findings carry no marks
    expect(element(doc, 'td', 'c0-H6')).not.toMatch(/sev-|title=|data-findings/);
  });

  it('speaks English with numbers in English format', async () => {
    const doc = htmlReport(input([await validateFile(PLANTED)], 'en'));
    expect(doc).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(element(doc, 'td', 'c0-I6')).toContain('title="✖ Chiêm Hóa: poor households at the end should be 5,511 − 818 = 4,693, but the table shows 4,963.\nLikely cause; proposed: 4,693"');
    expect(element(doc, 'td', 'c0-D8')).toContain('>11.80</td>');
    expect(doc).toContain('<h3>Poverty rate at the start and end of the year, by unit</h3>');
  });

  it('shows no causes section without causes, and the causes first when the file carries them', async () => {
    const plain = htmlReport(input([await validateFile(SEED)]));
    expect(plain).not.toContain('class="causes"');
    // Error localisation supplies them by itself (issue 5).
    const located = htmlReport(input([await validateFile(PLANTED)]));
    expect(/<section class="causes">.*?<\/section>/s.exec(located)![0]).toContain('<strong><a href="#c0-I6">I6</a></strong> (Số hộ nghèo cuối năm, Chiêm Hóa) đang ghi 4.963; nếu là 4.693 thì khớp.');
    const file: ReportFile = {
      ...(await validateFile(PLANTED)),
      causes: [{ cells: ['I6'], proposed: { I6: '4693' }, explains: [0, 1, 2], kind: 'transposition', confidence: 'unique' }],
    };
    const doc = htmlReport(input([file]));
    const causes = /<section class="causes">.*?<\/section>/s.exec(doc)![0];
    expect(doc.indexOf('class="causes"')).toBeLessThan(doc.indexOf('<table class="annex'));
    expect(causes).toContain('<strong><a href="#c0-I6">I6</a></strong> (Số hộ nghèo cuối năm, Chiêm Hóa) đang ghi 4.963; nếu là 4.693 thì khớp.');
    expect(causes).toContain('Sửa như vậy thì cả 3 phép kiểm tra đang báo lỗi sẽ đúng. Kiểu nhầm: đảo hai chữ số liền nhau.');
    expect(causes).toContain('<a href="#f0-0">#1</a>, <a href="#f0-1">#2</a>, <a href="#f0-2">#3</a>');
    expect(element(doc, 'td', 'c0-I6')).toContain('<span class="proposed">→ 4.693</span>');
    const en = htmlReport(input([file], 'en'));
    expect(en).toContain('holds 4,963; 4,693 would fit');
    expect(en).toContain('Slip: two adjacent digits transposed.');
  });

  it('the overview of several files says when some checks did not run, as the markdown overview does', async () => {
    const partial = await validateFile(join(FIXTURES, 'variants', 'counts-only.csv'));
    const doc = htmlReport(input([await validateFile(SEED), partial]));
    const rows = /<table class="files">.*?<\/table>/s.exec(doc)![0];
    expect(rows).toContain('counts-only.csv</a></td><td>✔ 0 lỗi, 1 cảnh báo, 7 thông tin (4/6 phép kiểm tra đã chạy)</td>');
    expect(rows).toContain('tuyen-quang-2020.csv</a></td><td>✔ 0 lỗi, 1 cảnh báo, 8 thông tin</td>');
  });

  it('names every slip kind in words, in both languages (a kind missing from the table printed its id: "Slip: copied")', async () => {
    const base = await validateFile(PLANTED);
    for (const kind of SLIP_KINDS) {
      for (const lang of ['vi', 'en'] as const) {
        const doc = htmlReport(input([{ ...base, causes: [{ cells: ['I6'], proposed: { I6: '4693' }, explains: [0], kind, confidence: 'unique' }] }], lang));
        const said = /(?:Kiểu nhầm|Slip): ([^<]*)\./.exec(/<section class="causes">.*?<\/section>/s.exec(doc)![0]);
        expect(said?.[1], `${kind} (${lang})`).toMatch(/ /);
        expect(said?.[1]).not.toBe(kind);
      }
    }
  });

  it('a cause the checks do not pin: its range and the indicator\'s label, as the text report says it, no slip without a value', async () => {
    const file = await validateFile(join(FIXTURES, 'published', 'national-2023-regions-combined.csv'));
    const causes = (lang: 'vi' | 'en') => /<section class="causes">.*?<\/section>/s.exec(htmlReport(input([file], lang)))![0];
    expect(causes('vi')).toContain('(Tỷ lệ nghèo đa chiều, Trung du và miền núi phía Bắc) đang ghi 1,87; bất kỳ giá trị nào từ 2,12 đến 100,00 đều khớp: các phép kiểm tra chỉ giới hạn giá trị, không xác định được đúng một giá trị.');
    // 100,00 is a rate's limit, not a rounding: the checks bound the value (a range of rounding says the rates are rounded).
    expect(causes('en')).toContain('holds 1.87; any value from 2.12 to 100.00 would fit: the checks bound the value without pinning it.');
    expect(causes('vi')).not.toMatch(/poor_near_poor_rate|Kiểu nhầm/);
  });

  it('gives one section per file, with distinct ids, a summary, and the unreadable file named', async () => {
    const doc = htmlReport(input([await validateFile(PLANTED), await validateFile(SEED), await validateFile(join(FIXTURES, 'nope.csv'))]));
    expect(doc).toContain('<nav class="files">');
    expect(doc).toContain('<a href="#file-0">');
    expect(doc).toContain('Tổng cộng: 3 tệp (1 tệp không có lỗi, 1 tệp có lỗi, 1 tệp không đọc được); 3 lỗi, 2 cảnh báo, 16 thông tin.');
    expect(doc).toContain('id="c0-I6"');
    expect(doc).toContain('id="c1-I6"');
    expect(doc).toContain('<pattern id="chart0-hatch"');
    expect(doc).toContain('<pattern id="chart1-hatch"');
    expect(doc).toMatch(/<section class="file" id="file-2" lang="vi"><h2 class="verdict verdict-unreadable">✖ .*nope\.csv: không đọc được \(không có tệp này\)<\/h2><\/section>/);
    const ids = [...doc.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws the targets it is given on the chart', async () => {
    const doc = htmlReport(input([await validateFile(SEED)]), { targets: [{ unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' }] });
    expect(doc).toContain('Mục tiêu: giảm ≥ 4 điểm');
    expect(doc.match(/<line [^>]*class="target"/g)).toHaveLength(2);
  });

  it('escapes every piece of text from the input: labels, unit names, cell text, file names', () => {
    const units = ['Toàn tỉnh', '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', ...fixtures.UNITS.slice(3)];
    const records = fixtures.wideRecords(fixtures.SEED, { units, texts: { 'poor_reduced:7': '<b>28</b>' } });
    records.push(['7', '<script>alert(3)</script>', 'Hộ', ...units.map(() => '1'), '']);
    const { annex, findings, skipped } = checkRecords(records);
    const doc = htmlReport(input([{ file: '<i>x</i>.csv', status: 'invalid', annex, findings, skipped }]));
    expect(doc.match(/<script/g)).toHaveLength(1);
    expect(doc).not.toMatch(/<img|<b>|<i>/);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(doc).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(doc).toContain('&lt;b&gt;28&lt;/b&gt;');
    expect(doc).toContain('<title>povcheck — Báo cáo kiểm tra: &lt;i&gt;x&lt;/i&gt;.csv</title>');
  });
});

describe('rows named without figures (a commune listed with a note only)', () => {
  it('are cells of the marked table: their warning links to the name, the name back to the warning (Vĩnh Linh\'s A6)', async () => {
    const file = join(FIXTURES, 'published', 'review-2023-vinh-linh-district-communes-combined-falls.csv');
    const doc = htmlReport(input([await validateFile(file)]));
    const finding = element(doc, 'li', 'f0-0');
    expect(finding).toContain('<a href="#c0-A6">A6</a>');
    expect(finding).not.toContain('không có trong bảng');
    expect(element(doc, 'th', 'c0-A6')).toContain('href="#f0-0"');
    expect(element(doc, 'th', 'c0-A6')).toContain('Xã Vĩnh Thủy');
  });
});
