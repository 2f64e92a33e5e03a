/** Vietnamese messages of the relation kinds added for published tables (src/relations/). */
import type { Fmt } from './types.js';
import { signed } from './number-format.js';
import type { MessageParams } from '../model/message-ref.js';

type Texts = { [K in RelationMessage]: (p: MessageParams[K], f: Fmt) => string };

export type RelationMessage =
  | 'flow.mismatch-of'
  | 'balance.mismatch'
  | 'breakdown.mismatch'
  | 'breakdown.net'
  | 'share.row'
  | 'of-which.exceeds'
  | 'rate.mismatch-of'
  | 'rate.no-households'
  | 'rate.column'
  | 'denominator.flow-rate'
  | 'combined.count'
  | 'combined.rate'
  | 'implied-households.disagree'
  | 'implied-households.flow'
  | 'implied-households.flow-denominator'
  | 'implied-households.flow-share'
  | 'implied-households.exceeds-whole'
  | 'implied-households.parts'
  | 'rate-mean.outside'
  | 'achievement.mismatch'
  | 'formula.mismatch'
  | 'precision.fewer';

const low = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "từ 54.750 đến 54.905 hộ" / "từ 54.750 hộ trở lên" / "một số hộ không thể có" (lo '': no interval). */
const span = (lo: string, hi: string | undefined, f: Fmt) => (lo === '' ? 'một số hộ không thể có' : hi === undefined ? `từ ${f.n(lo)} hộ trở lên` : lo === hi ? `${f.n(lo)} hộ` : `từ ${f.n(lo)} đến ${f.n(hi)} hộ`);

export const viRelations: Texts = {
  'flow.mismatch-of': (p, f) =>
    p.startIndicator && p.reducedIndicator
      ? `${p.unit}: ${low(f.ind(p.indicator))} phải bằng ${low(f.ind(p.startIndicator))} trừ ${low(f.ind(p.reducedIndicator))}: ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`
      : `${p.unit}: ${low(f.ind(p.indicator))} phải bằng ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`,
  'balance.mismatch': (p, f) => {
    const terms = [...p.out.map((x) => ` − ${f.term(x.value)} (${low(f.ind(x.indicator))})`), ...p.in.map((x) => ` + ${f.term(x.value)} (${low(f.ind(x.indicator))})`)].join('');
    return `${p.unit}: ${low(f.ind(p.indicator))} phải bằng số đầu năm ${f.n(p.start)}${terms} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)} (cân đối cuối năm = đầu năm − số giảm + số tăng).`;
  },
  'breakdown.mismatch': (p, f) =>
    `${p.unit}: ${p.count} dòng chi tiết của ${low(f.ind(p.indicator))} cộng lại được ${f.n(p.parts)}, nhưng bảng ghi ${f.n(p.actual)} (chênh lệch ${f.n(signed(p.diff))}).`,
  'share.row': (p, f) =>
    `${p.unit}: tỷ lệ của "${p.row}" trong ${low(f.ind(p.whole))} phải là ${f.n(p.count)} / ${f.n(p.total)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (làm tròn ${p.decimals} chữ số thập phân như bảng ghi; các tỷ lệ khác của nhóm này đều tính như vậy), nhưng bảng ghi ${f.n(p.actual)}.`,
  'breakdown.net': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} là số giảm thuần: các dòng chi tiết cho số hộ ra khỏi diện (${f.n(p.out)}) trừ số hộ vào diện (${f.n(p.in)}) = ${f.n(p.parts)}, nhưng bảng ghi ${f.n(p.actual)} (chênh lệch ${f.n(signed(p.diff))}).`,
  'of-which.exceeds': (p, f) =>
    `${p.unit}: "${p.part}" là một phần (trong đó) của ${low(f.ind(p.indicator))}, nhưng ghi ${f.n(p.partValue)}, lớn hơn ${f.n(p.wholeValue)}.`,
  'rate.mismatch-of': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} phải là ${f.n(p.count)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (mẫu số là ${low(f.ind(p.householdsIndicator))}, làm tròn ${p.decimals} chữ số thập phân như bảng ghi), nhưng bảng ghi ${f.n(p.actual)}.`,
  'rate.no-households': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ghi ${f.n(p.actual)}, nhưng ${low(f.ind(p.householdsIndicator))} bằng 0 và ${low(f.ind(p.countIndicator))} cũng bằng 0: không có hộ thì không có tỷ lệ, ô này phải ghi 0 hoặc để trống.`,
  'rate.column': (p, f) => {
    const line = p.alongRow ? 'dòng' : 'cột';
    return p.roundedDown
      ? `${f.ind(p.indicator)}: mọi tỷ lệ ${p.alongRow ? 'trên' : 'trong'} ${line} đều là ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} × 100 bị cắt bớt chữ số thập phân (làm tròn xuống) thay vì làm tròn, nên ${p.count} tỷ lệ (từ ô ${p.first} đến ô ${p.last}) nhỏ hơn một đơn vị ở chữ số thập phân cuối (${p.unit}: ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.roundedDown)}… → ${f.n(p.expected)}, bảng ghi ${f.n(p.actual)}), các tỷ lệ còn lại làm tròn hay cắt bớt đều như nhau. Cần làm tròn cả ${line} (trong Excel dùng ROUND, không dùng ROUNDDOWN, TRUNC hay INT). Từng ô của ${line} không được đề xuất sửa riêng.`
      : `${f.ind(p.indicator)}: không tỷ lệ nào trong ${p.count} tỷ lệ của ${line} (từ ô ${p.first} đến ô ${p.last}) bằng ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} × 100 (${p.unit}: ${f.n(p.poor)} / ${f.n(p.households)} × 100 → ${f.n(p.expected)}, bảng ghi ${f.n(p.actual)}). ${
          p.over
            ? `Mọi tỷ lệ đều bằng ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.over))} × 100: ${line} được tính nhầm trên một ${line} khác.`
            : p.shares
              ? `Mọi tỷ lệ đều bằng ${low(f.ind(p.countIndicator))} / ${low(f.ind(p.householdsIndicator))} mà chưa nhân 100 (${f.n(p.actual)} là ${f.n(p.shares)}%): ${line} ghi tỷ số, không phải phần trăm; cần nhân với 100.`
              : `${p.alongRow ? 'Dòng' : 'Cột'} được tính trên một mẫu số khác hoặc đo một đại lượng khác${p.impliedLo ? ` (ô ${p.first} ứng với ${span(p.impliedLo, p.impliedHi, f)}, mẫu số bảng không ghi)` : ''}: cần xem lại cách tính và tên ${line}.`
        } Từng ô của ${line} không được đề xuất sửa riêng.`;
  },
  'denominator.flow-rate': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} không phải là ${f.n(p.count)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)}; tỷ lệ này ứng với ${span(p.impliedLo, p.impliedHi, f)}, tức là được tính trên một mẫu số khác (có lẽ là số hộ đầu năm). Không phải lỗi đánh máy, nhưng cần ghi rõ mẫu số.`,
  'combined.count': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} phải bằng số hộ nghèo + số hộ cận nghèo = ${f.n(p.poor)} + ${f.term(p.nearPoor)} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`,
  'combined.rate': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} phải gần bằng tỷ lệ hộ nghèo + tỷ lệ hộ cận nghèo = ${f.n(p.poor)} + ${f.term(p.nearPoor)} = ${f.n(p.sum)} (do làm tròn được lệch tối đa ${f.n(p.tolerance)}).`,
  'implied-households.disagree': (p, f) =>
    `${p.unit}: bảng không ghi tổng số hộ, nhưng mỗi cặp số hộ và tỷ lệ cho biết tổng số hộ: ${p.pairs.map((x) => `${x.count}/${x.rate} ứng với ${span(x.lo, x.hi, f)}`).join('; ')}${p.pairs.some((x) => x.count.startsWith('(')) ? ' (số trong ngoặc là số hộ đầu năm bảng không ghi: số cuối năm cộng số giảm trong năm)' : ''}. Không có số hộ nào khớp với mọi cặp; ${p.cell ? `có lẽ ô ${p.cell} (hoặc số hộ đi cùng) bị ghi sai, vì các cặp còn lại khớp với nhau.` : 'một trong các ô này bị ghi sai (các nguyên nhân có thể xếp hạng chúng).'}`,
  'implied-households.flow': (p, f) =>
    `${p.unit}: số hộ ở ô ${p.count} và tỷ lệ ở ô ${p.rate} ứng với ${span(p.flowLo, p.flowHi, f)}, trong khi các tỷ lệ khác của đơn vị ứng với ${span(p.commonLo, p.commonHi, f)}; không mẫu số nào của bảng cho tỷ lệ này.`,
  'implied-households.flow-share': (p, f) =>
    `${p.unit}: số hộ ở ô ${p.count} và tỷ lệ ở ô ${p.rate} ứng với ${span(p.flowLo, p.flowHi, f)}, không phải tổng số hộ của đơn vị (${span(p.commonLo, p.commonHi, f)}), mà gần bằng ${p.withExits ? `số hộ ở ô ${p.stock} cộng số hộ đã thoát (${f.n(p.base)} hộ, tức số hộ đầu năm chưa kể hộ phát sinh và tái nghèo)` : `số hộ đầu năm ở ô ${p.stock} (${f.n(p.base)} hộ)`}: tỷ lệ này là tỷ lệ trên số hộ của chính nhóm đó, không phải trên tổng số hộ. Cần ghi rõ mẫu số trong tên cột.`,
  'implied-households.flow-denominator': (p, f) =>
    `${p.unit}: số hộ ở ô ${p.count} và tỷ lệ ở ô ${p.rate} ứng với ${span(p.flowLo, p.flowHi, f)}, lệch vài phần trăm so với các tỷ lệ khác của đơn vị (${span(p.commonLo, p.commonHi, f)}): tỷ lệ này được tính trên một mẫu số khác (có lẽ là số hộ đầu năm).`,
  'implied-households.exceeds-whole': (p, f) =>
    `${p.unit}: số hộ ở ô ${p.count} và tỷ lệ ở ô ${p.rate} ứng với ${span(p.partLo, p.partHi, f)}, nhiều hơn cả ${p.whole} (${span(p.wholeLo, p.wholeHi, f)}); một phần không thể có nhiều hộ hơn toàn bộ, nên ô ${p.rate} hoặc ${p.count} bị ghi sai.`,
  'implied-households.parts': (p, f) =>
    `${p.unit}: theo tỷ lệ đã ghi, ${p.count} đơn vị thành phần có ${span(p.partsLo, p.partsHi, f)}, còn ${p.unit} có ${span(p.wholeLo, p.wholeHi, f)}; hai số này không thể bằng nhau, tức là tỷ lệ của các đơn vị thành phần và của ${p.unit} được tính trên những mẫu số khác nhau.`,
  'rate-mean.outside': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ${f.n(p.actual)} nằm ngoài khoảng tỷ lệ của các đơn vị thành phần (từ ${f.n(p.min)} của ${p.minUnit} đến ${f.n(p.max)} của ${p.maxUnit}); tỷ lệ chung là bình quân gia quyền của các tỷ lệ thành phần nên phải nằm trong khoảng đó.`,
  'achievement.mismatch': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} phải là ${f.n(p.reduction)} / ${f.n(p.target)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)}%, nhưng bảng ghi ${f.n(p.actual)}.`,
  'formula.mismatch': (p, f) =>
    `${p.unit}: theo công thức của cột (${p.formula}), ${low(f.ind(p.indicator))} phải là ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`,
  'precision.fewer': (p, f) =>
    `${p.unit}: ${low(f.ind(p.indicator))} ghi ${f.n(p.actual)} với ${p.decimals} chữ số thập phân, trong khi các tỷ lệ khác của bảng ghi ${p.usual} chữ số; ${p.unchecked ? 'bảng không có số liệu để tính lại giá trị này, nên không biết chữ số bị bỏ là gì' : 'đã kiểm tra ở độ chính xác ghi trên bảng'}.`,
};
