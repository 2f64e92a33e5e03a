/**
 * A note mark after a figure, the sign of a footnote (`12,43¹`, `4.693⁽²⁾`, `25,56*`; Word's superscript `2` after
 * `4,00` reads `4,00²`, read/docx.ts): the figure is read without it, and an info names the mark. A plain digit
 * after a figure is never a mark (`4,002` is a number); a superscript digit is never one of the figure's digits.
 */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

const annex = (end: string) =>
  ['Đơn vị;Tổng số hộ đầu năm;Số hộ nghèo đầu năm;Tỷ lệ hộ nghèo đầu năm (%)', 'Toàn huyện;89.754;8.338;9,29', 'Xã A;49.874;4.644;9,31', `Xã B;39.880;3.694;${end}`].join('\n');

describe('a note mark after a figure', () => {
  it('superscript digits, bracketed superscripts and asterisks: the figure is read, each mark named once (c12: three "not a number" errors on a correct table)', async () => {
    // helper-93: (a), ᵃ, † and a bracketed ASCII number were still "not a number".
    for (const [text, mark] of [['9,26¹', '¹'], ['9,26⁽²⁾', '⁽²⁾'], ['9,26*', '*'], ['9,26 (*)', '(*)'], ['9,26%²', '²'], ['9,26(a)', '(a)'], ['9,26ᵃ', 'ᵃ'], ['9,26†', '†'], ['9,26 (2)', '(2)']] as const) {
      const r = await check(annex(text));
      expect(r.findings.filter((f) => f.severity === 'error'), text).toEqual([]);
      const notes = r.findings.filter((f) => f.msg.id === 'number.note-mark');
      expect(notes.map((f) => [f.at?.ref, f.actual, (f.msg.params as { mark: string }).mark]), text).toEqual([['D4', '9.26', mark]]);
      expect(r.coverage.ran).toContain('rate');
    }
  });

  it('is worded in both languages, with the figure as read', async () => {
    const r = await check(annex('9,26¹'));
    const note = r.findings.find((f) => f.msg.id === 'number.note-mark')!;
    expect(renderMessage(note.msg, makeFmt('en', 'vi'))).toBe('Xã B, poverty rate at start of year: "9,26¹" is read as 9,26; the "¹" after it is taken as a note mark (the sign of a footnote), not part of the figure.');
    expect(renderMessage(note.msg, makeFmt('vi'))).toBe('Xã B, tỷ lệ hộ nghèo đầu năm: "9,26¹" được đọc là 9,26; ký hiệu "¹" sau số được coi là dấu chú thích, không phải một phần của số liệu.');
  });

  it('a wrong figure with a mark is still found wrong', async () => {
    const r = await check(annex('9,62*'));
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.actual}`)).toEqual(['rate D4 9.62']);
  });

  it('a plain digit after the figure is part of it (4,002), and a mark after no figure is no number', async () => {
    const r = await check(annex('9,262'));
    expect(r.findings.some((f) => f.msg.id === 'number.note-mark')).toBe(false);
    expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.at?.ref} ${f.actual}`)).toEqual(['rate D4 9.262']);
    for (const text of ['*', '¹', '9,26x*']) {
      const bad = await check(annex(text));
      expect(bad.findings.filter((f) => f.rule === 'number' && f.severity === 'error').map((f) => f.at?.ref), text).toEqual(['D4']);
    }
  });
});
