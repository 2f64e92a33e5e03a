/**
 * The HTML report of a plan document: grouped by part, the quoted sentence with its figure in <mark>, every
 * piece of the document's text escaped (a plan is input like any other).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../src/reporters/html.js';
import { validateFile } from '../../src/pipeline.js';
import { FIXTURES } from '../helpers.js';

const report = async (file: string) => htmlReport({ files: [await validateFile(file)], fallbackLang: 'vi', strict: false });

describe('the HTML report of a plan', () => {
  it('the seed plan: the four parts in order, the money quote with 79.381 marked, the districts\' targets on the chart', async () => {
    const doc = await report(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx'));
    const at = ['tables', 'claims', 'money', 'references'].map((p) => doc.indexOf(`id="file-0-${p}"`));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!))).toBe(true);
    expect(doc).toContain('<blockquote class="quote">- Dự án 1. Chương trình 30a: <mark>79.381</mark> triệu đồng');
    expect(doc).toContain('<mark>16/12/2018</mark>');
    // Text targets are drawn (two dashed lines), the table cells link to their findings.
    expect(doc.match(/Mục tiêu: giảm ≥ 4 điểm/g)).toHaveLength(2);
    expect(doc).toContain('href="#c0-T1R10C11"');
  });

  it('an annex split into two tables: the continuation note and the text\'s figures link to cells of the second part (a fresh-eyes trial)', async () => {
    const doc = await report(join(FIXTURES, 'plans', 'writer', 'split-annex.docx'));
    // Before: the note sat at the STT number '4' (T2R3C1), drawn without a link: 'ô này không có trong bảng ở trên'.
    expect(doc).not.toContain('không có trong bảng ở trên');
    expect(doc).toContain('<a href="#c0-T2R3C2">Bảng 2, dòng 3, cột 2</a> · split-table');
    expect(doc).toContain('id="c0-T2R3C2"');
    // The claim names the part its cells are in (before: 'khớp với bảng 1 … dòng 7, cột 4', table 1 having 5 rows).
    expect(doc).toContain('(bảng ghi 2,06 điểm %, Bảng 2, dòng 7, cột 4)');
  });

  it('escapes the document\'s text in quotes, sections and messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-html-doc-'));
    const file = join(dir, 'plan.txt');
    const line = 'Tổng kinh phí <script>alert(1)</script> dự kiến: 300 triệu đồng (vốn "A" <b>100</b> triệu đồng, vốn B 100 triệu đồng).';
    const prose = 'Kinh phí thực hiện các dự án được giao cho các cơ quan, đơn vị theo quyết định của Ủy ban nhân dân tỉnh.';
    writeFileSync(file, ['KẾ HOẠCH NĂM 2020', 'I. <img src=x onerror=alert(1)> MỤC TIÊU', prose, line, line].join('\n'));
    const doc = await report(file);
    expect(doc).not.toMatch(/<script>alert|<img src|<b>100/);
    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(doc).toContain('I. &lt;img src=x onerror=alert(1)&gt; MỤC TIÊU');
    expect(doc.match(/<script/g)).toHaveLength(1);
  });
});
