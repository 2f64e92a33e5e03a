/**
 * A delimited file's header with a name holding the delimiter, not quoted (src/shape/split-header.ts): the names after
 * the split stood one column right of their figures: the seed annex in the long layout gave 32 errors, a table of 34
 * provinces 136, their causes cells that are not wrong. The rest of the split name is joined back and the table
 * reads as typed, with one warning; when the rest cannot be told, a warning says the names may stand one column off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, checkShaped, type CheckResult } from '../../src/check-grid.js';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { realignHeader } from '../../src/shape/split-header.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { FIXTURES } from '../helpers.js';

const check = async (text: string, name = 't.csv'): Promise<CheckResult> => checkGrid(await gridFromAnyBytes(Buffer.from(text, 'utf8'), { name }));
const problems = (r: CheckResult) => r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.rule} ${f.at?.ref ?? '-'}`).sort();
const vi = makeFmt('vi');
const en = makeFmt('en');

/** The seed annex in the long layout (variants/long-vi.csv), its header's cells and its rows. */
const LONG = readFileSync(join(FIXTURES, 'variants', 'long-vi.csv'), 'utf8').replace(/^\uFEFF/, '');
const [LONG_HEAD, ...LONG_ROWS] = LONG.split(/\r?\n/).filter((l) => l !== '');
const headCells = LONG_HEAD!.split(';');
/** The long table with `header` for its first line. */
const longWith = (header: readonly string[]) => [header.join(';'), ...LONG_ROWS].join('\n');
/** The header with the name at `i` given a rest after the delimiter, as typed unquoted: `name;rest`. */
const splitAt = (i: number, rest: string) => [...headCells.slice(0, i + 1), rest, ...headCells.slice(i + 1)];

describe('a header with a name split by the delimiter', () => {
  it('a rest starting with a space is joined to the name before it: the seed annex\'s findings, and one warning', async () => {
    const seed = await check(LONG);
    const r = await check(longWith(splitAt(2, ' ghi theo rà soát')));
    expect(problems(r)).toEqual(['warning unknown D1', ...problems(seed)].sort());
    const w = r.findings.find((f) => f.rule === 'unknown');
    expect(w!.msg).toEqual({
      id: 'unknown.header-joined',
      params: { row: 1, fields: 10, width: 9, delimiter: ';', joined: [{ cell: 'D1', text: 'ghi theo rà soát', into: 'C1', name: `${headCells[2]}; ghi theo rà soát` }] },
    });
    expect(r.annex.indicators).toEqual(seed.annex.indicators);
    expect(renderMessage(w!.msg, vi)).toContain('Ô D1 ("ghi theo rà soát") được đọc là phần sau của tên ở C1');
    expect(renderMessage(w!.msg, en)).toContain('Cell D1 ("ghi theo rà soát") is read as the rest of the name in C1');
  });

  it('a long table read record by record after its first rows: the same findings, whatever the rows shaped first', async () => {
    const { text, encoding } = decodeBytes(Buffer.from(longWith(splitAt(2, ' ghi theo rà soát')), 'utf8'));
    const at = async (head: number) => checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {}).findings.map((f) => `${f.rule} ${f.at?.ref ?? '-'} ${f.msg.id}`);
    const whole = await at(100_000);
    expect(whole).toContain('unknown D1 unknown.header-joined');
    expect(await at(3)).toEqual(whole);
  });

  it('so is one starting with a small letter or a closing bracket, and two in one header', async () => {
    const seed = await check(LONG);
    const header = splitAt(6, '%)');
    header[6] = header[6]!.replace(' (%)', ' (tính theo hộ');
    const two = [...header.slice(0, 2), 'đầu kỳ', ...header.slice(2)];
    const r = await check(longWith(two));
    expect(problems(r)).toEqual(['warning unknown C1', ...problems(seed)].sort());
    expect((r.findings.find((f) => f.rule === 'unknown')!.msg.params as { joined: Array<{ cell: string; into: string }> }).joined.map((j) => `${j.cell}→${j.into}`)).toEqual(['C1→B1', 'I1→H1']);
  });

  it('a rest that cannot be told: the header is left as read, and a warning says the names may stand one column off', async () => {
    const r = await check(longWith(splitAt(2, 'Theo rà soát')));
    const w = r.findings.find((f) => f.msg.id === 'unknown.header-longer');
    expect(w?.msg.params).toEqual({ row: 1, fields: 10, width: 9, delimiter: ';', cells: ['J1'] });
    expect(w?.at?.ref).toBe('J1');
    expect(renderMessage(w!.msg, vi)).toContain('các tên sau nó đứng lệch một cột so với số liệu');
  });

  it('a unit\'s name split in a wide table: the units named as typed', async () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
    const split = seed.replace('TP Tuyên Quang', 'Thành phố Tuyên Quang; tỉnh Tuyên Quang');
    const r = await check(split);
    expect(Array.from({ length: r.annex.units.length }, (_, i) => r.annex.units.at(i)!.name)).toContain('Thành phố Tuyên Quang; tỉnh Tuyên Quang');
    expect(problems(r)).toEqual(['warning unknown H1', ...problems(await check(seed))].sort());
  });

  it('a header longer only by a notes column whose empty fields the rows leave out: nothing said, nothing moved', async () => {
    const rows = LONG_ROWS.map((l) => l.replace(/;+$/, ''));
    const text = [`${LONG_HEAD};Ghi chú`, ...rows].join('\n');
    const grid = await gridFromAnyBytes(Buffer.from(text, 'utf8'), { name: 't.csv' });
    expect(realignHeader(grid).grid).toBe(grid);
    expect(realignHeader(grid).finding).toBeUndefined();
  });

  it('a name starting with a space in a header no longer than its rows is left alone', async () => {
    const header = [...headCells];
    header[3] = ` ${header[3]}`;
    const grid = await gridFromAnyBytes(Buffer.from(longWith(header), 'utf8'), { name: 't.csv' });
    expect(realignHeader(grid)).toEqual({ grid });
  });

  it('a title above the header, with a note far to its right past every row\'s fields, is no header', async () => {
    const title = `Biểu 1: Kết quả giảm nghèo năm 2020${';'.repeat(10)}Đơn vị tính: hộ`;
    const grid = await gridFromAnyBytes(Buffer.from([title, LONG].join('\n'), 'utf8'), { name: 't.csv' });
    expect(realignHeader(grid)).toEqual({ grid });
  });

  it('a rest that is a label of its own is not joined', async () => {
    const r = await check(longWith(splitAt(2, ' Tổng số hộ cuối năm')));
    expect(r.findings.some((f) => f.msg.id === 'unknown.header-joined')).toBe(false);
  });
});
