/** Vietnamese messages. Numbers arrive as plain digits; f.n() writes them as 210.299 and 11,80. */
import { cellPlace, viDocument, viDocumentMessages } from './vi-document.js';
import { layoutWords } from './indicator-labels.js';
import type { Catalog, CauseCellText, Fmt, NoCauseParams, TargetOp } from './types.js';
import type { FormulaRange, SlipKind } from '../locate/types.js';
import type { ConfigProblem, ContainerDamage, ErrorParams, Word97Structure, XmlDamage } from '../errors.js';
import { viCalc, val } from './vi-calc.js';
import { viCli } from './cli-vi.js';
import type { SpreadsheetError } from '../model/grid.js';
import { quotedRows, type JoinedPart, type MessageParams } from '../model/message-ref.js';
import type { NoIndicatorKind } from '../model/vocabulary.js';
import { count, firstThree, namesCut, yearsSpan, missingChecksClause, namedPaths, isTxt, signed, splitCase, unsigned, alternativesOf, refList } from './number-format.js';
import { viRelations } from './vi-relations.js';

/** A count the report makes (findings, files, units), grouped as Vietnamese writes it: 87.299. */
const k = (n: number) => count(n, 'vi');

/** Cách lưu thành .docx một văn bản povcheck không đọc (.doc, .odt, .rtf). */
const SAVE_AS_DOCX_VI = 'hãy mở bằng Word hoặc LibreOffice và lưu thành .docx (hoặc chuyển đổi: libreoffice --headless --convert-to docx <tệp>), rồi kiểm tra tệp .docx';

const OP: Record<TargetOp, string> = { '>=': '≥', '<=': '≤', '=': '=' };

/** Why a file could not be opened, by the system's code (the code itself for any other). */
const READ_CAUSE_VI: Record<string, string> = {
  EACCES: 'không có quyền đọc',
  EPERM: 'không có quyền đọc',
  ELOOP: 'các liên kết tượng trưng trỏ vòng quanh nhau',
  ENAMETOOLONG: 'đường dẫn quá dài',
  EIO: 'lỗi vào/ra của thiết bị',
  EMFILE: 'đang mở quá nhiều tệp',
};

/** What a label names that no indicator stands for (model/vocabulary.ts NoIndicatorKind). */
const VI_NO_INDICATOR: Record<NoIndicatorKind, string> = {
  increase: 'là mức tăng so với một thời điểm khác',
  share: 'là tỷ trọng trong một tổng số khác (povcheck kiểm tra tỷ lệ trong tổng số hộ nghèo, hộ cận nghèo khi nó đứng ngay sau số hộ của một bộ phận của nhóm đó)',
  ethnicGroup: 'chỉ một dân tộc, nhóm hộ mà povcheck không đếm riêng (số liệu dân tộc thiểu số là của các dân tộc thiểu số gộp lại)',
  average: 'là mức bình quân mỗi năm của cả giai đoạn, mà các bảng tính theo những giai đoạn không ghi giống nhau',
  selectedGroup: 'là số liệu của một nhóm (hộ, người, lượt) được chọn theo chính sách được hưởng, một đặc điểm hoặc một địa bàn (được hỗ trợ, vay vốn, người có công, bảo trợ xã hội, thiếu hụt nước sinh hoạt hay nhà ở, huyện nghèo, xã đặc biệt khó khăn…)',
  money: 'là một khoản tiền (kinh phí, vốn), không phải số hộ',
  period: 'là một giai đoạn nhiều năm, không phải một năm của chuỗi',
  planBeside: 'là kế hoạch của một năm mà bảng cũng ghi số thực hiện (năm đó được đọc từ cột thực hiện)',
  comparison: 'so sánh hai cột khác của bảng (mức đạt so với kế hoạch, so với cùng kỳ)',
  planColumn: 'là kế hoạch (hoặc mức đạt so với kế hoạch) của chỉ tiêu ở từng dòng (chỉ được đọc khi đặt cạnh các năm)',
  planYear: 'là kế hoạch của một năm, đặt cạnh kết quả thực hiện các năm (chỉ tiêu kế hoạch)',
  verdict: 'ghi lời đánh giá (đạt, không đạt, vượt…) chứ không ghi số liệu',
  measureMismatch: 'ghi đơn vị tính (cột ĐVT) không phải của chỉ tiêu mà tên của nó gọi (tỷ lệ phải là %, số hộ phải là hộ)',
};

/** Lý do ngắn, khi lý do đầy đủ đã ghi ở một nhãn trước (`sameAs`). */
const VI_NO_INDICATOR_SHORT: Record<NoIndicatorKind, string> = {
  increase: 'là mức tăng so với một thời điểm khác',
  share: 'là tỷ trọng trong một tổng số khác',
  ethnicGroup: 'chỉ một dân tộc',
  average: 'là mức bình quân mỗi năm của cả giai đoạn',
  selectedGroup: 'là số liệu của một nhóm được chọn theo chính sách, đặc điểm hoặc địa bàn',
  money: 'là một khoản tiền',
  period: 'là một giai đoạn nhiều năm',
  planBeside: 'là kế hoạch của một năm mà bảng cũng ghi số thực hiện',
  comparison: 'so sánh hai cột khác của bảng',
  planColumn: 'là kế hoạch của chỉ tiêu ở từng dòng',
  planYear: 'là kế hoạch của một năm',
  measureMismatch: 'ghi đơn vị tính không phải của chỉ tiêu mà tên của nó gọi',
  verdict: 'ghi lời đánh giá chứ không ghi số liệu',
};

/** Nhãn không phải chỉ tiêu được kiểm tra: lý do đầy đủ, hoặc ngắn kèm ô đã ghi lý do (`sameAs`). */
function viNoIndicator(what: 'Chỉ tiêu' | 'Cột', where: string, p: { text: string; kind?: NoIndicatorKind; sameAs?: string }): string {
  if (p.kind && p.sameAs) return `${what} "${p.text}" cũng ${VI_NO_INDICATOR_SHORT[p.kind]}, như ${p.sameAs}; ${where} không được kiểm tra.`;
  if (p.kind) return `${what} "${p.text}" ${VI_NO_INDICATOR[p.kind]}, không phải chỉ tiêu povcheck kiểm tra; ${where} không được kiểm tra.`;
  const unknown = what === 'Chỉ tiêu' ? `Không nhận ra chỉ tiêu "${p.text}"` : `Không nhận ra cột "${p.text}"`;
  // The list of labels is pointed to once, at the first label not recognised.
  return p.sameAs ? `${unknown}; ${where} không được kiểm tra.` : `${unknown}; ${where} không được kiểm tra (xem danh sách tên chỉ tiêu trong docs/input.md).`;
}

/** Dấu phân cách của tệp, gọi theo tên. */
const delimiterVi = (d: string) => (d === ',' ? 'dấu phẩy' : d === ';' ? 'dấu chấm phẩy' : 'TAB');
/** Why a name is in two cells: a delimiter outside quotes (`d`), or, in a workbook (`d` empty), a spreadsheet's import. */
const nameSplitVi = (d: string, name: string) =>
  d === '' ? `${name} nằm trên hai ô, như khi mở bằng bảng tính một tệp CSV có tên chứa dấu phân cách không nằm trong ngoặc kép` : `${name} chứa ${delimiterVi(d)} mà không nằm trong ngoặc kép nên bị tách làm hai`;
/** What to do about it: quote the name, or, in a workbook, put it back into one cell (and the figures after it). */
const unsplitVi = (d: string, figures: boolean) =>
  d === '' ? `Hãy gộp tên ấy lại vào một ô${figures ? ' và dời các số liệu của dòng sang trái' : ''} trong sổ tính.` : 'Đặt tên ấy trong ngoặc kép (hoặc lưu lại tệp từ Excel) để bảng đọc được đúng như đã ghi.';

/** Từng phần sau được đọc gộp vào tên, thành các vế của một câu. */
const restsReadVi = (joined: readonly JoinedPart[]) =>
  joined.map((j, i) => `${i === 0 ? 'Ô' : 'ô'} ${j.cell} ("${j.text}") được đọc là phần sau của tên ở ${j.into}: "${j.name}"`).join('; ');

/** Nghĩa của từng giá trị lỗi của bảng tính ở chỗ của một số liệu. */
const SPREADSHEET_ERROR_VI: Record<SpreadsheetError, string> = {
  '#DIV/0!': 'công thức chia cho ô trống hoặc bằng 0',
  '#REF!': 'công thức trỏ tới ô đã bị xoá hoặc di chuyển',
  '#VALUE!': 'công thức tính với ô chứa chữ',
  '#N/A': 'hàm tra cứu không tìm thấy giá trị',
  '#NAME?': 'công thức dùng tên hàm hoặc tên vùng mà bảng tính không nhận ra',
  '#NUM!': 'công thức cho kết quả số không hợp lệ',
  '#NULL!': 'công thức lấy phần giao của hai vùng không giao nhau',
  other: 'công thức không tính được',
};

/** A figure that rounds to zero at the printed precision (`0.00`, `-0.00`): said as "less than 0.01", never "about 0.00". */
/** Chỗ của một mục tiêu trong tệp mục tiêu hoặc giữa các --target: `mục tiêu thứ 2`, `mục tiêu thứ 2 (dòng 4)`. */
const targetPlaceVi = (p: { index?: number; line?: number }) => `mục tiêu thứ ${p.index}${p.line !== undefined ? ` (dòng ${p.line})` : ''}`;
const roundsToZero = (plain: string) => /^-?0(?:\.0*)?$/.test(plain);

/**
 * "tính ròng" of a net change in poor households, saying it was computed when the table prints no reduction
 * (`derived`: the start's count less the end's).
 */
const netVi = (p: { derived?: boolean }) => (p.derived ? 'tính ròng từ số đầu năm và cuối năm vì bảng không ghi' : 'tính ròng');

/** The split of a rate's change for the three cases (en.ts splitCase) the first sentence does not cover. */
function splitVi(p: { points: string; reduced: string; share: string; growth: string; change: string; derived?: boolean }, f: Fmt, rate: string): string {
  const g = roundsToZero(p.growth) ? `chưa đến ${f.n('0.01')}` : `khoảng ${f.n(unsigned(p.growth))}`;
  const share = `${f.n(unsigned(p.share))}% tổng số hộ đầu năm`;
  switch (splitCase(p)) {
    case 'fell-shrank':
      return `${rate} giảm ${f.n(p.points)} điểm phần trăm, trong khi số hộ nghèo giảm (${f.n(p.reduced)} hộ, ${netVi(p)}) bằng ${share}; riêng việc tổng số hộ giảm đã làm mức giảm ít đi ${g} điểm phần trăm`;
    case 'rose-grew':
      return `${rate} tăng ${f.n(unsigned(p.points))} điểm phần trăm, trong khi số hộ nghèo tăng ${f.n(unsigned(p.reduced))} hộ (${netVi(p)}), bằng ${share}; riêng việc tổng số hộ tăng đã làm mức tăng ít đi ${g} điểm phần trăm`;
    default:
      return `${rate} tăng ${f.n(unsigned(p.points))} điểm phần trăm, nhưng số hộ nghèo chỉ tăng ${f.n(unsigned(p.reduced))} hộ (${netVi(p)}), bằng ${share}; riêng việc tổng số hộ giảm đã làm tỷ lệ tăng thêm ${g} điểm phần trăm`;
  }
}

/** The slips the HTML report names (its likely causes' `kind`). */
const HTML_SLIP_VI = {
  transposition: 'đảo hai chữ số liền nhau',
  mistyped: 'gõ nhầm một chữ số',
  dropped: 'thiếu một chữ số',
  doubled: 'lặp một chữ số',
  extra: 'thừa một chữ số',
  separator: 'dấu phân cách hàng nghìn bị hiểu là dấu thập phân (2.750 → 2,75)',
  share: 'tỷ lệ ghi dạng số thập phân (0,1180 thay vì 11,80)',
  'rounded-coarser': 'tỷ lệ làm tròn ít chữ số thập phân hơn rồi ghi thêm số 0 (15,40 thay vì 15,38)',
  truncated: 'cắt bớt chữ số thập phân thay vì làm tròn (35,69 thay vì 35,70 của 35,6987…)',
  'reduction-share': 'mức giảm ghi bằng số hộ giảm chia tổng số hộ đầu năm (1,99 thay vì 2,06)',
  'reduction-added': 'lấy đầu năm cộng với mức giảm thay vì trừ đi (=D4+D5 thay cho =D4-D5)',
  'unrounded-difference': 'mức giảm làm tròn từ hiệu chưa làm tròn (2,64 thay vì 2,65)',
  'start-denominator': 'tỷ lệ cuối năm tính trên tổng số hộ đầu năm',
  'summed-rates': 'tỷ lệ hộ nghèo và cận nghèo ghi bằng tổng hai tỷ lệ đã làm tròn (8,60 = 6,63 + 1,97 thay vì 8,61)',
  sign: 'sai dấu',
  copied: 'chép giá trị từ ô cùng cột ở dòng (cột) bên cạnh',
  'mean-of-rates': 'tỷ lệ của đơn vị tổng lấy bằng trung bình cộng tỷ lệ các đơn vị',
  'part-left-out': 'số của đơn vị tổng lấy bằng tổng các đơn vị nhưng thiếu một đơn vị (vùng SUM thiếu một dòng)',
  'sum-of-rates': 'tỷ lệ của đơn vị tổng lấy bằng tổng tỷ lệ các đơn vị (công thức SUM chép xuống dòng tỷ lệ)',
  'decimal-mark': 'dấu thập phân đặt sai chỗ (1,180 thay vì 11,80)',
  shifted: 'một dòng hoặc cột số liệu bị gõ lệch một ô',
} satisfies Record<SlipKind, string>;

const SLIP_VI = {
  transposition: 'có vẻ hai chữ số liền nhau bị gõ đảo chỗ',
  mistyped: 'có vẻ gõ nhầm một chữ số',
  dropped: 'có vẻ gõ thiếu một chữ số',
  doubled: 'có vẻ một chữ số bị gõ lặp',
  extra: 'có vẻ gõ thừa một chữ số',
  separator: 'có vẻ dấu phân cách hàng nghìn bị gõ thành dấu thập phân',
  share: 'có vẻ tỷ lệ bị ghi dạng số thập phân thay vì phần trăm',
  'rounded-coarser': 'có vẻ tỷ lệ được làm tròn ít chữ số thập phân hơn rồi ghi thêm số 0',
  truncated: 'có vẻ bị cắt bớt chữ số thập phân (làm tròn xuống) thay vì làm tròn',
  'reduction-share': 'có vẻ mức giảm được tính bằng số hộ nghèo giảm chia cho tổng số hộ đầu năm',
  'reduction-added': 'có vẻ số cuối năm được tính bằng đầu năm cộng với mức giảm thay vì trừ đi',
  'unrounded-difference': 'có vẻ mức giảm được tính từ hai tỷ lệ chưa làm tròn rồi mới làm tròn, thay vì lấy hiệu của hai tỷ lệ đã làm tròn',
  'start-denominator': 'có vẻ tỷ lệ cuối năm được tính trên tổng số hộ đầu năm',
  'summed-rates': 'có vẻ tỷ lệ được lấy bằng tỷ lệ hộ nghèo cộng tỷ lệ hộ cận nghèo (hai số đã làm tròn), thay vì tính từ tổng số hộ nghèo và hộ cận nghèo',
  sign: 'có vẻ sai dấu',
  copied: 'có vẻ giá trị bị chép từ ô cùng cột ở dòng (cột) bên cạnh',
  'mean-of-rates': 'có vẻ tỷ lệ của đơn vị tổng được tính bằng trung bình cộng tỷ lệ các đơn vị, không phải số hộ nghèo chia cho tổng số hộ của nó',
  'part-left-out': 'có vẻ số của đơn vị tổng là tổng các đơn vị nhưng thiếu một đơn vị (vùng SUM thiếu một dòng)',
  'sum-of-rates': 'có vẻ tỷ lệ của đơn vị tổng là tổng tỷ lệ các đơn vị (công thức SUM của cột tổng chép xuống dòng tỷ lệ)',
  'decimal-mark': 'có vẻ dấu thập phân bị đặt sai chỗ: các chữ số đúng, giá trị lệch 10 lần, 100 lần …',
  shifted: 'có vẻ các số liệu bị gõ lệch một ô, mỗi ô mang giá trị của ô bên cạnh',
} as const;

const cellName = (c: CauseCellText, f: Fmt) => `ô ${c.ref} (${f.ind(c.indicator)}, ${c.unit})`;
/** "… thì phép kiểm tra đang sai sẽ đúng" / "… thì cả 3 phép kiểm tra đang sai đều đúng". */
/** Every failing check is a sum of one unit: the structure, not a cell. */
const sumsOfVi = (unit: string) =>
  `Mọi phép kiểm tra đang sai đều là phép cộng của ${unit}: có lẽ không phải vài ô sai, mà dòng này lấy từ bảng hoặc năm khác, hoặc các đơn vị liệt kê dưới nó không phải là các đơn vị mà tổng của nó cộng lại (hãy kiểm tra mã cấp trên của chúng); xem các lỗi bên dưới.`;
/** The counts are stored as fractions: the import, not cells. */
const fractionsVi = (cell: string) =>
  `Sổ tính lưu các số hộ thành số thập phân (xem cảnh báo ở ô ${cell}): có lẽ không phải vài ô sai, mà bảng đã được mở với thiết lập số kiểu tiếng Anh; hãy nhập lại tệp với thiết lập tiếng Việt.`;
/** `--locale` was given against the file's cells: the option, not cells. */
const localeGivenVi = ({ given, cell }: { given: string; cell: string }) =>
  `Các số được đọc theo --locale ${given}, khác với cách tệp viết số (xem cảnh báo về ô ${cell}): có lẽ không phải vài ô sai; hãy chạy lại không có --locale.`;
/** The hint a none/stopped/open line ends with, if any. */
/** Figures of one indicator negative across units: a formula the wrong way round, not cells. */
const negativeVi = ({ label, count, cell }: NonNullable<NoCauseParams['negative']>) =>
  `${count} ô ${label.charAt(0).toLowerCase() + label.slice(1)} mang dấu âm (xem cảnh báo ở ô ${cell}): có lẽ không phải vài ô sai, mà cả dòng ghi mức thay đổi tính ngược chiều (cuối năm − đầu năm); hãy sửa dấu các ô đó rồi kiểm tra lại.`;
const hintVi = (p: NoCauseParams) =>
  p.fractionsAt !== undefined ? fractionsVi(p.fractionsAt) : p.localeGiven !== undefined ? localeGivenVi(p.localeGiven) : p.negative !== undefined ? negativeVi(p.negative) : p.sumsOf !== undefined ? sumsOfVi(p.sumsOf) : undefined;
const allFailing = (n: number) => (n === 1 ? 'phép kiểm tra đang sai sẽ đúng' : `cả ${n} phép kiểm tra đang sai đều đúng`);
/** "làm cho … trở nên đúng". */
const failingNoun = (n: number) => (n === 1 ? 'phép kiểm tra đang sai' : `cả ${n} phép kiểm tra đang sai`);
/** "bất kỳ giá trị nào từ 2,12 đến 100,00" for bounds already written (absent: unbounded). */
/** Why a cause's cell has a range: its checks' rounded figures, or checks that only bound it (a part at most its whole). */
/** A partial list's sum skip, when its parts were checked against the parent all the same. */
const VI_BOUNDED = '; chỉ kiểm tra được các đơn vị được nêu cộng lại không nhiều hơn nó';
const notPinned = (rounding: boolean) => (rounding ? 'tỷ lệ đã làm tròn nên không xác định được đúng một giá trị' : 'các phép kiểm tra chỉ giới hạn giá trị, không xác định được đúng một giá trị');
const rangeWords = (min: string | undefined, max: string | undefined) =>
  min !== undefined && max !== undefined ? `bất kỳ giá trị nào từ ${min} đến ${max}` : min !== undefined ? `bất kỳ giá trị nào từ ${min} trở lên` : max !== undefined ? `bất kỳ giá trị nào đến ${max}` : 'giá trị khác';
const rangeText = (c: CauseCellText, f: Fmt) => rangeWords(c.min !== undefined ? f.n(c.min) : undefined, c.max !== undefined ? f.n(c.max) : undefined);
/** Công thức bị nghi ngờ đọc gì so với phép kiểm tra đang sai: thành phần bị bỏ sót hay cộng thêm, hoặc ô khác. */
const formulaRangeVi = (r: FormulaRange) => {
  const out = r.leavesOut.join(', ');
  const adds = r.adds.join(', ');
  if (r.sum) return [out ? `bỏ sót ${out}` : '', adds ? `cộng thêm ${adds} vốn không phải là thành phần` : ''].filter(Boolean).join(' và ');
  return out && adds ? `lấy ${adds} trong khi phải lấy ${out}` : out ? `không lấy ${out}` : `lấy thêm ${adds}`;
};
const formulaNote = (formula: CauseCellText['formula']) =>
  !formula
    ? ''
    : formula.role === 'entered'
      ? formula.sheet !== undefined
        ? ` (ô lấy số từ trang "${formula.sheet}" bằng công thức ${formula.text}: sửa số liệu ở trang đó; --sheet "${formula.sheet}" để kiểm tra trang đó)`
        : ` (ô chứa công thức ${formula.text} mà povcheck không tính lại: coi như số nhập tay)`
      : formula.range
        ? ` (ô được tính bằng công thức ${formula.text}, ${formulaRangeVi(formula.range)}: hãy kiểm tra ${formula.range.sum ? 'vùng' : 'các ô'} của công thức)`
        : ` (ô được tính bằng công thức ${formula.text}, nhưng sửa các ô đầu vào không giải thích được: hãy kiểm tra công thức)`;
/** Cells typed one cell off, together (a run of a row or column): `các ô H5–K5 (…) có vẻ bị gõ lệch một ô: dời lại thì là 799, 818`. */
const runOf = (cells: CauseCellText[], f: Fmt): string | undefined => {
  if (cells.length < 2 || !cells.every((c) => c.kind === 'shifted' && c.proposed !== undefined)) return undefined;
  const [first, last] = [cells[0]!, cells[cells.length - 1]!];
  const what = cells.every((c) => c.indicator === first.indicator) ? f.ind(first.indicator) : cells.every((c) => c.unit === first.unit) ? first.unit : undefined;
  return `các ô ${first.ref}–${last.ref}${what ? ` (${what})` : ''} có vẻ bị gõ lệch một ô: dời lại thì là ${cells.map((c) => f.n(c.proposed!)).join(', ')}`;
};

const item = (c: CauseCellText, f: Fmt) => {
  const value = c.min !== undefined || c.max !== undefined
    ? `${rangeText(c, f)} đều được${c.proposed !== undefined ? `, nhiều khả năng là ${f.n(c.proposed)}` : ''}`
    : `đúng ra là ${f.n(c.proposed ?? '')}`;
  // Ô trống (ô đầu của một dãy bị gõ lệch sang ô kế tiếp): nói là để trống, không phải "ghi" gì.
  return `${cellName(c, f)} ${c.actual === '' ? 'để trống' : `ghi ${f.n(c.actual)}`}${formulaNote(c.formula)}, ${value}${c.kind ? ` (${SLIP_VI[c.kind]})` : ''}`;
};

/** Said of a workbook part no spreadsheet program writes (a reference outside any worksheet). */
const NOT_SAVED_BY_A_SPREADSHEET = 'tệp bị hỏng hoặc không được lưu bằng chương trình bảng tính';

/** Chỗ hỏng của vỏ ZIP hay một phần XML của sổ tính, văn bản (errors.ts ContainerDamage, XmlDamage). */
/** A web page's table (read/html-table.ts: tables by their position), and the page's tables passed over or not read. */
function webPageTableVi(s: { sheet: string; passedOver?: readonly string[]; others?: readonly string[]; mhtml?: true }): string {
  const list = (xs: readonly string[]) => xs.join(', ');
  return `trang web (HTML${s.mhtml ? ', lưu thành một tệp: MHTML' : ''}), bảng thứ ${s.sheet} của trang${s.passedOver?.length ? ` (bảng ${list(s.passedOver)} trước đó không có bảng hộ nghèo)` : ''}${s.others?.length ? `; bảng ${list(s.others)} của trang không được đọc (--sheet N để kiểm tra một bảng)` : ''}`;
}

/** Các cấu trúc của văn bản Word 97–2003, như khi báo hỏng. */
const WORD97_STRUCTURE_VI: Record<Word97Structure, string> = {
  fib: 'Khối thông tin tệp (FIB)',
  pieces: 'Bảng vị trí văn bản (piece table)',
  text: 'Phần văn bản',
  'table-stream': 'Luồng bảng (1Table hoặc 0Table)',
  paragraphs: 'Thuộc tính đoạn văn',
  characters: 'Thuộc tính ký tự',
  styles: 'Bảng kiểu (style sheet)',
};

function containerDamage(p: ContainerDamage | XmlDamage, office: string): string {
  if ('xml' in p) {
    return p.xml === 'doctype'
      ? `${p.part} khai báo DOCTYPE, điều tệp ${office} không bao giờ làm (đó là cách mở đầu tấn công khai triển thực thể); không đọc`
      : `${p.part} không phải XML hợp lệ (${p.detail})`;
  }
  switch (p.damage) {
    case 'no-directory':
      return 'không có mục lục ZIP (central directory): tệp bị cắt cụt hoặc bị hỏng';
    case 'directory':
      return 'mục lục ZIP (central directory) bị hỏng';
    case 'end-record':
      return `bản ghi kết thúc mục lục ZIP (end of central directory) bị hỏng: ${
        p.fault === 'count'
          ? `bản ghi nói có ${p.listed.toLocaleString('vi-VN')} phần, nhưng mục lục ZIP có ${p.found.toLocaleString('vi-VN')} phần`
          : p.fault === 'outside'
            ? 'bản ghi đặt mục lục ZIP ra ngoài tệp'
            : 'bản ghi không trỏ tới mục lục ZIP'
      }`;
    case 'part-twice':
      return `tệp ZIP có hai phần cùng tên ${p.part} (mỗi chương trình có thể chọn đọc một phần khác nhau, nên nội dung hiện ra có thể khác nhau)`;
    case 'part-case':
      return `tệp ZIP có hai phần tên ${p.part} và ${p.other}, chỉ khác nhau chữ hoa chữ thường: Excel coi là một tên, chương trình khác coi là hai (nên nội dung hiện ra có thể khác nhau)`;
    case 'part-name':
      return `mục lục ZIP ghi phần ${p.part} nhưng đầu phần đó lại ghi tên ${p.local} (chương trình đọc theo đầu phần sẽ thấy một phần khác, nên nội dung hiện ra có thể khác nhau)`;
    case 'part-header':
      return `phần ${p.part} trong tệp ZIP bị hỏng`;
    case 'part-short':
      return `phần ${p.part} trong tệp ZIP bị cắt cụt`;
    case 'part-method':
      return `phần ${p.part} trong tệp ZIP được nén bằng cách nén không được hỗ trợ (${p.method})`;
    case 'part-inflate':
      return `không giải nén được phần ${p.part} trong tệp ZIP (${p.code})`;
    case 'part-larger':
      return `phần ${p.part} trong tệp ZIP giải nén ra lớn hơn kích thước ghi ở đầu phần (tệp hỏng hoặc cố ý gây hại)`;
    case 'part-size':
      return `phần ${p.part} trong tệp ZIP giải nén ra không đúng kích thước ghi ở đầu phần`;
    case 'no-workbook':
      return 'thiếu phần xl/workbook.xml';
    case 'no-worksheet':
      return 'không có trang tính nào';
    case 'shared-string':
      return `ô ${p.cell} trỏ tới chuỗi văn bản số ${p.index}, nhưng sổ tính không có chuỗi này`;
    case 'sheet-missing':
      return `thiếu trang tính "${p.sheet}" (${p.part})`;
    case 'cell-ref':
      return `trang tính "${p.sheet}" có ô ở địa chỉ ${p.ref}, địa chỉ mà không trang tính nào có (cột A đến XFD, hàng 1 đến 1.048.576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'row-ref':
      return `trang tính "${p.sheet}" có hàng số ${p.ref}, số hàng mà không trang tính nào có (hàng 1 đến 1.048.576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'merge-ref':
      return `trang tính "${p.sheet}" gộp ô ${p.ref}, không phải vùng ô của trang tính (cột A đến XFD, hàng 1 đến 1.048.576); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'col-ref':
      return `trang tính "${p.sheet}" ẩn các cột ${p.ref}, số cột mà không trang tính nào có (cột 1 đến 16.384); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'cell-row':
      return `trang tính "${p.sheet}" có ô ${p.ref} nằm trong hàng ${p.row.toLocaleString('vi-VN')} (mỗi chương trình có thể đặt ô này vào một hàng khác nhau); ${NOT_SAVED_BY_A_SPREADSHEET}`;
    case 'ole':
      return {
        header: `phần đầu của tệp Office 97–2003 không hợp lệ (tệp bị hỏng, hoặc không phải tệp ${office === 'Word' ? 'Word' : 'Excel'})`,
        sector: 'tệp Office 97–2003 trỏ tới vị trí quá cuối tệp (tệp bị cắt cụt hoặc bị hỏng)',
        loop: 'tệp Office 97–2003 có một chuỗi sector quay vòng (tệp hỏng hoặc cố ý gây hại)',
        directory: 'mục lục của tệp Office 97–2003 bị hỏng',
        size: 'một luồng dữ liệu của tệp Office 97–2003 dài hơn các sector chứa nó (tệp bị cắt cụt hoặc bị hỏng)',
      }[p.fault];
    case 'biff-version':
      return `đây là sổ tính Excel 5.0/95 hoặc cũ hơn (${p.version}), povcheck không đọc loại này: mở bằng Excel hoặc LibreOffice rồi lưu thành "Excel Workbook (.xlsx)"`;
    case 'biff-record':
      return `một bản ghi ở byte ${p.at.toLocaleString('vi-VN')} của luồng Workbook vượt quá cuối luồng (tệp bị cắt cụt hoặc bị hỏng)`;
    case 'biff-sheet':
      return `trang tính "${p.sheet}" không bắt đầu ở chỗ sổ tính ghi (tệp bị hỏng)`;
    case 'doc-structure':
      return `${WORD97_STRUCTURE_VI[p.structure]} của văn bản trỏ ra ngoài tệp hoặc không đọc được (tệp bị cắt cụt hoặc bị hỏng); mở bản gốc bằng Word rồi lưu lại`;
    case 'doc-version':
      return `đây là văn bản ${p.version} hoặc cũ hơn, povcheck không đọc loại này: mở bằng Word hoặc LibreOffice Writer rồi lưu thành "Word Document (.docx)"`;
  }
}

function configProblem(p: ConfigProblem): string {
  const at = p.pointer === '' ? 'cấp ngoài cùng' : p.pointer;
  switch (p.kind) {
    case 'enum':
      return `${at} phải là một trong các giá trị ${p.allowed.join(', ')}`;
    case 'type':
      return `${at} phải là ${{ object: 'một đối tượng', array: 'một danh sách', string: 'một chuỗi chữ', boolean: 'true hoặc false', integer: 'một số nguyên', number: 'một số' }[p.type] ?? p.type}`;
    case 'unknown-key':
      return `${at} có khoá không hợp lệ "${p.key}"`;
    case 'required':
      return `${at} thiếu "${p.key}"`;
    case 'pattern':
      return `${at} không đúng dạng (${p.pattern})`;
    case 'other':
      return `${at}: ${p.detail}`;
  }
}

const lowFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Khoảng cách tới mục tiêu chưa đạt, tính bằng số hộ nghèo giảm (ròng). */
function targetGap(p: MessageParams['target.missed'], f: Fmt): string {
  const g = p.gap;
  const what = lowFirst(f.ind(p.indicator));
  switch (g.kind) {
    case 'more':
      return `Số hộ nghèo giảm trong năm cần thêm ít nhất ${f.n(g.more)} hộ: tối thiểu ${f.n(g.minimum)} hộ, bảng ghi ${f.n(g.exits)} hộ.`;
    case 'fewer':
      return `Bảng ghi ${f.n(g.exits)} hộ nghèo giảm, nhiều hơn ${f.n(g.fewer)} hộ so với mức tối đa còn đạt mục tiêu (${f.n(g.maximum)} hộ).`;
    case 'unreachable':
      return g.direction === 'more'
        ? `Không có số hộ nghèo giảm nào đạt được mục tiêu: kể cả khi toàn bộ ${f.n(g.poor)} hộ nghèo đều ra khỏi diện nghèo, ${what} cũng chỉ là ${val(p.indicator, g.best, f)}.`
        : `Không có số hộ nghèo giảm nào đạt được mục tiêu: kể cả khi số hộ nghèo không giảm, ${what} đã là ${val(p.indicator, g.best, f)}.`;
    case 'not-exact':
      return `Không có số hộ nghèo giảm nào cho đúng giá trị này: giảm ${f.n(g.exits)} hộ nghèo thì được ${val(p.indicator, g.value, f)}, thêm một hộ thì được ${val(p.indicator, g.nextValue, f)}.`;
    case 'counts-meet':
      return `Theo số hộ trong bảng (${f.n(g.exits)} hộ nghèo giảm) thì mục tiêu đạt; giá trị ghi trong bảng không khớp với số hộ (xem các lỗi rate, rate-change).`;
    case 'zero-households':
      return 'Không tính được số hộ còn thiếu: tổng số hộ đầu năm hoặc cuối năm bằng 0.';
    case 'not-exits':
      return `Số hộ nghèo giảm không làm thay đổi ${what}, nên không tính số hộ còn thiếu.`;
    case 'no-counts':
      return 'Không tính được số hộ còn thiếu: bảng không có đủ tổng số hộ đầu năm, cuối năm, số hộ nghèo đầu năm và số hộ nghèo giảm (hoặc cuối năm) dùng được.';
  }
}

const CONTINUITY_NAME = {
  households_start: 'tổng số hộ đầu năm',
  poor_start: 'số hộ nghèo đầu năm',
  households_end: 'tổng số hộ cuối năm',
  poor_end: 'số hộ nghèo cuối năm',
} as const;

function continuityMismatch(p: MessageParams['continuity.mismatch'], f: Fmt): string {
  const end = p.indicator === 'households_start' ? 'households_end' : 'poor_end';
  const diff = `(chênh lệch ${f.n(signed(p.diff))})`;
  const head = `${p.unit}: ${CONTINUITY_NAME[p.indicator]} ở tệp này là ${f.n(p.actual)} (${cellPlace(p.cell)}), nhưng`;
  const tail = 'số đầu năm phải bằng số cuối năm trước.';
  if (p.previous.length === 1) {
    const q = p.previous[0]!;
    const who = q.unit === p.unit ? '' : ` của ${q.unit}`;
    return `${head} ${p.previousFile} ghi ${CONTINUITY_NAME[end]}${who} là ${f.n(q.value)} (${cellPlace(q.cell)}) ${diff}; ${tail}`;
  }
  const parts = f.list(p.previous.map((q) => `${q.unit} (${cellPlace(q.cell)}: ${f.n(q.value)})`));
  return `${head} ở ${p.previousFile}, ${CONTINUITY_NAME[end]} của ${parts}, được gộp vào đơn vị này theo bảng đối chiếu đơn vị, cộng lại là ${f.n(p.expected)} ${diff}; ${tail}`;
}

const renamed = 'Nếu đơn vị đã sáp nhập hoặc đổi tên, hãy khai báo bằng --units-map (hoặc unitAliases trong povcheck.config.json).';

/** What a binary side file is, for SIDE_FILE_BINARY. */
const SIDE_KIND_VI: Record<ErrorParams['FILE_BINARY']['kind'], string> = {
  zip: 'một tệp nén ZIP (bảng tính Excel hoặc văn bản Word)',
  'not-zip': 'dữ liệu nhị phân',
  'docx-damaged': 'một tệp nén ZIP',
  ods: 'một bảng tính OpenDocument',
  xlsb: 'một bảng tính Excel nhị phân (.xlsb)',
  docx: 'một văn bản Word',
  odt: 'một văn bản OpenDocument',
  rtf: 'một văn bản RTF',
  doc: 'một văn bản Word 97–2003',
  encrypted: 'một tệp Office có đặt mật khẩu',
  'encrypted-doc': 'một văn bản Word có đặt mật khẩu',
  ole: 'một tệp Office cũ (.xls, .doc)',
  pdf: 'một tài liệu PDF',
  png: 'một ảnh PNG',
  jpeg: 'một ảnh JPEG',
  gzip: 'dữ liệu nén gzip',
  binary: 'dữ liệu nhị phân',
};

let built: Catalog | undefined;

/** The Vietnamese catalogue, built at its first use (index.ts `catalog`): a run whose messages are all in English never builds it. */
export function vi(): Catalog {
  return (built ??= {
    ...viRelations,
    'sum.mismatch': (p, f) =>
      `${f.ind(p.indicator)}: ${p.count === 1 ? 'đơn vị trực thuộc duy nhất ghi' : `cộng ${p.count} đơn vị được`} ${f.n(p.parts)}, nhưng ${p.total} ghi ${f.n(p.actual)} (chênh lệch ${f.n(signed(p.diff))}).`,
    'sum.exceeds': (p, f) =>
      `${f.ind(p.indicator)}: ${p.count === 1 ? `đơn vị được nêu (ô ${p.part}) ghi` : `${p.count} đơn vị được liệt kê cộng lại`} ${f.n(p.parts)}, nhiều hơn ${p.total} ghi ${f.n(p.actual)} (vượt ${f.n(p.diff)}). Bảng không liệt kê hết các đơn vị thuộc ${p.total} nên các đơn vị được nêu có thể cộng lại ít hơn, nhưng không thể nhiều hơn.`,
    'sum.total-assumed': (p) =>
      `Không có cột/dòng nào ghi là tổng (Toàn tỉnh, Tổng, Tổng cộng, Cộng); coi "${p.unit}" là tổng để kiểm tra phép cộng.`,
    'sum.total-by-sums': (p, f) =>
      `Không có cột/dòng nào ghi là tổng (Toàn tỉnh, Tổng, Tổng cộng, Cộng); coi "${p.unit}" là tổng vì số liệu của nó bằng tổng của ${k(p.count)} đơn vị còn lại ở ${k(p.indicators.length)} chỉ tiêu (${p.indicators.map((i) => f.ind(i)).join('; ')}).`,
    'flow.mismatch': (p, f) =>
      `${p.unit}: số hộ nghèo cuối năm phải bằng ${f.n(p.start)} − ${f.term(p.reduced)} = ${f.n(p.expected)}, nhưng bảng ghi ${f.n(p.actual)}.`,
    'rate.mismatch': (p, f) => {
      const denom = p.indicator === 'rate_end' ? 'tổng số hộ cuối năm' : 'tổng số hộ đầu năm';
      let s = `${p.unit}: ${f.ind(p.indicator).toLowerCase()} phải là ${f.n(p.poor)} / ${f.n(p.households)} × 100 = ${f.n(p.exact)}… → ${f.n(p.expected)} (mẫu số là ${denom}, làm tròn ${p.decimals === 1 ? '1 chữ số thập phân, như bảng ghi các tỷ lệ' : '2 chữ số thập phân'}), nhưng bảng ghi ${f.n(p.actual)}.`;
      if (p.startDenominator) s += ` ${f.n(p.actual)} là số hộ nghèo cuối năm chia cho tổng số hộ ĐẦU năm.`;
      return s;
    },
    'rate-change.mismatch': (p, f) => {
      const src = p.computed ? ' (tỷ lệ tính từ số hộ, vì bảng không ghi)' : '';
      const what = p.rate && p.from && p.to ? `mức giảm ${lowFirst(f.ind(p.rate))} từ năm ${p.from} đến năm ${p.to}` : p.indicator ? lowFirst(f.ind(p.indicator)) : 'mức giảm tỷ lệ hộ nghèo';
      const rounded = p.difference ? `${f.n(p.difference)} → ${f.n(p.expected)} điểm phần trăm (làm tròn ${p.decimals} chữ số thập phân như bảng ghi)` : `${f.n(p.expected)} điểm phần trăm`;
      let s = `${p.unit}: ${what} phải là ${f.n(p.start)} − ${f.term(p.end)} = ${rounded}${src}, nhưng bảng ghi ${f.n(p.actual)}.`;
      if (p.unrounded) s += ` ${f.n(p.actual)} là hiệu chưa làm tròn (${f.n(p.unrounded)}…) đem làm tròn; quy ước của biểu là lấy hiệu của hai tỷ lệ đã làm tròn 2 chữ số.`;
      if (p.share) s += ` ${f.n(p.actual)} là số hộ nghèo giảm chia cho tổng số hộ đầu năm, không phải mức giảm tỷ lệ.`;
      return s;
    },
    'rate-change.convention': (p, f) =>
      `${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.term(p.end)} (hiệu của hai tỷ lệ đã làm tròn); hiệu chưa làm tròn ${f.n(p.unrounded)}… thì làm tròn thành ${f.n(p.rounded)}. Đây là quy ước của biểu, không phải lỗi.`,
    'denominator.mixed': (p, f) =>
      `${p.unit}: tỷ lệ đầu năm tính trên ${f.n(p.h0)} hộ, tỷ lệ cuối năm trên ${f.n(p.h1)} hộ (${f.n(signed(p.change))} hộ), nên hai tỷ lệ khác mẫu số. ` +
      (splitCase(p) === 'fell-grew'
        ? `Tỷ lệ hộ nghèo giảm ${f.n(p.points)} điểm phần trăm, nhưng số hộ nghèo giảm (${f.n(p.reduced)} hộ, ${netVi(p)}) chỉ bằng ${f.n(p.share)}% tổng số hộ đầu năm; ` +
          (roundsToZero(p.growth) ? `riêng sự thay đổi số hộ chiếm chưa đến ${f.n('0.01')} điểm phần trăm của mức giảm.` : `riêng sự thay đổi số hộ đã chiếm khoảng ${f.n(p.growth)} điểm phần trăm của mức giảm.`)
        : `${splitVi(p, f, 'Tỷ lệ hộ nghèo')}.`),
    'denominator.total': (p, f) =>
      `${p.unit}: tổng số hộ thay đổi từ ${f.n(p.h0)} hộ đầu năm thành ${f.n(p.h1)} hộ cuối năm (${f.n(signed(p.change))} hộ), nên tỷ lệ đầu năm và cuối năm khác mẫu số. ` +
      (splitCase(p) === 'fell-grew'
        ? `Tỷ lệ hộ nghèo chung của ${p.unit} giảm ${f.n(p.points)} điểm phần trăm, nhưng số hộ nghèo giảm (${f.n(p.reduced)} hộ, ${netVi(p)}) chỉ bằng ${f.n(p.share)}% tổng số hộ đầu năm: ` +
          `${roundsToZero(p.growth) ? `chưa đến ${f.n('0.01')}` : `khoảng ${f.n(p.growth)}`} điểm phần trăm của mức giảm là do riêng sự thay đổi số hộ. Cần hiểu mức giảm là mức giảm của tỷ lệ, không phải số hộ nghèo giảm chia cho tổng số hộ; phần tách của từng đơn vị được ghi ở mục thông tin.`
        : `${splitVi(p, f, `Tỷ lệ hộ nghèo chung của ${p.unit}`)}. Cần hiểu mức ${p.points.startsWith('-') ? 'tăng' : 'giảm'} là mức thay đổi của tỷ lệ, không phải số hộ nghèo thay đổi chia cho tổng số hộ; phần tách của từng đơn vị được ghi ở mục thông tin.`),
    'denominator.direction': (p, f) => {
      const rose = p.points.startsWith('-');
      return (
        `${p.unit}: tỷ lệ hộ nghèo ${rose ? 'tăng' : 'giảm'} ${f.n(unsigned(p.points))} điểm phần trăm dù số hộ nghèo ${p.reduced.startsWith('-') ? `tăng ${f.n(unsigned(p.reduced))} hộ` : p.reduced === '0' ? 'không đổi' : `giảm ${f.n(p.reduced)} hộ`}${p.derived ? ` (${netVi(p)})` : ''}: ` +
        `chiều thay đổi đó chỉ do số hộ thay đổi (${f.n(p.h0)} hộ đầu năm, ${f.n(p.h1)} hộ cuối năm, ${f.n(signed(p.change))} hộ), vì hai tỷ lệ khác mẫu số.`
      );
    },
    'denominator.decides-target': (p, f) =>
      `${p.unit}: đạt mục tiêu ${viCalc.target(p, f)} (${val(p.indicator, p.actual, f)}) chỉ nhờ số hộ thay đổi từ ${f.n(p.h0)} thành ${f.n(p.h1)}: ` +
      `tính trên số hộ đầu năm thì được ${val(p.indicator, p.constant, f)}${p.from !== undefined && p.to !== undefined ? ` (${f.n(p.from)}% − ${f.term(p.to)}%, tỷ lệ cuối năm tính trên ${f.n(p.h0)} hộ đầu năm)` : ''}, không đạt (số hộ nghèo giảm, ${f.n(p.reduced)} hộ ${netVi(p)}, chỉ bằng ${f.n(p.share)}% tổng số hộ đầu năm).`,
    'denominator.summary': (p, f) =>
      `${p.count} đơn vị trực thuộc ${p.parent} có tỷ lệ đầu năm và tỷ lệ cuối năm tính trên số hộ khác nhau (khác mẫu số), nên mức giảm tỷ lệ hộ nghèo của các đơn vị này không phải là số hộ nghèo giảm chia cho tổng số hộ. ` +
      `Riêng sự thay đổi số hộ đã chiếm tới ${f.n(p.growth)} điểm phần trăm của mức giảm, ở ${p.unit} (tỷ lệ giảm ${f.n(p.points)} điểm phần trăm, nhưng số hộ nghèo giảm (${f.n(p.reduced)} hộ, ${netVi(p)}) chỉ bằng ${f.n(p.share)}% tổng số hộ đầu năm).`,
    'rate-change.convention-summary': (p, f) =>
      `${p.count} đơn vị trực thuộc ${p.parent} ghi mức giảm bằng hiệu của hai tỷ lệ đã làm tròn, trong khi hiệu chưa làm tròn thì làm tròn thành số khác; đây là quy ước của biểu, không phải lỗi. ` +
      `Ví dụ ${p.unit}: ${f.n(p.actual)} = ${f.n(p.start)} − ${f.term(p.end)}, còn hiệu chưa làm tròn ${f.n(p.unrounded)}… thì làm tròn thành ${f.n(p.rounded)}.`,
    'range.negative': (p, f) => `${p.unit}: ${f.ind(p.indicator).toLowerCase()} là số âm (${f.n(p.actual)}); số hộ không thể nhỏ hơn 0.`,
    'range.fraction': (p, f) => `${p.unit}: ${f.ind(p.indicator).toLowerCase()} là ${f.n(p.actual)}; số hộ phải là số nguyên.`,
    'range.exceeds': (p, f) =>
      `${p.unit}: ${f.ind(p.part).toLowerCase()} (${f.n(p.partValue)}) lớn hơn ${f.ind(p.whole).toLowerCase()} (${f.n(p.wholeValue)}).`,
    'range.reduced-negative': (p, f) =>
      p.indicator
        ? `${p.unit}: ${f.ind(p.indicator).toLowerCase()} là số âm (${f.n(p.actual)}), tức là số này tăng trong năm; hãy kiểm tra lại dấu.`
        : `${p.unit}: số hộ nghèo giảm trong năm là số âm (${f.n(p.actual)}), tức là số hộ nghèo tăng; hãy kiểm tra lại dấu.`,
    'range.rate': (p, f) =>
      `${p.unit}: ${f.ind(p.indicator).toLowerCase()} = ${f.n(p.actual)} nằm ngoài khoảng ${f.n(p.min)}–${f.n(p.max)}.`,
    'number.text': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" không phải là số.`,
    'number.digits': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" có hơn ${p.max} chữ số, không số liệu nào trong bảng có nhiều chữ số như vậy; ô này không được đọc là số.`,
    'number.spreadsheet-error': (p, f) =>
      `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: ô hiện lỗi ${p.text} của bảng tính${p.formula !== undefined ? ` (công thức =${p.formula})` : ''}: ${SPREADSHEET_ERROR_VI[p.kind]}; đây không phải là số liệu. Sửa công thức hoặc nhập số liệu.`,
    'number.note-mark': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" được đọc là ${f.n(p.value)}; ký hiệu "${p.mark}" sau số được coi là dấu chú thích, không phải một phần của số liệu.`,
    'number.approximate': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" là số ước chừng, không phải số liệu chính xác, nên những gì cần đến ô này không được kiểm tra.`,
    'number.bound': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" chỉ nêu một giới hạn (trên hoặc dưới một mức), không phải một số liệu, nên những gì cần đến ô này không được kiểm tra.`,
    'number.range': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" là một khoảng giá trị, không phải một số liệu, nên những gì cần đến ô này không được kiểm tra.`,
    'number.note': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: ô ghi chú thích chứ không ghi số liệu ("${p.text}"), nên những gì cần đến ô này không được kiểm tra.`,
    'number.grouping': (p, f) =>
      `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" không phải là số viết đúng kiểu ${p.locale === 'vi' ? 'Việt Nam (dấu "." tách nhóm ba chữ số, dấu "," là dấu thập phân)' : 'tiếng Anh (dấu "," tách nhóm ba chữ số, dấu "." là dấu thập phân)'}${p.restored !== undefined ? `; có lẽ là ${p.restored}, bị mất các chữ số 0 ở cuối (xem cảnh báo về các số hộ này)` : ''}.`,
    'number.zeros-dropped': (p) =>
      `${p.count} số hộ bị mất các chữ số 0 ở nhóm ba chữ số cuối (ô ${p.cell} ghi ${p.text}, có lẽ đã nhập ${p.restored}): có lẽ bảng đã được mở bằng một bảng tính có thiết lập số đọc dấu tách hàng nghìn của bảng thành dấu thập phân, rồi được lưu lại, làm mất các chữ số 0 sau dấu đó. Hãy mở lại tệp gốc với thiết lập số đúng với tệp, hoặc sửa lại các ô đó.`,
    'number.thousands-as-decimals': (p, f) =>
      `${p.count} số hộ trong sổ tính này được lưu thành số thập phân (ô ${p.cell} ghi ${f.n(p.value)}): có lẽ bảng tiếng Việt đã được mở hoặc nhập với thiết lập số kiểu tiếng Anh, nên dấu "." tách nhóm ba chữ số bị đọc thành dấu thập phân (39.880 thành 39,88). Hãy nhập lại tệp CSV với dấu "." là dấu tách hàng nghìn (thiết lập tiếng Việt), hoặc sửa lại các ô đó.`,
    'number.locale-given': (p) =>
      `Đã chỉ rõ --locale ${p.given} nhưng ${p.kinds === 'rate' ? 'các tỷ lệ' : p.kinds === 'count' ? 'các số hộ' : 'các số'} trong tệp đọc được theo kiểu ${p.read === 'vi' ? 'Việt Nam (dấu "." tách nhóm ba chữ số, dấu "," là dấu thập phân)' : 'tiếng Anh (dấu "," tách nhóm ba chữ số, dấu "." là dấu thập phân)'}, như ô ${p.cell}; nếu các lỗi là do đọc số theo cách đó, hãy bỏ --locale.`,
    'number.mixed-format': (p) =>
      p.locale === 'vi'
        ? `Tệp này viết số hộ kiểu Việt Nam (dấu "." tách nhóm ba chữ số, như ô ${p.countCell}) nhưng tỷ lệ kiểu tiếng Anh (dấu "." là dấu thập phân, như ô ${p.rateCell}); mỗi ô chỉ đọc được một cách nên povcheck đọc theo cách đó.`
        : `Tệp này viết số hộ kiểu tiếng Anh (dấu "," tách nhóm ba chữ số, như ô ${p.countCell}) nhưng tỷ lệ kiểu Việt Nam (dấu "," là dấu thập phân, như ô ${p.rateCell}); mỗi ô chỉ đọc được một cách nên povcheck đọc theo cách đó.`,
    'number.other-locale': (p, f) =>
      p.kinds
        ? `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" viết theo kiểu ${p.locale === 'vi' ? 'tiếng Anh' : 'Việt Nam'}, nhưng ${p.kinds === 'rate' ? 'các tỷ lệ' : 'các số hộ'} của tệp này viết kiểu ${p.locale === 'vi' ? 'Việt Nam' : 'tiếng Anh'} (như ô ${p.witness}).`
        : `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" viết theo kiểu ${p.locale === 'vi' ? 'tiếng Anh' : 'Việt Nam'}, nhưng tệp này dùng kiểu ${p.locale === 'vi' ? 'Việt Nam' : 'tiếng Anh'} (như ô ${p.witness}); dùng --locale nếu cần.`,
    'number.not-applicable': (p, f) => `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" là ký hiệu không có số liệu (không áp dụng hoặc không công bố), theo cách ghi của bảng thống kê; các phép kiểm tra dùng ô này không chạy.`,
    'number.dash': (p, f) =>
      `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: "${p.text}" được đọc là 0 (không có), như cách ghi của bảng thống kê${p.more ? `; ${k(p.more)} ô khác cũng vậy (${p.others!.join(', ')}${p.more > p.others!.length ? ', …' : ''})` : ''}.`,
    'missing.value': (p, f) => `${p.unit}: thiếu số liệu ${f.ind(p.indicator).toLowerCase()}.`,
    'missing.formula': (p, f) =>
      `${p.unit}, ${f.ind(p.indicator).toLowerCase()}: ô có công thức =${p.formula} nhưng tệp không lưu kết quả của công thức (chưa từng được tính lại); hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại.`,
    'missing.indicator': (p, f) =>
      `Bảng không có chỉ tiêu "${f.ind(p.indicator)}", nên những gì cần đến chỉ tiêu này không được kiểm tra${
        p.ran ? missingChecksClause(p.rules, p.ran, (c) => `${c} chỉ chạy trên các số liệu khác`, (c) => `${c} không chạy`) : ` (${p.rules.join(', ')})`
      }.`,
    'missing.total-only': (p, f) =>
      `${f.ind(p.indicator)}: chỉ ${p.total} có số liệu; ô của ${k(p.units)} đơn vị còn lại để trống (bảng chỉ công bố số này cho tổng), nên những gì cần đến số liệu từng đơn vị không được kiểm tra.`,
    'missing.total-only-several': (p, f) =>
      `${k(p.indicators.length)} chỉ tiêu chỉ có số liệu của ${p.total} (${p.indicators.map((i) => f.ind(i)).join('; ')}): ô của ${k(p.units)} đơn vị còn lại đều để trống, nên những gì cần đến số liệu từng đơn vị không được kiểm tra.`,
    'missing.sparse': (p, f) =>
      `${f.ind(p.indicator)}: chỉ ${k(p.given)} trong ${k(p.units)} đơn vị có số liệu; các ô còn lại để trống (bảng chỉ công bố số này cho một số đơn vị), nên những gì cần đến các ô đó không được kiểm tra.`,
    'missing.sparse-several': (p, f) =>
      `${k(p.indicators.length)} chỉ tiêu chỉ có số liệu của ${k(p.given)} trong ${k(p.units)} đơn vị (${p.indicators.map((i) => f.ind(i)).join('; ')}): các ô còn lại đều để trống (bảng chỉ công bố các số này cho một số đơn vị), nên những gì cần đến các ô đó không được kiểm tra.`,
    'missing.blank-indicator': (p, f) => `${f.ind(p.indicator)}: để trống ở cả ${k(p.units)} đơn vị, nên những gì cần đến chỉ tiêu này không được kiểm tra.`,
    'missing.unit-name': (p) => `Dòng ${p.row} có số liệu nhưng không có tên đơn vị.`,
    'duplicate.indicator': (p, f) => `Chỉ tiêu "${f.ind(p.indicator)}" xuất hiện hai lần (lần đầu ở ${p.first}); bỏ qua lần này.`,
    'duplicate.group': (p, f) =>
      p.since
        ? `"${p.text}" là ${f.ind(p.indicator).toLowerCase()} so với năm ${p.since}, còn ô ${p.first} so với một thời điểm khác; povcheck chỉ đọc một cột như vậy cho mỗi chỉ tiêu nên cột này không được kiểm tra.`
        : `"${p.text}" cũng được đọc là ${f.ind(p.indicator).toLowerCase()} (như ô ${p.first}); có lẽ là một nhóm trong đó, povcheck không phân biệt được nên không kiểm tra.`,
    'duplicate.unit': (p) =>
      `Đơn vị "${p.unit}" xuất hiện hai lần (lần đầu ở ${p.first})` +
      (p.leftOut
        ? `; dòng "${p.total}" không cộng dòng này: ${p.leftOut.length === 1 ? `tổng sai ở ${p.leftOut[0]}` : `mỗi tổng sai (${p.leftOut.join(', ')})`} thiếu đúng số liệu của dòng này. Nếu là cùng một đơn vị ghi hai lần, xoá dòng này; nếu là một đơn vị khác ghi nhầm tên, sửa tên và cộng dòng này vào dòng "${p.total}".`
        : p.counted
          ? `; dòng "${p.counted}" cộng cả hai dòng: nếu là hai đơn vị khác nhau thì một dòng bị ghi nhầm tên (sửa tên cho đúng); nếu bảng cố ý ghi đơn vị này hai lần (theo khu vực, theo năm…) thì hai dòng cần ghi rõ điều đó.`
          : '.'),
    'duplicate.year': (p) => `Năm ${p.year} xuất hiện hai lần (lần đầu ở ${p.first}); dòng này không được đọc nên không có số liệu nào trong đó được kiểm tra.`,
    'duplicate.code': (p) => `Mã "${p.code}" của "${p.unit}" trùng với mã của "${p.first}".`,
    'hierarchy.unknown-parent': (p) => `"${p.unit}": không có đơn vị nào mang mã cấp trên "${p.parent}"; đơn vị này không được cộng vào đâu.`,
    'hierarchy.cycle': (p) =>
      `"${p.unit}" nằm trong một vòng lặp cấp trên (${p.codes.join(' → ')}${p.count > p.codes.length ? ` → …; cả vòng có ${p.count.toLocaleString('vi-VN')} đơn vị` : ''}); các đơn vị trong vòng không được cộng vào đâu.`,
    'hierarchy.orphan': (p) => `"${p.unit}" không có đơn vị cấp trên và không phải là tổng; số liệu của đơn vị này không được cộng vào đâu.`,
    'unknown.row': (p) => viNoIndicator('Chỉ tiêu', 'dòng này', p),
    'unknown.unlabelled-row': (p) => `Dòng ${p.row} có số liệu nhưng không có tên chỉ tiêu; dòng này không được kiểm tra.`,
    'unknown.empty-rows': (p, f) =>
      `Các dòng ${p.rows.every((r, i) => r === p.rows[0]! + i) ? `${p.rows[0]}–${p.rows[p.rows.length - 1]}` : f.list(p.rows.map(String))} (${firstThree(p.texts, (n) => ` và ${k(n)} dòng khác`)}) ${p.note !== undefined ? `chỉ có ghi chú ("${p.note}"), không có số liệu nào` : 'không có số liệu nào'}; các dòng này không được kiểm tra.`,
    'unknown.another-table': (p) => `Một bảng khác bắt đầu ở dòng ${p.row} ("${p.text}"): bảng được đọc kết thúc ở dòng trên, bảng này không được đọc; đặt nó vào một trang tính riêng để kiểm tra.`,
    'unknown.empty-row': (p) => (p.note ? `Dòng ${p.row} ("${p.text}") chỉ có ghi chú ("${p.note}"), không có số liệu nào; dòng này không được kiểm tra.` : `Dòng ${p.row} ("${p.text}") không có số liệu nào; dòng này không được kiểm tra.`),
    'unknown.column': (p) => viNoIndicator('Cột', 'cột này', p),
    'unknown.unlabelled-column': (p) => `Cột ${p.col} có nội dung nhưng không có tiêu đề; cột này không được kiểm tra.`,
    'unknown.header-joined': (p) =>
      `Dòng ${p.row} có ${p.fields} ô, nhiều hơn mọi dòng bên dưới (${p.width} ô): ${nameSplitVi(p.delimiter, p.joined.length === 1 ? 'một tên' : `${p.joined.length} tên`)}. ` +
      `${restsReadVi(p.joined)}; các tên sau đó lùi một cột, đúng cột số liệu của chúng. ${unsplitVi(p.delimiter, false)}`,
    'unknown.label-joined': (p) =>
      `Dòng ${p.row} có ${p.fields} ô, nhiều hơn các dòng khác của bảng (${p.width} ô): ${nameSplitVi(p.delimiter, 'tên chỉ tiêu')}. ` +
      `${restsReadVi(p.joined)}; các số liệu của dòng lùi một cột, đúng cột đơn vị của chúng. ${unsplitVi(p.delimiter, true)}`,
    'unknown.name-joined': (p) =>
      `${p.count === 1 ? `Dòng ${p.rows[0]} có` : `${p.count} dòng (${p.rows.join(', ')}${p.count > p.rows.length ? ', …' : ''}) có`} nhiều ô hơn dòng tiêu đề (${p.width} ô): ${nameSplitVi(p.delimiter, 'tên đơn vị')}. ` +
      `${restsReadVi(p.joined)}${p.count > quotedRows(p.joined) ? '; …' : ''}; các số liệu của ${p.count === 1 ? 'dòng' : 'mỗi dòng ấy'} lùi về đúng cột chỉ tiêu của chúng. ${unsplitVi(p.delimiter, true)}`,
    'unknown.header-longer': (p) =>
      `Dòng ${p.row} có ${p.fields} ô, nhiều hơn mọi dòng bên dưới (${p.width} ô): ${p.cells.length === 1 ? `ô ${p.cells[0]}` : `các ô ${p.cells.join(', ')}`} không có số liệu nào bên dưới. Nếu một tên ở dòng này ${p.delimiter === '' ? 'bị tách ra hai ô' : `chứa ${delimiterVi(p.delimiter)} mà không nằm trong ngoặc kép`}, các tên sau nó đứng lệch một cột so với số liệu, và các lỗi của những cột đó có thể chỉ do lệch cột; hãy kiểm tra dòng tiêu đề.`,
    'split-table.continued': (p) =>
      `Bảng ${p.table} là phần tiếp theo của Bảng ${p.continues}: bảng nằm ngay sau Bảng ${p.continues} (ở giữa chỉ có đoạn trống hoặc ngắt trang), cùng số cột và ${p.header === 'repeated' ? 'lặp lại dòng tiêu đề (không đọc hai lần)' : 'không có dòng tiêu đề riêng'}, nên hai bảng được kiểm tra như một bảng, với tên đơn vị ở tiêu đề của Bảng ${p.continues}.`,
    'unknown.document-table': (p) => `Bảng ${p.table} trông như bảng tỷ lệ hộ nghèo nhưng không đọc được: ${(vi().errors[p.error.code] as (x: unknown) => string)(p.error.params)}; bảng này không được kiểm tra.`,
    ...viDocumentMessages,
    'target.met': (p, f) =>
      `${p.unit}: đạt mục tiêu ${viCalc.target(p, f)}: ${val(p.indicator, p.actual, f)}${p.computed ? ' (tính từ số hộ, vì bảng không ghi)' : ''}.`,
    'target.missed': (p, f) =>
      `${p.unit}: chưa đạt mục tiêu ${viCalc.target(p, f)}: ${p.computed ? 'tính từ số hộ (bảng không ghi) được' : 'bảng ghi'} ${val(p.indicator, p.actual, f)}. ${targetGap(p, f)}`,
    'continuity.mismatch': continuityMismatch,
    'continuity.appeared': (p) => `${p.unit} không có trong ${p.previousFile} (năm trước), nên không so sánh được số đầu năm. ${renamed}`,
    'continuity.disappeared': (p) =>
      `${p.unit} (${p.cell ? `${cellPlace(p.cell)} của ` : ''}${p.previousFile}) không có trong tệp này, nên số cuối năm của đơn vị không được chuyển sang năm sau. ${renamed}`,
    'continuity.map-partial': (p, f) =>
      `Bảng đối chiếu đơn vị gộp ${f.list(p.from)} vào ${p.unit}, nhưng ${p.previousFile} không có ${f.list(p.missing)}: không so sánh ${p.unit}.`,
    'continuity.map-ambiguous': (p, f) =>
      `Bảng đối chiếu đơn vị ghi ${p.unit}, nhưng ${p.file} có ${p.parents.length} đơn vị tên này (thuộc ${f.list(p.parents)}): ghi kèm đơn vị cấp trên, như "${p.parents[0]} / ${p.unit}", để chỉ rõ đơn vị nào; mục này không được áp dụng.`,
    'continuity.summary': (p) =>
      `So với ${p.previousFile}: ${p.matched}/${p.compared} đơn vị có tổng số hộ và số hộ nghèo đầu năm bằng số cuối năm trước${p.merged > 0 ? ` (${p.merged} đơn vị gộp từ các đơn vị cũ theo bảng đối chiếu)` : ''}.`,
    'skip.bad-value': (p, f) => `ô ${f.list(p.cells)} ${p.blank ? 'để trống' : 'không dùng được'}`,
    'skip.absent': (p, f) => `bảng không có ${f.list(p.indicators.map((i) => f.ind(i).toLowerCase()))}`,
    'skip.not-recomputed': (p, f) => `không tính lại được ${f.list(p.rates.map((i) => f.ind(i).toLowerCase()))}: bảng không có ${f.list(p.absent.map((i) => f.ind(i).toLowerCase()))}`,
    'skip.base-year': (p, f) => `${f.list([p.indicator, ...(p.also ?? [])].map((i) => lowFirst(f.ind(i))))} được so với năm ${p.year}, năm mà bảng không ghi`,
    'skip.several': (p, f) => p.reasons.map((r) => (built![r.id] as (q: unknown, g: Fmt) => string)(r.params, f)).join('; '),
    'skip.no-units': () => 'bảng không có đơn vị nào (không có dòng hay cột số liệu của một đơn vị)',
    'skip.partial-list': (p) =>
      (p.of !== undefined ? `danh sách chỉ có ${p.listed} trong ${p.of} tỉnh, thành phố (đến ô ${p.cell}): một phần trích ra, không phải tất cả các đơn vị` : p.empty ? `danh sách có đơn vị không ghi số liệu (ô ${p.cell} "${p.text}", …)` : `danh sách đơn vị kết thúc bằng dòng dấu chấm (ô ${p.cell}): bảng không liệt kê hết các đơn vị`) +
      (p.bounded ? VI_BOUNDED : ''),
    'skip.one-part': (p) => `bảng chỉ nêu một đơn vị (${p.part}) dưới đơn vị này: một phần của nó hoặc một dòng ghi để so sánh, không phải toàn bộ danh sách${p.bounded ? VI_BOUNDED : ''}`,
    'skip.no-total': (p) =>
      p.total !== undefined ? `${p.total} là tổng nhưng bảng không liệt kê đơn vị nào thuộc ${p.total} để cộng lại` : 'không có đơn vị nào là tổng (không có tên như Toàn tỉnh, Toàn huyện, Tổng cộng, Cộng, Cả nước, Total …); chỉ rõ bằng --total, hoặc thêm tên đơn vị tổng vào totalNames của tệp cấu hình',
    'skip.nothing': () => 'không đơn vị nào có đủ số liệu cần thiết',
    'skip.reference-undated': (p) => `${p.citations} lần dẫn chiếu trong văn bản không kèm ngày ban hành, và không văn bản nào được dẫn hai lần kèm cơ quan ban hành: không có gì để đối chiếu`,
    'skip.document-part': (p) => ({ claims: 'văn bản không nêu số liệu nào của bảng theo cách viết povcheck đọc được', money: 'văn bản và các bảng không nêu khoản tổng kinh phí nào kèm các khoản thành phần', references: 'văn bản không dẫn chiếu văn bản nào theo số hiệu' })[p.part],
    'skip.target-unit': (p) => `bảng không có đơn vị "${p.unit}"`,
    'skip.series': (p, f) =>
      p.reason === 'value'
        ? `ô ${f.list(p.cells)} của ${p.file} không dùng được`
        : p.reason === 'absent'
          ? `${p.file} không có ${f.list(p.indicators.map((i) => f.ind(i).toLowerCase()))}`
          : `không đọc được ${p.file}`,
    ui: {
      pointsUnit: 'điểm %',
      indicatorLabels: {
        households_start: 'Tổng số hộ đầu năm',
        households_end: 'Tổng số hộ cuối năm',
        poor_start: 'Số hộ nghèo đầu năm',
        poor_reduced: 'Số hộ nghèo giảm trong năm',
        poor_end: 'Số hộ nghèo cuối năm',
        rate_start: 'Tỷ lệ hộ nghèo đầu năm',
        rate_reduced: 'Mức giảm tỷ lệ hộ nghèo',
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
      groups: { households: 'Tổng số hộ', poor: 'Số hộ nghèo', rate: 'Tỷ lệ hộ nghèo (%)' },
      phases: {
        households_start: 'Đầu năm',
        households_end: 'Cuối năm',
        poor_start: 'Đầu năm',
        poor_reduced: 'Giảm trong năm',
        poor_end: 'Cuối năm',
        rate_start: 'Đầu năm',
        rate_reduced: 'Giảm trong năm',
        rate_end: 'Cuối năm',
      },
      measure: { households: 'Hộ', percent: '%' },
      sttHeader: 'STT',
      yearHeader: 'Năm',
      labelHeader: 'Chỉ tiêu',
      measureHeader: 'ĐVT',
      unitHeader: 'Đơn vị',
      severity: { error: 'lỗi', warning: 'cảnh báo', info: 'thông tin' },
      severityPlural: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
      verdictOk: (file) => `✔ ${file}: không có lỗi`,
      verdictInvalid: (file) => `✖ ${file}: có lỗi`,
      verdictUnreadable: (file, reason, option) => `✖ ${file}: ${option ? 'không kiểm tra được theo yêu cầu' : 'không đọc được'} (${reason})`,
      verdictUnchecked: (file, errors) => (errors ? `⚠ ${file}: không phép kiểm tra tính khớp nào chạy được` : `⚠ ${file}: không kiểm tra được gì`),
      checksRan: (ran, total, gaps) => `${ran}/${total} phép kiểm tra đã chạy${gaps > 0 ? `, trừ ${k(gaps)} chỗ chưa kiểm tra được` : ''}`,
      checksLine: (ran, total, notRun, unchecked, gaps, listedBelow) => {
        const see = ' (xem mục “Chưa kiểm tra”)';
        const once = listedBelow && notRun.length > 0;
        const head = ran.length === 0 ? 'không phép nào chạy được' : unchecked ? `không phép kiểm tra tính khớp nào chạy được (chỉ chạy ${ran.join(', ')})` : `${ran.length}/${total} phép đã chạy (${ran.join(', ')})`;
        const left = gaps > 0 ? `, trừ ${k(gaps)} chỗ chưa kiểm tra được${once ? '' : see}` : '';
        const not = notRun.length === 0 ? '' : once ? `; không chạy: ${notRun.flatMap((g) => g.checks).join(', ')}${see}` : `; không chạy: ${notRun.map((g) => `${g.checks.join(', ')} vì ${g.reason}`).join('; ')}`;
        return `Kiểm tra: ${head}${left}${not}`;
      },
      // The first three: a plan's annex may have a dozen rows povcheck does not read (each is a warning below).
      notUnderstood: (labels) => `không hiểu: ${firstThree(labels, (n) => ` và ${k(n)} chỉ tiêu khác`)}`,
      // Labels povcheck knows name no indicator it checks (a support row, a period, a plan beside the results).
      readNotChecked: (labels) => `đọc được nhưng không kiểm tra: ${firstThree(labels, (n) => ` và ${k(n)} dòng hoặc cột khác`)}`,
      inYears: (years) => `năm ${yearsSpan(years, 'và')}`,
      notCompared: (indicators) => `đọc được nhưng không đối chiếu với số liệu nào khác: ${namesCut(indicators, (n) => ` và ${k(n)} chỉ tiêu khác`, 'và')}`,
      labelsHint: (entries) =>
        `Để povcheck đọc được, ghi chỉ tiêu của từng tên vào povcheck.config.json: "labels": { ${entries.map((e) => `"${e.keys.length === 1 ? e.keys[0] : `<${e.keys.length > 1 ? e.keys.join(' hoặc ') : 'mã chỉ tiêu'}>`}": ["${e.text}"]`).join(', ')} } (mã chỉ tiêu: docs/input.md; cách ghi: docs/configuration.md).`,
      counts: (e, w, i) => `${k(e)} lỗi, ${k(w)} cảnh báo, ${k(i)} thông tin`,
      readAs: (source, layout, numbers) =>
        `Đọc: ${source}; bố cục ${layout}${numbers === 'none' ? '' : numbers === 'numeric-cells' ? '; số liệu lưu ở ô kiểu số (không phải văn bản)' : `; số viết ${numbers.locale}`}`,
      localeGivenAgainst: (read, cell) => ` theo --locale, nhưng các số trong tệp đọc được ${read}, như ô ${cell}`,
      source: (s) =>
        s.kind === 'delimited'
          ? `văn bản ${{ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 có BOM', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3', vni: 'VNI' }[s.encoding]}${s.encoding === 'windows-1258' ? ' (bảng mã của Windows tiếng Việt, Excel lưu kiểu "CSV" thường bằng bảng mã này)' : ''}, phân cách bằng ${delimiterVi(s.delimiter)}${s.sheetNotApplied !== undefined ? ` (--sheet "${s.sheetNotApplied}" không áp dụng: tệp văn bản chỉ có một bảng, được đọc toàn bộ)` : ''}` // (a TAB arrives as ␉: visible.ts)
          : s.kind === 'workbook'
            ? `${s.format === 'html' ? webPageTableVi(s) : `${s.format === 'ods' || s.format === 'fods' ? `bảng tính OpenDocument (.${s.format})` : s.format === 'xls' ? 'sổ tính Excel 97–2003 (.xls)' : s.format === 'xml2003' ? 'sổ tính XML Spreadsheet của Excel 2003' : `sổ tính ${s.format}`}, trang "${s.sheet}"`}${s.passedOver?.length && s.format !== 'html' ? ` (${s.passedOver.length === 1 ? 'trang' : 'các trang'} ${s.passedOver.map((x) => `"${x}"`).join(', ')} trước đó không có bảng)` : ''}${s.hidden ? `; ${viCalc.hiddenNotRead(s.hidden)}` : ''}${s.others && s.format !== 'html' ? `; ${viCalc.otherSheets(s.others)}` : ''}${s.legacyFont ? `; chữ gõ bằng ${s.legacyFont === 'tcvn3' ? 'phông TCVN3 (.VnTime)' : 'phông VNI (VNI-Times)'} đã đọc thành Unicode (--encoding ${s.legacyFont})` : ''}`
            : viDocument.source(s),
      layoutName: { wide: 'ngang (mỗi dòng một chỉ tiêu)', long: 'dọc (mỗi dòng một đơn vị)', none: 'không có bảng tỷ lệ hộ nghèo' },
      // The marks in words, not a figure: an example number here was read as one of the file's own.
      localeName: {
        vi: 'kiểu Việt Nam (dấu "." tách nhóm ba chữ số, dấu "," là dấu thập phân)',
        en: 'kiểu Anh – Mỹ (dấu "," tách nhóm ba chữ số, dấu "." là dấu thập phân)',
        plain: 'không có dấu phân cách hàng nghìn',
        mixedVi: 'kiểu Việt Nam cho số hộ (dấu "." tách nhóm ba chữ số), kiểu Anh – Mỹ cho tỷ lệ (dấu "." là dấu thập phân)',
        mixedEn: 'kiểu Anh – Mỹ cho số hộ (dấu "," tách nhóm ba chữ số), kiểu Việt Nam cho tỷ lệ (dấu "," là dấu thập phân)',
      },
      expectedActual: (e, a) => `tính lại được ${e}, trong bảng ${a}`,
      recomputedDueTo: (e, a, cells) => `tính lại được ${e}, trong bảng ${a}: hệ quả của ${cells.length > 1 ? 'các ô' : 'ô'} ${cells.join(' và ')}, ô này không cần sửa`,
      notChecked: 'Chưa kiểm tra',
      notCheckedHeading: (places, notRun) => `Chưa kiểm tra (${[...(places > 0 ? [`${k(places)} chỗ`] : []), ...(notRun > 0 ? [`${k(notRun)} phép không chạy`] : [])].join('; ')})`,
      moreFindings: (n, rule) => `… và ${k(n)} phát hiện ${rule} nữa (xem đầy đủ với --format json)`,
      tableTooWide: (needed, width, file) =>
        `Bảng rộng ${needed} ký tự, không vừa ${width} cột của màn hình (kể cả khi xoay bảng); povcheck validate "${file}" --format html -o bao-cao.html cho xem bảng với các ô có vấn đề được đánh dấu (--format json để lấy số liệu).`,
      tableOmitted: (units) => `Bảng có ${k(units)} đơn vị, quá lớn để in ra đây; dùng --format json, hoặc povcheck table để xem bảng.`,
      skipLine: (rule, unit, reason) => `${rule}${unit ? ` (${unit})` : ''}: ${reason}`,
      allUnits: 'mọi đơn vị',
      annexTitle: 'Bảng số liệu (ô có vấn đề được đánh dấu)',
      tableSheet: (sheet) => `trang "${sheet}"`,
      legend: '✖ lỗi  ▲ cảnh báo  ℹ thông tin',
      legendCause: '◆ nguyên nhân có thể (ô cần sửa)',
      columnsNotShown: (cols) => `Không in trong bảng (cột povcheck không đọc): ${cols.join('; ')}.`,
      summary: (c) =>
        `Tổng cộng: ${k(c.files)} tệp (${k(c.ok)} tệp không có lỗi, ${k(c.invalid)} tệp có lỗi, ${c.unchecked > 0 ? `${k(c.unchecked)} tệp không kiểm tra được, ` : ''}${k(c.unreadable)} tệp không đọc được); ${k(c.errors)} lỗi, ${k(c.warnings)} cảnh báo, ${k(c.infos)} thông tin.`,
      passedOver: (paths) =>
        paths.every(isTxt)
          ? `Không kiểm tra ${k(paths.length)} tệp .txt trong thư mục (không giống bảng xuất từ Excel dạng "Unicode Text" hay "Text (Tab delimited)"): ${namedPaths(paths, (n) => `và ${k(n)} tệp khác`)}. Ghi rõ tên tệp trong lệnh để kiểm tra (một bảng, hoặc văn bản kế hoạch).`
          : `Không kiểm tra ${k(paths.length)} tệp trong thư mục (không giống một bảng hay một kế hoạch: ${paths.some(isTxt) ? 'tệp .txt không phải bảng xuất từ Excel, ' : ''}trang web không có bảng): ${namedPaths(paths, (n) => `và ${k(n)} tệp khác`)}. Ghi rõ tên tệp trong lệnh để kiểm tra.`,
      verdictWord: { ok: 'không có lỗi', invalid: 'có lỗi', unchecked: 'không kiểm tra được', unreadable: 'không đọc được' },
      markdown: {
        title: 'Báo cáo povcheck',
        fileHeader: { file: 'Tệp', verdict: 'Kết luận', errors: 'Lỗi', warnings: 'Cảnh báo', infos: 'Thông tin' },
        findingHeader: { cell: 'Ô', rule: 'Quy tắc', severity: 'Mức', unit: 'Đơn vị', indicator: 'Chỉ tiêu', message: 'Nội dung' },
        noFindings: 'Không có phát hiện nào.',
        more: (n) => `… và ${k(n)} phát hiện khác (xem báo cáo đầy đủ).`,
      },
      wholeTable: 'toàn bảng',
      rulesHeader: { id: 'quy tắc', severity: 'mức', summary: 'kiểm tra' },
      rulesFooter: (ids) => `povcheck explain <quy tắc> cho biết quy tắc kiểm tra gì, vì sao, kèm ví dụ; lệnh này cũng giải thích các mã khác có trong báo cáo: ${ids.join(', ')}.`,
      explainHeadings: { checks: 'Kiểm tra gì', why: 'Vì sao', example: 'Ví dụ', severity: 'Mức mặc định', configure: 'Cấu hình', means: 'Nghĩa là gì', where: 'Báo cáo nào nêu', weight: 'Ảnh hưởng tới kết quả' },
      notARule: 'Không phải quy tắc: không có gì để tắt hay đổi mức (povcheck rules liệt kê các quy tắc).',
      configuredLevel: (level, source) => `${level} (đặt trong ${source})`,
      off: 'tắt',
      unreadable: (file, reason) => `povcheck: ${file}: ${reason}`,
      reportWritten: (file) => `povcheck: đã ghi báo cáo vào ${file}`,
      html: {
        title: (files) => `povcheck — Báo cáo kiểm tra: ${files.join(', ')}`,
        heading: 'Báo cáo kiểm tra bảng tỷ lệ hộ nghèo',
        generatedBy: 'Báo cáo do povcheck lập; mọi số liệu dẫn xuất được tính lại bằng số thập phân chính xác.',
        filesTitle: 'Các tệp đã kiểm tra',
        fileColumn: 'Tệp',
        verdictColumn: 'Kết quả',
        toFile: (file) => `Xem tệp ${file}`,
        causesTitle: 'Nguyên nhân có thể',
        causeValue: (actual, proposed) => `đang ghi ${actual}; nếu là ${proposed} thì khớp`,
        causeRange: (actual, r, guess, rounding) =>
          `đang ghi ${actual}; ${rangeWords(r.min, r.max)} đều khớp: ${notPinned(rounding)}${guess !== undefined ? `; ${guess} khớp với một lỗi gõ` : ''}`,
        causeFormula: (formula) => formulaNote(formula).trimStart(),
        causeExplains: (n) => `Sửa như vậy thì ${n === 1 ? 'phép kiểm tra đang báo lỗi' : `cả ${k(n)} phép kiểm tra đang báo lỗi`} sẽ đúng.`,
        explainsLabel: 'Giải thích các phát hiện:',
        confidence: {
          unique: 'Cách giải thích duy nhất sửa ít ô như vậy (sửa nhiều ô hơn thì có thể có cách khác).',
          ranked: 'Một trong nhiều cách giải thích, xếp theo mức giống lỗi gõ phím.',
          ambiguous: 'Nhiều cách giải thích ngang nhau: chưa xác định được ô nào sai.',
        },
        kind: (k) => `Kiểu nhầm: ${HTML_SLIP_VI[k]}`,
        kinds: (items) => `Kiểu nhầm: ${items.map((x) => `${x.ref}, ${HTML_SLIP_VI[x.kind]}`).join('; ')}`,
        annexTitle: 'Bảng số liệu',
        legendTitle: 'Chú giải:',
        legendCause: 'giá trị đề xuất',
        clickHint: 'Di chuột lên ô được đánh dấu để xem nội dung; bấm vào ô để xem chi tiết.',
        proposed: (v) => `Nguyên nhân có thể; đề xuất: ${v}`,
        findingsTitle: 'Các vấn đề phát hiện',
        noFindings: 'Không phát hiện vấn đề nào.',
        notInTable: 'ô này không có trong bảng ở trên',
        wholeTable: 'cả bảng',
        toList: 'Xem trong danh sách',
        close: 'Đóng',
        chartTitle: 'Tỷ lệ hộ nghèo đầu năm và cuối năm theo đơn vị',
        chartTitlePoint: 'Tỷ lệ hộ nghèo theo đơn vị',
        chartPoint: 'Tỷ lệ hộ nghèo',
        chartStart: 'Đầu năm',
        chartEnd: 'Cuối năm',
        chartTarget: 'Mục tiêu',
        chartAxis: 'Tỷ lệ hộ nghèo (%)',
        chartSorted: (p) => `Các đơn vị xếp theo ${p.point ? 'tỷ lệ hộ nghèo' : 'tỷ lệ cuối năm'}, cao nhất ở trên${p.total ? '; dòng đầu là đơn vị tổng' : ''}.`,
        chartLimited: (p) =>
          `Biểu đồ chỉ vẽ ${k(p.shown)} đơn vị ${p.how === 'top-level' ? 'cấp trên cùng' : p.how === 'highest' ? 'có tỷ lệ cao nhất' : 'cấp trên cùng có tỷ lệ cao nhất'} (trong ${k(p.of)} đơn vị của bảng); mọi đơn vị đều có trong bảng số liệu.`,
        chartComputed: '* tính từ số hộ (bảng không ghi tỷ lệ hoặc tỷ lệ không đọc được)',
        chartNone: 'Bảng không có tỷ lệ hộ nghèo (hoặc số hộ) để vẽ biểu đồ.',
        chartTargetLines: (p) => [
          p.indicator === 'rate_reduced' ? `Mục tiêu: giảm ${OP[p.op]} ${p.value} điểm` : `Mục tiêu: cuối năm ${OP[p.op]} ${p.value}%`,
          `${p.indicator === 'rate_reduced' ? `→ cuối năm ${OP[p.endOp]} ${p.at}%` : ''}${p.met === undefined ? '' : `${p.indicator === 'rate_reduced' ? ': ' : ''}${p.met ? '✔ đạt' : '✖ chưa đạt'}`}`,
        ],
        chartNotDrawn: (t) => `Mục tiêu không thể hiện trên biểu đồ: ${t.join('; ')}.`,
        chartOmitted: (u, more) => `Không có tỷ lệ để vẽ: ${u.join(', ')}${more > 0 ? ` và ${k(more)} đơn vị khác` : ''}.`,
      },
    },
    locate: {
      single: (p, f) => {
        const c = p.cell;
        const head = `Nguyên nhân có thể: ${cellName(c, f)} ghi ${f.n(c.actual)}${formulaNote(c.formula)}; `;
        if (p.pinned) return `${head}nếu là ${f.n(c.proposed ?? '')} thì ${allFailing(p.failing)}${c.kind ? `; ${SLIP_VI[c.kind]}` : ''}.`;
        const guess = c.proposed !== undefined && c.kind ? `; ${f.n(c.proposed)} thì khớp với một lỗi gõ: ${SLIP_VI[c.kind]}` : '';
        return `${head}với ${rangeText(c, f)} thì ${allFailing(p.failing)}: ${notPinned(p.rounding)}${guess}.`;
      },
      group: (p, f) =>
        `Nguyên nhân có thể: ${p.cells.length} ô cùng sai: ${p.cells.map((c) => item(c, f)).join('; ')}${p.linked ? ' (các ô này ràng buộc nhau: đổi một ô thì các ô kia đổi theo)' : ''}; sửa như vậy thì ${allFailing(p.failing)}.`,
      several: (p) =>
        `Chưa xác định được: có ${p.count + p.more} cách giải thích, mỗi cách sửa ${p.size} ô, đều làm cho ${failingNoun(p.failing)} trở nên đúng; ` +
        (p.confidence === 'ranked' ? 'cách thứ nhất có khả năng nhất, theo kiểu sai ghi bên cạnh mỗi cách:' : 'xếp theo mức giống lỗi gõ phím:') +
        (p.more > 0 ? ` (liệt kê ${p.count} cách đầu)` : ''),
      option: (p, f) => `${p.rank}. ${p.cells.map((c) => item(c, f)).join('; ')}${p.linked ? ' (các ô này ràng buộc nhau: đổi một ô thì các ô kia đổi theo)' : ''}`,
      explains: (items) => `giải thích: ${items.join(' · ')}`,
      none: (p) =>
        hintVi(p) !== undefined
          ? `Không có cách sửa một hay hai ô nào làm cho ${failingNoun(p.failing)} trở nên đúng. ${hintVi(p)}`
          : `Không có cách sửa một hay hai ô nào làm cho ${failingNoun(p.failing)} trở nên đúng: có lẽ nhiều ô cùng sai; xem các lỗi bên dưới.`,
      independent: (p) =>
        `${p.failing} phép kiểm tra tính khớp đang sai tách thành ${p.count} nhóm không có ô nào chung${p.sameKind ? `, và ở mọi nhóm ${SLIP_VI[p.sameKind]}: có lẽ cả dòng hoặc cả cột được tính theo cùng một cách sai, không phải ${p.count} chỗ gõ nhầm` : ''}; nguyên nhân có thể của từng nhóm:`,
      open: (p) =>
        `Không nêu được nguyên nhân cho ${failingNoun(p.failing)}: các ô liên quan để ngỏ quá nhiều giá trị có thể, không chỉ ra được một giá trị nào; xem các lỗi bên dưới.` +
        (hintVi(p) !== undefined ? ` ${hintVi(p)}` : ''),
      stopped: (p) =>
        `Việc tìm ô gây ra ${p.failing} lỗi kiểm tra đã dừng ở giới hạn (bảng lớn hoặc sai nhiều chỗ); không nêu được nguyên nhân.` +
        (hintVi(p) !== undefined ? ` ${hintVi(p)}` : ''),
      slip: SLIP_VI,
      untraced: (p) =>
        `  Số liệu đầu vào có lẽ có ${p.count} chỗ gõ nhầm mà giá trị tính được có thể mang theo (quá nhiều để lần từng chỗ): các ô khác nhau ở trên có thể đã đúng trong bảng gốc. Chạy povcheck validate để xem từng ô, sửa rồi lập lại ${p.command === 'plan' ? 'kế hoạch' : 'bảng'}.`,
      carried: (p, f) => {
        const cells = refList(p.cells.map((c) => c.ref));
        return (
          `  ${p.carried.length === 1 ? 'Ô' : 'Các ô'} ${refList(p.carried)} trong bảng gốc có thể đã đúng; nguyên nhân có thể của chênh lệch: ${runOf(p.cells, f) ?? p.cells.map((c) => item(c, f)).join('; ')}; ` +
          `giá trị tính được của ${p.carried.length === 1 ? 'ô này' : 'các ô này'} mang theo ${p.cells.length === 1 ? 'lỗi đó' : 'các lỗi đó'}. Sửa ${p.cells.length === 1 ? 'ô' : 'các ô'} ${cells} trong tệp gốc rồi lập lại ${p.command === 'plan' ? 'kế hoạch' : 'bảng'}.`
        );
      },
      doubtful: (p, f) => {
        const a = alternativesOf(p.alternatives, 'và', (c) => item(c, f));
        return (
          `  Ô ${p.cell}: validate chưa xác định được ô gõ nhầm là ${p.cell} hay ${a.refs.join(' hay ')}: ${a.described}${a.more > 0 ? ` (và ${a.more} cách khác, xem validate)` : ''}. ` +
          `Giá trị tính được ở ${p.cell} coi ${a.cells} là đúng như bảng ghi; kiểm tra ${a.cells} trong tệp gốc trước khi dùng ${p.command === 'plan' ? 'kế hoạch' : 'bảng'} này.`
        );
      },
      shifted: (p, f) => {
        const first = p.cells[0]!;
        const line = `${p.along === 'row' ? 'dòng' : 'cột'} ${p.line} (${p.unitLine ? first.unit : f.ind(first.indicator)})`;
        const cell = p.along === 'row' ? 'cột' : 'dòng';
        const start = `${cell} ${p.start} (${p.unitLine ? f.ind(first.indicator) : first.unit})`;
        const towards = { right: 'sang phải một cột', left: 'sang trái một cột', down: 'xuống một dòng', up: 'lên một dòng' }[p.direction];
        const values = p.cells.map((c) => (c.proposed !== undefined ? f.n(c.proposed) : '?')).join(', ');
        const given = p.pinned
          ? `theo các phép kiểm tra thì là ${f.n(p.lost.proposed ?? '')}`
          : p.lost.min === undefined && p.lost.max === undefined
            ? 'không phép kiểm tra nào đọc ô này nên không biết giá trị của nó'
            : `${rangeText(p.lost, f)} đều khớp: ${notPinned(p.rounding)}`;
        const pushed = (l: NonNullable<typeof p.landed>) =>
          `giá trị của chính ô ${p.lost.ref} bị đẩy sang ô ${l.ref} (${p.along === 'row' ? 'cột' : 'dòng'} ${l.header !== '' ? l.header : 'không có tiêu đề'}), nơi đang ghi ${l.text}` +
          (l.matches ? ': đúng bằng giá trị mà các phép kiểm tra cho, điều này khẳng định việc gõ lệch' : `; ${given}`);
        const lost =
          p.direction === 'right' || p.direction === 'down'
            ? p.landed
              ? pushed(p.landed)
              : `giá trị của chính ô ${p.lost.ref} bị đẩy ra ngoài bảng: ${given}`
            : `giá trị của chính ô ${p.lost.ref} bị bỏ sót: ${given}`;
        const body =
          `${line}: từ ${start} trở đi, các số liệu có vẻ bị lệch ${towards} (gõ lệch một ô). ` +
          `Dời lại một ${cell} thì ${p.span} là ${values}, và ${allFailing(p.failing)}; ${lost}.`;
        return p.rank !== undefined ? `${p.rank}. ${body}` : `Nguyên nhân có thể: ${body}`;
      },
    },
    fix: {
      written: (p) => `Đã ghi ${p.output}: sửa ${p.count} ô:`,
      restored: (p, f) => `${cellName({ ref: p.ref, unit: p.unit, indicator: p.indicator, actual: p.actual }, f)}: ${p.actual} → ${p.text} (ghi lại các chữ số 0 ở nhóm cuối bị mất khi lưu)`,
      change: (p, f) => `${cellName(p.cell, f)}: ${p.cell.actual === '' ? '(trống)' : f.n(p.cell.actual)} → ${f.n(p.cell.proposed ?? '')}${p.cell.kind ? ` (${SLIP_VI[p.cell.kind]})` : ''}`,
      cleared: (p) =>
        `ô ${p.ref} (${p.header !== '' ? `${p.along === 'row' ? 'cột' : 'dòng'} ${p.header}` : `${p.along === 'row' ? 'cột' : 'dòng'} không có tiêu đề`}): ${p.text} → (trống): đây là giá trị của ô ${p.movedTo} bị gõ lệch sang, nay đã dời về ô ${p.movedTo}`,
      validates: () => 'Đã kiểm tra lại bản sao: không còn lỗi.',
      copied: (p) => `Không có phép kiểm tra tổng, cân đối, tỷ lệ hay mức giảm nào sai: đã ghi bản sao nguyên vẹn vào ${p.output}.`,
      refused: (p) =>
        `${p.file}: chưa sửa, không ghi tệp nào: ` +
        {
          ambiguous: `có ${p.count} cách giải thích và povcheck không biết cách nào đúng (xem bên dưới).`,
          'not-pinned': 'các phép kiểm tra không xác định được đúng một giá trị (xem bên dưới).',
          shifted: p.landed
            ? `các số liệu ở ${p.cells.join('–')} có vẻ bị gõ lệch sang ô kế tiếp (xem bên dưới): số liệu cuối bị đẩy sang ô ${p.landed.ref}, nhưng ô ${p.landed.ref} ghi ${p.landed.number ? p.landed.text : `"${p.landed.text}"`}, ` +
              (p.landed.given !== undefined ? `còn theo các phép kiểm tra thì giá trị của ô ${p.landed.lost} là ${p.landed.given}` : `còn các phép kiểm tra không xác định được đúng một giá trị cho ô ${p.landed.lost}`) +
              `; hãy tự dời các số liệu lại, rồi sửa hoặc xóa ô ${p.landed.ref}.`
            : `các số liệu ở ${p.cells.join('–')} có vẻ bị gõ lệch sang ô kế tiếp (xem bên dưới): số liệu cuối đã bị đẩy ra ngoài bảng và không ô nào ngay sau đó ghi đúng giá trị mà các phép kiểm tra cho; hãy tự dời các số liệu lại (và xóa ô mà nó rơi vào, nếu có).`,
          'no-slip':
            p.cells.length > 1
              ? `giá trị khớp ở các ô ${p.cells.join(' và ')} không giống một lỗi gõ phím nào, nên có thể các ô này đúng và lỗi nằm ở chỗ khác: hãy xem lại rồi tự sửa (xem bên dưới).`
              : `giá trị khớp ở ô ${p.cells[0] ?? ''} không giống một lỗi gõ phím nào, nên có thể ô này đúng và lỗi nằm ở chỗ khác: hãy xem lại rồi tự sửa (xem bên dưới).`,
          none: 'không có cách sửa một hay hai ô nào làm cho mọi phép kiểm tra đang sai đều đúng.',
          stopped: 'việc tìm nguyên nhân đã dừng ở giới hạn.',
          'other-errors': `còn lỗi mà lệnh fix không sửa được (${p.cells.join(', ')}); hãy chạy povcheck validate.`,
          unchecked: 'không kiểm tra được gì trong bảng (không hiểu các tên chỉ tiêu, hoặc bảng không có đơn vị nào); povcheck validate nói rõ.',
        }[p.reason],
      workbook: (p) =>
        `lệnh fix chỉ ghi tệp văn bản có phân cách (CSV, TAB)${
          p.changes
            ? `; các lỗi của sổ tính có một cách giải thích duy nhất, hãy sửa trực tiếp trong sổ tính: ${p.changes.join(', ')} (hoặc lưu trang tính dạng "CSV UTF-8" rồi chạy fix trên tệp đó)`
            : p.clean
              ? '; sổ tính này không có phép kiểm tra nào sai: không có gì để sửa'
              : '; povcheck validate nêu các nguyên nhân có thể của lỗi'
        }`,
      unsafe: (p) => `không tìm thấy ô ${p.cell} trong văn bản của tệp để sửa an toàn; không ghi tệp nào`,
    },
    calc: viCalc,
    document: viDocument,
    cli: viCli,
    errors: {
      FILE_NOT_FOUND: (p) => (p.stdin ? 'không có tệp nào tên "-"; povcheck không đọc bảng từ đầu vào chuẩn: hãy lưu bảng thành tệp và ghi tên tệp' : 'không có tệp này'),
      FILE_UNREADABLE: (p) =>
        p.reason === 'directory'
          ? 'đây là thư mục, không phải tệp'
          : p.reason === 'not-a-file'
            ? 'đây không phải là tệp thông thường'
            : p.reason === 'changed'
              ? 'tệp đã thay đổi trong khi đang được đọc'
              : `không đọc được tệp (${READ_CAUSE_VI[p.detail ?? ''] ?? p.detail ?? ''})`,
      FILE_EMPTY: (p) => (p.blank ? 'tệp chỉ có khoảng trắng, không có bảng' : 'tệp rỗng'),
      FILE_KIND: (p) =>
        ({
          html: `trang web (HTML${p.ext ? `, dù tên tệp là ${p.ext}` : ''}: chức năng "xuất Excel" của nhiều phần mềm lưu như vậy), không phải tệp bảng tính: mở bằng Excel hoặc LibreOffice rồi lưu thành "Excel Workbook (.xlsx)" hoặc "CSV UTF-8"`,
          xlsb: 'tệp Excel nhị phân (.xlsb): hãy lưu thành "Excel Workbook (.xlsx)" hoặc "CSV UTF-8"',
          ods: 'bảng tính OpenDocument dạng phẳng (.fods): trong LibreOffice chọn File → Save As → "ODF Spreadsheet (.ods)", "Excel 2007-365 (.xlsx)" hoặc "Text CSV" (UTF-8)',
          numbers: 'tệp Apple Numbers: trong Numbers chọn File → Export To → Excel (.xlsx) hoặc CSV',
          et: 'tệp WPS Spreadsheets (.et): hãy lưu thành "Excel Workbook (.xlsx)" hoặc CSV',
          document: `tệp văn bản (${p.ext}), povcheck không đọc loại này: ${SAVE_AS_DOCX_VI}`,
          pdf: 'tệp PDF, povcheck không đọc bảng từ PDF: hãy kiểm tra bảng tính gốc (.xlsx hoặc CSV) đã dùng để tạo PDF, hoặc với kế hoạch thì văn bản Word (.docx)',
        })[p.kind],
      SIDE_FILE_BINARY: (p) =>
        `${p.what === 'targets' ? 'tệp mục tiêu phải là văn bản JSON' : 'bảng đối chiếu đơn vị phải là văn bản JSON hoặc CSV'} (docs/targets-and-series.md), nhưng tệp này là ${SIDE_KIND_VI[p.kind]}`,
      FILE_BINARY: (p) =>
        ({
          zip: 'đây là tệp nén ZIP nhưng không phải sổ tính Excel (.xlsx, .xlsm)',
          ods: 'đây là bảng tính OpenDocument (.ods); hãy lưu thành .xlsx hoặc CSV',
          xlsb: 'đây là sổ tính Excel dạng nhị phân (.xlsb); hãy lưu thành .xlsx hoặc CSV',
          docx: 'đây là văn bản Word: povcheck validate kiểm tra được văn bản kế hoạch; với lệnh này hãy lưu bảng thành .xlsx hoặc CSV',
          odt: `đây là văn bản OpenDocument (.odt), povcheck không đọc loại này: ${SAVE_AS_DOCX_VI}`,
          rtf: `đây là văn bản RTF, povcheck không đọc loại này: ${SAVE_AS_DOCX_VI}`,
          doc: 'đây là văn bản Word 97–2003 (.doc): povcheck validate kiểm tra được văn bản kế hoạch; với lệnh này hãy lưu bảng thành .xlsx hoặc CSV',
          encrypted: 'sổ tính này được đặt mật khẩu (mã hoá); hãy lưu một bản không đặt mật khẩu',
          'encrypted-doc': 'văn bản Word này được đặt mật khẩu (mã hoá); hãy mở bằng Word, bỏ mật khẩu rồi lưu lại',
          ole: 'đây là tệp Office cũ (.xls/.doc); hãy lưu thành CSV hoặc .xlsx',
          pdf: 'đây là tài liệu PDF: không đọc được bảng từ PDF; hãy kiểm tra tệp Word (.docx) gốc, hoặc mở PDF bằng Word và lưu thành .docx',
          png: 'đây là ảnh PNG, không phải bảng số liệu',
          jpeg: 'đây là ảnh JPEG, không phải bảng số liệu',
          gzip: 'đây là dữ liệu nén gzip, không phải bảng số liệu',
          binary: 'đây là dữ liệu nhị phân, không phải tệp CSV hay bảng văn bản',
          'docx-damaged': 'tên tệp là văn bản Word (.docx) và nội dung là tệp nén ZIP, nhưng trong đó không có văn bản Word (word/document.xml): tệp bị hỏng, hoặc một tệp nén khác bị đổi tên; hãy mở tệp gốc bằng Word và lưu lại',
          'not-zip': 'tên tệp là tệp Excel hoặc Word (.xlsx, .xlsm, .docx) nhưng nội dung không phải: các tệp đó là tệp nén ZIP, còn tệp này là dữ liệu nhị phân loại khác (bị hỏng, sao chép chưa hết, hoặc tệp khác bị đổi tên); hãy mở tệp gốc và lưu lại',
        })[p.kind],
      FILE_TOO_LARGE: (p) => `tệp lớn hơn ${p.limitMb} MB`,
      ENCODING_INVALID: (p) =>
        p.offset !== undefined
          ? `văn bản không phải ${p.encoding} hợp lệ tại byte ${p.offset.toLocaleString('vi-VN')}${p.line !== undefined ? ` (dòng ${p.line.toLocaleString('vi-VN')})` : ''}${p.bytes ? `: các byte ${p.bytes}` : ''}; tệp bị hỏng ở chỗ đó (một ký tự bị cắt cụt hoặc gõ sai); hãy sửa chỗ đó hoặc lưu lại tệp dạng "CSV UTF-8"`
          : `văn bản không phải ${p.encoding} hợp lệ; có thể tệp dùng bảng mã cũ (Windows-1258, TCVN3, VNI): hãy lưu lại từ Excel dạng "CSV UTF-8" hoặc "Unicode Text"`,
      ENCODING_LEGACY: (p) =>
        p.workbook || p.document
          ? `chữ trong ${p.document ? 'văn bản' : 'sổ tính'} được gõ bằng phông tiếng Việt cũ (có lẽ là ${p.likely === 'vni' ? 'VNI, phông VNI-Times' : 'TCVN3/ABC, phông .VnTime'})${p.sample ? `, ví dụ "${p.sample}"` : ''}; hãy đọc bằng --encoding ${p.likely ?? 'tcvn3|vni'}, hoặc chuyển chữ trong ${p.document ? 'văn bản' : 'sổ tính'} sang Unicode (như công cụ chuyển mã của Unikey)`
          : `văn bản dùng bảng mã cũ${p.likely ? ` (có lẽ là ${{ 'windows-1258': 'Windows-1258', tcvn3: 'TCVN3/ABC, phông .VnTime', vni: 'VNI, phông VNI-Times' }[p.likely]})` : ' (Windows-1258, TCVN3 hoặc VNI)'}${p.sample ? `, ví dụ "${p.sample}"` : ''}; hãy đọc bằng --encoding ${p.likely ?? 'windows-1258|tcvn3|vni'} hoặc lưu lại dạng "CSV UTF-8"`,
      TEXT_GARBLED: (p) =>
        p.how === 'lost' && p.codePage === 'windows-1258'
          ? `các chữ cái tiếng Việt không có sẵn một mã trong bảng mã Windows-1258 đã bị thay bằng dấu "?" khi lưu tệp (ví dụ "${p.sample}"): nhiều khả năng tệp được lưu kiểu "CSV" thường của Excel trên Windows tiếng Việt, giữ được ă, ơ, ư, đ nhưng không giữ các chữ đó, và không thể khôi phục từ tệp này; hãy lưu lại bảng từ sổ tính gốc dạng "CSV UTF-8" hoặc "Unicode Text", hoặc kiểm tra tệp .xlsx`
          : p.how === 'lost'
          ? `các chữ cái tiếng Việt đã bị thay bằng dấu "?" khi lưu tệp (ví dụ "${p.sample}"): tệp được lưu bằng bảng mã không có các chữ này (kiểu "CSV (Comma delimited)" của Excel trên Windows không đặt tiếng Việt) và không thể khôi phục từ tệp này; hãy lưu lại bảng từ sổ tính gốc dạng "CSV UTF-8" hoặc "Unicode Text", hoặc kiểm tra tệp .xlsx`
          : `các chữ cái tiếng Việt bị lỗi phông (ví dụ "${p.sample}"): văn bản UTF-8 đã bị mở như Windows-1252 (Latin) rồi lưu lại; hãy mở tệp gốc dạng UTF-8 (Excel: Data → From Text/CSV, File Origin "65001: Unicode (UTF-8)") rồi lưu dạng "CSV UTF-8", hoặc kiểm tra tệp .xlsx`,
      CSV_MALFORMED: (p) =>
        !('reason' in p)
          ? `không phân tích được CSV${p.line ? ` ở khoảng dòng ${p.line}` : ''}: ${p.detail}`
          : p.reason === 'quote'
            ? `một ô trong ngoặc kép mở ở dòng ${p.line.toLocaleString('vi-VN')} mà không bao giờ đóng (có dấu " lạc trong một ô?); mọi thứ sau đó sẽ thành một ô`
            : p.reason === 'columns'
              ? `dòng ${p.line.toLocaleString('vi-VN')} có hơn ${p.limit.toLocaleString('vi-VN')} cột (nhiều hơn một bảng tính chứa được); đây không phải một bảng`
              : `${p.line ? `dòng ${p.line.toLocaleString('vi-VN')}` : 'một dòng'} dài hơn ${p.limit.toLocaleString('vi-VN')} ký tự; đây không phải một bảng`,
      NOT_A_TABLE: (p) =>
        p.reason === 'no-columns'
          ? 'không thấy cấu trúc cột: không dòng nào tách được thành nhiều ô bằng dấu phẩy, chấm phẩy hay TAB'
          : p.reason === 'document'
            ? 'đây là văn bản (kế hoạch do Word lưu thành văn bản thuần), không phải bảng: povcheck validate kiểm tra được văn bản kế hoạch; với lệnh này hãy lưu bảng thành .xlsx hoặc CSV'
            : p.reason === 'document-no-table'
              ? p.tables === 0
                ? 'đây là văn bản không có bảng (povcheck validate kiểm tra được phần lời văn): không có bảng số liệu hộ nghèo để tính'
                : `${p.tables === 1 ? 'bảng duy nhất của văn bản không phải bảng số liệu hộ nghèo: bảng không có' : `không bảng nào trong ${p.tables} bảng của văn bản là bảng số liệu hộ nghèo: không bảng nào có`} chỉ tiêu của bảng giảm nghèo (ví dụ "Số hộ nghèo đầu năm" hay "poor_start")`
              : `không thấy chỉ tiêu nào của bảng giảm nghèo (ví dụ "Số hộ nghèo đầu năm" hay "poor_start") ở dòng hoặc cột nào${p.labels ? `; dòng đầu của bảng ghi ${p.labels.map((l) => `"${l}"`).join(', ')}` : ''}`,
      LOCALE_AMBIGUOUS: (p) =>
        p.reason === 'ambiguous'
          ? `ô ${p.cell}: "${p.text}" đọc kiểu Việt Nam là ${p.vi}, kiểu tiếng Anh là ${p.en}, và không ô nào khác cho biết tệp dùng kiểu nào; hãy chỉ rõ --locale vi hoặc --locale en`
          : `tệp dùng lẫn hai kiểu số với số lượng ngang nhau (ô ${p.viCell} "${p.viText}" kiểu Việt Nam, ô ${p.enCell} "${p.enText}" kiểu tiếng Anh); hãy chỉ rõ --locale vi hoặc --locale en`,
      WORKBOOK_INVALID: (p) => `không phải ${p.of === 'ods' ? 'bảng tính OpenDocument' : p.of === 'xls' ? 'sổ tính Excel 97–2003 (.xls)' : 'sổ tính Excel'} đọc được: ${containerDamage(p, 'Office')}`,
      WORKBOOK_TOO_LARGE: (p) =>
        p.what === 'uncompressed'
          ? `sổ tính khi giải nén lớn hơn ${p.limitMb} MB (tệp "bom nén", hoặc lớn hơn mọi bảng phụ lục); không đọc`
          : p.what === 'entries'
            ? `sổ tính có hơn ${p.limit} thành phần; không đọc`
            : p.what === 'cells'
              ? `sổ tính có hơn ${p.limit.toLocaleString('vi-VN')} ô; không đọc`
              : p.what === 'range'
                ? `trang tính có nội dung tới tận ô ${p.cell}; povcheck chỉ đọc trang tính tối đa ${p.maxRows.toLocaleString('vi-VN')} dòng và ${p.maxCols.toLocaleString('vi-VN')} cột (hãy xoá phần nằm ngoài bảng)`
                : p.what === 'zip64'
                  ? 'sổ tính dùng ZIP64 (lớn hơn 4 GB); không đọc'
                  : p.what === 'sheets'
                    ? `sổ tính có hơn ${p.limit.toLocaleString('vi-VN')} trang tính; không đọc`
                    : p.what === 'merges'
                      ? `trang tính có hơn ${p.limit.toLocaleString('vi-VN')} vùng ô gộp; không đọc`
                      : p.what === 'strings'
                        ? `sổ tính có hơn ${p.limit.toLocaleString('vi-VN')} chuỗi văn bản (shared strings); không đọc`
                        : p.what === 'string-chars'
                          ? `tổng độ dài văn bản của sổ tính vượt quá ${p.limit.toLocaleString('vi-VN')} ký tự; không đọc`
                          : p.what === 'text'
                            ? `${p.part} có một đoạn văn bản dài hơn ${p.limit.toLocaleString('vi-VN')} ký tự (một ô chứa tối đa 32.767 ký tự); không đọc`
                            : p.what === 'depth'
                              ? `${p.part} lồng các phần tử XML sâu hơn ${p.limit.toLocaleString('vi-VN')} cấp; không đọc`
                              : `${p.part} có hơn ${p.limit.toLocaleString('vi-VN')} phần tử XML; không đọc`,
      DOCUMENT_INVALID: (p) => `không phải văn bản Word đọc được: ${containerDamage(p, 'Word')}`,
      DOCUMENT_TOO_LARGE: (p) => {
        switch (p.what) {
          case 'uncompressed':
          case 'document':
            return `văn bản ${p.what === 'document' ? '(phần nội dung) ' : ''}khi giải nén lớn hơn ${p.limitMb} MB (tệp "bom ZIP", hoặc lớn hơn mọi văn bản kế hoạch); không đọc`;
          case 'rows':
          case 'columns':
            return `bảng ${p.table} có hơn ${p.limit.toLocaleString('vi-VN')} ${p.what === 'rows' ? 'dòng' : 'cột'}; không đọc`;
          case 'zip64':
            return 'văn bản dùng ZIP64 (lớn hơn 4 GB); không đọc';
          default:
            return `văn bản có hơn ${p.limit.toLocaleString('vi-VN')} ${{ entries: 'thành phần', cells: 'ô bảng', paragraphs: 'đoạn', depth: 'cấp phần tử lồng nhau', text: 'ký tự văn bản', elements: 'phần tử XML' }[p.what]}; không đọc`;
        }
      },
      DOCUMENT_NOTHING: (p) =>
        `văn bản không có gì để kiểm tra (${p.paragraphs} đoạn, ${p.tables} bảng): không có bảng tỷ lệ hộ nghèo, không có khoản tổng kinh phí kèm các khoản thành phần, ${p.citations ? `không dẫn chiếu văn bản nào kèm ngày ban hành (${p.citations} lần dẫn chiếu chỉ có số hiệu, không có gì để đối chiếu)` : 'không dẫn chiếu văn bản nào'}` +
        (p.statements > 0 ? `; có ${p.statements} nhận định số liệu về hộ nghèo nhưng không có bảng để đối chiếu` : '') +
        (p.bounded > 0 ? `; có ${p.bounded} khoản tổng kinh phí nêu dưới dạng ngưỡng ("trên 68 tỷ đồng"), không kiểm tra được` : p.amounts > 0 ? `; có ${p.amounts} số tiền nhưng không số nào được nêu là thành phần của một khoản tổng` : ''),
      TABLE_TOO_LARGE: (p) =>
        p.what === 'cells' || p.what === 'units'
          ? `bảng có hơn ${p.limit.toLocaleString('vi-VN')} ${p.what === 'cells' ? 'ô' : 'dòng đơn vị'}, nhiều hơn povcheck giữ được trong bộ nhớ ở đây (giới hạn bộ nhớ của Node là ${p.heapMb.toLocaleString('vi-VN')} MB); dừng lại để không cạn bộ nhớ: hãy tách bảng, hoặc cho Node thêm bộ nhớ bằng NODE_OPTIONS=--max-old-space-size=8192`
          : p.what === 'rows'
          ? `bảng có hơn ${p.limit.toLocaleString('vi-VN')} dòng, nhiều hơn povcheck kiểm tra trong một lần chạy; dừng ở đây để không cạn bộ nhớ (hãy tách bảng, ví dụ theo tỉnh)`
          : `kiểm tra bảng cho ra hơn ${p.limit.toLocaleString('vi-VN')} phát hiện (cùng một lỗi lặp lại suốt bảng? cột đặt sai chỗ, sai kiểu số?); povcheck dừng ở đây để không cạn bộ nhớ: hãy sửa những lỗi đầu tiên rồi kiểm tra lại`,
      SHEET_NOT_FOUND: (p) => `sổ tính không có ${/^\d+$/.test(p.sheet) ? `trang thứ ${p.sheet} (chỉ có ${p.available.length} trang)` : `trang "${p.sheet}"`}; các trang có: ${p.available.map((s, i) => `${i + 1} "${s}"`).join(', ')}`,
      NO_INPUT: (p) =>
        p.kind === 'glob'
          ? 'không có tệp nào khớp mẫu này'
          : 'thư mục này không có bảng hay văn bản nào povcheck tìm đọc (.csv, .tsv, .xlsx, .xlsm, .xls, .ods, .docx, .doc, tệp .txt xuất từ Excel, tệp .xml của Excel 2003; hoặc .xlsb, .pdf … cần chuyển đổi)',
      CONFIG_INVALID: (p) =>
        p.reason === 'json'
          ? `tệp cấu hình không phải JSON hợp lệ${p.line !== undefined ? `: lỗi ở dòng ${p.line}, cột ${p.column}` : ''} (${p.detail})`
          : p.reason === 'not-found'
            ? 'không có tệp cấu hình này'
            : `tệp cấu hình không khớp lược đồ (schema/povcheck.config.schema.json): ${p.problems.map(configProblem).join('; ')}`,
      BAD_OPTION: (p) => {
        switch (p.reason) {
          case 'output-twice-bare':
            return `-o được ghi hai lần (${p.files.join(', ')}) mà không có --format: hãy ghi định dạng cho từng báo cáo, --format json -o ${p.files[0]} --format sarif -o ${p.files[1]}`;
          case 'output-twice':
            return `--format ${p.format} có hai --output-file; mỗi định dạng chỉ ghi ra một tệp`;
          case 'stdout-twice':
            return `nhiều định dạng cùng in ra màn hình (${p.formats.join(', ')}); hãy cho tất cả trừ một định dạng một --output-file`;
          case 'same-output':
            return `hai định dạng cùng ghi vào tệp ${p.file}`;
          case 'rule-level':
            return `--rule ${p.value}: hãy viết <quy tắc>=<off|error|warning|info>, ví dụ --rule denominator=off`;
          case 'unknown-rule':
            if (p.reportIds) return `không có quy tắc hay mã báo cáo "${p.rule}"; các quy tắc: ${p.known.join(', ')}; các mã khác có trong báo cáo: ${p.reportIds.join(', ')}`;
            return `không có quy tắc "${p.rule}"; các quy tắc: ${p.known.join(', ')}`;
          case 'series-one':
            return `--series so sánh các năm liên tiếp: hãy cho ít nhất hai tệp, theo thứ tự năm (mới có ${p.files})`;
          case 'fix-stdout':
            return 'fix ghi bản đã sửa vào một tệp và in báo cáo ra màn hình: hãy đặt tên bản sửa bằng -o <tệp>.csv';
          case 'units-map-alone':
            return '--units-map dùng cho một chuỗi năm: hãy thêm --series và các tệp theo thứ tự năm';
          case 'total-unknown':
            return `--total "${p.name}": bảng không có đơn vị nào tên như vậy (các đơn vị: ${p.units.join(', ')}${p.units.length >= 12 ? ', …' : ''})`;
          case 'decimals':
            return `--decimals "${p.value}": số chữ số thập phân phải là số nguyên từ 0 đến ${p.max}, ví dụ --decimals 1 (tỷ lệ trong niên giám thống kê) hoặc --decimals 2 (trong kế hoạch)`;
        }
      },
      CALC_INPUT: (p) => {
        // A table counting over a period names its indicators so (`đầu kỳ`, as `table` prints them).
        const lab = (i: keyof Catalog['ui']['indicatorLabels']) => (p.period ? layoutWords('vi').ofPeriod(vi().ui.indicatorLabels[i]) : vi().ui.indicatorLabels[i]);
        const low = (i: keyof Catalog['ui']['indicatorLabels']) => lab(i).charAt(0).toLowerCase() + lab(i).slice(1);
        switch (p.reason) {
          case 'absent':
            return `bảng thiếu chỉ tiêu cần để tính: ${p.indicators.map((i) => (i === 'poor_reduced' ? `"${lab(i)}" (hoặc "${lab('poor_end')}")` : `"${lab(i)}"`)).join(', ')}`;
          case 'value':
            return p.text === '' ? `${p.unit}: thiếu số liệu ${low(p.indicator)}, cần có để tính` : `${p.unit}: ${low(p.indicator)} "${p.text}" không phải là số${p.restored !== undefined ? ` (có lẽ là ${p.restored}: các chữ số 0 ở nhóm cuối bị mất khi lưu, như ở các số hộ khác của bảng; lệnh povcheck fix ghi lại chúng)` : ''}`;
          case 'fraction':
            return `${p.unit}: ${low(p.indicator)} "${p.text}" không phải là số nguyên; số hộ phải là số nguyên`;
          case 'negative':
            return `${p.unit}: ${low(p.indicator)} "${p.text}" là số âm`;
          case 'exceeds':
            return `${p.unit}: ${low(p.part)} (${p.partText}) lớn hơn ${low(p.whole)} (${p.wholeText})`;
          case 'zero-households':
            return `${p.unit}: ${low(p.indicator)} bằng 0, không tính được tỷ lệ hộ nghèo`;
          case 'duplicate-unit':
            return `đơn vị "${p.unit}" xuất hiện hai lần trong một danh sách: không biết dòng nào là đơn vị nào; đặt đúng tên cho dòng ghi nhầm (povcheck validate cho biết tổng có cộng cả hai dòng không)`;
        }
      },
      CALC_ARG: (p) =>
        p.reason === 'not-a-count'
          ? `"${p.text}" không phải là số hộ (số nguyên không âm, ví dụ 24.814 hoặc 24814)`
          : p.reason === 'zero-households'
            ? 'tổng số hộ bằng 0, không tính được tỷ lệ'
            : `số hộ nghèo (${p.poor}) lớn hơn tổng số hộ (${p.households})`,
      TARGETS_INVALID: (p) => {
        switch (p.reason) {
          case 'json':
            return `tệp mục tiêu không phải là JSON hợp lệ${p.line !== undefined ? `: lỗi ở dòng ${p.line}, cột ${p.column}` : ''} (${p.detail})`;
          case 'shape':
            return 'tệp mục tiêu phải có dạng {"targets":[{"unit":"…","indicator":"rate_reduced","op":">=","value":"4"}]}';
          case 'field': {
            const hint = {
              unit: 'cần tên một đơn vị trong bảng hoặc "total"',
              indicator: 'cần mã một chỉ tiêu, ví dụ rate_reduced, rate_end',
              op: 'cần một trong >=, <=, =',
              value: 'cần một chuỗi chữ số viết thường, ví dụ "2.06"',
            }[p.field];
            return `${targetPlaceVi(p)}: "${p.field}"${p.text !== undefined ? ` = ${p.text}` : ''} không hợp lệ; ${hint}`;
          }
          case 'arg':
            return `--target "${p.text}" không đúng dạng <đơn vị>=<số điểm %>, ví dụ --target "Na Hang=4"${p.file ? `; tệp mục tiêu thì ghi --targets "${p.text}"` : ''}`;
          case 'none':
            return p.empty ? 'tệp mục tiêu chưa có mục tiêu nào: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}' : `chưa có mục tiêu nào: ${p.document ? 'văn bản kế hoạch không nêu mục tiêu nào povcheck đọc được (mức giảm hay tỷ lệ cuối năm của một đơn vị trong bảng); ' : ''}dùng --target "<đơn vị>=<số điểm %>" hoặc --targets <tệp>`;
        }
      },
      TARGET_UNIT: (p) =>
        p.candidates
          ? `${p.index !== undefined ? `${targetPlaceVi(p)}: ` : ''}"${p.unit}" có thể là ${p.candidates.map((c) => `"${c}"`).join(' hoặc ')}: ${p.city ? `tỉnh và thành phố tỉnh lỵ trùng tên: ghi "${p.candidates[0]}" nếu là thành phố, hoặc "total" nếu là đơn vị tổng của bảng` : p.level ? 'đây là những đơn vị khác cấp; ghi tên đơn vị cần đặt mục tiêu như trong bảng, kèm cấp hành chính (Huyện, Thị trấn, Xã …)' : 'các tên chỉ khác nhau ở dấu, là những đơn vị khác nhau; ghi tên có dấu của đơn vị cần đặt mục tiêu'}`
          : p.index === undefined || !p.tables
          ? `${p.index !== undefined ? `${targetPlaceVi(p)}: ` : ''}bảng không có đơn vị "${p.unit}"; các đơn vị: ${p.known.join(', ')}`
          : p.tables.length === 1
            ? `${targetPlaceVi(p)}: ${p.tables[0]} không có đơn vị "${p.unit}"; các đơn vị của bảng: ${p.known.join(', ')}`
            : `${targetPlaceVi(p)}: không bảng nào trong ${p.tables.length} bảng có đơn vị "${p.unit}"; các đơn vị của ${p.tables[0]}: ${p.known.join(', ')}`,
      UNITS_MAP_INVALID: (p) => {
        switch (p.reason) {
          case 'json':
            return `bảng đối chiếu đơn vị không phải JSON hợp lệ${p.line !== undefined ? `: lỗi ở dòng ${p.line}, cột ${p.column}` : ''} (${p.detail})`;
          case 'shape':
            return 'bảng đối chiếu đơn vị có dạng {"units":[{"from":["Xã A","Xã B"],"to":"Xã C"}]} (hoặc là tệp CSV có hai cột from và to)';
          case 'csv-header':
            return 'tệp CSV đối chiếu đơn vị cần một dòng tiêu đề ghi tên hai cột Đơn vị cũ và Đơn vị mới (hoặc from và to)';
          case 'field':
            return `${p.row ? 'dòng' : 'mục'} ${p.index}: "${p.field}"${p.text !== undefined ? ` = ${p.text}` : ''} không hợp lệ; ${p.field === 'from' ? 'hãy ghi tên các đơn vị cũ (một danh sách, hoặc một tên)' : 'hãy ghi tên đơn vị mới'}`;
          case 'twice':
            return `"${p.unit}" có ở ${p.row ? 'dòng' : 'mục'} ${p.first} và lại có ở ${p.row ? 'dòng' : 'mục'} ${p.index}; mỗi đơn vị cũ chỉ gộp vào một đơn vị mới, và mỗi đơn vị mới chỉ có một mục`;
        }
      },
      TARGET_UNSUPPORTED: (p) =>
        `${p.index !== undefined ? `${targetPlaceVi({ index: p.index, ...(p.line !== undefined ? { line: p.line } : {}) })}: ` : ''}mục tiêu của ${p.unit} (${p.indicator} ${p.op}) không lập kế hoạch được: plan tính số hộ nghèo cần giảm tối thiểu cho rate_reduced, poor_reduced với >= hoặc = và cho rate_end, poor_end với <= hoặc =`,
      OUTPUT_EXTENSION: (p) =>
        `-o ${p.file}: kết quả ở định dạng ${p.format}, nhưng tên tệp có đuôi ${p.extension} (chương trình mở tệp theo đuôi sẽ không đọc được); hãy đặt tên ${p.file.slice(0, p.file.length - p.extension.length)}${p.expected}${p.named ? `, hoặc dùng --format ${p.named}` : ''}`,
      OUTPUT_REQUIRED: (p) => `định dạng ${p.format} không in ra màn hình: hãy chỉ rõ tệp kết quả bằng -o <tệp>.${p.format}`,
      XLSX_TEXT_TOO_LONG: (p) =>
        `một ô Excel chứa tối đa ${p.limit.toLocaleString('vi-VN')} ký tự, còn đoạn "${p.start}…" có ${p.chars.toLocaleString('vi-VN')} ký tự: hãy rút ngắn, hoặc xuất docx hay html`,
      USAGE: (p) => p.detail,
      OUTPUT_IS_INPUT: (p) => `không ghi đè lên tệp đầu vào ${p.input}`,
      WRITE_FAILED: (p) =>
        `không ghi được tệp kết quả (${
          ({
            ENOSPC: 'thiết bị đã hết chỗ trống',
            EDQUOT: 'vượt hạn mức đĩa',
            EACCES: 'không có quyền',
            EPERM: 'không có quyền',
            EROFS: 'hệ thống tệp chỉ đọc',
            EISDIR: 'đây là một thư mục',
            ENOENT: 'không có thư mục này',
            ENOTDIR: 'một phần của đường dẫn không phải thư mục',
            ENXIO: 'một ống có tên (FIFO) không có tiến trình nào đọc',
            EPIPE: 'bên đọc đã đóng ống',
            EBADF: 'không có bộ mô tả tệp đang mở này',
            'not-a-file': 'không phải tệp thường, thiết bị ký tự hay ống có tên',
            'not-regular': 'không phải tệp thường: bản tóm tắt của job chỉ được ghi nối vào tệp thường',
            'dangling-link': 'đây là liên kết tượng trưng (symbolic link) trỏ tới một tệp không tồn tại: hãy ghi thẳng tên tệp',
          } as Record<string, string>)[p.detail] ?? p.detail
        })`,
      INTERNAL: (p) => `lỗi nội bộ (${p.detail}); xin báo lỗi này kèm tệp`,
    },
  });
}
