/**
 * The likely causes in `povcheck validate` (built binary): first in the text report, linked to the findings
 * they explain; the JSON `causes` contract (README "JSON report").
 */
import { describe, expect, it } from 'vitest';
import { fixtures, cli } from '../helpers.js';

interface JsonCause {
  cells: string[];
  proposed: Record<string, string>;
  explains: number[];
  kind: string | null;
  confidence: string;
  pinned: boolean;
  kinds: Record<string, string | null>;
  range?: Record<string, { min: string | null; max: string | null }>;
  message: string;
}
const json = async (args: string[]) =>
  JSON.parse((await cli(['validate', ...args, '--format', 'json'])).stdout) as {
    files: Array<{ findings: Array<{ rule: string; cell: string | null }>; causes: JsonCause[]; localisation: { status: string; failing: number; size: number | null; more: number } | null }>;
  };

describe('the planted fixtures for localisation', () => {
  const planted = fixtures.plantedCauses();
  it.each(Object.keys(planted))('%s: exit 1, the finding at its cell, and causes', async (name) => {
    const p = planted[name]!;
    const r = await cli(['validate', `fixtures/${name}`, '--format', 'json']);
    expect(r.code).toBe(1);
    const f = (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ rule: string; cell: string; severity: string }>; causes: unknown[] }> }).files[0]!;
    expect(f.findings.some((x) => x.rule === p.rule && x.cell === p.cell && x.severity === 'error')).toBe(true);
    expect(f.causes.length).toBeGreaterThan(0);
  });
});

describe('causes in the JSON report', () => {
  it('one cause: cells, proposed value, the findings it explains, kind, confidence', async () => {
    const f = (await json(['fixtures/planted/poor-end-transposed.csv', '--lang', 'en'])).files[0]!;
    expect(f.localisation).toEqual({ status: 'found', failing: 3, size: 1, more: 0 });
    expect(f.causes).toHaveLength(1);
    const c = f.causes[0]!;
    expect(c).toMatchObject({ cells: ['I6'], proposed: { I6: '4693' }, kind: 'transposition', confidence: 'unique', pinned: true, kinds: { I6: 'transposition' } });
    expect(c.explains.map((i) => `${f.findings[i]!.rule}@${f.findings[i]!.cell}`)).toEqual(['sum@D6', 'flow@I6', 'rate@I10']);
    expect(c.message).toBe('Likely cause: I6 (Poor households at end of year, Chiêm Hóa) holds 4,963; 4,693 would make all 3 failing checks pass; the digits look transposed.');
  });

  it('a rate cut instead of rounded: kind `truncated`, said in the message (Ngân Sơn 2016, E5 35,69 for 35,6987…)', async () => {
    const f = (await json(['fixtures/published/review-2016-2018-ngan-son-district-ethnic-groups-years.csv'])).files[0]!;
    const c = f.causes.find((x) => x.cells.join() === 'E5')!;
    expect(c).toMatchObject({ proposed: { E5: '35.70' }, kind: 'truncated', confidence: 'unique', kinds: { E5: 'truncated' } });
    expect(c.message).toBe(
      'Nguyên nhân có thể: ô E5 (Tỷ lệ hộ nghèo (năm 2016), Nùng) ghi 35,69; nếu là 35,70 thì phép kiểm tra đang sai sẽ đúng; có vẻ bị cắt bớt chữ số thập phân (làm tròn xuống) thay vì làm tròn.',
    );
    const en = (await json(['fixtures/published/review-2016-2018-ngan-son-district-ethnic-groups-years.csv', '--lang', 'en'])).files[0]!;
    expect(en.causes.find((x) => x.cells.join() === 'E5')!.message).toMatch(/the value looks truncated \(digits cut off\) instead of rounded\.$/);
  });

  it('a row typed one column to the right: one cause for the run, kind `shifted`, with its `shift` (row-shifted-right.csv)', async () => {
    const f = (await json(['fixtures/planted/row-shifted-right.csv', '--lang', 'en'])).files[0]!;
    expect(f.localisation).toEqual({ status: 'found', failing: 3, size: 4, more: 0 });
    expect(f.causes).toHaveLength(1);
    const c = f.causes[0]! as JsonCause & { shift?: unknown };
    expect(c).toMatchObject({
      cells: ['H5', 'I5', 'J5', 'K5'],
      proposed: { H5: '799', I5: '818', J5: '390', K5: '282' },
      kind: 'shifted',
      confidence: 'unique',
      pinned: true,
      shift: { along: 'row', direction: 'right', from: 'H5', to: 'K5', lost: 'K5', landed: 'L5' },
    });
    expect(c.explains.map((i) => `${f.findings[i]!.rule}@${f.findings[i]!.cell}`)).toEqual(['missing@H5', 'flow@I6', 'flow@J6', 'flow@K6']);
    expect(c.message).toBe(
      'Likely cause: row 5 (Poor households reduced during the year): from column H (Hàm Yên) on, the values seem shifted one column to the right (typed one cell off). ' +
        "Moved back one column, H5–K5 would hold 799, 818, 390, 282, and all 3 failing checks pass; K5's own value was pushed into L5 (column Ghi chú), which holds 282: the very value the checks give, which confirms the shift.",
    );
  });

  it("a unit's column typed one row down, in Vietnamese (column-shifted-down.csv)", async () => {
    const f = (await json(['fixtures/planted/column-shifted-down.csv'])).files[0]!;
    const c = f.causes[0]! as JsonCause & { shift?: unknown };
    expect(c.shift).toEqual({ along: 'column', direction: 'down', from: 'I4', to: 'I10', lost: 'I10', landed: null });
    expect(c.message).toBe(
      'Nguyên nhân có thể: cột I (Chiêm Hóa): từ dòng 4 (Số hộ nghèo đầu năm) trở đi, các số liệu có vẻ bị lệch xuống một dòng (gõ lệch một ô). ' +
        'Dời lại một dòng thì I4–I10 là 5.511, 818, 4.693, 16,03, 2,47, 13,56, và cả 4 phép kiểm tra đang sai đều đúng; giá trị của chính ô I10 bị đẩy ra ngoài bảng: theo các phép kiểm tra thì là 13,56.',
    );
  });

  it('a decimal mark in the wrong place: kind `decimal-mark` (rate-decimal-mark.csv)', async () => {
    const f = (await json(['fixtures/planted/rate-decimal-mark.csv', '--lang', 'en'])).files[0]!;
    expect(f.causes[0]).toMatchObject({ cells: ['D8'], proposed: { D8: '11.80' }, kind: 'decimal-mark', confidence: 'unique' });
    expect(f.causes[0]!.message).toBe(
      'Likely cause: D8 (Poverty rate at start of year, Toàn tỉnh) holds 1.180; 11.80 would make both failing checks pass; the decimal mark looks typed in the wrong place: the digits are right, the value is off by 10, 100 … times.',
    );
  });

  it('several: every one listed with the same confidence', async () => {
    const f = (await json(['fixtures/planted/households-ambiguous.csv'])).files[0]!;
    expect(f.causes.length).toBeGreaterThan(1);
    expect(new Set(f.causes.map((c) => c.confidence))).toEqual(new Set(['ambiguous']));
    expect(f.causes.map((c) => c.cells[0])).toContain('E2');
    for (const c of f.causes) expect(c.explains.map((i) => f.findings[i]!.cell)).toEqual(['D2']);
  });

  it('follows the rule levels: a rule switched off is not localised, a re-levelled finding is still explained', async () => {
    const f = (await json(['fixtures/planted/poor-end-transposed.csv', '--rule', 'rate=off', '--rule', 'sum=warning'])).files[0]!;
    expect(f.localisation).toEqual({ status: 'found', failing: 2, size: 1, more: 0 });
    expect(f.causes[0]).toMatchObject({ cells: ['I6'], proposed: { I6: '4693' }, confidence: 'unique' });
    expect(f.causes[0]!.explains.map((i) => `${f.findings[i]!.rule}@${f.findings[i]!.cell}`)).toEqual(['flow@I6', 'sum@D6']);
  });

  it('a clean table has no causes; an unreadable file has an empty list', async () => {
    const f = (await json(['fixtures/tuyen-quang-2020.csv'])).files[0]!;
    expect(f.causes).toEqual([]);
    expect(f.localisation).toEqual({ status: 'clean', failing: 0, size: null, more: 0 });
    expect((await json(['fixtures/README.md'])).files[0]!.causes).toEqual([]);
  });
});

describe('causes in the text report', () => {
  it('come first, before the findings, with the findings they explain', async () => {
    const r = await cli(['validate', 'fixtures/planted/poor-end-transposed.csv', '--no-table']);
    const lines = r.stdout.split('\n');
    const cause = lines.findIndex((l) => l.includes('Nguyên nhân có thể: ô I6 (Số hộ nghèo cuối năm, Chiêm Hóa) ghi 4.963; nếu là 4.693 thì cả 3 phép kiểm tra đang sai đều đúng; có vẻ hai chữ số liền nhau bị gõ đảo chỗ.'));
    expect(cause).toBeGreaterThan(0);
    expect(lines[cause + 1]).toContain('giải thích: D6 sum · I6 flow · I10 rate');
    expect(lines.findIndex((l) => l.includes('Lỗi (3)'))).toBeGreaterThan(cause);
  });

});
