/**
 * Legacy Vietnamese encodings: TCVN3 and VNI detected and refused with the likely encoding named; read with
 * --encoding. Windows-1258 (Excel's plain "CSV" on a Vietnamese Windows) read without it when nothing else can be
 * meant; a named legacy encoding leaves Unicode Vietnamese as it is.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { detectLegacyText } from '../../src/read/legacy.js';
import { FIXTURES, checkBytes, cli, decodeRefusal, fixtures } from '../helpers.js';

const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(text: string, enc: string): Buffer };
const LEGACY = ['windows-1258', 'tcvn3', 'vni'] as const;

const SEED_TEXT = decodeBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'))).text;

const refusal = decodeRefusal;

describe.each([
  ['windows-1258', 'legacy/windows-1258.csv'],
  ['tcvn3', 'legacy/tcvn3.csv'],
  ['vni', 'legacy/vni.csv'],
  ['tcvn3', 'legacy/utf8-typed-in-tcvn3-font.csv'],
] as const)('%s (%s)', (enc, file) => {
  const bytes = readFileSync(join(FIXTURES, file));

  it(enc === 'windows-1258' ? 'is read by default' : 'is refused by default, naming the encoding and showing a sample', async () => {
    if (enc === 'windows-1258') {
      expect(decodeBytes(bytes).encoding).toBe(enc);
      return;
    }
    const e = refusal(bytes);
    expect(e.code).toBe('ENCODING_LEGACY');
    expect(e.params).toMatchObject({ likely: enc });
    expect((e.params as { sample: string }).sample.length).toBeGreaterThan(2);
  });

  it('is read exactly as the Unicode original with --encoding', async () => {
    const { text, encoding } = decodeBytes(bytes, enc);
    expect(encoding).toBe(enc);
    expect(text.normalize('NFC')).toBe(SEED_TEXT.replace(/\r\n/g, '\r\n'));
    const r = checkBytes(Buffer.from(text, 'utf8'));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('Windows-1258 without --encoding', () => {
  const unicodeFixtures = ['tuyen-quang-2020.csv', ...['published', 'shapes', 'hand-made'].flatMap((d) => readdirSync(join(FIXTURES, d)).filter((f) => f.endsWith('.csv')).map((f) => join(d, f)))];

  it('the seed annex saved so is read as the Unicode original', () => {
    const { text, encoding, legacyFrom } = decodeBytes(readFileSync(join(FIXTURES, 'legacy', 'windows-1258.csv')));
    expect([encoding, legacyFrom]).toEqual(['windows-1258', 'bytes']);
    expect(text).toBe(SEED_TEXT);
  });

  it.each(unicodeFixtures)('%s saved in Windows-1258 reads as the Unicode original', (name) => {
    const original = decodeBytes(readFileSync(join(FIXTURES, name))).text.normalize('NFC');
    const cp1258 = iconv.encode(fixtures.toCp1258Form(original), 'cp1258');
    if (cp1258.every((b) => b < 0x80)) return; // ASCII: UTF-8 as well
    const { text, encoding } = decodeBytes(cp1258);
    expect(encoding).toBe('windows-1258');
    expect(text).toBe(original);
  });

  it('Windows-1252 text with accented letters but no Vietnamese words is not taken for it', () => {
    const latin = iconv.encode('Commune;Café;Zürich;São Paulo\nA;1;2;3\n', 'win1252');
    expect(refusal(latin).code).toBe('ENCODING_LEGACY');
  });
});

describe('a legacy --encoding over a folder of several encodings', () => {
  const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'));

  it.each(LEGACY)('--encoding %s reads Unicode Vietnamese (UTF-8, UTF-16) as it is', (enc) => {
    expect(decodeBytes(seed, enc)).toEqual({ text: SEED_TEXT, encoding: 'utf-8-bom' });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SEED_TEXT, 'utf16le')]);
    expect(decodeBytes(utf16, enc)).toEqual({ text: SEED_TEXT, encoding: 'utf-16le' });
  });

  it('the CLI reads a UTF-8 and a Windows-1258 file in one run with --encoding windows-1258', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-mixed-'));
    writeFileSync(join(dir, 'a.csv'), seed);
    writeFileSync(join(dir, 'b.csv'), readFileSync(join(FIXTURES, 'legacy', 'windows-1258.csv')));
    for (const args of [[], ['--encoding', 'windows-1258']]) {
      const r = await cli(['validate', dir, '--lang', 'en', '--no-table', ...args]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Read as: UTF-8 with BOM text');
      expect(r.stdout).toContain('Read as: Windows-1258 text (the code page of a Vietnamese Windows');
      expect(r.stdout).toContain('2 files (2 without errors');
    }
  });
});

describe('no false alarms', () => {
  it('leaves Unicode Vietnamese, English and plain ASCII alone', async () => {
    expect(detectLegacyText(SEED_TEXT)).toBeUndefined();
    expect(detectLegacyText('unit,households_start\nTotal,100\n')).toBeUndefined();
    expect(detectLegacyText('Đơn vị;Hòa;Hà Nội;Đà Lạt\n')).toBeUndefined();
    expect(detectLegacyText('Café, naïve, São Paulo, Zürich, 12 × 3\n')).toBeUndefined();
  });
});

describe('the CLI', () => {
  it('exits 2 with one line naming the encoding to use, and reads it with --encoding', async () => {
    const r = await cli(['validate', 'fixtures/legacy/vni.csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toContain('--encoding vni');
    expect((await cli(['validate', 'fixtures/legacy/vni.csv', '--encoding', 'vni', '--no-table'])).code).toBe(0);
  });
});
