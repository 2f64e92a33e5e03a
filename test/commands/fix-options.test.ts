/** `fix`'s flags → one FixRun (pure). */
import { describe, expect, it } from 'vitest';
import { resolveFix } from '../../src/commands/fix-options.js';

describe('resolveFix', () => {
  it('needs an output file: -o / --output-file, else the older --output', () => {
    expect(resolveFix('a.csv', {})).toBeUndefined();
    expect(resolveFix('a.csv', { output: 'old.csv' })?.output).toBe('old.csv');
    expect(resolveFix('a.csv', { outputFile: 'new.csv', output: 'old.csv' })?.output).toBe('new.csv');
  });

  it('keeps only the options given; the copy keeps the input encoding unless one is named', () => {
    expect(resolveFix('a.csv', { outputFile: 'b.csv' })).toEqual({ file: 'a.csv', output: 'b.csv', read: {}, encoding: 'auto' });
    expect(resolveFix('a.csv', { outputFile: 'b.csv', delimiter: 'semicolon', encoding: 'utf-16le', locale: 'en', lang: 'vi', color: false })).toEqual({
      file: 'a.csv',
      output: 'b.csv',
      read: { delimiter: ';', encoding: 'utf-16le' },
      encoding: 'utf-16le',
      locale: 'en',
      lang: 'vi',
      color: false,
    });
  });

  it('refuses a copy named as another kind of file, except of a workbook (refused when read, with its reason)', () => {
    expect(() => resolveFix('a.csv', { outputFile: 'b.xlsx' })).toThrow(expect.objectContaining({ code: 'OUTPUT_EXTENSION' }));
    expect(() => resolveFix('a.tsv', { outputFile: 'b.docx' })).toThrow(expect.objectContaining({ code: 'OUTPUT_EXTENSION' }));
    for (const input of ['a.xlsx', 'a.xlsm', 'Phụ lục.XLSM']) expect(resolveFix(input, { outputFile: 'b.xlsx' })?.output).toBe('b.xlsx');
  });
});
