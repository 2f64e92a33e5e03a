/**
 * Labels that are no indicator povcheck checks, for the same reason (check-grid.ts `unknownReasonsOnce`): the first
 * in report order gives the whole reason, each later one the short reason and the first one's cell. A table of a
 * province's support programmes (Vĩnh Long 2024) read a dozen long warnings, most of them the same sentence.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { checkCsv, cli, FIXTURES } from './helpers.js';

const VINH_LONG = join(FIXTURES, 'published', 'report-2024-vinh-long-province-support-and-poverty.csv');

/** The seed with rows no indicator stands for: two amounts of money and two rows not recognised. */
const seedWith = (rows: string[]) => `STT;Chỉ tiêu;ĐVT;Toàn tỉnh;Sơn Dương
1;Tổng số hộ đầu năm;Hộ;210.299;48.126
2;Số hộ nghèo đầu năm;Hộ;31.712;6.318
${rows.join('\n')}
`;

describe('a reason given once for the labels it applies to', () => {
  it('gives the first label of each kind the whole reason and the later ones its cell', async () => {
    const r = await checkCsv(seedWith(['3;Kinh phí hỗ trợ;Triệu đồng;120;30', '4;Vốn vay ưu đãi;Triệu đồng;80;20', '5;Chỉ số lạ một;Hộ;1;1', '6;Chỉ số lạ hai;Hộ;2;2']));
    const unknown = r.findings.filter((f) => f.msg.id === 'unknown.row').map((f) => [f.at?.ref, f.msg.params]);
    expect(unknown).toEqual([
      ['B4', { text: 'Kinh phí hỗ trợ', kind: 'money' }],
      ['B5', { text: 'Vốn vay ưu đãi', kind: 'money', sameAs: 'B4' }],
      ['B6', { text: 'Chỉ số lạ một' }],
      ['B7', { text: 'Chỉ số lạ hai', sameAs: 'B6' }],
    ]);
  });

  it('reads the long reason once per kind in a published report, in both languages', async () => {
    const vi = await cli(['validate', VINH_LONG, '--no-table']);
    expect(vi.stdout.match(/không phải chỉ tiêu povcheck kiểm tra/g)).toHaveLength(4);
    expect(vi.stdout).toContain('Chỉ tiêu "- Kinh phí" cũng là một khoản tiền, như B3; dòng này không được kiểm tra.');
    expect(vi.stdout).toContain('Cột "Năm 2022 - 2023" cũng là một giai đoạn nhiều năm, như D1; cột này không được kiểm tra.');
    const en = await cli(['validate', VINH_LONG, '--no-table', '--lang', 'en']);
    expect(en.stdout).toContain('"- Kinh phí", like B3, is an amount of money; the row is not checked.');
    expect(en.stdout.match(/not an indicator povcheck checks/g)).toHaveLength(4);
  });

  it('points to the list of labels once, at the first label not recognised', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'povcheck-')), 'two-unknown.csv');
    writeFileSync(file, seedWith(['3;Chỉ số lạ một;Hộ;1;1', '4;Chỉ số lạ hai;Hộ;2;2']));
    const r = await cli(['validate', file, '--no-table']);
    expect(r.stdout).toContain('Không nhận ra chỉ tiêu "Chỉ số lạ hai"; dòng này không được kiểm tra.');
    expect(r.stdout.match(/docs\/input\.md/g)).toHaveLength(1);
  });
});
