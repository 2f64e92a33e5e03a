/**
 * A plan document's coverage names the indicators its poverty tables give figures for that nothing compared
 * (document/index.ts `documentCoverage`): each table's, less those a sentence of the text or a target compared.
 * The documents are the seed plan's plain-text export with rows of its annex changed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES } from '../helpers.js';

const SEED_PLAN = readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.txt'), 'utf8').replace(/^\uFEFF/, '');
const dir = mkdtempSync(join(tmpdir(), 'povcheck-not-compared-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The annex row under `label` (Word's export: a cell a line, each after a TAB) with its figures left blank. */
function blankRow(text: string, label: string): string {
  const at = text.indexOf(`\u00a0${label}\n`);
  expect(at).toBeGreaterThan(0);
  const end = text.indexOf('\n\n', at);
  return text.slice(0, at) + text.slice(at, end).replace(/^\t[\d.,]+$/gm, '\t\u00a0') + text.slice(end);
}

async function notCompared(name: string, text: string): Promise<{ line: string; notCompared: unknown }> {
  const file = join(dir, name);
  writeFileSync(file, text);
  const json = JSON.parse((await cli(['validate', file, '--format', 'json'])).stdout) as { files: Array<{ coverage: { notCompared?: unknown } }> };
  const line = (await cli(['validate', file], { env: { NO_COLOR: '1' } })).stdout.split('\n')[0]!;
  return { line, notCompared: json.files[0]!.coverage.notCompared };
}

describe("a plan document's indicators compared with nothing", () => {
  // The start and end counts and rates blank: the annex's fall in points is set against no other figure of the table.
  const fallAlone = ['Số hộ nghèo đầu năm', 'Số hộ nghèo giảm trong năm', 'Số hộ nghèo cuối năm', '- Đầu năm', '- Cuối năm'].reduce(blankRow, SEED_PLAN);

  it('names them in the JSON coverage and the verdict, with the cell of their label in the table', async () => {
    const r = await notCompared('fall-alone.txt', fallAlone.replace('giảm 2,06% (từ 11,8% xuống còn 9,74%)', 'giảm mạnh'));
    expect(r.notCompared).toEqual([{ indicator: 'rate_reduced', label: 'Mức giảm tỷ lệ hộ nghèo', cell: 'T1R8C2' }]);
    expect(r.line).toContain('đọc được nhưng không đối chiếu với số liệu nào khác: Mức giảm tỷ lệ hộ nghèo (T1R8C2)');
  });

  it('leaves out one a sentence of the text compared (the seed: "giảm 2,06%" against the total\'s fall)', async () => {
    const r = await notCompared('fall-stated.txt', fallAlone);
    expect(r.notCompared).toEqual([]);
    expect(r.line).not.toContain('không đối chiếu');
  });

  it('the seed plan itself: every figure compared', async () => {
    expect((await notCompared('seed.txt', SEED_PLAN)).notCompared).toEqual([]);
  });
});
