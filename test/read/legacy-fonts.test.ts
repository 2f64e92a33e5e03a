/**
 * A workbook's text typed in a legacy Vietnamese font (read/legacy-fonts.ts): refused naming the font, read as
 * Unicode with `--encoding tcvn3|vni`; Unicode workbooks left as they are under a named font.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../src/check-grid.js';
import type { PovcheckError } from '../../src/errors.js';
import type { Grid } from '../../src/model/grid.js';
import { gridFromAnyBytes, gridFromBytes, inputFromBytes } from '../../src/read/index.js';
import { cli, FIXTURES } from '../helpers.js';
import { biff, DEFAULT_XF, defaultGlobals, xlsFile } from './xls-writer.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const SEED = () => gridFromBytes(fixture('tuyen-quang-2020.csv'));
/** A grid's words (its labels and names, not its numbers), row by row. */
const texts = (g: Grid) => g.rows.map((r) => Array.from(r ?? [], (c) => (c && /\p{L}/u.test(c.raw) ? c.raw : '')).join('|').replace(/\|+$/, ''));
/** What the checks say, and of which unit (the numbers' decimals aside: LibreOffice's import of the CSV shows 2,10 as 2,1). */
const verdict = (g: Grid) => checkGrid(g).findings.map((f) => `${f.rule} ${f.severity} ${f.at?.ref} ${f.unit}`);

const FONTS: Array<[string, 'tcvn3' | 'vni', string]> = [
  ['legacy/tuyen-quang-2020-vntime.xlsx', 'tcvn3', 'ChØ tiªu'],
  ['legacy/tuyen-quang-2020-vntime.xls', 'tcvn3', 'ChØ tiªu'],
  ['legacy/tuyen-quang-2020-vni-times.xlsx', 'vni', 'Chæ tieâu'],
];

describe('workbooks typed in a legacy font', () => {
  it.each(FONTS)('%s is refused naming the font (%s), with a sample of its text', async (file, likely, sample) => {
    const e = await gridFromAnyBytes(fixture(file)).catch((x: PovcheckError) => x);
    expect(e).toMatchObject({ code: 'ENCODING_LEGACY', params: { likely, sample, workbook: true } });
  });

  it.each(FONTS)('%s with --encoding %s reads as the seed: the same labels and names, the same findings', async (file, encoding) => {
    const g = await gridFromAnyBytes(fixture(file), { encoding });
    expect(g.source).toMatchObject({ kind: 'workbook', legacyFont: encoding });
    const seed = SEED();
    expect(texts(g)).toEqual(texts(seed));
    expect(verdict(g)).toEqual(verdict(seed));
  });

  it('a Unicode workbook under a named font is left as it is (a CI job naming the font for a whole folder)', async () => {
    for (const file of ['xlsx/tuyen-quang-2020.xlsx', 'xls/tuyen-quang-2020.xls']) {
      const plain = await gridFromAnyBytes(fixture(file));
      expect(await gridFromAnyBytes(fixture(file), { encoding: 'tcvn3' })).toEqual(plain);
    }
  });

  it('in a workbook typed in a font, a cell holding Unicode-only letters (a name typed later) is kept as typed', async () => {
    const strings = ['Tæng sè hé', 'Xã Đà Vị', 'Sè hé nghÌo', 'L©m B×nh'];
    const bytes = xlsFile([{ name: 'S', records: strings.map((_, i) => biff.labelSst(i, 0, DEFAULT_XF, i)) }], [...defaultGlobals(), ...biff.sst(strings)]);
    const g = await gridFromAnyBytes(bytes, { encoding: 'tcvn3' });
    expect(g.rows.map((r) => r[0]?.raw)).toEqual(['Tổng số hộ', 'Xã Đà Vị', 'Số hộ nghèo', 'Lâm Bình']);
  });

  it('validate: one line naming the font and the flag, exit 2; with the flag the read line says what was converted', async () => {
    const file = join(FIXTURES, 'legacy', 'tuyen-quang-2020-vntime.xls');
    const refused = await cli(['validate', file, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`the workbook's text is typed in a legacy Vietnamese font (most likely TCVN3/ABC, fonts .VnTime), e.g. "ChØ tiªu"; read it with --encoding tcvn3`);
    const read = await cli(['validate', file, '--lang', 'en', '--encoding', 'tcvn3']);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('text typed in a TCVN3 font (.VnTime) read as Unicode (--encoding tcvn3)');
  });
});

describe('a Word plan typed in .VnTime (fixtures/plans/legacy/: the seed plan as a TCVN3 font stores it, capitals in .VnTimeH)', () => {
  /** What validate finds, and where: rule, severity, cell or paragraph, unit. */
  const findings = (stdout: string) =>
    (JSON.parse(stdout) as { files: Array<{ findings: Array<Record<string, unknown>> }> }).files[0]!.findings.map((f) => [f.rule, f.severity, f.cell, f.paragraph, f.unit, f.expected, f.actual].join(' '));

  for (const name of ['ke-hoach-giam-ngheo-2020-vntime.docx', 'ke-hoach-giam-ngheo-2020-vntime.doc']) {
    it(`${name}: refused naming the font; with --encoding tcvn3 the seed plan's findings, every one`, async () => {
      const file = join(FIXTURES, 'plans', 'legacy', name);
      const refused = await cli(['validate', file, '--lang', 'en']);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain(`the document's text is typed in a legacy Vietnamese font (most likely TCVN3/ABC, fonts .VnTime), e.g. "kÕ ho¹ch"; read it with --encoding tcvn3`);
      const read = await cli(['validate', file, '--encoding', 'tcvn3', '--format', 'json']);
      const seed = await cli(['validate', join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.docx'), '--format', 'json']);
      expect(read.code).toBe(1);
      expect(findings(read.stdout)).toEqual(findings(seed.stdout));
      expect(JSON.parse(read.stdout).files[0].source).toMatchObject({ legacyFont: 'tcvn3' });
    });
  }

  it('headings typed in .VnTimeH (stored in small letters, drawn as capitals) read in capitals, so they are headings', async () => {
    for (const name of ['ke-hoach-giam-ngheo-2020-vntime.docx', 'ke-hoach-giam-ngheo-2020-vntime.doc']) {
      const input = await inputFromBytes(fixture(join('plans', 'legacy', name)), { name, encoding: 'tcvn3' });
      const doc = input.kind === 'document' ? input.document : undefined;
      expect(doc?.paragraphs[0]?.text).toBe('KẾ HOẠCH');
      expect(doc?.paragraphs.filter((p) => p.heading).map((p) => p.text)).toEqual(expect.arrayContaining(['I. MỤC TIÊU', 'III. KINH PHÍ THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN']));
      expect(doc?.paragraphs.find((p) => p.text.startsWith('- Dự án 1.'))?.section).toBe('III. KINH PHÍ THỰC HIỆN');
      expect(JSON.stringify(doc)).not.toMatch(/[\ue000\ue001]/u);
    }
  });

  it('a Unicode plan under --encoding tcvn3 is read as it is (a folder run names the font once for all)', async () => {
    const read = await cli(['validate', join(FIXTURES, 'plans', 'doc', 'ke-hoach-giam-ngheo-2020.doc'), '--encoding', 'tcvn3', '--format', 'json']);
    const plain = await cli(['validate', join(FIXTURES, 'plans', 'doc', 'ke-hoach-giam-ngheo-2020.doc'), '--format', 'json']);
    expect(findings(read.stdout)).toEqual(findings(plain.stdout));
    expect(JSON.parse(read.stdout).files[0].source.legacyFont).toBeUndefined();
  });
});
