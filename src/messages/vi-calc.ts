/** Vietnamese text of the calculator commands (table, plan, rate). Numbers arrive as plain digits. */
import type { AtStartHouseholds, CalcText, TargetPhrase, UnmetUnit } from './calc-types.js';
import type { Fmt } from './types.js';
import type { Indicator } from '../model/indicators.js';
import { count, firstEight } from './number-format.js';

const OP = { '>=': '≥', '<=': '≤', '=': '=' } as const;
const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A value with its unit: "4,00 điểm %", "25,56%", "390 hộ". */
export function val(ind: Indicator, v: string, f: Fmt): string {
  if (ind === 'rate_reduced') return `${f.n(v)} điểm %`;
  if (ind.startsWith('rate_')) return `${f.n(v)}%`;
  return `${f.n(v)} hộ`;
}

/** The exits at constant households, when the plan's differ from them (compute/plan.ts `exitsAtStartHouseholds`). */
const atStartVi = ({ atStart: a }: { atStart?: AtStartHouseholds }, f: Fmt) =>
  a ? ` Tổng số hộ thay đổi từ ${f.n(a.h0)} thành ${f.n(a.h1)}; nếu tổng số hộ không đổi thì cần giảm ${f.n(a.exits)} hộ nghèo.` : '';

const target = (p: TargetPhrase, f: Fmt) => `${low(f.ind(p.indicator))} ${OP[p.op]} ${val(p.indicator, p.value, f)}`;

/** Households of 0 at either end, in the table's words (`đầu năm` or, over a period, `đầu kỳ`: f.ind). */
const zeroHouseholdsVi = (f: Fmt) => `${low(f.ind('households_start'))} hoặc ${low(f.ind('households_end')).replace(/^tổng số hộ /u, '')} bằng 0, không tính được tỷ lệ hộ nghèo`;

const why = (
  p: { indicator: Indicator; reason: 'zero-households' | 'unreachable' | 'not-exact'; poor: string; best?: string; exits?: string; value?: string; belowExits?: string; belowValue?: string },
  f: Fmt,
) => {
  if (p.reason === 'zero-households') return `không lập được kế hoạch vì ${zeroHouseholdsVi(f)}`;
  if (p.reason === 'unreachable') {
    return `không thể đạt: kể cả khi toàn bộ ${f.n(p.poor)} hộ nghèo đều thoát nghèo, ${low(f.ind(p.indicator))} cũng chỉ là ${val(p.indicator, p.best ?? '0', f)}`;
  }
  const below = p.belowExits !== undefined && p.belowValue !== undefined ? `giảm ${f.n(p.belowExits)} hộ nghèo thì được ${val(p.indicator, p.belowValue, f)}, ` : '';
  return `không có số hộ nào cho đúng giá trị này: ${below}giảm ${f.n(p.exits ?? '0')} hộ nghèo thì được ${val(p.indicator, p.value ?? '0', f)}`;
};

/** Vì sao mục tiêu của một đơn vị không thể đạt, trong dòng của đơn vị tổng (dòng của đơn vị đó nói đầy đủ). */
const unmetWhyVi = (u: UnmetUnit, f: Fmt) => {
  if (u.reason === 'zero-households') return zeroHouseholdsVi(f);
  if (u.reason === 'unreachable') return `kể cả khi toàn bộ ${f.n(u.poor)} hộ nghèo đều thoát nghèo, ${low(f.ind(u.indicator))} cũng chỉ là ${val(u.indicator, u.best ?? '0', f)}`;
  return `không có số hộ nào cho đúng giá trị mục tiêu: giảm ${f.n(u.exits ?? '0')} hộ nghèo thì được ${val(u.indicator, u.value ?? '0', f)}`;
};

/**
 * Vì sao chưa có số hộ giảm của đơn vị tổng: từng đơn vị có mục tiêu không thể đạt, kèm lý do (không phải "chưa có số
 * hộ nghèo giảm": bảng có thể có), rồi các đơn vị chưa có.
 */
const missingWhyVi = (missing: readonly string[], unmet: readonly UnmetUnit[] = [], f: Fmt) => {
  const rest = missing.filter((u) => !unmet.some((x) => x.unit === u));
  return [
    ...unmet.map((u) => `mục tiêu của ${u.unit} không thể đạt (${unmetWhyVi(u, f)}) nên ${u.unit} chưa có số hộ nghèo giảm theo kế hoạch`),
    ...(rest.length > 0 ? [`${rest.join(', ')} chưa có số hộ nghèo giảm`] : []),
  ].join('; và ');
};

export const viCalc: CalcText = {
  totalName: 'Tổng cộng',
  sheetName: 'Phụ lục',
  unitLine: (m) => `Đơn vị tính: ${[m.households && 'hộ', m.persons && 'người', m.percent && '%'].filter(Boolean).join(', ') || 'hộ, %'}`,
  ofYear: (y) => `(Số liệu năm ${y})`,
  asOf: (d) => `(Số liệu tính đến ngày ${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year})`,
  sourceLine: (s) => `Nguồn: ${s}`,
  continued: '(tiếp theo)',
  differencesHead: (file, n) => `povcheck: ${file}: ${n} ô ghi khác với giá trị tính được; bảng kết quả dùng giá trị tính được:`,
  difference: (p, f) =>
    `  ${p.cell} (${p.unit}, ${low(f.ind(p.indicator))}): bảng ghi ${p.statedIsNumber ? f.n(p.stated) : `"${p.stated}" (không đọc được thành số)`}, tính được ${f.n(p.computed)}`,
  blankForm: (file, p) => `povcheck: ${file}: bảng không có số liệu nào (đọc được ${p.count} chỉ tiêu nhưng mọi ô đều trống): in mẫu biểu trống để điền`,
  unreadableCell: (file, p, f) => `povcheck: ${file}: ${p.cell} (${p.unit}, ${low(f.ind(p.indicator))}): "${p.text}" ${p.fraction ? 'không phải là số nguyên (số hộ phải là số nguyên)' : 'không đọc được thành số'} và không tính được từ ô khác; ${p.printed ? 'bảng kết quả in ô này như đã ghi' : 'bảng kết quả để trống ô này'}`,
  fractionCells: (file, p) =>
    `povcheck: ${file}: ${p.count} ô số hộ là số thập phân (${p.first.join(', ')}${p.count > p.first.length ? ', …' : ''}), không tính được và bảng kết quả in như đã ghi: có lẽ bảng đã được mở với thiết lập số kiểu tiếng Anh, dấu chấm phân cách hàng nghìn bị đọc thành dấu thập phân (915.274 hộ thành 915,274); hãy nhập lại tệp với thiết lập tiếng Việt`,
  suggestValidate: (file) => `  Chạy \`povcheck validate ${file}\` để xem chi tiết từng chỗ sai.`,
  hiddenNotRead: (h) =>
    `${[h.rows.length ? `hàng ẩn ${firstEight(h.rows, (n) => ` và ${count(n, 'vi')} hàng khác`)}` : '', h.cols.length ? `cột ẩn ${firstEight(h.cols, (n) => ` và ${count(n, 'vi')} cột khác`)}` : ''].filter(Boolean).join(', ')} không được đọc (bị ẩn trong sổ tính)`,
  otherSheets: (names) => `${names.length === 1 ? 'trang' : 'các trang'} ${firstEight(names.map((n) => `"${n}"`), (n) => ` và ${count(n, 'vi')} trang khác`)} không được đọc (--sheet để kiểm tra một trang)`,
  sheetsPassedOver: (read, passedOver, webPage) =>
    webPage
      ? `đọc bảng thứ ${read} của trang web: bảng ${passedOver.join(', ')} trước đó không có bảng hộ nghèo`
      : `đọc trang "${read}": ${passedOver.length === 1 ? 'trang' : 'các trang'} ${passedOver.map((s) => `"${s}"`).join(', ')} trước đó không có bảng`,
  documentTable: (d) =>
    [
      `${d.tables === 1 ? `đọc bảng duy nhất của văn bản (Bảng ${d.table})` : `đọc Bảng ${d.table} (trong ${count(d.tables, 'vi')} bảng của văn bản)`}${d.joined.length ? `, nối với Bảng ${d.joined.join(', ')} bên dưới (phần bảng sang trang)` : ''}`,
      d.headerLost
        ? `dòng tiêu đề của bảng bị mất: các cột đơn vị được đặt tên ${d.headerLost.given ? 'theo --units' : `theo vị trí (${firstEight(d.headerLost.names, (n) => ` và ${count(n, 'vi')} cột khác`)}; hãy đặt tên bằng --units "…" theo đúng thứ tự)`}${d.headerLost.total !== undefined ? `, ${d.headerLost.total} là cột tổng` : ''}`
        : '',
      d.others.length ? `${d.others.length === 1 ? 'bảng' : 'các bảng'} số liệu hộ nghèo sau đó (Bảng ${d.others.join(', ')}) không được đọc` : '',
      d.unreadable?.length ? `Bảng ${d.unreadable.join(', ')} ở trước trông như bảng số liệu hộ nghèo nhưng không đọc được (povcheck validate cho biết lý do)` : '',
    ]
      .filter(Boolean)
      .join('; '),
  textTargets: (t) =>
    `mục tiêu là của chính kế hoạch: ${count(t.count, 'vi')} mục tiêu văn bản nêu (${t.paragraphs.map((n) => `¶${n}`).join(', ')})${t.unmatched.length ? `, trừ mục tiêu của ${t.unmatched.join(', ')} vì bảng không có tên các đơn vị này${t.unnamed ? ' (bảng mất dòng tiêu đề: hãy đặt tên cột bằng --units)' : ''}` : ''}; dùng --target hoặc --targets để lập kế hoạch theo mục tiêu khác`,
  note: (file, message) => `povcheck: ${file}: ${message}`,
  ownTitle: (rows) => `tiêu đề in trên bảng là tiêu đề của tệp gốc (dòng ${rows.join(', ')}); --title để đặt tiêu đề khác`,
  planNotOk: (p) =>
    `kế hoạch chưa đạt: ${[p.unreachable.length ? `${firstEight(p.unreachable, (n) => ` và ${count(n, 'vi')} đơn vị khác`)} không thể đạt mục tiêu dù giảm bao nhiêu hộ nghèo` : '', p.notMet ? `${count(p.notMet, 'vi')} mục tiêu của đơn vị tổng chưa đạt` : '', p.unknown ? `${count(p.unknown, 'vi')} mục tiêu của đơn vị tổng chưa xác định được (có đơn vị chưa có kế hoạch)` : ''].filter(Boolean).join('; ')}${p.output ? ` (chi tiết trong ${p.output})` : ''}`,
  leftOut: 'Chỉ tiêu này không có trong bảng in ra.',
  markLeftOut: 'Bảng in ra ghi số liệu không kèm ký hiệu này.',
  printedAsRead: 'Dòng này vẫn được in ra như đã ghi.',
  columnPrintedAsRead: 'Cột này vẫn được in ra như đã ghi.',
  target,
  planTitle: (file) => `Kế hoạch giảm nghèo theo mục tiêu: ${file}`,
  targetsHeading: 'Mục tiêu',
  unitPlanned: (p, f) => {
    const rates = p.rateStart && p.rateEnd && p.reduction ? `; tỷ lệ hộ nghèo ${f.n(p.rateStart)}% → ${f.n(p.rateEnd)}%, giảm ${f.n(p.reduction)} điểm %` : '';
    const input = p.input !== undefined ? ` (bảng đầu vào ghi ${f.n(p.input)} hộ)` : '';
    // A target the unit meets with no exit at all is said so, not "at least 0".
    const need = p.exits === '0' ? 'đã đạt mà không cần giảm hộ nghèo nào' : `cần giảm ít nhất ${f.n(p.exits)} hộ nghèo`;
    return `✔ ${p.unit} (${p.targets}): ${need}${input}${rates}.${atStartVi(p, f)}`;
  },
  unitNotMet: (p, f) => `✖ ${p.unit} (${p.target}): ${why(p, f)}.`,
  kept: (units) => `Không có mục tiêu, giữ số hộ nghèo giảm của bảng đầu vào: ${units.join(', ')}.`,
  notPlanned: (units) => `Chưa lập kế hoạch (không có mục tiêu, bảng không ghi số hộ nghèo giảm): ${units.join(', ')}.`,
  totalResult: (p, f) => {
    const head = `${p.unit} (${p.target})`;
    const min = p.minimum !== undefined ? `tối thiểu ${f.n(p.minimum)} hộ` : '';
    switch (p.state) {
      case 'met':
        return `✔ ${head}: với ${f.n(p.planned)} hộ nghèo giảm, ${low(f.ind(p.indicator))} là ${val(p.indicator, p.value!, f)}: đạt (cần ${min}).${atStartVi(p, f)}`;
      case 'short': {
        const more = p.more !== undefined ? `; cần giảm thêm ${f.n(p.more)} hộ nghèo (${min} cho ${p.unit})` : '';
        return `✖ ${head}: với ${f.n(p.planned)} hộ nghèo giảm, ${low(f.ind(p.indicator))} là ${val(p.indicator, p.value!, f)}: chưa đạt${more}.${atStartVi(p, f)}`;
      }
      case 'incomplete': {
        const more = p.more !== undefined ? `, còn thiếu ${f.n(p.more)} hộ` : '';
        return `✖ ${head}: chưa tính được vì ${missingWhyVi(p.missing, p.unmet, f)}; ${p.unit} cần giảm ${min}, các đơn vị đã có kế hoạch giảm ${f.n(p.planned)} hộ${more}.${atStartVi(p, f)}`;
      }
      case 'impossible':
        return `✖ ${head}: ${why({ ...p, reason: p.reason ?? 'unreachable' }, f)}.`;
    }
  },
  totalBlank: (p, f) => `${p.unit}: để trống ${low(f.ind('poor_reduced'))}, ${low(f.ind('poor_end'))} và các tỷ lệ tính từ đó, vì ${missingWhyVi(p.missing, p.unmet, f)}.`,
  verdict: (state) =>
    state === 'ok'
      ? 'Kế hoạch đạt mọi mục tiêu.'
      : state === 'undetermined'
        ? 'Chưa xác định được kế hoạch có đạt mọi mục tiêu hay không: có đơn vị chưa có kế hoạch (các dòng ✖ ở trên nêu tên).'
        : 'Có mục tiêu không thể đạt hoặc chưa đạt (các dòng ✖ ở trên).',
};
