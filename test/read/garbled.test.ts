/**
 * Letters lost (`?`) or garbled (UTF-8 opened as Windows-1252) in a save: named with a word from the file, not
 * "a legacy encoding" (whose --encoding would not bring them back) nor "no poverty-table indicator found".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { garbledText } from '../../src/read/garbled.js';
import { gridFromAnyBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { PovcheckError } from '../../src/errors.js';
import { cli, decodeRefusal, FIXTURES } from '../helpers.js';

const SEED = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');


async function codeOf(bytes: Uint8Array): Promise<string> {
  try {
    checkGrid(await gridFromAnyBytes(bytes, { name: 't.csv' }));
    return 'read';
  } catch (e) {
    if (e instanceof PovcheckError) return `${e.code}${'how' in e.params ? `:${String(e.params.how)}` : ''}`;
    throw e;
  }
}

describe('garbledText', () => {
  it('names letters lost to "?" and UTF-8 read as Windows-1252, with a word', () => {
    expect(garbledText('T?ng s? h? c?a to?n t?nh ??u n?m;H?;210.299')).toMatchObject({ how: 'lost' });
    expect(garbledText('Tá»•ng sá»‘ há»™ cá»§a toÃ n tá»‰nh Ä‘áº§u nÄƒm')).toMatchObject({ how: 'mojibake' });
    expect(garbledText('Tá»•ng sá»‘ há»™ cá»§a toÃ n tá»‰nh Ä‘áº§u nÄƒm')!.sample).toMatch(/Ã|á»|Ä/);
  });

  it('leaves text with a Vietnamese letter and a few question marks, English text and fewer than five words alone', () => {
    expect(garbledText('Số hộ nghèo? Có? Không? Vì sao? Bao nhiêu? Ở đâu?')).toBeUndefined();
    expect(garbledText('Unit;Households;Poor?;Rate?;Note?')).toBeUndefined();
    expect(garbledText('T?ng s? h?')).toBeUndefined();
    expect(garbledText('Hà Nội;Thái Bình;Đà Nẵng;Bà Rịa – Vũng Tàu;Thừa Thiên Huế')).toBeUndefined();
    expect(garbledText('Ca Mau;Bac Lieu;Soc Trang;Tra Vinh;Ben Tre')).toBeUndefined();
  });
});

describe('a table whose letters did not survive a save', () => {
  it('Windows-1252 bytes with "?" for the letters it lacks: TEXT_GARBLED lost, not a legacy encoding', async () => {
    expect(await codeOf(readFileSync(join(FIXTURES, 'legacy', 'cp1252-letters-lost.csv')))).toBe('TEXT_GARBLED:lost');
    // Windows-1258, which has the letters, is read as what it is; TCVN3 is the legacy encoding it is.
    expect(await codeOf(readFileSync(join(FIXTURES, 'legacy', 'windows-1258.csv')))).toBe('read');
    expect(await codeOf(readFileSync(join(FIXTURES, 'legacy', 'tcvn3.csv')))).toBe('ENCODING_LEGACY');
  });

  it('Windows-1258 without the letters it has no one byte for (Excel\'s plain "CSV" on a Vietnamese Windows): lost, saying so', async () => {
    const bytes = readFileSync(join(FIXTURES, 'legacy', 'windows-1258-letters-lost.csv'));
    expect(await codeOf(bytes)).toBe('TEXT_GARBLED:lost');
    const e = decodeRefusal(bytes);
    expect(e.params).toEqual({ how: 'lost', codePage: 'windows-1258', sample: 't?nh' });
    const en = await cli(['validate', 'fixtures/legacy/windows-1258-letters-lost.csv', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toContain('the Vietnamese letters Windows-1258 has no one byte for were replaced by "?" when the file was saved (e.g. "t?nh"): it was most likely saved as Excel\'s plain "CSV" on a Vietnamese Windows');
    // A Windows-1252 save of the same table lost ă ơ ư đ too: no code page said.
    expect(decodeRefusal(readFileSync(join(FIXTURES, 'legacy', 'cp1252-letters-lost.csv'))).params).not.toHaveProperty('codePage');
  });

  it('ASCII with "?" for every letter beyond it: TEXT_GARBLED lost, not "no indicator"', async () => {
    const ascii = Buffer.from(SEED.replace(/[^\x00-\x7f]/g, '?'), 'latin1');
    expect(await codeOf(ascii)).toBe('TEXT_GARBLED:lost');
  });

  it('UTF-8 opened as Windows-1252 and saved again: TEXT_GARBLED mojibake', async () => {
    expect(await codeOf(readFileSync(join(FIXTURES, 'legacy', 'utf8-opened-as-cp1252.csv')))).toBe('TEXT_GARBLED:mojibake');
  });

  it('the seed and an English table are read as before', async () => {
    expect(await codeOf(Buffer.from(SEED, 'utf8'))).toBe('read');
    expect(await codeOf(Buffer.from('unit,households_start,poor_start\nTotal,30,3\nA?,10,1\nB?,20,2\n', 'utf8'))).toBe('read');
  });

  it('the CLI says it in one line, exit 2, in both languages', async () => {
    const en = await cli(['validate', 'fixtures/legacy/cp1252-letters-lost.csv', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout + en.stderr).toMatch(/the Vietnamese letters were replaced by "\?" when the file was saved \(e\.g\. "[^"]*\?[^"]*"\)/);
    const vi = await cli(['validate', 'fixtures/legacy/utf8-opened-as-cp1252.csv', '--lang', 'vi']);
    expect(vi.code).toBe(2);
    expect(vi.stdout + vi.stderr).toMatch(/các chữ cái tiếng Việt bị lỗi phông/);
  });
});
