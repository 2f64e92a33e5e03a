/**
 * Where the last value of a run typed one cell on went (locate/shift.ts `landed`): the cell just past the run, read
 * from the grid, named in the cause with its header and whether it holds the value the checks give; the warning
 * about an unlabelled column at that cell explained by the cause; a workbook's run written with its sheet once.
 */
import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../src/check-grid.js';
import { gridFromBytes } from '../../src/read/index.js';
import type { Grid } from '../../src/model/grid.js';
import type { FileResult } from '../../src/model/file-result.js';
import { jsonReport } from '../../src/reporters/json.js';
import { checkBytes, fixtures } from '../helpers.js';

const planted = fixtures.plantedCauses();
const bytesOf = (name: string) => planted[name]!.bytes as Uint8Array;
const text = (name: string) => Buffer.from(bytesOf(name)).toString('utf8');

/** The JSON report's first cause of a grid checked as a file. */
function jsonCause(grid: Grid, lang: 'vi' | 'en') {
  const r = checkGrid(grid);
  const file = { file: 'annex', status: 'invalid' as const, source: grid.source, grid, annex: r.annex, findings: r.findings, skipped: r.skipped, localisation: r.localisation } as FileResult;
  const out = JSON.parse(jsonReport({ files: [file], lang, fallbackLang: lang, strict: false }));
  return { cause: out.files[0].causes[0], findings: out.files[0].findings as Array<{ rule: string; cell: string }> };
}

describe('the cell a run typed one cell on pushed its last value into', () => {
  it('the notes column holding the very value the checks give (row-shifted-right.csv: L5, Ghi chú, 282)', () => {
    const c = checkBytes(bytesOf('planted/row-shifted-right.csv')).localisation.causes[0]!;
    expect(c.shift?.landed).toMatchObject({ cell: { ref: 'L5' }, text: '282', plain: '282', header: 'Ghi chú', matches: true });
    const { cause } = jsonCause(gridFromBytes(bytesOf('planted/row-shifted-right.csv')), 'vi');
    expect(cause.shift.landed).toBe('L5');
    expect(cause.message).toContain(
      'giá trị của chính ô K5 bị đẩy sang ô L5 (cột Ghi chú), nơi đang ghi 282: đúng bằng giá trị mà các phép kiểm tra cho, điều này khẳng định việc gõ lệch.',
    );
  });

  it('a column past the header: the unlabelled-column warning at that cell is explained by the cause (long-row-shifted-right.csv: J7)', () => {
    const r = checkBytes(bytesOf('planted/long-row-shifted-right.csv'));
    const c = r.localisation.causes[0]!;
    expect(c.shift?.landed).toMatchObject({ cell: { ref: 'J7' }, text: '13,56', header: '', matches: true });
    const warning = r.findings.findIndex((f) => f.msg.id === 'unknown.unlabelled-column');
    expect(r.findings[warning]!.at?.ref).toBe('J7');
    expect(c.explains).toContain(warning);
    const { cause } = jsonCause(gridFromBytes(bytesOf('planted/long-row-shifted-right.csv')), 'en');
    expect(cause.message).toContain("I7's own value was pushed into J7 (a column without a header), which holds 13.56: the very value the checks give, which confirms the shift.");
  });

  it('a value that is not the one the checks give is named, and the checks\' value given after it', () => {
    const changed = text('planted/row-shifted-right.csv').replace(/;390;282(\r?\n)/, ';390;280$1');
    const r = checkBytes(Buffer.from(changed));
    const c = r.localisation.causes[0]!;
    expect(c.shift?.landed).toMatchObject({ cell: { ref: 'L5' }, text: '280', matches: false });
    const { cause } = jsonCause(gridFromBytes(Buffer.from(changed)), 'en');
    expect(cause.message).toContain("K5's own value was pushed into L5 (column Ghi chú), which holds 280; the checks give 282.");
  });

  it('the warning about an unlabelled column that starts above the cell is not the cause\'s', () => {
    // J3: the column's first content, so its warning is at J3 (every other row given the column too, empty).
    const lines = text('planted/long-row-shifted-right.csv').split(/\r?\n/).map((l, i) => (i === 2 ? `${l};x` : i === 6 || l === '' ? l : `${l};`));
    const r = checkBytes(Buffer.from(lines.join('\n')));
    const c = r.localisation.causes[0]!;
    expect(c.shift?.landed?.cell.ref).toBe('J7');
    const warning = r.findings.findIndex((f) => f.msg.id === 'unknown.unlabelled-column');
    expect(r.findings[warning]!.at?.ref).toBe('J3');
    expect(c.explains).not.toContain(warning);
  });

  it('nothing past the run: no cell named (column-shifted-down.csv; JSON `landed: null`)', () => {
    const c = checkBytes(bytesOf('planted/column-shifted-down.csv')).localisation.causes[0]!;
    expect(c.shift?.direction).toBe('down');
    expect(c.shift?.landed).toBeUndefined();
    const { cause } = jsonCause(gridFromBytes(bytesOf('planted/column-shifted-down.csv')), 'vi');
    expect(cause.shift.landed).toBeNull();
    expect(cause.message).toContain('giá trị của chính ô I10 bị đẩy ra ngoài bảng: theo các phép kiểm tra thì là 13,56.');
  });
});

describe('a run in a workbook', () => {
  it("names the sheet once for the run's range, as the other ranges are written", () => {
    const g = gridFromBytes(bytesOf('planted/row-shifted-right.csv'));
    const sheet = 'Năm 2020';
    const grid: Grid = { rows: g.rows.map((row) => row.map((c) => ({ ...c, sheet }))), sheet, source: { kind: 'workbook', format: 'xlsx', sheet } };
    const { cause } = jsonCause(grid, 'en');
    expect(cause.message).toContain("Moved back one column, 'Năm 2020'!H5–K5 would hold 799, 818, 390, 282");
    expect(cause.message).not.toContain("'Năm 2020'!H5–'Năm 2020'!K5");
    expect(cause.message).toContain("pushed into 'Năm 2020'!L5 (column Ghi chú), which holds 282");
  });
});
