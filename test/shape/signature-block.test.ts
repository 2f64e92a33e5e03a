/**
 * The signature block under a table (`Người lập biểu … Chủ tịch`, `(Ký, ghi rõ họ tên)`, the signatories' names)
 * and the place-and-date line over it end the table: they are no units (they gave `number` errors and kept the
 * sums from being checked).
 */
import { describe, expect, it } from 'vitest';
import { closesTable } from '../../src/shape/structure.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCsv as check, FIXTURES } from '../helpers.js';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkShaped } from '../../src/check-grid.js';

const TABLE = ['STT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', ';Toàn huyện;3.000;181;6,03', '1;Xã A;1.000;44;4,40', '2;Xã B;2.000;137;6,85'];
const SIGNED = [';;;;', ';;;;Hàm Yên, ngày 10 tháng 01 năm 2021', 'Người lập biểu;;;;KT. CHỦ TỊCH', '(Ký, ghi rõ họ tên);;;;PHÓ CHỦ TỊCH', ';;;;', 'Nguyễn Văn A;;;;Trần Văn B'];

describe('closesTable', () => {
  it.each([
    [['Người lập biểu', '', '', '', 'Chủ tịch']],
    [['', '', '', '', 'TM. ỦY BAN NHÂN DÂN']],
    [['', '', 'KT. GIÁM ĐỐC']],
    [['(Ký tên, đóng dấu)']],
    [['', 'Thủ trưởng đơn vị']],
    [['', '', '', 'Tuyên Quang, ngày 10 tháng 01 năm 2021']],
    [['', '', '', 'TP. Hồ Chí Minh, ngày … tháng … năm 2023']],
    [['Nơi nhận:', '', '', '']],
    [['', '', 'T/M UBND XÃ']],
  ])('%j ends the table', (fields) => {
    expect(closesTable(fields)).toBe(true);
  });
  it.each([
    [['1', 'Xã A', '1.000', '44', '4,40']],
    [['', 'Thị xã Kỳ Anh', '1.000', '44', '4,40']],
    [['', 'Huyện Kỳ Anh', '', '', '']],
    [['', 'Xã Chủ Tịch', 'x', '', '']],
    [['3', 'Người lập biểu', '', '', 'Chủ tịch']],
    [['', 'Xã Y', '', '', 'Sáp nhập vào xã Z từ ngày 01 tháng 01 năm 2020 theo Nghị quyết 818']],
    [['', 'Ghi chú: số liệu đến ngày 31 tháng 12', '', '']],
  ])('%j does not', (fields) => {
    expect(closesTable(fields)).toBe(false);
  });
});

describe('a table signed at its foot', () => {
  it('is checked as the table above the signature: no finding about the signatories, every check runs', async () => {
    const signed = await check([...TABLE, ...SIGNED].join('\n'));
    const plain = await check(TABLE.join('\n'));
    expect(signed.findings).toEqual(plain.findings);
    expect(signed.coverage).toEqual(plain.coverage);
    expect([...signed.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B']);
  });

  it('a slip above the signature is still found', async () => {
    const r = await check([...TABLE.slice(0, 3), '2;Xã B;2.000;173;6,85', ...SIGNED].join('\n'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref}`).sort()).toEqual(['rate E4', 'sum D2']);
  });

  it('with its indicators as rows (the seed annex signed at its foot): no row "with figures but no indicator label"', async () => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd();
    const foot = [';;;;;;;;;;;', ';;;;;;;;Tuyên Quang, ngày 10 tháng 01 năm 2021;;;', 'Người lập biểu;;;;;;;;KT. CHỦ TỊCH;;;', '(Ký, ghi rõ họ tên);;;;;;;;PHÓ CHỦ TỊCH;;;', 'Nguyễn Văn A;;;;;;;;Trần Văn B;;;'];
    const signed = await check([seed, ...foot].join('\n'));
    const plain = await check(seed);
    expect(signed.findings).toEqual(plain.findings);
    expect(signed.coverage).toEqual(plain.coverage);
  });

  it('a row of a title over the first unit is not the end (the block is looked for under a unit only)', async () => {
    const r = await check(['STT;Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Người lập biểu;;;;', ...TABLE.slice(1)].join('\n'));
    expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B']);
  });
});

describe('a signed table read record by record (the rows past the first few shaped)', () => {
  it('ends at its signature whatever the number of rows shaped first (the byte path reads no signatory as a unit)', async () => {
    const text = '\uFEFF' + [...TABLE, ...SIGNED, 'Nguyen Van C;;;;Tran Van D'].join('\n');
    const { text: decoded, encoding } = decodeBytes(Buffer.from(text, 'utf8'));
    for (const head of [2, 3, 100]) {
      const r = checkShaped(await shapeTable(delimitedTable(decoded, encoding, undefined, head)), {});
      expect([...r.annex.units].map((u) => u.name)).toEqual(['Toàn huyện', 'Xã A', 'Xã B']);
      expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    }
  });
});
