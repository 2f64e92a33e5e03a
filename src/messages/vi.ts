/** Vietnamese messages. Numbers arrive as plain digits; f.n() writes them as 210.299 and 11,80. */
import type { Catalog } from './types.js';

const sign = (plain: string) => (plain.startsWith('-') ? plain : `+${plain}`);

export const vi: Catalog = {
  'sum.mismatch': (p, f) =>
    `${f.ind(p.indicator)}: cộng ${p.count} đơn vị được ${f.n(p.parts)}, nhưng ${p.total} ghi ${f.n(p.actual)} (chênh lệch ${f.n(sign(p.diff))}).`,
  'sum.total-assumed': (p) =>
    `Không có cột/dòng nào ghi là tổng (Toàn tỉnh, Tổng, Tổng cộng, Cộng); coi "${p.unit}" là tổng để kiểm tra phép cộng.`,
  'flow.mismatch': (p, f) =>
    `${p.unit}: số hộ nghèo cuối năm phải bằng ${f.n(p.start)} − ${f.n(p.reduced)} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`,
  'rate.mismatch': (p, f) => {
    const denom = p.indicator === 'rate_end' ? 'tổng số hộ cuối năm' : 'tổng số hộ đầu năm';
    let s = `${p.unit}: ${f.ind(p.indicator).toLowerCase()} phải là ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (mẫu số là ${denom}, làm tròn 2 chữ số thập phân), nhưng bảng ghi ${f.n(p.actual)}.`;
    if (p.startDenominator) s += ` ${f.n(p.actual)} là số hộ nghèo cuối năm chia cho tổng số hộ ĐẦU năm.`;
    return s;
  },
  'rate-change.mismatch': (p, f) => {
    const src = p.computed ? ' (tỷ lệ tính từ số hộ, vì bảng không ghi)' : '';
    let s = `${p.unit}: mức giảm tỷ lệ hộ nghèo phải là ${f.n(p.start)} − ${f.n(p.end)} = ${f.n(p.expected)} điểm phần trăm${src}, nhưng bảng ghi ${f.n(p.actual)}.`;
    if (p.unrounded) s += ` ${f.n(p.actual)} là hiệu chưa làm tròn (${f.n(p.unrounded)}…) đem làm tròn; quy ước của biểu là lấy hiệu của hai tỷ lệ đã làm tròn 2 chữ số.`;
    if (p.share) s += ` ${f.n(p.actual)} là số hộ giảm nghèo chia cho tổng số hộ đầu năm, không phải mức giảm tỷ lệ.`;
    return s;
  },
  'rate-change.convention': (p, f) =>
    `${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.n(p.end)} (hiệu của hai tỷ lệ đã làm tròn); hiệu chưa làm tròn ${f.n(p.unrounded)}… thì làm tròn thành ${f.n(p.rounded)}. Đây là quy ước của biểu, không phải lỗi.`,
  'denominator.mixed': (p, f) =>
    `${p.unit}: tỷ lệ đầu năm tính trên ${f.n(p.h0)} hộ, tỷ lệ cuối năm trên ${f.n(p.h1)} hộ (${f.n(sign(p.change))} hộ), nên hai tỷ lệ khác mẫu số. ` +
    `Tỷ lệ hộ nghèo giảm ${f.n(p.points)} điểm phần trăm, nhưng ${f.n(p.reduced)} hộ giảm nghèo chỉ bằng ${f.n(p.share)}% số hộ đầu năm; ` +
    `riêng sự thay đổi số hộ đã chiếm khoảng ${f.n(p.growth)} điểm của mức giảm.`,
  'denominator.summary': (p, f) =>
    `${p.count} đơn vị trực thuộc ${p.parent} có tỷ lệ đầu năm và tỷ lệ cuối năm tính trên số hộ khác nhau (khác mẫu số), nên mức giảm tỷ lệ hộ nghèo của các đơn vị này không phải là tỷ lệ số hộ thoát nghèo. ` +
    `Riêng sự thay đổi số hộ đã chiếm tới ${f.n(p.growth)} điểm của mức giảm, ở ${p.unit} (tỷ lệ giảm ${f.n(p.points)} điểm phần trăm, nhưng ${f.n(p.reduced)} hộ giảm nghèo chỉ bằng ${f.n(p.share)}% số hộ đầu năm).`,
  'rate-change.convention-summary': (p, f) =>
    `${p.count} đơn vị trực thuộc ${p.parent} ghi mức giảm bằng hiệu của hai tỷ lệ đã làm tròn, trong khi hiệu chưa làm tròn thì làm tròn thành số khác; đây là quy ước của biểu, không phải lỗi. ` +
    `Ví dụ ${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.n(p.end)}, còn hiệu chưa làm tròn ${f.n(p.unrounded)}… thì làm tròn thành ${f.n(p.rounded)}.`,
  'range.negative': (p, f) => `${p.unit}: ${f.ind(p.indicator).toLowerCase()} là số âm (${f.n(p.actual)}); số hộ không thể nhỏ hơn 0.`,
  'range.fraction': (p, f) => `${p.unit}: ${f.ind(p.indicator).toLowerCase()} là ${f.n(p.actual)}; số hộ phải là số nguyên.`,
  'range.exceeds': (p, f) =>
    `${p.unit}: ${f.ind(p.part).toLowerCase()} (${f.n(p.partValue)}) lớn hơn ${f.ind(p.whole).toLowerCase()} (${f.n(p.wholeValue)}).`,
  'range.reduced-negative': (p, f) =>
    `${p.unit}: số hộ nghèo giảm trong năm là số âm (${f.n(p.actual)}), tức là số hộ nghèo tăng; hãy kiểm tra lại dấu.`,
  'range.rate': (p, f) =>
    `${p.unit}: ${f.ind(p.indicator).toLowerCase()} = ${f.n(p.actual)} nằm ngoài khoảng ${f.n(p.min)}–${f.n(p.max)}.`,
  'number.text': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" không phải là số.`,
  'number.grouping': (p, f) =>
    `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" không phải là số viết đúng kiểu ${p.locale === 'vi' ? 'Việt Nam (dấu "." tách nhóm ba chữ số, dấu "," là dấu thập phân)' : 'tiếng Anh (dấu "," tách nhóm ba chữ số, dấu "." là dấu thập phân)'}.`,
  'number.other-locale': (p, f) =>
    `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" viết theo kiểu ${p.locale === 'vi' ? 'tiếng Anh' : 'Việt Nam'}, nhưng tệp này dùng kiểu ${p.locale === 'vi' ? 'Việt Nam' : 'tiếng Anh'} (như ô ${p.witness}); dùng --locale nếu cần.`,
  'number.dash': (p, f) =>
    `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" không phải là số; nếu không có hộ nào thì ghi 0.`,
  'missing.value': (p, f) => `${p.unit}: thiếu số liệu ${f.ind(p.indicator).toLowerCase()}.`,
  'missing.indicator': (p, f) =>
    `Bảng không có chỉ tiêu "${f.ind(p.indicator)}"; không kiểm tra được: ${p.rules.join(', ')}.`,
  'missing.unit-name': (p) => `Dòng ${p.row} có số liệu nhưng không có tên đơn vị.`,
  'duplicate.indicator': (p, f) => `Chỉ tiêu "${f.ind(p.indicator)}" xuất hiện hai lần (lần đầu ở ${p.first}); bỏ qua lần này.`,
  'duplicate.unit': (p) => `Đơn vị "${p.unit}" xuất hiện hai lần (lần đầu ở ${p.first}).`,
  'duplicate.code': (p) => `Mã "${p.code}" của "${p.unit}" trùng với mã của "${p.first}".`,
  'hierarchy.unknown-parent': (p) => `"${p.unit}": không có đơn vị nào mang mã cấp trên "${p.parent}"; đơn vị này không được cộng vào đâu.`,
  'hierarchy.cycle': (p) => `"${p.unit}" nằm trong một vòng lặp cấp trên (${p.codes.join(' → ')}); các đơn vị trong vòng không được cộng vào đâu.`,
  'hierarchy.orphan': (p) => `"${p.unit}" không có đơn vị cấp trên và không phải là tổng; số liệu của đơn vị này không được cộng vào đâu.`,
  'unknown.row': (p) => `Không nhận ra chỉ tiêu "${p.text}"; dòng này không được kiểm tra (xem danh sách tên chỉ tiêu trong README).`,
  'unknown.unlabelled-row': (p) => `Dòng ${p.row} có số liệu nhưng không có tên chỉ tiêu; dòng này không được kiểm tra.`,
  'unknown.empty-row': (p) => `Dòng ${p.row} ("${p.text}") không có số liệu nào; dòng này không được kiểm tra.`,
  'unknown.column': (p) => `Không nhận ra cột "${p.text}"; cột này không được kiểm tra (xem danh sách tên chỉ tiêu trong README).`,
  'unknown.unlabelled-column': (p) => `Cột ${p.col} có nội dung nhưng không có tiêu đề; cột này không được kiểm tra.`,
  'skip.bad-value': (p, f) => `ô ${f.list(p.cells)} không dùng được`,
  'skip.absent': (p, f) => `bảng không có ${f.list(p.indicators.map((i) => f.ind(i).toLowerCase()))}`,
  ui: {
    indicatorLabels: {
      households_start: 'Tổng số hộ đầu năm',
      households_end: 'Tổng số hộ cuối năm',
      poor_start: 'Số hộ nghèo đầu năm',
      poor_reduced: 'Số hộ nghèo giảm trong năm',
      poor_end: 'Số hộ nghèo cuối năm',
      rate_start: 'Tỷ lệ hộ nghèo đầu năm',
      rate_reduced: 'Tỷ lệ hộ nghèo giảm trong năm',
      rate_end: 'Tỷ lệ hộ nghèo cuối năm',
    },
    tableLabels: {
      households_start: 'Tổng số hộ đầu năm',
      households_end: 'Tổng số hộ cuối năm',
      poor_start: 'Số hộ nghèo đầu năm',
      poor_reduced: 'Số hộ nghèo giảm trong năm',
      poor_end: 'Số hộ nghèo cuối năm',
      rate_start: '- Đầu năm',
      rate_reduced: '- Giảm trong năm',
      rate_end: '- Cuối năm',
    },
    rateHeading: 'Tỷ lệ hộ nghèo',
    measure: { households: 'Hộ', percent: '%' },
    sttHeader: 'STT',
    labelHeader: 'Chỉ tiêu',
    measureHeader: 'ĐVT',
    unitHeader: 'Đơn vị',
    severity: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
    severityPlural: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
    verdictOk: (file) => `✔ ${file}: không có lỗi`,
    verdictInvalid: (file) => `✖ ${file}: có lỗi`,
    verdictUnreadable: (file, reason) => `✖ ${file}: không đọc được (${reason})`,
    counts: (e, w, i) => `${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
    readAs: (source, layout, locale) => `Đọc: ${source}; bố cục ${layout}; số viết kiểu ${locale}`,
    source: (s) =>
      s.kind === 'delimited'
        ? `văn bản ${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 có BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3', vni: 'VNI' }[s.encoding]}, phân cách bằng ${{ ',': 'dấu phẩy', ';': 'dấu chấm phẩy', '\t': 'TAB' }[s.delimiter]}`
        : `sổ tính ${s.format}, trang "${s.sheet}"`,
    layoutName: { wide: 'ngang (mỗi dòng một chỉ tiêu)', long: 'dọc (mỗi dòng một đơn vị)' },
    localeName: { vi: 'Việt Nam (210.299; 11,80)', en: 'tiếng Anh (210,299; 11.80)', plain: 'không có dấu phân cách' },
    expectedActual: (e, a) => `đúng ra: ${e}; trong bảng: ${a}`,
    notChecked: 'Chưa kiểm tra',
    moreFindings: (n, rule) => `… và ${n} phát hiện ${rule} nữa (xem đầy đủ với --format json)`,
    tableOmitted: (units) => `Bảng có ${units} đơn vị, quá lớn để in ra đây; dùng --format json, hoặc povcheck table để xem bảng.`,
    skipLine: (rule, unit, reason) => `${rule}${unit ? ` (${unit})` : ''}: ${reason}`,
    allUnits: 'mọi đơn vị',
    annexTitle: 'Bảng số liệu (ô có vấn đề được đánh dấu)',
    legend: '✖ lỗi  ▲ cảnh báo  ℹ thông tin',
    summary: (files, e, w, i) => `Tổng cộng: ${files} tệp; ${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
    unreadable: (file, reason) => `povcheck: ${file}: ${reason}`,
  },
  errors: {
    FILE_NOT_FOUND: () => 'không có tệp này',
    FILE_UNREADABLE: (p) =>
      p.reason === 'directory' ? 'đây là thư mục, không phải tệp' : p.reason === 'not-a-file' ? 'đây không phải là tệp thông thường' : `không đọc được tệp (${p.detail ?? ''})`,
    FILE_EMPTY: (p) => (p.blank ? 'tệp chỉ có khoảng trắng, không có bảng' : 'tệp rỗng'),
    FILE_BINARY: (p) =>
      ({
        zip: 'đây là tệp nén ZIP (sổ tính .xlsx/.docx hoặc tệp .zip), không phải tệp CSV',
        ole: 'đây là tệp Office cũ (.xls/.doc); hãy lưu thành CSV hoặc .xlsx',
        pdf: 'đây là tài liệu PDF, không phải bảng số liệu',
        png: 'đây là ảnh PNG, không phải bảng số liệu',
        jpeg: 'đây là ảnh JPEG, không phải bảng số liệu',
        gzip: 'đây là dữ liệu nén gzip, không phải bảng số liệu',
        binary: 'đây là dữ liệu nhị phân, không phải tệp CSV hay bảng văn bản',
      })[p.kind],
    FILE_TOO_LARGE: (p) => `tệp lớn hơn ${p.limitMb} MB`,
    ENCODING_INVALID: (p) =>
      `văn bản không phải ${p.encoding} hợp lệ; có thể tệp dùng bảng mã cũ (Windows-1258, TCVN3, VNI): hãy lưu lại từ Excel dạng "CSV UTF-8" hoặc "Unicode Text"`,
    ENCODING_LEGACY: (p) =>
      `văn bản dùng bảng mã cũ${p.likely ? ` (có lẽ là ${{ 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3/ABC, phông .VnTime', vni: 'VNI, phông VNI-Times' }[p.likely]})` : ' (Windows-1258, TCVN3 hoặc VNI)'}${p.sample ? `, ví dụ "${p.sample}"` : ''}; hãy đọc bằng --encoding ${p.likely ?? 'windows-1258|tcvn3|vni'} hoặc lưu lại dạng "CSV UTF-8"`,
    CSV_MALFORMED: (p) => `không phân tích được CSV${p.line ? ` ở khoảng dòng ${p.line}` : ''}: ${p.detail}`,
    NOT_A_TABLE: (p) =>
      p.reason === 'no-columns'
        ? 'không thấy cấu trúc cột: không dòng nào tách được thành nhiều ô bằng dấu phẩy, chấm phẩy hay TAB'
        : 'không thấy chỉ tiêu nào của bảng giảm nghèo (ví dụ "Số hộ nghèo đầu năm" hay "poor_start") ở dòng hoặc cột nào',
    LOCALE_AMBIGUOUS: (p) =>
      p.reason === 'ambiguous'
        ? `ô ${p.cell}: "${p.text}" đọc kiểu Việt Nam là ${p.vi}, kiểu tiếng Anh là ${p.en}, và không ô nào khác cho biết tệp dùng kiểu nào; hãy chỉ rõ --locale vi hoặc --locale en`
        : `tệp dùng lẫn hai kiểu số với số lượng ngang nhau (ô ${p.viCell} "${p.viText}" kiểu Việt Nam, ô ${p.enCell} "${p.enText}" kiểu tiếng Anh); hãy chỉ rõ --locale vi hoặc --locale en`,
    USAGE: (p) => p.detail,
    WRITE_FAILED: (p) => `không ghi được tệp kết quả (${p.detail})`,
    INTERNAL: (p) => `lỗi nội bộ (${p.detail}); xin báo lỗi này kèm tệp`,
  },
};
