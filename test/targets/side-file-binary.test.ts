/**
 * A targets file or a units map that is binary (a workbook, an image …) is refused as what it is for that file,
 * naming the file: it was refused with a table's wording ("a ZIP archive but not an Excel workbook", said of a
 * workbook; "not a CSV or text table").
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTargetsFile } from '../../src/targets/index.js';
import { readUnitsMap } from '../../src/series/units-map.js';
import { renderError } from '../../src/messages/index.js';
import { PovcheckError } from '../../src/errors.js';
import { runCli } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'povcheck-side-'));
const file = (name: string, bytes: Uint8Array) => (writeFileSync(join(dir, name), bytes), join(dir, name));
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
const NUL = new TextEncoder().encode('{"targets": [\u0000\u0001]}');

async function refusal(read: Promise<unknown>): Promise<PovcheckError> {
  try {
    await read;
  } catch (e) {
    return e as PovcheckError;
  }
  throw new Error('read');
}

describe('binary side files', () => {
  it('a workbook given as a targets file, binary data as a units map: what each file should be, and what it is', async () => {
    const t = await refusal(readTargetsFile(file('t.xlsx', ZIP)));
    expect(t.code).toBe('SIDE_FILE_BINARY');
    expect(t.file).toBe(join(dir, 't.xlsx'));
    expect(renderError(t, 'en')).toBe('a targets file is JSON text (docs/targets-and-series.md), and this is a ZIP archive (an Excel workbook or a Word document)');
    const m = await refusal(readUnitsMap(file('map.json', NUL)));
    expect(renderError(m, 'vi')).toBe('bảng đối chiếu đơn vị phải là văn bản JSON hoặc CSV (docs/targets-and-series.md), nhưng tệp này là dữ liệu nhị phân');
  });

  it('the CLI: one line naming the targets file, exit 2', () => {
    const r = runCli(['plan', 'fixtures/tuyen-quang-2020.csv', '--targets', file('targets.xlsx', ZIP)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`povcheck: ${join(dir, 'targets.xlsx')}: a targets file is JSON text (docs/targets-and-series.md), and this is a ZIP archive (an Excel workbook or a Word document)\n`);
  });
});
