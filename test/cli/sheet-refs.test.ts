/**
 * A workbook cell is named with its sheet as Excel and LibreOffice take it back (Name Box, Go To, a formula): the
 * sheet's name quoted when it has a space, a sign or an apostrophe (doubled), `'Chỉ tiêu 2017'!D11`; bare when it
 * needs none (`Sheet1!D2`). In every report that names one, and in the one line of a workbook that cannot be read.
 * Before, `Chỉ tiêu 2017!D11`, which neither program accepts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';
import { sheetXml, str, workbook } from '../xlsx-build.js';
import { parseSheetRef } from '../../src/model/sheet-ref.js';

/** A published table on a sheet named `Chỉ tiêu 2017`: the total D11 is 27 more than its parts. */
const SPACED = 'fixtures/published/xlsx/targets-2017-quang-binh-districts.xlsx';

describe('a cell of a sheet whose name has a space', () => {
  it('text: the finding, the likely causes and what they explain name it quoted', async () => {
    const r = await cli(['validate', SPACED]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("✖ 'Chỉ tiêu 2017'!D11 · sum · Các địa phương");
    expect(r.stdout).toContain("1. ô 'Chỉ tiêu 2017'!D11 (Chỉ tiêu số hộ nghèo giảm trong năm (từ), Các địa phương) ghi 5.374");
    expect(r.stdout).toContain("giải thích: 'Chỉ tiêu 2017'!D11 sum");
    expect(r.stdout).not.toContain('Chỉ tiêu 2017!');
  });

  it('JSON: the finding keeps `cell` and `sheet` apart; the sentences name it quoted, and it reads back to them', async () => {
    const r = await cli(['validate', SPACED, '--format', 'json', '--lang', 'en']);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.findings[0]).toMatchObject({ rule: 'sum', cell: 'D11', sheet: 'Chỉ tiêu 2017' });
    const named = /^1\. (\S+ \S+ \S+) \(/.exec(file.causes[0].message);
    expect(named?.[1]).toBe("'Chỉ tiêu 2017'!D11");
    expect(parseSheetRef(named![1]!)).toEqual({ sheet: file.findings[0].sheet, ref: file.findings[0].cell });
    expect(r.stdout).not.toContain('Chỉ tiêu 2017!');
  });

  it('table: the lines under the table name the cell with its sheet, as validate does (they named D11 alone)', async () => {
    const r = await cli(['table', SPACED]);
    expect(r.stderr).toContain("'Chỉ tiêu 2017'!D11 (Các địa phương, chỉ tiêu số hộ nghèo giảm trong năm (từ)): bảng ghi 5.374, tính được 5.347");
    const formatted = await cli(['table', 'fixtures/xlsx/formula-error.xlsx']);
    expect(formatted.stderr).toContain("'Phụ lục'!H11");
  });

  it('GitHub annotations and SARIF name it quoted', async () => {
    const github = await cli(['validate', SPACED, '--format', 'github', '--lang', 'en']);
    expect(github.stdout).toMatch(/^::error file=fixtures\/published\/xlsx\/targets-2017-quang-binh-districts\.xlsx,line=11,col=4,title=povcheck sum::'Chỉ tiêu 2017'!D11: /m);
    const sarif = JSON.parse((await cli(['validate', SPACED, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results[0].locations[0].logicalLocations).toEqual([{ name: 'D11', fullyQualifiedName: "'Chỉ tiêu 2017'!D11" }]);
  });

  it('a sheet whose name needs no quotes keeps its bare form', async () => {
    const r = await cli(['validate', 'fixtures/xlsx/sum-double-count.xlsx', '--lang', 'en']);
    expect(r.stdout).toContain('✖ Sheet1!C2 · sum · Toàn tỉnh');
    expect(r.stdout).not.toContain("'Sheet1'");
  });

  it('a workbook that cannot be read: its one line and its JSON error name the cell quoted, an apostrophe in the name doubled', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-sheet-refs-'));
    const file = join(dir, 'far.xlsx');
    const xml = sheetXml([[str('A1', 'Đơn vị')]]).replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>');
    writeFileSync(file, workbook([["Hộ nghèo '20", xml]]));
    const far = "the sheet has content as far as 'Hộ nghèo ''20'!XFD1048576;";
    const table = await cli(['table', file, '--lang', 'en']);
    expect(table.code).toBe(2);
    expect(table.stderr).toBe(`povcheck: ${file}: ${far} povcheck reads sheets up to 100,000 rows and 1,000 columns (delete what lies beyond the table)\n`);
    const validate = await cli(['validate', file, '--lang', 'en', '--format', 'json']);
    expect(validate.code).toBe(2);
    expect(JSON.parse(validate.stdout).files[0].error.message).toContain(far);
  });
});
