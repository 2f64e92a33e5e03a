/**
 * A delimited file's header with a name holding the delimiter, not quoted (src/shape/split-header.ts): the names after
 * the split stood one column right of their figures: the seed annex in the long layout gave 32 errors, a table of 34
 * provinces 136, their causes cells that are not wrong. The rest of the split name is joined back and the table
 * reads as typed, with one warning; when the rest cannot be told, a warning says the names may stand one column off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, checkShaped, type CheckResult } from '../../src/check-grid.js';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { realignHeader, realignLabelRows } from '../../src/shape/split-header.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { FIXTURES } from '../helpers.js';
import type { MessageRef } from '../../src/model/message-ref.js';

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

  it('a wide table\'s row label holding the delimiter: joined back, the row\'s figures under their units and checked', async () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
    const split = seed.replace('Số hộ nghèo giảm trong năm;', 'Số hộ nghèo giảm trong năm (hộ; tính ròng);');
    const [r, before] = [await check(split), await check(seed)];
    expect(problems(r)).toEqual(['warning unknown C5', ...problems(before)].sort());
    expect(r.coverage.ran).toEqual(before.coverage.ran);
    const w = r.findings.find((f) => f.rule === 'unknown')!;
    expect(w.msg).toEqual({ id: 'unknown.label-joined', params: { row: 5, fields: 13, width: 12, delimiter: ';', joined: [{ cell: 'C5', text: 'tính ròng)', into: 'B5', name: 'Số hộ nghèo giảm trong năm (hộ; tính ròng)' }] } });
    expect(renderMessage(w.msg, en)).toContain("the row's figures move one column left, under their units");
    // Its figures keep the cells they are typed in: Lâm Bình's 282 is L5, one column right of the other rows' K.
    expect(r.annex.values.get(7, 'poor_reduced')?.cell.ref).toBe('L5');
  });

  it('a row reaching further only by a note after its figures, or typed one column off, is left alone', async () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
    const noted = seed.replace(/;7\.633;(\r?\n)/, ';7.633;đã rà soát lại$1');
    expect(noted).not.toBe(seed);
    const grid = await gridFromAnyBytes(Buffer.from(noted, 'utf8'), { name: 't.csv' });
    expect(realignLabelRows(grid, 1)).toEqual({ grid, findings: [] });
    const shifted = await gridFromAnyBytes(readFileSync(join(FIXTURES, 'planted', 'row-shifted-right.csv')), { name: 'row-shifted-right.csv' });
    expect(realignLabelRows(shifted, 1)).toEqual({ grid: shifted, findings: [] });
  });

  it('a wide table whose rows fill different columns (Vĩnh Long 2024, years as columns): no row is split, padded or not', async () => {
    const bytes = readFileSync(join(FIXTURES, 'published', 'report-2024-vinh-long-province-support-and-poverty.csv'));
    const padded = await gridFromAnyBytes(bytes, { name: 'vl.csv' });
    expect(realignLabelRows(padded, 1)).toEqual({ grid: padded, findings: [] });
    // Its rows ended at their last figure, as a hand may write them: rows 14 and 15 reach one column further than
    // most, after `%/năm`, their own unit of measure, which is no rest of a label.
    const trimmed = await gridFromAnyBytes(Buffer.from(bytes.toString('utf8').replace(/;+(\r?\n)/g, '$1'), 'utf8'), { name: 'vl.csv' });
    expect(trimmed.rows[13]!.length).toBeGreaterThan(trimmed.rows[2]!.length);
    expect(realignLabelRows(trimmed, 1)).toEqual({ grid: trimmed, findings: [] });
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

describe('a long table\'s unit name split by the delimiter (a record longer than its header)', () => {
  /** The seed annex in the long layout with unit `from` typed as `to` (unquoted). */
  const withName = (from: string, to: string, text = LONG) => text.replace(`\n${from};`, `\n${to};`);
  const SPLIT = withName('TP Tuyên Quang', 'TP Tuyên Quang (phường; xã)');

  it('joined back: the seed annex\'s findings, the unit named as typed, one warning at the rest', async () => {
    const seed = await check(LONG);
    const r = await check(SPLIT);
    expect(problems(r)).toEqual(['warning unknown B5', ...problems(seed)].sort());
    expect([...r.annex.units].map((u) => u.name)).toContain('TP Tuyên Quang (phường; xã)');
    const w = r.findings.find((f) => f.rule === 'unknown')!;
    expect(w.msg).toEqual({
      id: 'unknown.name-joined',
      params: { rows: [5], count: 1, width: 9, delimiter: ';', joined: [{ cell: 'B5', text: 'xã)', into: 'A5', name: 'TP Tuyên Quang (phường; xã)' }] },
    });
    expect(renderMessage(w.msg, vi)).toContain('Ô B5 ("xã)") được đọc là phần sau của tên ở A5: "TP Tuyên Quang (phường; xã)"; các số liệu của dòng lùi về đúng cột chỉ tiêu của chúng');
    expect(renderMessage(w.msg, en)).toContain('Cell B5 ("xã)") is read as the rest of the name in A5');
  });

  it('two rests in one warning: the second starts in small letters, after the semicolon', () => {
    const msg: MessageRef = {
      id: 'unknown.name-joined',
      params: {
        rows: [5, 9],
        count: 2,
        width: 9,
        delimiter: ';',
        joined: [
          { cell: 'B5', text: 'xã)', into: 'A5', name: 'TP Tuyên Quang (phường; xã)' },
          { cell: 'B9', text: 'vùng cao', into: 'A9', name: 'Lâm Bình; vùng cao' },
        ],
      },
    };
    expect(renderMessage(msg, en)).toContain('"TP Tuyên Quang (phường; xã)"; cell B9 ("vùng cao") is read as the rest of the name in A9');
    expect(renderMessage(msg, vi)).toContain('"TP Tuyên Quang (phường; xã)"; ô B9 ("vùng cao") được đọc là phần sau của tên ở A9');
  });

  it('the same findings read whole or record by record after the first rows; a slip in that row is named where it is in the file', async () => {
    // The row's poor households at the end of the year (278, file column G) typed 287: the cause is G5, not the grid's F5.
    const slipped = SPLIT.replace(';368;90;278;', ';368;90;287;');
    expect(slipped).not.toBe(SPLIT);
    const { text, encoding } = decodeBytes(Buffer.from(slipped, 'utf8'));
    const at = async (head: number) => {
      const r = checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {});
      return { findings: r.findings.map((f) => `${f.rule} ${f.at?.ref ?? '-'} ${f.msg.id}`), cause: r.localisation.causes[0]?.cells.map((c) => c.cell.ref) };
    };
    const whole = await at(100_000);
    expect(whole.findings).toContain('unknown B5 unknown.name-joined');
    expect(whole.cause).toEqual(['G5']);
    expect(await at(3)).toEqual(whole);
  });

  it('several rows, a name split twice, a comma file: each joined, the warning naming every row', async () => {
    const twice = withName('Na Hang', 'Na Hang (thị trấn; xã; thôn)', withName('Yên Sơn', 'Yên Sơn; huyện', SPLIT));
    const r = await check(twice);
    expect(problems(r)).toEqual(['warning unknown B4', ...problems(await check(LONG))].sort());
    const w = r.findings.find((f) => f.rule === 'unknown')!;
    expect(w.msg.params).toMatchObject({ rows: [4, 5, 8], count: 3 });
    expect([...r.annex.units].map((u) => u.name)).toEqual(expect.arrayContaining(['Yên Sơn; huyện', 'Na Hang (thị trấn; xã; thôn)']));
    // The English layout with commas: `Phan Rang, Tháp Chàm` (a space before a capital).
    const comma = LONG.replace(/\./g, '').replace(/,/g, '.').replace(/;/g, ',').replace('\nHàm Yên,', '\nPhan Rang, Tháp Chàm,');
    const c = await check(comma);
    expect(c.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect([...c.annex.units].map((u) => u.name)).toContain('Phan Rang, Tháp Chàm');
  });

  it('left alone: a row longer only by a note after its figures, a value typed as text, a rest followed by no figure', async () => {
    const note = SPLIT.replace('TP Tuyên Quang (phường; xã);', 'TP Tuyên Quang;').replace(';0,25;0,76', ';0,25;0,76;ghi chú');
    const n = await check(note);
    expect(n.findings.some((f) => f.msg.id === 'unknown.name-joined')).toBe(false);
    expect(problems(n)).toContain('warning unknown J5');
    // `x` for a figure not given, and a note at the end: not a name's rest.
    const x = await check(LONG.replace('\nTP Tuyên Quang;36.540;', '\nTP Tuyên Quang;x;').replace(';0,25;0,76', ';0,25;0,76;chưa có số'));
    expect(x.findings.some((f) => f.msg.id === 'unknown.name-joined')).toBe(false);
    // The rest joined would leave a text under a figure's column: the row is no split name.
    const text = await check(withName('TP Tuyên Quang', 'TP Tuyên Quang; mới').replace(';36.540;36.791;', ';36.540;chưa rõ;'));
    expect(text.findings.some((f) => f.msg.id === 'unknown.name-joined')).toBe(false);
  });
});

describe('a workbook saved from such a CSV: the name over two cells (fixtures/xlsx/hand-made/)', () => {
  const read = async (path: string) => checkGrid(await gridFromAnyBytes(readFileSync(join(FIXTURES, path)), { name: path }));
  const issues = (r: CheckResult, extra: string[] = []) => [...extra, ...r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.at?.ref ?? '-'}`)].sort();

  it('a header name and a wide table\'s row label: joined back as in their CSV, one warning each, no error', async () => {
    const header = await read('xlsx/hand-made/long-header-name-split.xlsx');
    expect(issues(header)).toEqual(issues(await read('xlsx/variants/long-vi.xlsx'), ['unknown D1']));
    const w = header.findings.find((f) => f.msg.id === 'unknown.header-joined')!;
    expect(w.msg.params).toMatchObject({ delimiter: '', joined: [{ cell: 'D1', into: 'C1', name: 'Tổng số hộ của toàn tỉnh cuối năm (hộ sau rà soát)' }] });
    expect(renderMessage(w.msg, vi)).toContain('một tên nằm trên hai ô');
    expect(renderMessage(w.msg, en)).toContain('Put the name back into one cell in the workbook.');
    const label = await read('xlsx/hand-made/wide-row-label-split.xlsx');
    expect(issues(label)).toEqual(issues(await read('xlsx/tuyen-quang-2020.xlsx'), ['unknown C5']));
    expect(label.coverage.ran).toContain('flow');
  });

  it('joined back as in the CSV: the figures under their indicators, each cell where it is on the sheet, one warning', async () => {
    const seed = await read('xlsx/variants/long-vi.xlsx');
    const r = await read('xlsx/hand-made/long-unit-name-split.xlsx');
    const at = (f: { at?: { ref: string } }) => f.at?.ref ?? '-';
    expect(r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${at(f)}`).sort()).toEqual(['unknown B5', ...seed.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${at(f)}`)].sort());
    const units = [...r.annex.units].map((u) => u.name);
    // The delimiter is no longer in the workbook: the parts are joined by the rest's own space.
    expect(units).toEqual(expect.arrayContaining(['TP Tuyên Quang (phường xã)', 'Lâm Bình (huyện mới tách từ Na Hang)']));
    const lamBinh = units.indexOf('Lâm Bình (huyện mới tách từ Na Hang)');
    expect(r.annex.values.get(lamBinh, 'poor_end')?.cell.ref).toBe('G9');
    const w = r.findings.find((f) => f.msg.id === 'unknown.name-joined')!;
    expect(w.msg.params).toMatchObject({ rows: [5, 9], count: 2, delimiter: '' });
    expect(renderMessage(w.msg, vi)).toContain('tên đơn vị nằm trên hai ô');
    expect(renderMessage(w.msg, en)).toContain('Put the name back into one cell');
  });
});

describe('a workbook row with an empty cell (a hole in the row) and a split label', () => {
  it('is joined back with the hole kept, moved left with the cells after it (it threw: the fuzzed .ods found it)', async () => {
    const grid = await gridFromAnyBytes(readFileSync(join(FIXTURES, 'xlsx/hand-made/wide-row-label-split.xlsx')));
    const r = 4; // row 5: `Số hộ nghèo giảm trong năm (hộ` and ` tính ròng)` in B5 and C5
    const rows = grid.rows.map((row) => row.slice());
    const last = rows[r]!.length - 1;
    const kept = rows[r]![last]!;
    delete rows[r]![last - 1];
    const out = realignLabelRows({ ...grid, rows }, 1);
    expect(out.findings.map((f) => f.msg.id)).toEqual(['unknown.label-joined']);
    const joined = out.grid.rows[r]!;
    expect(joined.length).toBe(last);
    expect(joined[last - 2]).toBeUndefined();
    expect(joined[last - 1]).toEqual({ ...kept, col: last - 1 });
  });
});

describe('what a joined name\'s warning quotes', () => {
  it('a name of thousands of characters is quoted clipped, not whole', async () => {
    const long = `TP Tuyên Quang (${'phường '.repeat(500)}; xã)`;
    const r = await check(LONG.replace('\nTP Tuyên Quang;', `\n${long};`));
    const w = r.findings.find((f) => f.msg.id === 'unknown.name-joined')!;
    const [part] = (w.msg.params as { joined: Array<{ name: string }> }).joined;
    expect(part!.name.length).toBeLessThanOrEqual(120);
    expect(part!.name.endsWith('…')).toBe(true);
  });
});

describe('a long table\'s names split by the delimiter, against the same table with those names quoted (property)', () => {
  const RESTS = [(n: string) => [`${n} (phường`, ' xã)'], (n: string) => [n, ' huyện mới'], (n: string) => [`${n} (gồm 5 tổ`, ' 2 thôn)']];
  const rows = LONG_ROWS.map((l) => l.split(';'));
  /** The seed's long table with the rows in `split` named by rest `k`, unquoted or quoted; a slip in row `slipRow`'s field `slipCol`. */
  const table = (split: Map<number, number>, quoted: boolean, slip?: [number, number]) =>
    [
      LONG_HEAD!,
      ...rows.map((fields, r) => {
        const f = [...fields];
        if (slip && slip[0] === r) f[slip[1]] = `${f[slip[1]]}1`;
        const k = split.get(r);
        if (k === undefined) return f.join(';');
        const [name, rest] = RESTS[k]!(f[0]!);
        return [quoted ? `"${name};${rest}"` : `${name};${rest}`, ...f.slice(1)].join(';');
      }),
    ].join('\n');
  const what = (r: CheckResult) =>
    r.findings.filter((f) => f.msg.id !== 'unknown.name-joined').map((f) => `${f.severity} ${f.rule} ${f.unit ?? '-'} ${f.indicator ?? '-'} ${f.expected ?? '-'} ${f.actual ?? '-'}`).sort();

  it('gives the quoted table\'s findings and units, read whole or record by record, with one warning naming the rows split', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 0, max: RESTS.length - 1 })), { maxLength: rows.length }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: rows.length - 1 }), fc.integer({ min: 1, max: 8 })), { nil: undefined }),
        async (picks, slip) => {
          const split = new Map(picks);
          const quoted = await check(table(split, true, slip));
          const plain = await check(table(split, false, slip));
          expect(what(plain)).toEqual(what(quoted));
          // Read record by record after its first three rows: the same.
          const { text, encoding } = decodeBytes(Buffer.from(table(split, false, slip), 'utf8'));
          expect(what(checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, 3)), {}))).toEqual(what(quoted));
          expect([...plain.annex.units].map((u) => u.name)).toEqual([...quoted.annex.units].map((u) => u.name));
          const w = plain.findings.filter((f) => f.msg.id === 'unknown.name-joined');
          expect(w.map((f) => (f.msg.params as { rows: number[] }).rows)).toEqual(split.size === 0 ? [] : [[...split.keys()].sort((a, b) => a - b).map((r) => r + 2)]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the warning of names joined back in many rows', () => {
  it('names up to ten rows, quotes the first three, and says when it quotes fewer than it joined', async () => {
    const all = LONG_ROWS.map((l) => l.replace(/^([^;]+);/, '$1 (mới; cũ);'));
    const r = await check([LONG_HEAD, ...all].join('\n'));
    const w = r.findings.find((f) => f.msg.id === 'unknown.name-joined')!;
    const p = w.msg.params as { rows: number[]; count: number; joined: unknown[] };
    expect(p.rows).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.count).toBe(8);
    expect(p.joined).toHaveLength(3);
    expect(renderMessage(w.msg, vi)).toMatch(/"Yên Sơn \(mới; cũ\)"; …; các số liệu/);
    expect(renderMessage(w.msg, en)).toMatch(/"Yên Sơn \(mới; cũ\)"; …; the figures/);
    const two = await check([LONG_HEAD, ...all.slice(0, 2), ...LONG_ROWS.slice(2)].join('\n'));
    expect(renderMessage(two.findings.find((f) => f.msg.id === 'unknown.name-joined')!.msg, vi)).not.toContain('…');
  });
});
