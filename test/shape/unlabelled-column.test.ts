/**
 * A column with content but no header is reported at its first cell with content, the first value that goes
 * unchecked (it had no cell: the JSON report's `cell` was null and `table` matched it to the columns it prints
 * by its letters). The same cell whether the row is shaped from the grid or read record by record after it, and
 * with units as columns.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeStreamed } from '../../src/read/decode.js';
import { delimitedTable } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid, checkShaped } from '../../src/check-grid.js';
import type { Finding } from '../../src/model/finding.js';

const unlabelled = (findings: readonly Finding[]) => findings.filter((f) => f.msg.id === 'unknown.unlabelled-column').map((f) => `${f.at?.ref ?? '-'} ${(f.msg.params as { col: string }).col}`);

/** Rows shaped before the rest is read: few (the note's row read as a record), and all. */
async function atHeads(csv: string): Promise<string[][]> {
  const { text, encoding } = decodeBytes(Buffer.from(csv, 'utf8'));
  const out: string[][] = [];
  for (const head of [2, 100]) out.push(unlabelled(checkShaped(await shapeTable(delimitedTable(text, encoding, undefined, head)), {}).findings));
  return out;
}

describe('a column with content and no header', () => {
  const rows = ['Đơn vị;Tổng số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)', 'Toàn tỉnh;6.000;362;6,03', 'Xã A;1.000;44;4,40', 'Xã B;2.000;137;6,85', 'Xã C;3.000;181;6,03;ghi chú'];

  it('units as rows: at its first cell with content, shaped from the grid or read record by record', async () => {
    expect(await atHeads(rows.join('\n'))).toEqual([['E5 E'], ['E5 E']]);
  });

  it('a record longer than the rows shaped: its field past them is reported, read as text or from the bytes', async () => {
    const long = [...rows.slice(0, 4), ...Array.from({ length: 150 }, (_, i) => `Xã Cuối ${i};0;0;0,00`), 'Xã C;3.000;181;6,03;ghi chú'];
    long[1] = 'Toàn tỉnh;6.000;362;6,03';
    const bytes = Buffer.from(long.join('\n'), 'utf8');
    const streamed = decodeStreamed(bytes, 'auto', { head: 1024, piece: 97 })!;
    const viaBytes = unlabelled(checkShaped(await shapeTable(delimitedTable(streamed, streamed.encoding, ';', 2)), {}).findings);
    expect(viaBytes).toEqual(['E155 E']);
    expect(await atHeads(long.join('\n'))).toEqual([['E155 E'], ['E155 E']]);
  });

  it('units as columns: at its first cell with content under the header', async () => {
    const r = await checkGrid(await gridFromAnyBytes(Buffer.from(['Chỉ tiêu;Toàn tỉnh;Huyện A;Huyện B;', 'Tổng số hộ;300;100;200;', 'Số hộ nghèo;30;10;20;xem ghi chú', 'Tỷ lệ hộ nghèo (%);10,00;10,00;10,00;'].join('\n'), 'utf8'), { name: 't.csv' }));
    expect(unlabelled(r.findings)).toEqual(['E3 E']);
  });
});
