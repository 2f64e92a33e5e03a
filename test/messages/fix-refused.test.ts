/**
 * `fix`'s refusal of a run typed one cell on, in both catalogues: the cell its last value was pushed into, what it
 * holds and what the checks give the run's last cell (or that they give no one value).
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/messages/index.js';

const base = { file: 't.csv', reason: 'shifted' as const, count: 1, cells: ['H5', 'K5'] };

describe('fix.refused, shifted', () => {
  it('names the landed cell and what it holds, and the value the checks give the run\'s last cell', () => {
    const landed = { ref: 'L5', text: '2.486', number: true, lost: 'K5', given: '2.468' };
    expect(catalog('vi').fix.refused({ ...base, landed })).toContain('số liệu cuối bị đẩy sang ô L5, nhưng ô L5 ghi 2.486, còn theo các phép kiểm tra thì giá trị của ô K5 là 2.468; hãy tự dời các số liệu lại, rồi sửa hoặc xóa ô L5.');
    expect(catalog('en').fix.refused({ ...base, landed: { ...landed, text: '2,486', given: '2,468' } })).toContain('the last one was pushed into L5, but L5 holds 2,486, while the checks give K5 2,468; move the values back by hand, then correct or clear L5.');
  });

  it('says the checks give no one value when they give a range', () => {
    const landed = { ref: 'L5', text: '228', number: true, lost: 'K5' };
    expect(catalog('vi').fix.refused({ ...base, landed })).toContain('nhưng ô L5 ghi 228, còn các phép kiểm tra không xác định được đúng một giá trị cho ô K5;');
    expect(catalog('en').fix.refused({ ...base, landed })).toContain('but L5 holds 228, while the checks do not pin the value of K5;');
  });

  it('without a landed cell, the value was pushed out of the table', () => {
    expect(catalog('en').fix.refused(base)).toContain('the last one was pushed out of the table');
  });
});
