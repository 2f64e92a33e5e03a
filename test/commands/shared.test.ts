/**
 * The one line for input that cannot be read (commands/shared.ts `oneLine`): a plan document's cell is named as Word
 * shows it, a spreadsheet's A1 reference as it is (column T, row 2 is no table).
 */
import { describe, expect, it } from 'vitest';
import { oneLine } from '../../src/commands/shared.js';
import { PovcheckError } from '../../src/errors.js';

const at = (cell: string) => new PovcheckError('NOT_A_TABLE', { reason: 'no-columns' }, { file: 'ke-hoach.docx', cell });

describe('the one line of a refusal', () => {
  it('names a plan document\'s cell as Word shows it, in the line\'s language (it printed T2R3C4)', () => {
    expect(oneLine(at('T2R3C4'), 'en')).toMatch(/^povcheck: ke-hoach\.docx Table 2, row 3, column 4: no column structure/);
    expect(oneLine(at('T2R3C4'), 'vi')).toMatch(/^povcheck: ke-hoach\.docx Bảng 2, dòng 3, cột 4: không thấy cấu trúc cột/);
    expect(oneLine(at('T1C4'), 'en')).toMatch(/^povcheck: ke-hoach\.docx Table 1, column 4: /);
  });

  it('leaves a spreadsheet\'s references as they are, T2 and R3C4 included', () => {
    for (const cell of ['T2', 'I6', 'R3C4', 'Phụ lục!I6']) expect(oneLine(at(cell), 'en')).toMatch(new RegExp(`^povcheck: ke-hoach\\.docx ${cell}: `));
  });
});
