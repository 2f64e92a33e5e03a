/**
 * render/source-refs.ts: the input's row numbers and column letters of a printed table, from where its cells were
 * read; and render/box.ts drawing them as a spreadsheet does, each letter over its column.
 */
import { describe, expect, it } from 'vitest';
import { sourceMargins } from '../../src/render/source-refs.js';
import { renderBox } from '../../src/render/box.js';
import type { Cell } from '../../src/model/grid.js';

const c = (ref: string, sheet?: string): Cell => ({ raw: '', ref, row: 0, col: 0, ...(sheet ? { sheet } : {}) });
const none = undefined;
type P = Cell | undefined;
const id = (x: P) => x;

describe('sourceMargins', () => {
  it('units as columns, printed as read: numbers on the rows, letters on the columns', () => {
    const m = sourceMargins<P>([none, c('D1'), c('E1')], [[none, c('D2'), c('E2')], [none, none, none], [none, c('D4'), c('E4')]], id)!;
    expect(m.swapped).toBe(false);
    expect(m.header).toBe('1');
    expect(m.rows).toEqual(['2', '', '4']);
    expect(m.columns).toEqual(['', 'D', 'E']);
    expect(m.placed(2, 2, c('E4'))).toBe(true);
  });

  it('printed the other way round: letters on the rows, numbers on the columns', () => {
    // Units in rows 5 and 6 of the input (names in B), printed as columns.
    const m = sourceMargins<P>([none, c('B5'), c('B6')], [[none, c('C5'), c('C6')], [none, c('D5'), c('D6')]], id)!;
    expect(m.swapped).toBe(true);
    expect(m.header).toBe('B');
    expect(m.rows).toEqual(['C', 'D']);
    expect(m.columns).toEqual(['', '5', '6']);
    expect(m.placed(1, 2, c('D6'))).toBe(true);
  });

  it('one unit printed down a column: its row over it, the letters on the rows', () => {
    const m = sourceMargins<P>([none, c('A2')], [[none, c('B2')], [none, c('C2')], [none, c('F2')]], id)!;
    expect(m.swapped).toBe(true);
    expect(m.columns).toEqual(['', '2']);
    expect(m.rows).toEqual(['B', 'C', 'F']);
  });

  it('a printed row over several input rows: their range when next to each other, else nothing, and its cells not placed', () => {
    const m = sourceMargins<P>([c('B1'), c('C1')], [[c('B2'), c('C3')], [c('B4'), c('C7')], [c('B8'), c('C8')]], id)!;
    expect(m.rows).toEqual(['2–3', '', '8']);
    expect(m.placed(1, 1, c('C7'))).toBe(false);
    expect(m.placed(0, 1, c('C3'))).toBe(false);
    expect(m.placed(2, 1, c('C8'))).toBe(true);
  });

  it('a printed column whose cells are nearly all from one input column: that letter; the others not placed (a row a split label moved right)', () => {
    // Rows 2–5 of D and E, row 4's figures one column right (E4, F4) as a label split by the delimiter leaves them.
    const m = sourceMargins<P>([none, c('D1'), c('E1')], [[c('B2'), c('D2'), c('E2')], [c('B3'), c('D3'), c('E3')], [c('B4'), c('E4'), c('F4')], [c('B5'), c('D5'), c('E5')]], id)!;
    expect(m.columns).toEqual(['B', 'D', 'E']);
    expect(m.placed(2, 1, c('E4'))).toBe(false);
    expect(m.placed(3, 1, c('D5'))).toBe(true);
    // Half and half is no majority: the range, as before.
    expect(sourceMargins<P>([c('B1')], [[c('B2'), c('C2')], [c('C3'), c('C4')]], id)!.columns).toEqual(['B–C', 'C']);
  });

  it('a label stands for its line only when the line shows no cell (a heading merged over two columns widens nothing)', () => {
    // Two indicators' labels in one merged heading (C1): the header row takes it, the columns keep their values' letters.
    const h1 = c('C1');
    const h2 = c('C1');
    const m = sourceMargins<P>([none, h1, h2], [[c('A2'), c('C2'), c('D2')]], (x) => (x === h1 || x === h2 ? undefined : x), (x) => (x === h1 || x === h2 ? x : undefined))!;
    expect(m.header).toBe('1');
    expect(m.columns).toEqual(['A', 'C', 'D']);
  });

  it('a plan document\'s table is counted as Word counts it: rows and columns by number', () => {
    const m = sourceMargins<P>([none, c('T1R1C4')], [[none, c('T1R3C4')], [none, c('T1R4C4')]], id)!;
    expect(m.rows).toEqual(['3', '4']);
    expect(m.columns).toEqual(['', '4']);
  });

  it('the sheet, when every cell is on one', () => {
    expect(sourceMargins<P>([c('D3', 'Phụ lục')], [[c('D5', 'Phụ lục')]], id)!.sheet).toBe('Phụ lục');
    expect(sourceMargins<P>([c('D3')], [[c('D5')]], id)!.sheet).toBeUndefined();
    expect(sourceMargins<P>([none], [[none]], id)).toBeUndefined();
  });
});

describe('renderBox with margins', () => {
  it('each column letter over its column, each row number left of its row, within the indentation', () => {
    const box = renderBox(['STT', 'Tên', 'Số hộ'], [['1', 'Sơn Dương', '49.874'], ['2', 'Yên Sơn', '39.880']], {
      align: ['left', 'left', 'right'],
      margins: { columns: ['', 'B', 'CC–CF'], header: '1', rows: ['2', '10'], indent: 2 },
    });
    expect(box.split('\n')).toEqual([
      '               B       CC–CF',
      '   ┌─────┬───────────┬────────┐',
      ' 1 │ STT │ Tên       │ Số hộ  │',
      '   ├─────┼───────────┼────────┤',
      ' 2 │ 1   │ Sơn Dương │ 49.874 │',
      '10 │ 2   │ Yên Sơn   │ 39.880 │',
      '   └─────┴───────────┴────────┘',
    ]);
  });

  it('one-character row labels cost no width beyond the indentation; without margins the table is as before', () => {
    const plain = renderBox(['a'], [['1']]);
    const withIndent = renderBox(['a'], [['1']], { margins: { columns: [''], header: '', rows: [''], indent: 2 } });
    expect(withIndent.split('\n').map((l) => l.slice(2))).toEqual(plain.split('\n'));
    const lettered = renderBox(['a'], [['1']], { margins: { columns: [''], header: '', rows: ['C'], indent: 2 } });
    expect(lettered.split('\n')).toEqual(['  ┌───┐', '  │ a │', '  ├───┤', 'C │ 1 │', '  └───┘']);
  });
});
