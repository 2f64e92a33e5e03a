/**
 * A plan document's poverty table for `table` and `plan` (document/poverty-table.ts): the first table validate reads
 * as a poverty table, with a split annex joined and a lost header row named, and a clear refusal when there is none.
 * Both commands refused every plan document ("save its table as .xlsx or CSV").
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { povertyTableOf } from '../../src/document/poverty-table.js';
import { catalog } from '../../src/messages/index.js';
import { FIXTURES } from '../helpers.js';
import { PAGE_BREAK, SEED_ROWS as SEED, p, tbl, wordPlan } from './word-plan.js';

const HEADER = SEED.slice(0, 1);
const COUNTS = SEED.slice(1, 6);
const RATES = SEED.slice(6);
const SIGNATURES = [['Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN'], ['- Như trên;', 'CHỦ TỊCH']];

const plan = (body: string) => wordPlan(body, 'KẾ HOẠCH giảm nghèo năm 2020');
const texts = (rows: ReturnType<typeof povertyTableOf>['grid']['rows']) => rows.map((r) => Array.from(r, (c) => c?.raw ?? ''));
/** Refused with this code and these parameters. */
const refused = (params: unknown) => expect.objectContaining({ code: 'NOT_A_TABLE', params });

describe('a plan document read for its poverty table', () => {
  it('the first poverty table, past the tables that are not (a signature block), its cells keeping their places in Word', async () => {
    const doc = await plan(tbl(SIGNATURES) + p('PHỤ LỤC') + tbl(SEED) + p('Bảng 3') + tbl(SEED));
    const t = povertyTableOf(doc);
    expect(t.note).toEqual({ table: 2, tables: 3, joined: [], others: [3] });
    expect(texts(t.grid.rows)).toEqual(SEED);
    expect(t.grid.rows[3]![9]!.ref).toBe('T2R4C10');
    expect(t.totalName).toBeUndefined();
    expect(catalog('en').calc.documentTable(t.note)).toBe("read the document's Table 2 (of 3); the poverty table after it (Table 3) not read");
    expect(catalog('vi').calc.documentTable(t.note)).toBe('đọc Bảng 2 (trong 3 bảng của văn bản); bảng số liệu hộ nghèo sau đó (Bảng 3) không được đọc');
  });

  it('a table before it that looks like a poverty table but cannot be read (its number format mixed) is named, not passed over in silence', async () => {
    const mixed = [['Đơn vị', 'Tỷ lệ hộ nghèo đầu năm'], ['Na Hang', '12,5'], ['Lâm Bình', '13.5']];
    const t = povertyTableOf(await plan(tbl(mixed) + p('PHỤ LỤC') + tbl(SEED)));
    expect(t.note).toEqual({ table: 2, tables: 2, joined: [], others: [], unreadable: [1] });
    expect(catalog('en').calc.documentTable(t.note)).toBe("read the document's Table 2 (of 2); Table 1 before it, which looks like a poverty table, could not be read (povcheck validate says why)");
    expect(catalog('vi').calc.documentTable(t.note)).toBe('đọc Bảng 2 (trong 2 bảng của văn bản); Bảng 1 ở trước trông như bảng số liệu hộ nghèo nhưng không đọc được (povcheck validate cho biết lý do)');
  });

  it('an annex split at a page break is read whole, its second part below the first', async () => {
    const doc = await plan(tbl([...HEADER, ...COUNTS]) + PAGE_BREAK + '<w:p/>' + tbl(RATES));
    const t = povertyTableOf(doc);
    expect(t.note).toEqual({ table: 1, tables: 2, joined: [2], others: [] });
    expect(texts(t.grid.rows)).toEqual(SEED);
    expect(t.grid.rows.at(-1)![3]!.ref).toBe('T2R4C4');
    expect(catalog('en').calc.documentTable(t.note)).toBe("read the document's Table 1 (of 2), with Table 2 below it as its continuation over a page break");
  });

  it('a table whose header row was lost: its unit columns named by position, the total told by its figures; or named by --units', async () => {
    const doc = await plan(tbl(SEED.slice(1)));
    const t = povertyTableOf(doc);
    expect(t.note.headerLost).toEqual({ names: ['C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11'], given: false, total: 'C4' });
    expect(t.totalName).toBe('C4');
    expect(texts(t.grid.rows)[0]!.slice(3)).toEqual(['C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11']);
    expect(catalog('en').calc.documentTable(t.note)).toMatch(/its header row was lost: its unit columns are named by position \(C4, C5, C6, C7, C8, C9, C10, C11; name them with --units "…" in order\), C4 the total$/);
    const names = HEADER[0]!.slice(3, 11);
    const given = povertyTableOf(doc, { unitNames: names });
    expect(given.note.headerLost).toEqual({ names, given: true, total: 'Toàn tỉnh' });
    expect(given.totalName).toBeUndefined();
    expect(catalog('vi').calc.documentTable(given.note)).toBe('đọc bảng duy nhất của văn bản (Bảng 1); dòng tiêu đề của bảng bị mất: các cột đơn vị được đặt tên theo --units, Toàn tỉnh là cột tổng');
  });

  it('refused in one line when no table is a poverty table, saying how many tables there are', async () => {
    expect(() => povertyTableOf({ format: 'text', paragraphs: [], tables: [] })).toThrow(refused({ reason: 'document-no-table', tables: 0 }));
    const single = await plan(tbl(SIGNATURES));
    expect(() => povertyTableOf(single)).toThrow(refused({ reason: 'document-no-table', tables: 1 }));
    const doc = await plan(tbl(SIGNATURES) + tbl(SIGNATURES));
    expect(() => povertyTableOf(doc)).toThrow(refused({ reason: 'document-no-table', tables: 2 }));
    const en = catalog('en').errors.NOT_A_TABLE as (p: unknown) => string;
    expect(en({ reason: 'document-no-table', tables: 2 })).toBe('none of this document\'s 2 tables is a poverty table: none has a poverty-table indicator (such as "Số hộ nghèo đầu năm" or "poor_start")');
    expect(en({ reason: 'document-no-table', tables: 1 })).toMatch(/^this document's only table is not a poverty table: it has no poverty-table indicator/);
    expect(en({ reason: 'document-no-table', tables: 0 })).toBe('this is a document without a table (povcheck validate checks its text): no poverty table to compute');
  });

  it('a document whose only poverty-looking table cannot be read is refused with that table\'s reason, naming the table', async () => {
    const mixed = [['Đơn vị', 'Tỷ lệ hộ nghèo đầu năm'], ['Na Hang', '12,5'], ['Lâm Bình', '13.5']];
    const doc = await plan(tbl(SIGNATURES) + p('PHỤ LỤC') + tbl(mixed));
    expect(() => povertyTableOf(doc)).toThrow(expect.objectContaining({ code: 'LOCALE_AMBIGUOUS', table: 2 }));
  });

  it("the targets the plan's text sets for the table's units (plan's, when none is given): the total's as total, each once", async () => {
    const { readInput } = await import('../../src/read/index.js');
    const input = await readInput(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx'));
    if (input.kind !== 'document') throw new Error('not read as a document');
    const { targets, unmatched } = povertyTableOf(input.document).targets();
    expect(targets.map((t) => [t.target.unit, t.target.indicator, t.target.op, t.target.value, t.paragraph])).toEqual([
      ['total', 'rate_reduced', '>=', '2.06', 10],
      ['total', 'rate_end', '<=', '9.74', 10],
      ['Lâm Bình', 'rate_reduced', '>=', '4', 10],
      ['Na Hang', 'rate_reduced', '>=', '4', 10],
    ]);
    expect(unmatched).toEqual([]);
  });
});
