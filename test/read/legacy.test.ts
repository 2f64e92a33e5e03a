/**
 * Legacy Vietnamese encodings: detected and refused with the likely encoding named; read with --encoding.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { detectLegacyText } from '../../src/read/legacy.js';
import { PovcheckError } from '../../src/errors.js';
import { FIXTURES, checkBytes, cli } from '../helpers.js';

const SEED_TEXT = decodeBytes(readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'))).text;

function refusal(bytes: Uint8Array): PovcheckError {
  try {
    decodeBytes(bytes);
  } catch (e) {
    if (e instanceof PovcheckError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each([
  ['windows-1258', 'legacy/windows-1258.csv'],
  ['tcvn3', 'legacy/tcvn3.csv'],
  ['vni', 'legacy/vni.csv'],
  ['tcvn3', 'legacy/utf8-typed-in-tcvn3-font.csv'],
] as const)('%s (%s)', (enc, file) => {
  const bytes = readFileSync(join(FIXTURES, file));

  it('is refused by default, naming the encoding and showing a sample', async () => {
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
