/** Rows named without figures, one after another with the same note, are one warning naming them; a lone one, or a
 * different note, its own. */
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { checkCsv as check } from '../helpers.js';

describe('rows named without figures', () => {
  it('one warning per run with the same note, at its first row, naming the rows', async () => {
    const rows = ['Đơn vị;Số hộ nghèo;Tỷ lệ hộ nghèo (%);Ghi chú', 'Huyện A;100;10,00;', 'Xã B;;;dưới 7%', 'Xã C;;;dưới 7%', 'Xã D;;;dưới 7%', 'Xã E;;;trên 20%'];
    const r = await check(rows.join('\n'));
    const unknown = r.findings.filter((f) => f.rule === 'unknown');
    expect(unknown.map((f) => `${f.at?.ref} ${f.msg.id}`)).toEqual(['A3 unknown.empty-rows', 'A6 unknown.empty-row']);
    expect(renderMessage(unknown[0]!.msg, makeFmt('en'))).toBe('Rows 3–5 ("Xã B", "Xã C", "Xã D") have a note only ("dưới 7%"), no values; they are not checked.');
    expect(renderMessage(unknown[0]!.msg, makeFmt('vi'))).toBe('Các dòng 3–5 ("Xã B", "Xã C", "Xã D") chỉ có ghi chú ("dưới 7%"), không có số liệu nào; các dòng này không được kiểm tra.');
  });
});
