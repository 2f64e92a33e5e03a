/**
 * Counts that lost the zeros of their last group (shape/zeros-dropped.ts): a Vietnamese table opened in a spreadsheet
 * that read its thousands separator as a decimal mark and saved again (`39.880` → `39.88`). Each error says what was
 * probably typed and one warning says why (found saving the seed through LibreOffice in an English locale: 8 errors
 * "not a well-formed number", nothing saying why).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline.js';
import { renderMessage, makeFmt } from '../../src/messages/index.js';
import { FIXTURES } from '../helpers.js';

const grouping = (r: Awaited<ReturnType<typeof validateFile>>) =>
  r.findings.filter((f) => f.msg.id === 'number.grouping').map((f) => [f.at?.ref, (f.msg.params as { restored?: string }).restored]);
const warnings = (r: Awaited<ReturnType<typeof validateFile>>) => r.findings.filter((f) => f.msg.id === 'number.zeros-dropped');

const EXPECTED = [
  ['F2', '39.880'],
  ['G2', '36.540'],
  ['D3', '211.780'],
  ['E3', '50.180'],
  ['H3', '31.800'],
  ['I3', '34.600'],
  ['J3', '10.580'],
  ['K4', '2.750'],
];

describe('counts that lost the zeros of their last group in a save', () => {
  for (const name of ['seed-english-settings-unicode-text.txt', 'english-vietnamese-settings.csv']) {
    it(`${name}: each count says what was probably typed, and one warning at the first says why`, async () => {
      const r = await validateFile(join(FIXTURES, 'saved', name));
      expect(grouping(r).sort()).toEqual([...EXPECTED].sort());
      const [w, ...more] = warnings(r);
      expect(more).toEqual([]);
      expect([w?.severity, w?.at?.ref, w?.msg.params]).toEqual(['warning', 'F2', { cell: 'F2', text: '39.88', restored: '39.880', count: 8 }]);
      expect(renderMessage(w!.msg, makeFmt('en'))).toBe(
        '8 counts of households lost the zeros of their last group of three digits (F2 shows 39.88, probably typed 39.880): the table was probably opened in a spreadsheet whose number settings read its thousands separator as a decimal mark, then saved again, which dropped the zeros after it. Open the original file again with number settings that match it, or correct those cells.',
      );
      const error = r.findings.find((f) => f.msg.id === 'number.grouping' && f.at?.ref === 'K4')!;
      expect(renderMessage(error.msg, makeFmt('vi'))).toBe(
        'Lâm Bình, số hộ nghèo đầu năm: "2.75" không phải là số viết đúng kiểu Việt Nam (dấu "." tách nhóm ba chữ số, dấu "," là dấu thập phân); có lẽ là 2.750, bị mất các chữ số 0 ở cuối (xem cảnh báo về các số hộ này).',
      );
    });
  }

  it('one such count alone is as likely a slip of the keyboard: the error as it was, no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-zeros-'));
    const file = join(dir, 'one.csv');
    writeFileSync(file, readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(';39.880;', ';39.88;'));
    const r = await validateFile(file);
    expect(grouping(r)).toEqual([['F2', undefined]]);
    expect(warnings(r)).toEqual([]);
  });

  it('malformed groups of another form (`50.1800`, four digits) are not taken for dropped zeros', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-zeros-'));
    const file = join(dir, 'four.csv');
    writeFileSync(file, readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(';39.880;', ';39.8800;').replace(';50.180;', ';50.1800;'));
    const r = await validateFile(file);
    expect(grouping(r).map(([, restored]) => restored)).toEqual([undefined, undefined]);
    expect(warnings(r)).toEqual([]);
  });
});
