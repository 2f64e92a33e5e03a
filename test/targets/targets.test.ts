/** The targets format shared by `plan` and later target checks. */
import { describe, expect, it } from 'vitest';
import { parseTargetArg, parseTargetArgs, parseTargets, resolveTargetUnit } from '../../src/targets/index.js';
import { PovcheckError } from '../../src/errors.js';
import { renderError } from '../../src/messages/index.js';
import type { Unit } from '../../src/model/annex.js';
import { unitKey } from '../../src/shape/normalize.js';

const unit = (id: number, name: string, isTotal = false): Unit => ({ id, name, key: unitKey(name), isTotal });
const UNITS = [unit(0, 'Toàn tỉnh', true), unit(1, 'Na Hang'), unit(2, 'Lâm Bình'), unit(3, 'TP Tuyên Quang')];

function code(f: () => unknown): { code: string; params: unknown } {
  try {
    f();
  } catch (e) {
    if (e instanceof PovcheckError) return { code: e.code, params: e.params };
    throw e;
  }
  throw new Error('did not throw');
}

describe('parseTargets', () => {
  it('reads the documented format', () => {
    const t = parseTargets('\ufeff{"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},{"unit":"total","indicator":"rate_reduced","op":">=","value":"2.06"}]}');
    expect(t.map((x) => [x.unit, x.indicator, x.op, x.value, x.num.toFixed(2)])).toEqual([
      ['Na Hang', 'rate_reduced', '>=', '4', '4.00'],
      ['total', 'rate_reduced', '>=', '2.06', '2.06'],
    ]);
  });

  it('accepts every op and indicator key', () => {
    for (const op of ['>=', '<=', '=']) {
      expect(parseTargets(`{"targets":[{"unit":"x","indicator":"rate_end","op":"${op}","value":"10"}]}`)[0]!.op).toBe(op);
    }
  });

  it.each([
    ['not json', '{"targets": [', { reason: 'json' }],
    ['no list', '{"target": []}', { reason: 'shape' }],
    ['a list only', '[]', { reason: 'shape' }],
    ['no unit', '{"targets":[{"indicator":"rate_reduced","op":">=","value":"4"}]}', { reason: 'field', index: 1, field: 'unit' }],
    ['unknown indicator', '{"targets":[{"unit":"a","indicator":"rate","op":">=","value":"4"}]}', { reason: 'field', index: 1, field: 'indicator', text: 'rate' }],
    ['bad op', '{"targets":[{"unit":"a","indicator":"rate_end","op":"=>","value":"4"}]}', { reason: 'field', field: 'op', text: '=>' }],
    ['strict op', '{"targets":[{"unit":"a","indicator":"rate_end","op":"<","value":"4"}]}', { reason: 'field', field: 'op', text: '<' }],
    ['number value', '{"targets":[{"unit":"a","indicator":"rate_end","op":">=","value":4}]}', { reason: 'field', field: 'value', text: '4' }],
    ['locale value', '{"targets":[{"unit":"a","indicator":"rate_end","op":">=","value":"2,06"}]}', { reason: 'field', field: 'value', text: '2,06' }],
    ['second entry', '{"targets":[{"unit":"a","indicator":"rate_end","op":">=","value":"1"},{"unit":"b"}]}', { reason: 'field', index: 2, field: 'indicator' }],
  ])('%s → TARGETS_INVALID', (_n, text, params) => {
    const r = code(() => parseTargets(text));
    expect(r.code).toBe('TARGETS_INVALID');
    expect(r.params).toMatchObject(params);
  });

  it('says where the text stops being JSON (line and column), which V8 says for few mistakes', () => {
    expect(code(() => parseTargets('{"targets":[\n  {"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},\n]}'))).toMatchObject({
      code: 'TARGETS_INVALID',
      params: { reason: 'json', line: 3, column: 1 },
    });
    expect(code(() => parseTargets('{"targets": ['))).toMatchObject({ params: { reason: 'json', line: 1, column: 14 } });
  });

  it('with its source, each target remembers it, its place and, in a file of several lines, its entry\'s line; a field error gives the line', () => {
    const text = '{"targets":[\n  {"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"},\n\n  {"unit":"total",\n   "indicator":"rate_reduced","op":">=","value":"2.06"}\n]}\n';
    expect(parseTargets(text, 't.json').map((t) => t.origin)).toEqual([
      { source: 't.json', index: 1, line: 2 },
      { source: 't.json', index: 2, line: 4 },
    ]);
    expect(parseTargets(text)[0]).not.toHaveProperty('origin');
    expect(parseTargets('{"targets":[{"unit":"a","indicator":"rate_end","op":">=","value":"1"}]}', 't.json')[0]!.origin).toEqual({ source: 't.json', index: 1 });
    expect(code(() => parseTargets(text.replace('"2.06"', '"2,06"'), 't.json'))).toMatchObject({ params: { reason: 'field', index: 2, field: 'value', line: 4 } });
  });
});

describe('parseTargetArg', () => {
  it('is a lower bound on the fall in points; "." or "," as the decimal mark', () => {
    expect(parseTargetArg('Na Hang=4')).toMatchObject({ unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' });
    expect(parseTargetArg('total = 2,06').value).toBe('2.06');
    expect(parseTargetArg('Lâm Bình=4.00').value).toBe('4.00');
    expect(parseTargetArg('Na Hang=4')).not.toHaveProperty('origin');
    expect(parseTargetArgs(['Na Hang=4', 'total=2']).map((t) => t.origin)).toEqual([{ source: '--target', index: 1 }, { source: '--target', index: 2 }]);
  });
  it.each(['Na Hang', '=4', 'Na Hang=four', 'Na Hang=4.'])('refuses %j', (arg) => {
    expect(code(() => parseTargetArg(arg))).toMatchObject({ code: 'TARGETS_INVALID', params: { reason: 'arg', text: arg } });
  });
});

describe('resolveTargetUnit', () => {
  it('matches names case-insensitively, a name typed without marks standing for the marked one', () => {
    expect(resolveTargetUnit('lam binh', UNITS, UNITS[0])).toBe(UNITS[2]);
    expect(resolveTargetUnit('NA HANG', UNITS, UNITS[0])).toBe(UNITS[1]);
    expect(resolveTargetUnit('TP Tuyên  Quang', UNITS, UNITS[0])).toBe(UNITS[3]);
  });
  it('"total", the total\'s name, or another total word is the total', () => {
    expect(resolveTargetUnit('total', UNITS, UNITS[0])).toBe(UNITS[0]);
    expect(resolveTargetUnit('toan tinh', UNITS, UNITS[0])).toBe(UNITS[0]);
    const added = unit(4, 'Tổng cộng', true);
    expect(resolveTargetUnit('Toàn tỉnh', UNITS.slice(1), added)).toBe(added);
  });
  it('without a total, "total" names nothing', () => {
    expect(code(() => resolveTargetUnit('total', UNITS.slice(1)))).toMatchObject({ code: 'TARGET_UNIT', params: { known: ['Na Hang', 'Lâm Bình', 'TP Tuyên Quang'] } });
  });
  it('a name with other marks is another place, not the unit of its letters (Tân Hóa is not Tân Hòa)', () => {
    const communes = [unit(0, 'Toàn huyện', true), unit(1, 'Tân Hòa'), unit(2, 'Tân Hóa'), unit(3, 'Thủy Nguyên')];
    expect(resolveTargetUnit('Tân Hóa', communes, communes[0])).toBe(communes[2]);
    expect(resolveTargetUnit('tân hoá', communes, communes[0])).toBe(communes[2]);
    expect(resolveTargetUnit('Tân Hoà', communes, communes[0])).toBe(communes[1]);
    expect(resolveTargetUnit('Thuỷ Nguyên', communes, communes[0])).toBe(communes[3]);
    // Without marks it could be either: the two named, none taken.
    expect(code(() => resolveTargetUnit('Tan Hoa', communes, communes[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { unit: 'Tan Hoa', candidates: ['Tân Hòa', 'Tân Hóa'] } });
    // Marks no unit has: no unit, the units named (Tân Hòa among them), never the one of the same letters.
    expect(code(() => resolveTargetUnit('Tấn Hòa', communes.slice(0, 2), communes[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { known: ['total', 'Toàn huyện', 'Tân Hòa'] } });
  });

  it('a name with or without its level word is the unit the other way (Chiêm Hóa, Huyện Chiêm Hoá: the tone mark\'s old and new places too), as --series matches years', () => {
    const districts = [unit(0, 'Toàn tỉnh', true), unit(1, 'Huyện Chiêm Hoá'), unit(2, 'Na Hang'), unit(3, 'TP Tuyên Quang')];
    expect(resolveTargetUnit('Chiêm Hóa', districts, districts[0])).toBe(districts[1]);
    expect(resolveTargetUnit('chiem hoa', districts, districts[0])).toBe(districts[1]);
    expect(resolveTargetUnit('Huyện Na Hang', districts, districts[0])).toBe(districts[2]);
    // A province bears its capital's name: a bare name is asked about, never taken for the city.
    expect(code(() => resolveTargetUnit('Tuyên Quang', districts, districts[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { candidates: ['TP Tuyên Quang'], city: true } });
    expect(resolveTargetUnit('TP Tuyên Quang', districts, districts[0])).toBe(districts[3]);
    const city = code(() => resolveTargetUnit('Tuyên Quang', districts, districts[0])) as PovcheckError;
    expect(renderError(city, 'vi')).toBe('"Tuyên Quang" có thể là "TP Tuyên Quang": tỉnh và thành phố tỉnh lỵ trùng tên: ghi "TP Tuyên Quang" nếu là thành phố, hoặc "total" nếu là đơn vị tổng của bảng');
    // A name whose first word only looks like a level word (Quan Sơn: Quận) is compared whole too.
    const quan = [unit(0, 'Toàn tỉnh', true), unit(1, 'Huyện Quan Sơn'), unit(2, 'Huyện Buôn Đôn')];
    expect(resolveTargetUnit('Quan Sơn', quan, quan[0])).toBe(quan[1]);
    expect(resolveTargetUnit('Buôn Đôn', quan, quan[0])).toBe(quan[2]);
    // Marks that say another place still do (Chiêm Hòa is not Chiêm Hóa); two level words are a change of level, not one unit.
    expect(code(() => resolveTargetUnit('Chiêm Hòa', districts, districts[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { known: expect.arrayContaining(['Huyện Chiêm Hoá']) } });
    expect(code(() => resolveTargetUnit('Thị xã Chiêm Hóa', districts, districts[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { known: expect.arrayContaining(['Huyện Chiêm Hoá']) } });
  });

  it('a name without its level word that fits units of two levels (a district and its town) is asked about, never guessed; the name as written wins', () => {
    const both = [unit(0, 'Toàn tỉnh', true), unit(1, 'Huyện Na Hang'), unit(2, 'Thị trấn Na Hang'), unit(3, 'Chiêm Hóa'), unit(4, 'Thị trấn Chiêm Hóa')];
    expect(code(() => resolveTargetUnit('Na Hang', both, both[0]))).toMatchObject({ code: 'TARGET_UNIT', params: { unit: 'Na Hang', known: [], candidates: ['Huyện Na Hang', 'Thị trấn Na Hang'], level: true } });
    expect(resolveTargetUnit('huyen na hang', both, both[0])).toBe(both[1]);
    expect(resolveTargetUnit('TT Na Hang', both, both[0])).toBe(both[2]);
    expect(resolveTargetUnit('Chiêm Hóa', both, both[0])).toBe(both[3]);
    // Huyện Chiêm Hóa is the unit written without a level word, not the town (which has another).
    expect(resolveTargetUnit('Huyện Chiêm Hóa', both, both[0])).toBe(both[3]);
  });

  it('names the known units when nothing matches', () => {
    expect(code(() => resolveTargetUnit('Na Hng', UNITS, UNITS[0]))).toMatchObject({
      code: 'TARGET_UNIT',
      params: { unit: 'Na Hng', known: ['total', 'Toàn tỉnh', 'Na Hang', 'Lâm Bình', 'TP Tuyên Quang'] },
    });
  });
});
