/** `table`, `plan` and `rate`: their flags → one resolved run each (pure). */
import { describe, expect, it } from 'vitest';
import { resolveInput } from '../../src/commands/calc-shared.js';
import { parseDate, resolveTable } from '../../src/commands/table-options.js';
import { resolvePlan } from '../../src/commands/plan-options.js';
import { resolveRate } from '../../src/commands/rate.js';

const noTerminal = { isTTY: () => false, width: () => 80 };

describe('resolveInput', () => {
  it('-o, then the older --out and --output; only the options given', () => {
    expect(resolveInput('a.csv', { total: 'auto' })).toEqual({ file: 'a.csv', read: {}, total: 'auto' });
    expect(resolveInput('a.csv', { total: 'none', out: 'o1', output: 'o2' }).output).toBe('o1');
    expect(resolveInput('a.csv', { total: 'first', outputFile: 'o0', out: 'o1', delimiter: 'tab', encoding: 'utf-8', inputLocale: 'en', locale: 'vi', lang: 'en' })).toEqual({
      file: 'a.csv',
      output: 'o0',
      read: { delimiter: '\t', encoding: 'utf-8' },
      inputLocale: 'en',
      locale: 'vi',
      lang: 'en',
      total: 'first',
    });
  });
});

describe('resolveTable', () => {
  it('xlsx, docx and html need an output file on a terminal; redirected, they go to stdout', () => {
    const terminal = { isTTY: () => true, width: () => 80 };
    for (const format of ['xlsx', 'docx', 'html'] as const) {
      expect(() => resolveTable('a.csv', { format, total: 'auto' }, terminal)).toThrow(expect.objectContaining({ code: 'OUTPUT_REQUIRED' }));
      expect(resolveTable('a.csv', { format, total: 'auto' }, noTerminal).input.output).toBeUndefined();
      expect(resolveTable('a.csv', { format, total: 'auto', outputFile: 'x' }, noTerminal).input.output).toBe('x');
    }
  });

  it('fits a text table to the terminal only when it goes to one and --transpose is not given', () => {
    let asked = 0;
    const terminal = { isTTY: () => (asked++, true), width: () => 100 };
    expect(resolveTable('a.csv', { format: 'text', total: 'auto' }, terminal).fitWidth).toBe(100);
    expect(resolveTable('a.csv', { format: 'text', total: 'auto', transpose: false }, terminal).fitWidth).toBeUndefined();
    expect(resolveTable('a.csv', { format: 'text', total: 'auto', outputFile: 't.txt' }, terminal).fitWidth).toBeUndefined();
    expect(resolveTable('a.csv', { format: 'markdown', total: 'auto' }, terminal).fitWidth).toBeUndefined();
    expect(resolveTable('a.csv', { format: 'text', total: 'auto' }, noTerminal).fitWidth).toBeUndefined();
    // The terminal is asked about only when a text table goes to stdout untransposed.
    expect(asked).toBe(1);
  });

  it('the layout: title, date, source when given; --strict', () => {
    const date = parseDate('31/12/2020')!;
    const r = resolveTable('a.csv', { format: 'csv', total: 'auto', transpose: true, title: 'Phụ lục', date, source: 'Sở LĐTBXH', strict: true }, noTerminal);
    expect(r).toEqual({ input: { file: 'a.csv', read: {}, total: 'auto' }, format: 'csv', transpose: true, layout: { title: 'Phụ lục', date, source: 'Sở LĐTBXH' }, strict: true });
    expect(resolveTable('a.csv', { format: 'csv', total: 'auto', title: '' }, noTerminal).layout).toEqual({});
  });

  it('parseDate: ISO or day first, real dates only', () => {
    expect(parseDate('2020-12-31')).toEqual({ year: 2020, month: 12, day: 31 });
    expect(parseDate('31.12.2020')).toEqual({ year: 2020, month: 12, day: 31 });
    expect(parseDate('31/02/2020')).toBeUndefined();
    expect(parseDate('12/31/2020')).toBeUndefined();
  });
});

describe('resolvePlan', () => {
  it('the targets file and each --target kept for the run, which reads them in that order', () => {
    expect(resolvePlan('a.csv', { format: 'text', total: 'auto' })).toEqual({ input: { file: 'a.csv', read: {}, total: 'auto' }, format: 'text', targetArgs: [], transpose: false });
    expect(resolvePlan('a.csv', { format: 'json', total: 'none', targets: 't.json', target: ['Na Hang=4'], transpose: true, title: 'Kế hoạch' })).toEqual({
      input: { file: 'a.csv', read: {}, total: 'none' },
      format: 'json',
      targetsFile: 't.json',
      targetArgs: ['Na Hang=4'],
      transpose: true,
      title: 'Kế hoạch',
    });
  });
});

describe('resolveRate', () => {
  it('--lang, else the environment; --locale, else the language', () => {
    expect(resolveRate('1', '2', {}, { LANG: 'vi_VN.UTF-8' })).toEqual({ poor: '1', households: '2', exact: false, lang: 'vi', locale: 'vi' });
    expect(resolveRate('1', '2', { exact: true, lang: 'en' }, { LANG: 'vi_VN.UTF-8' })).toMatchObject({ exact: true, lang: 'en', locale: 'en' });
    expect(resolveRate('1', '2', { locale: 'en' }, {})).toMatchObject({ lang: 'en', locale: 'en' });
    expect(resolveRate('1', '2', { locale: 'vi' }, {})).toMatchObject({ lang: 'en', locale: 'vi' });
  });

  it('--decimals: a whole number from 0 to 6; anything else refused in the command\'s language (the default is left to the line: two)', () => {
    expect(resolveRate('1', '2', { decimals: '1' }, {})).toMatchObject({ decimals: 1 });
    expect(resolveRate('1', '2', { decimals: '0' }, {})).toMatchObject({ decimals: 0 });
    expect(resolveRate('1', '2', { decimals: '6' }, {})).toMatchObject({ decimals: 6 });
    expect(resolveRate('1', '2', {}, {})).not.toHaveProperty('decimals');
    for (const bad of ['7', '-1', '1.5', '1,0', 'abc', '']) {
      expect(() => resolveRate('1', '2', { decimals: bad }, {}), bad).toThrow(expect.objectContaining({ code: 'BAD_OPTION', params: { reason: 'decimals', value: bad, max: 6 } }));
    }
    expect(() => resolveRate('1', '2', { decimals: 'x' }, { LANG: 'vi_VN.UTF-8' })).toThrow(expect.objectContaining({ lang: 'vi' }));
  });
});
