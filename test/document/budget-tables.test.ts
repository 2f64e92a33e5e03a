/** Budget tables of a plan (document/budget-tables.ts) and their totals in the money check. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBudgetTable } from '../../src/document/budget-tables.js';
import { checkDocument } from '../../src/document/index.js';
import { readDocx } from '../../src/read/docx.js';
import { gridFromRecords } from '../../src/read/csv.js';
import { type DocTable, documentCellRef } from '../../src/model/document.js';
import { FIXTURES } from '../helpers.js';

const plan = async (name: string) => readDocx(readFileSync(join(FIXTURES, 'plans', 'planted', name)));

/** A document table from records (cells named T1R…C…). */
function table(records: string[][]): DocTable {
  const g = gridFromRecords(records, { kind: 'document', format: 'docx', paragraphs: 0, tables: 1 });
  return { number: 1, grid: { ...g, rows: g.rows.map((row) => row.map((c) => ({ ...c, ref: documentCellRef(1, c.row, c.col), table: 1 }))) } };
}
const relations = (records: string[][]) =>
  readBudgetTable(table(records), undefined, 0)?.relations.map((r) => `${r.total.plain} = ${r.parts.map((p) => p.plain).join(' + ')}${r.exact ? '' : ' (of which)'}`);

describe('budget tables', () => {
  it('the corrected plan\'s budget as a table: rows and the "Trong đó" columns add up; checked with the money', async () => {
    const r = checkDocument(await plan('budget-table.docx'));
    expect(r.report.tables.map((t) => t.kind)).toEqual(['poverty', 'budget']);
    expect(r.findings.filter((f) => f.rule === 'money').map((f) => [f.severity, f.msg.id])).toEqual([['info', 'money.consistent']]);
    expect(r.report.checked.totals).toBe(15);
  });

  it('one cell typed wrong breaks its row and its column: one error at it, the right value proposed', async () => {
    const r = checkDocument(await plan('budget-table-cell-off.docx'));
    const money = r.findings.filter((f) => f.rule === 'money');
    expect(money.map((f) => [f.severity, f.at?.ref, f.expected, f.actual, (f.msg.params as { confidence: string }).confidence])).toEqual([['error', 'T2R5C5', '34139', '34193', 'unique']]);
  });

  it('reads the unit, the numbering (I above 1, 2) and a dash as none', () => {
    expect(
      relations([
        ['STT', 'Nội dung', 'Tổng số', 'Trong đó', ''],
        ['', '', '', 'Vốn ĐTPT', 'Vốn sự nghiệp'],
        ['', 'Tổng cộng (triệu đồng)', '30', '20', '10'],
        ['I', 'Nhóm I', '30', '20', '10'],
        ['1', 'Dự án 1', '20', '20', '-'],
        ['2', 'Dự án 2', '10', '-', '10'],
      ]),
    ).toEqual([
      // Nhóm I = Dự án 1 + Dự án 2, per column
      '30 = 20 + 10',
      '20 = 20 + 0',
      '10 = 0 + 10',
      // Tổng cộng = the one outermost row: at least it
      '30 = 30 (of which)',
      '20 = 20 (of which)',
      '10 = 10 (of which)',
      // each row's Tổng số = its kinds of capital
      '30 = 20 + 10',
      '30 = 20 + 10',
      '20 = 20 + 0',
      '10 = 0 + 10',
    ]);
  });

  it('no unit of money, or columns that are not parts (plan, estimate, %): not added up', () => {
    expect(relations([['STT', 'Chỉ tiêu', 'Kế hoạch', 'Thực hiện'], ['1', 'Hộ nghèo', '100', '90'], ['2', 'Hộ cận nghèo', '50', '40']])).toBeUndefined();
    expect(
      relations([
        ['STT', 'Nội dung (ĐVT: triệu đồng)', 'Kế hoạch 2020', 'Ước thực hiện', 'Tỷ lệ %'],
        ['1', 'Dự án 1', '100', '90', '90'],
        ['2', 'Dự án 2', '50', '40', '80'],
      ]),
    ).toBeUndefined();
  });
});
