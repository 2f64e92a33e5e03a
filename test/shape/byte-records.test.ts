/**
 * A long table's records read from the file's bytes (shape/long.ts `LongReader.addBytes`: a plain unit row
 * stored from its bytes, any other decoded and read by `addRecord`) give the table the same records read as
 * text give: the same units (names, codes, parents, cells), values, number format, findings, skips and
 * localisation, on random rows with hostile fields: names with NBSP, combining marks, double or edge spaces,
 * starting with a non-ASCII letter, placeholders, section and block rows, totals, very long names; values
 * with signs, spaces, text, leading zeros, numbers too long, either number format; empty and missing
 * fields; CR, LF and CRLF line breaks; `;` and `,` delimiters.
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { decodeStreamed } from '../../src/read/decode.js';
import { delimitedTable, type Delimiter } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped, type CheckResult } from '../../src/check-grid.js';
import { makeFmt, renderMessage, renderSkip } from '../../src/messages/index.js';
import { LongTable } from '../../src/model/long-table.js';

const HEADER = ['STT', 'Mã', 'Mã cấp trên', 'Tên đơn vị', 'Tổng số hộ đầu năm', 'Số hộ nghèo đầu năm', 'Tỷ lệ hộ nghèo đầu năm (%)'];
const SLOTS = ['households_start', 'poor_start', 'rate_start'] as const;
/** A small head and pieces: the bytes after a few records are read as bytes, across many pieces. */
const SIZES = { head: 1024, piece: 97 };
const HEAD_ROWS = 2;

const names = [
  'Xã Đông Hưng',
  'Thị trấn Hợp Tiến',
  'Phường 1',
  'Đông Hưng',
  ' Xã Bình',
  'Xã Bình ',
  'Xã  Bình',
  'Xã\u00a0Bình',
  'Xa\u0301 Bình',
  'Xã Bình 𝔸',
  '.....',
  '…',
  '_-_',
  'Chia theo khu vực',
  'Tổng số',
  'Cả nước',
  'I. Khu vực thành thị',
  'II',
  '',
  'A'.repeat(121),
  'A'.repeat(120),
  '1 Xã',
  'x',
  'Xã é',
  'Xã ǅ',
  'Xã ¡',
];
const codes = ['01', '001', '00001', '123456789', 'VN', '', ' 01', '01 ', 'A-1', 'Mã\u00a0', '0'];
const stts = ['1', '2', '3', '01', 'I', 'a)', '1.2', '', ' 4', '99999999999'];
const values = ['1.234', '12', '45,95', '', ' 12', '12 ', '-3', '+4', 'n/a', '12.345.678', '0', '01', '1,234', '45.95', '123456789012345678', '1\u00a0234', '–', '99,99', '100', '4.5', '0,5', '1.234,5', '65535', '65536', '2147483648'];

const row = fc.record({
  stt: fc.constantFrom(...stts),
  code: fc.constantFrom(...codes),
  parent: fc.constantFrom(...codes),
  name: fc.constantFrom(...names),
  v: fc.array(fc.constantFrom(...values), { minLength: 3, maxLength: 3 }),
  width: fc.constantFrom(7, 7, 7, 5, 8),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
});

interface Row {
  stt: string;
  code: string;
  parent: string;
  name: string;
  v: string[];
  width: number;
  eol: string;
}

/** `before`: characters of plain rows after the first ones, before the random rows. */
function tableText(rows: Row[], d: Delimiter, before = 0): string {
  const ok = (s: string) => (d === ',' ? s.replaceAll(',', '') : s);
  const lines = [HEADER.join(d) + '\n'];
  // Plain rows first (the head) and last (the text longer than the streamed head).
  for (let i = 0; i < 4; i++) lines.push([String(i + 1), `0${i}`, '', `Huyện Đầu ${i}`, '1.200', '300', ok('25,00')].join(d) + '\r\n');
  for (let i = 0; lines.join('').length < before; i++) lines.push([String(i + 5), `1${i}`, '', `Xã Đầu ${i % 7}`, '1.300', '200', ok('15,38')].join(d) + '\r\n');
  for (const r of rows) {
    const fields = [r.stt, r.code, r.parent, r.name, ...r.v.map(ok)].map(ok);
    lines.push(fields.slice(0, r.width).join(d) + (r.width > 7 ? d + 'ghi chú' : '') + r.eol);
  }
  for (let i = 0; lines.join('').length < SIZES.head + 200; i++) lines.push([String(i + 50), `9${i}`, '', `Xã Cuối ${i}`, '2.000', '100', ok('5,00')].join(d) + '\n');
  return lines.join('');
}

/** The check of a table, or why it is refused. */
async function checked(f: () => Promise<CheckResult>): Promise<CheckResult | string> {
  try {
    return await f();
  } catch (e) {
    return String(e);
  }
}

/** (The delimiter is given: detected on a streamed head this small, it would be detected on less text than the whole.) */
async function bothWays(text: string, d: Delimiter): Promise<[ReturnType<typeof view> | string, ReturnType<typeof view> | string]> {
  const bytes = new TextEncoder().encode(text);
  const streamed = decodeStreamed(bytes, 'auto', SIZES);
  expect(streamed).toBeDefined();
  const viaBytes = await checked(async () => checkShaped(await shapeTable(delimitedTable(streamed!, streamed!.encoding, d, HEAD_ROWS)), {}));
  const viaText = await checked(async () => checkShaped(await shapeTable(delimitedTable(text, 'utf-8', d, HEAD_ROWS)), {}));
  return [typeof viaBytes === 'string' ? viaBytes : view(viaBytes), typeof viaText === 'string' ? viaText : view(viaText)];
}

function view(r: CheckResult) {
  const vi = makeFmt('vi');
  const en = makeFmt('en');
  const units = [];
  for (let id = 0; id < r.annex.units.length; id++) {
    const u = r.annex.units.at(id)!;
    const vals = SLOTS.map((s) => {
      const v = r.annex.values.get(id, s);
      return v ? [v.status, v.text, v.plain ?? null, v.decimals ?? null, v.cell.ref, v.cell.raw] : null;
    });
    units.push(JSON.stringify([u.name, u.code ?? null, u.parent ?? null, u.cell?.ref ?? null, u.cell?.raw ?? null, u.isTotal, vals]));
  }
  return {
    units,
    total: r.annex.total?.name,
    locale: r.annex.locale,
    findings: r.findings.map((f) => JSON.stringify([f.rule, f.severity, f.at?.ref ?? null, f.at?.raw ?? null, f.unit ?? null, f.indicator ?? null, f.expected ?? null, f.actual ?? null, renderMessage(f.msg, vi), renderMessage(f.msg, en)])),
    skipped: r.skipped.map((s) => JSON.stringify([s.rule, s.unit ?? null, renderSkip(s.msg, en)])),
    coverage: r.coverage,
    status: r.localisation.status,
  };
}

describe('a long table read from its bytes', () => {
  it('is the table read from its text, on hostile rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<Delimiter>(';', ','), async (rows, d) => {
        const [a, b] = await bothWays(tableText(rows, d), d);
        expect(a).toEqual(b);
      }),
      { numRuns: 200 },
    );
  });

  it('is the table read from its text when a small text is read with its bytes, on hostile rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<Delimiter>(';', ','), fc.boolean(), async (rows, d, late) => {
        // The first rows split as text, those past the first piece (4,096 characters) read from the bytes.
        const text = tableText(rows, d, late ? 4200 : 0);
        const bytes = new TextEncoder().encode(text);
        const spy = vi.spyOn(LongTable.prototype, 'addUnitBytes');
        try {
          const viaBytes = await checked(async () => checkShaped(await shapeTable(delimitedTable(text, 'utf-8', d, HEAD_ROWS, bytes)), {}));
          if (late) expect(spy.mock.calls.length).toBeGreaterThan(0);
          const viaText = await checked(async () => checkShaped(await shapeTable(delimitedTable(text, 'utf-8', d, HEAD_ROWS)), {}));
          expect(typeof viaBytes === 'string' ? viaBytes : view(viaBytes)).toEqual(typeof viaText === 'string' ? viaText : view(viaText));
        } finally {
          spy.mockRestore();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('stores plain rows from their bytes', async () => {
    const spy = vi.spyOn(LongTable.prototype, 'addUnitBytes');
    try {
      const [a, b] = await bothWays(tableText([], ';'), ';');
      expect(typeof a).toBe('object');
      expect(a).toEqual(b);
      expect(spy.mock.calls.length).toBeGreaterThan(10);
    } finally {
      spy.mockRestore();
    }
  });

  it('votes a pattern by the kind of its column', async () => {
    // `1,234` is a count in the English format (1234) but a rate in the Vietnamese one (1.234): met first in
    // a count column of the head, then in a rate column of the rows read from their bytes, where it votes
    // for the Vietnamese format (with the counts `1.200`, the majority), not for what it said in the count
    // column (which would make the English format the majority: 62 to 60).
    const lines = [HEADER.join(';') + '\n'];
    for (let i = 0; i < 2; i++) lines.push([String(i + 1), `0${i}`, '', `Huyện Đầu ${i}`, '1,234', '300', '25'].join(';') + '\n');
    for (let i = 0; i < 60; i++) lines.push([String(i + 3), `1${i}`, '', `Xã Sau ${i}`, '1.200', '300', '1,234'].join(';') + '\n');
    const spy = vi.spyOn(LongTable.prototype, 'addUnitBytes');
    try {
      const [a, b] = await bothWays(lines.join(''), ';');
      expect(typeof a).toBe('object');
      expect(a).toEqual(b);
      expect((b as { locale: unknown }).locale).toBe('vi');
      expect(spy.mock.calls.length).toBeGreaterThan(10);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a streamed file that starts with two BOMs', () => {
  // The decoder drops the second BOM too: the records read from the bytes start after it, as the text's do (the
  // cells after the head were named one row late: `I61981` reported as `I61982`).
  it('is read from its bytes as from its text', async () => {
    const rows = [HEADER.join(';'), ...Array.from({ length: 40 }, (_, i) => `${i + 1};${i + 1};;Xã Số ${i + 1};${1000 + i};${100 + i};${((100 + i) / (1000 + i) * 100).toFixed(2).replace('.', ',')}`)];
    const text = rows.join('\n') + '\n';
    const body = new TextEncoder().encode(text);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...body]);
    const streamed = decodeStreamed(bytes, 'auto', SIZES);
    expect(streamed).toBeDefined();
    const viaBytes = view(checkShaped(await shapeTable(delimitedTable(streamed!, streamed!.encoding, ';', HEAD_ROWS)), {}));
    const viaText = view(checkShaped(await shapeTable(delimitedTable(text, 'utf-8', ';', HEAD_ROWS)), {}));
    expect(viaBytes).toEqual(viaText);
  });
});
