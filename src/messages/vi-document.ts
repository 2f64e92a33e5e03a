/** Thông báo tiếng Việt về văn bản kế hoạch (src/document/): số liệu nêu trong văn bản, kinh phí, văn bản dẫn chiếu, các bảng. */
import { parseDocumentCellRef } from '../model/document.js';
import type { ClaimFigure } from '../model/finding-detail.js';
import type { CitationPlace, ClaimWithin, MessageParams, MoneyText } from '../model/message-ref.js';
import type { DocumentText, Fmt } from './types.js';
import { val } from './vi-calc.js';

const FIGURE_NAME = {
  rate_start: 'tỷ lệ hộ nghèo đầu năm',
  rate_end: 'tỷ lệ hộ nghèo cuối năm',
  rate_reduced: 'mức giảm tỷ lệ hộ nghèo',
  poor_reduced: 'số hộ nghèo giảm',
  households_start: 'tổng số hộ đầu năm',
  households_end: 'tổng số hộ cuối năm',
  poor_start: 'số hộ nghèo đầu năm',
  poor_end: 'số hộ nghèo cuối năm',
} as const;

/** "T1R8C4" → "dòng 8, cột 4" (câu đã nêu bảng 1); ô ở phần tiếp theo của bảng (bảng bị tách khi sang trang) nêu bảng của nó: "Bảng 2, dòng 5, cột 4". */
const at = (ref: string, table: number) => {
  const c = parseDocumentCellRef(ref);
  if (!c) return ref;
  return c.table === table ? `dòng ${c.row}, cột ${c.col}` : cellPlace(ref);
};
/** Một ô nêu trong thông báo như người đọc tìm: ô "T1R5C4" của văn bản → "Bảng 1, dòng 5, cột 4"; ô "D4" của bảng tính → "ô D4". */
export const cellPlace = (ref: string) => {
  const c = parseDocumentCellRef(ref);
  return c ? `Bảng ${c.table}, dòng ${c.row}, cột ${c.col}` : `ô ${ref}`;
};
/** A table whose header row was lost: why no unit of it can be matched by name. */
const unnamedColumns = (p: { table: number }) => `bảng ${p.table} mất dòng tiêu đề nên các cột không có tên (đặt tên cột bằng --units "…")`;
const unitName = (u: string) => (u === 'total' ? 'đơn vị tổng' : u);
const money = (m: MoneyText, f: Fmt) => `${f.n(m.value)} ${m.unit}`;
const labelled = (m: MoneyText, f: Fmt) => `${m.label ? `${m.label}: ` : ''}${money(m, f)}`;
const sumText = (parts: MoneyText[], f: Fmt) => parts.map((p) => f.n(p.value)).join(' + ');
const where = (p: CitationPlace) => `đoạn ${p.paragraph} (${p.section || 'phần mở đầu'})`;
const within = (w: ClaimWithin, f: Fmt) => `${f.n(w.start)} − ${f.term(w.end)} = ${f.n(w.expected)}`;
const figureText = (x: ClaimFigure, table: number, f: Fmt) =>
  `${FIGURE_NAME[x.indicator]} ${f.n(x.stated)}${x.table !== undefined ? ` (bảng ghi ${val(x.indicator, x.table, f)}${x.cell ? `, ${at(x.cell, table)}` : ''})` : ' (bảng không có)'}`;

export const viDocumentMessages = {
  'sum.header-lost': (p: MessageParams['sum.header-lost'], f: Fmt) => {
    const named = p.given ? `các cột được đặt tên theo --units: ${f.list(p.names)}` : `các cột được đặt tên theo vị trí: ${f.list(p.names)} (số thứ tự cột trong bảng)`;
    const total = p.total
      ? p.arithmetic
        ? `; ${p.total} là cột tổng vì bằng tổng các cột còn lại ở các dòng số hộ`
        : `; cột tổng là ${p.total}`
      : '; không cột nào bằng tổng các cột còn lại, nên không xác định được cột tổng';
    const ignored = p.expected !== undefined ? ` --units nêu ${p.count} đơn vị nhưng bảng có ${p.expected} cột đơn vị, nên không được dùng.` : '';
    const hint = p.given ? '' : ' Không thể đối chiếu các đơn vị được nêu tên trong văn bản với các cột này; hãy đặt tên cột bằng --units "…" theo đúng thứ tự.';
    return `Bảng ${p.table} không có dòng tiêu đề (bản xuất văn bản thuần của Word làm mất dòng này): ${named}${total}.${ignored}${hint}`;
  },
  'claim.consistent': (p: MessageParams['claim.consistent'], f: Fmt) =>
    `Số liệu văn bản nêu cho ${unitName(p.unit)} khớp với bảng ${p.number}: ${p.figures.map((x) => figureText(x, p.number, f)).join(', ')}${p.within ? `; và trong cùng câu ${within(p.within, f)}` : ''}.`,
  'claim.table': (p: MessageParams['claim.table'], f: Fmt) =>
    `Văn bản nêu ${FIGURE_NAME[p.indicator]} của ${unitName(p.unit)} là ${f.n(p.stated)}, nhưng bảng ${p.number} ghi ${val(p.indicator, p.table, f)}${p.cell ? ` (${at(p.cell, p.number)})` : ''}` +
    `${p.within ? `; trong cùng câu còn có ${within(p.within, f)}, mà ${f.n(p.stated)} không khớp` : ''}.`,
  'claim.sentence': (p: MessageParams['claim.sentence'], f: Fmt) =>
    `Trong cùng câu, ${f.n(p.start)} − ${f.term(p.end)} = ${f.n(p.expected)}, nhưng câu lại nêu mức giảm của ${unitName(p.unit)} là ${f.n(p.reduced)}.`,
  'claim.unknown-unit': (p: MessageParams['claim.unknown-unit']) =>
    `Văn bản nêu tên ${p.unit}, nhưng bảng ${p.table} không có đơn vị này (các đơn vị của bảng: ${p.known.join(', ')}); số liệu của đơn vị này không được kiểm tra.`,
  'money.cause': (p: MessageParams['money.cause'], f: Fmt) => {
    const rel = p.relations.map((r) =>
      r.role === 'total'
        ? `các khoản thành phần cộng lại ${sumText(r.parts, f)} = ${f.n(r.sum)}`
        : `${labelled(r.total, f)} chỉ khớp khi khoản này là ${f.n(p.proposed)} (hiện ${sumText(r.parts, f)} = ${f.n(r.sum)})`,
    );
    const n = p.relations.length;
    const lead = n === 1 ? '' : `Một con số này giải thích ${n === 2 ? 'cả hai' : `cả ${n}`} chỗ tổng không khớp: `;
    const likely = p.confidence === 'unique' ? 'nhiều khả năng đúng ra là' : 'khả năng cao nhất là (trông như lỗi gõ; cũng có thể một số khác bị sai)';
    const tail = `${likely} ${f.n(p.proposed)} thay vì ${f.n(p.figure.value)}`;
    return `${labelled(p.figure, f)} không khớp: ${rel.join('; và ')}. ${lead}${lead ? tail : tail.charAt(0).toUpperCase() + tail.slice(1)}.`;
  },
  'money.sum': (p: MessageParams['money.sum'], f: Fmt) =>
    `${labelled(p.total, f)}, nhưng các khoản thành phần cộng lại ${sumText(p.parts, f)} = ${f.n(p.sum)} ${p.total.unit} (chênh lệch ${f.n(p.diff)}).` +
    (p.candidates.length > 1 ? ` Một trong các số ${p.candidates.map((c) => f.n(c.value)).join(', ')} có thể bị sai.` : ''),
  'money.part-exceeds': (p: MessageParams['money.part-exceeds'], f: Fmt) => `${labelled(p.part, f)} lớn hơn khoản tổng mà nó thuộc về, ${labelled(p.total, f)}.`,
  'money.consistent': (p: MessageParams['money.consistent']) =>
    `Mọi khoản tổng kinh phí (trong lời văn và các bảng kinh phí) đều bằng tổng các khoản thành phần (${p.totals} khoản tổng, đọc ${p.amounts} số tiền).`,
  'reference.date': (p: MessageParams['reference.date']) =>
    `${p.number} ghi ngày ${p.date}, một ngày không tồn tại (${{ day: 'tháng đó không có ngày này', month: 'không có tháng này', year: 'năm không hợp lệ' }[p.reason]}).`,
  'reference.year': (p: MessageParams['reference.year']) => `Số hiệu ${p.number} mang năm ${p.year} nhưng văn bản ghi ngày ${p.date}.`,
  'reference.conflict': (p: MessageParams['reference.conflict']) =>
    `${p.kind ? `${p.kind} ` : ''}${p.number} được dẫn ${p.what === 'date' ? 'với hai ngày khác nhau' : 'với hai cơ quan ban hành khác nhau'}: ${p.first.value} ở ${where(p.first)} và ${p.other.value} ở ${where(p.other)}.`,
  'reference.consistent': (p: MessageParams['reference.consistent']) =>
    `${p.citations} lần dẫn chiếu ${p.documents} văn bản: mọi ngày đều hợp lệ, không văn bản nào được dẫn với hai ngày hoặc hai cơ quan ban hành khác nhau.`,
  'skip.claim-no-table': (p: { clauses: number; paragraph: number }) =>
    `văn bản không có bảng tỷ lệ hộ nghèo để đối chiếu số liệu của ${p.clauses} nhận định (nhận định đầu tiên ở đoạn ${p.paragraph}); mỗi nhận định chỉ được kiểm tra trong câu của nó`,
  'skip.claim-unnamed': (p: { unit: string; table: number; paragraph: number }) => `đoạn ${p.paragraph}: không đối chiếu được ${p.unit}: ${unnamedColumns(p)}`,
  'skip.unnamed-columns': (p: { table: number }) => unnamedColumns(p),
  'skip.money-bounds': (p: { totals: number; paragraph: number }) =>
    `${p.totals} khoản tổng kinh phí nêu dưới dạng ngưỡng ("trên 68 tỷ đồng", khoản đầu tiên ở đoạn ${p.paragraph}): ngưỡng không cho biết các khoản thành phần có cộng đúng hay không`,
  'skip.claim-no-total': (p: { table: number; paragraph: number }) => `đoạn ${p.paragraph}: bảng ${p.table} không có đơn vị tổng để đối chiếu số liệu`,
};

export const viDocument: DocumentText = {
  parts: { tables: 'Bảng', claims: 'Số liệu nêu trong văn bản', money: 'Kinh phí', references: 'Văn bản dẫn chiếu' },
  checked: {
    tables: (p) =>
      `đã kiểm tra ${p.tables} bảng tỷ lệ hộ nghèo${p.budget ? `; ${p.budget} bảng kinh phí được kiểm tra cùng phần kinh phí` : ''}${p.other ? `; ${p.other} bảng khác (không phải bảng tỷ lệ hộ nghèo hay bảng kinh phí) không kiểm tra` : ''}`,
    claims: (p) => `đã kiểm tra ${p.claims} nhận định số liệu và ${p.targets} chỉ tiêu`,
    money: (p) => `đã đối chiếu ${p.totals} khoản tổng với các khoản thành phần (đọc ${p.amounts} số tiền)`,
    references: (p) => `đã kiểm tra ${p.citations} lần dẫn chiếu ${p.documents} văn bản`,
  },
  cell: (t, r, c) => `Bảng ${t}, dòng ${r}, cột ${c}`,
  column: (t, c) => `Bảng ${t}, cột ${c}`,
  paragraph: (n) => `đoạn ${n}`,
  preamble: 'phần mở đầu',
  source: (s) =>
    `${s.format === 'docx' ? 'văn bản Word (.docx)' : s.format === 'doc' ? 'văn bản Word 97–2003 (.doc)' : s.format === 'html' ? `văn bản dạng trang web (HTML${s.mhtml ? ', lưu thành một tệp: MHTML' : ''})` : `văn bản thuần xuất từ Word${s.encoding ? ` (${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 có BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' }[s.encoding] ?? s.encoding})` : ''}`}, ${s.paragraphs} đoạn, ${s.tables} bảng${s.hiddenText ? `; chữ ẩn (Hidden) ở ${s.hiddenText} đoạn hoặc ô không được đọc (Word không hiển thị, không in chữ ẩn)` : ''}${s.textBoxText ? `; ${s.textBoxText} đoạn trong hộp văn bản (text box) không được đọc (số liệu nêu ở đó không được kiểm tra; bảng trong hộp văn bản thì có)` : ''}${s.notes ? `; ${s.notes} chú thích (footnote, endnote) không được đọc (số liệu và văn bản dẫn chiếu trong chú thích không được kiểm tra)` : ''}${s.legacyFont ? `; chữ gõ bằng ${s.legacyFont === 'tcvn3' ? 'phông TCVN3 (.VnTime)' : 'phông VNI (VNI-Times)'} đã đọc thành Unicode (--encoding ${s.legacyFont})` : ''}`,
  nothing: 'văn bản không có nội dung loại này',
  tableTitle: (n) => `Bảng ${n}`,
  expectedStated: (e, a) => `tính lại được ${e}, văn bản ghi ${a}`,
};
