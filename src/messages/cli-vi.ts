/** Vietnamese text of the command line: help titles, every command's and option's description, option errors. */
import type { CliText, OptionRef } from './cli-types.js';

const mean = (s: string[]) => (s.length === 0 ? '' : `\n(Có phải ý bạn là ${s.join(' hoặc ')}?)`);

const ref = (o: OptionRef) => `${o.env ? 'biến môi trường' : 'tùy chọn'} '${o.name}'`;

const LANG = 'ngôn ngữ của nhãn và thông báo (mặc định: ngôn ngữ của bảng)';
const DELIMITER = 'ký tự phân cách CSV (mặc định: tự nhận biết)';
const ENCODING = 'bảng mã của tệp đầu vào (mặc định: tự nhận biết, kể cả Windows-1258; TCVN3 và VNI chỉ dùng khi được nêu tên)';
const NO_COLOR = 'không tô màu (hoặc đặt NO_COLOR=1)';
const NO_CONFIG = 'không dùng tệp cấu hình';
const UNITS = 'văn bản kế hoạch: tên các cột đơn vị của bảng bị mất dòng tiêu đề, theo thứ tự, cách nhau bằng dấu phẩy: --units "Toàn tỉnh,Sơn Dương,…"';

/** The input and output options `table` and `plan` share (commands/calc-shared.ts). */
const CALC_INPUT: Record<string, string> = {
  '--lang': LANG,
  '--locale': 'kiểu viết số của kết quả (mặc định: theo --lang); cũng dùng để đọc tệp đầu vào khi không nhận biết được',
  '--input-locale': 'kiểu viết số của tệp đầu vào (mặc định: tự nhận biết)',
  '--delimiter': 'ký tự phân cách CSV của tệp đầu vào (mặc định: tự nhận biết)',
  '--encoding': ENCODING,
  '--total':
    'đơn vị tổng: auto = đơn vị được ghi là tổng, nếu không có thì đơn vị đầu tiên khi nó bằng tổng các đơn vị còn lại, nếu không nữa thì thêm dòng tổng; first = đơn vị đầu tiên; none = không thêm dòng tổng',
  '--transpose': 'đơn vị theo hàng thay vì theo cột (mặc định: theo hàng khi có hơn 10 đơn vị)',
  '--no-transpose': 'đơn vị theo cột (bố cục của phụ lục mẫu), dù có bao nhiêu đơn vị',
  '--units': UNITS,
  '--output-file': 'ghi kết quả vào tệp này (ghi trọn vẹn hoặc không ghi gì; không bao giờ ghi đè tệp đầu vào; - là stdout)',
  '--out': 'như --output-file',
  '--output': 'như --output-file',
  '--no-color': NO_COLOR,
};

export const viCli: CliText = {
  titles: { 'Usage:': 'Cách dùng:', 'Arguments:': 'Đối số:', 'Options:': 'Tùy chọn:', 'Commands:': 'Lệnh:', 'Global Options:': 'Tùy chọn chung:' },
  usageWords: { options: '[tùy chọn]', command: '[lệnh]' },
  commands: {
    povcheck: { description: 'Kiểm tra và tính bảng tỷ lệ hộ nghèo (phụ lục kế hoạch giảm nghèo, kết quả rà soát hộ nghèo, hộ cận nghèo).' },
    validate: {
      description: 'tính lại mọi số liệu dẫn xuất của bảng và báo từng chỗ không khớp tại ô của nó',
      arguments: { inputs: 'tệp (.csv, .tsv, .txt, .xlsx, .xlsm, .ods; văn bản kế hoạch .docx và bản xuất văn bản thuần .txt của nó), thư mục, hoặc mẫu đường dẫn đặt trong ngoặc kép như "nop/**/*.csv"' },
      options: {
        '--format': 'định dạng báo cáo, dùng được nhiều lần: text, json, html, github, sarif, junit, markdown, gitlab (mặc định: text)',
        '--output-file': 'ghi báo cáo của --format đứng ngay trước vào tệp này (ghi trọn vẹn; không bao giờ ghi đè tệp đầu vào; - là stdout; khi không có --format, định dạng mà đuôi tệp chỉ ra: -o bao-cao.json)',
        '--output': 'như --output-file',
        '--lang': LANG,
        '--locale': 'kiểu viết số của các số ghi dạng văn bản (mặc định: tự nhận biết theo từng tệp)',
        '--strict': 'cảnh báo cũng làm kết quả không đạt (như --fail-on warning)',
        '--fail-on': 'mức phát hiện nào làm mã thoát bằng 1 (mặc định: error)',
        '--delimiter': DELIMITER,
        '--sheet': 'tệp Excel: trang tính cần đọc, theo tên hoặc số thứ tự từ 1 (mặc định: trang đầu tiên)',
        '--rule': 'tắt một quy tắc hoặc đổi mức của nó, dùng được nhiều lần: --rule denominator=off',
        '--config': 'tệp cấu hình (mặc định: povcheck.config.json ở thư mục này hoặc một thư mục cha)',
        '--no-config': NO_CONFIG,
        '--targets': 'kiểm tra các mục tiêu trong tệp này, cùng định dạng với lệnh plan (quy tắc target; thay cho mục tiêu trong tệp cấu hình)',
        '--target': 'kiểm tra tỷ lệ hộ nghèo của đơn vị đã giảm ít nhất chừng ấy điểm %; "total" là đơn vị tổng (dùng được nhiều lần)',
        '--series': 'các tệp đầu vào là các năm liên tiếp, theo thứ tự đã cho: kiểm tra đầu năm sau khớp với cuối năm trước (quy tắc continuity)',
        '--units-map': 'dùng với --series: đơn vị cũ nào đã nhập vào đơn vị mới nào (JSON hoặc CSV; xem docs/targets-and-series.md)',
        '--units': UNITS,
        '--total':
          'đơn vị tổng, theo tên, khi tên của nó không nói rõ (Toàn tỉnh, Tổng cộng, Cộng, Total … thì đã rõ); "first" lấy đơn vị đầu tiên (mặc định: đơn vị có tên là tổng; nếu không có, đơn vị đầu tiên khi tên của nó chỉ cấp hành chính cao hơn mọi đơn vị sau nó (Thành phố Hà Nội trên các Quận …) hoặc số liệu của nó bằng tổng của các đơn vị còn lại; nếu không thì không có đơn vị tổng: không kiểm tra phép cộng)',
        '--table': 'in bảng số liệu dưới các phát hiện (định dạng text; mặc định khi chỉ có một tệp)',
        '--no-table': 'không in bảng số liệu',
        '--encoding': ENCODING,
        '--no-color': NO_COLOR,
      },
    },
    fix: {
      description: 'ghi bản đã sửa của một bảng khi các lỗi của nó chỉ có đúng một cách giải thích (các ô và giá trị mà povcheck validate nêu là nguyên nhân có thể)',
      arguments: { file: 'tệp CSV hoặc văn bản phân cách bằng TAB (UTF-8, UTF-8 có BOM, UTF-16, Windows-1258; TCVN3 và VNI khi có --encoding)' },
      options: {
        '--output-file': 'nơi ghi bản đã sửa (bắt buộc; không bao giờ là tệp đầu vào)',
        '--output': 'như --output-file',
        '--lang': 'ngôn ngữ của thông báo (mặc định: ngôn ngữ của bảng)',
        '--locale': 'kiểu viết số của tệp đầu vào (mặc định: tự nhận biết)',
        '--delimiter': DELIMITER,
        '--encoding': `${ENCODING}; bản đã sửa giữ nguyên bảng mã này`,
        '--no-color': NO_COLOR,
      },
    },
    table: {
      description: 'tính mọi ô dẫn xuất của phụ lục từ số liệu gốc (số hộ, số hộ nghèo, số hộ nghèo giảm) và trình bày bảng',
      arguments: {
        file: 'tệp CSV, văn bản phân cách bằng TAB hoặc sổ tính (.xlsx, .xlsm, .ods) có tổng số hộ đầu năm, cuối năm, số hộ nghèo đầu năm và số hộ nghèo giảm trong năm (hoặc cuối năm) của từng đơn vị',
      },
      options: {
        '--format': 'định dạng kết quả (mặc định: định dạng mà đuôi tệp -o chỉ ra, -o phu-luc.xlsx, nếu không thì text; xlsx, docx và html: cần -o, hoặc ghi ra stdout khi không phải màn hình)',
        '--title': 'tiêu đề trên bảng (docx, xlsx, markdown, text, html)',
        '--date': 'ngày của số liệu, dạng 2020-12-31 hoặc 31/12/2020: một dòng dưới tiêu đề',
        '--source': 'nguồn số liệu: một dòng dưới bảng',
        '--strict': 'thoát với mã 1 khi bảng đầu vào ghi một giá trị dẫn xuất khác giá trị tính được',
        ...CALC_INPUT,
      },
    },
    plan: {
      description: 'tính số hộ nghèo tối thiểu mà mỗi đơn vị cần giảm trong năm để đạt mục tiêu',
      arguments: { file: 'tệp CSV, văn bản phân cách bằng TAB hoặc sổ tính (.xlsx, .xlsm, .ods) có tổng số hộ đầu năm, cuối năm (dự kiến) và số hộ nghèo đầu năm của từng đơn vị' },
      options: {
        '--target': 'tỷ lệ hộ nghèo của đơn vị phải giảm ít nhất chừng ấy điểm %; "total" là đơn vị tổng (dùng được nhiều lần)',
        '--targets': 'tệp mục tiêu: {"targets":[{"unit":"Na Hang","indicator":"rate_reduced","op":">=","value":"4"}]}',
        '--format': 'định dạng kết quả (mặc định: định dạng mà đuôi tệp -o chỉ ra, nếu không thì text); csv là phụ lục theo kế hoạch, đọc được bằng `povcheck table`',
        '--title': 'tiêu đề trên kế hoạch (text)',
        ...CALC_INPUT,
      },
    },
    rate: {
      description: 'tỷ lệ hộ nghèo: số hộ nghèo / tổng số hộ × 100, làm tròn đến hai chữ số thập phân (từ 5 trở lên làm tròn lên; --decimals)',
      arguments: { poor: 'số hộ nghèo (24.814, 24,814 hoặc 24814)', households: 'tổng số hộ (210.299, 210,299 hoặc 210299)' },
      options: {
        '--decimals': 'số chữ số thập phân của tỷ lệ, từ 0 đến 6, làm tròn tại đó (số liệu thống kê thường ghi 1, kế hoạch ghi 2; mặc định: 2)',
        '--exact': 'thêm thương đúng (chưa làm tròn)',
        '--lang': 'ngôn ngữ (mặc định: theo LANG)',
        '--locale': 'kiểu viết số của kết quả (mặc định: theo --lang, nếu không thì theo cách viết các số đã nhập, 24.814 hay 24,814, nếu không nữa thì theo ngôn ngữ)',
        '--no-color': NO_COLOR,
      },
    },
    rules: {
      description: 'liệt kê mọi quy tắc với mức mặc định và nội dung kiểm tra',
      options: {
        '--lang': 'ngôn ngữ (mặc định: theo tệp cấu hình, nếu không thì theo LANG)',
        '--format': 'định dạng kết quả',
        '--config': 'tệp cấu hình có các mức quy tắc cần hiển thị',
        '--no-config': NO_CONFIG,
        '--no-color': NO_COLOR,
      },
    },
    explain: {
      description: 'giải thích một quy tắc kiểm tra gì, vì sao, kèm ví dụ (hoặc ý nghĩa của một mã khác có trong báo cáo)',
      arguments: { rule: 'mã quy tắc (povcheck rules liệt kê các mã), hoặc một mã khác có trong báo cáo: unreadable, unchecked, coverage, passed-over' },
      options: {
        '--lang': 'ngôn ngữ (mặc định: theo tệp cấu hình, nếu không thì theo LANG)',
        '--config': 'tệp cấu hình có mức của quy tắc cần hiển thị',
        '--no-config': NO_CONFIG,
        '--no-color': NO_COLOR,
      },
    },
  },
  helpOption: 'hiển thị trợ giúp của lệnh',
  versionOption: 'in số phiên bản',
  helpCommand: 'hiển thị trợ giúp của một lệnh',
  choices: (list) => `các giá trị: ${list}`,
  default: (value) => `mặc định: ${value}`,
  examplesTitle: 'Ví dụ:',
  examples: {
    povcheck: { line: 'povcheck validate fixtures/tuyen-quang-2020.csv', says: 'kiểm tra một bảng: tính lại mọi số liệu dẫn xuất, báo từng chỗ không khớp tại ô của nó' },
    validate: { line: 'povcheck validate fixtures/planted/two-errors.csv --format html -o bao-cao.html', says: 'kiểm tra một bảng và ghi báo cáo HTML đánh dấu các ô sai' },
    fix: { line: 'povcheck fix fixtures/planted/two-errors.csv -o da-sua.csv', says: 'ghi bản đã sửa khi một nguyên nhân giải thích được mọi lỗi' },
    table: {
      line: 'povcheck table fixtures/calc/seed-base-counts.csv --format docx -o phu-luc.docx --title "Phụ lục: Kết quả giảm nghèo năm 2020"',
      says: 'tính mọi ô từ số liệu gốc và ghi phụ lục thành bảng Word',
    },
    plan: { line: 'povcheck plan fixtures/calc/seed-plan-input.csv --target "Na Hang=4" --target "Lâm Bình=4"', says: 'số hộ nghèo tối thiểu cần giảm để đạt các mục tiêu' },
    rate: { line: 'povcheck rate 24.814 210.299', says: 'một tỷ lệ hộ nghèo, làm tròn như các bảng vẫn làm (11,80)' },
    rules: { line: 'povcheck rules', says: 'mọi quy tắc, mức của nó và nội dung kiểm tra' },
    explain: { line: 'povcheck explain rate-change', says: 'một quy tắc kiểm tra gì, vì sao, kèm ví dụ' },
  },
  programFooter: 'Mọi tùy chọn của một lệnh: povcheck <lệnh> --help. Tiếng Anh: thêm --lang en.\nTài liệu: README.md và thư mục docs/.',
  helpAfterError: (command) => `(xem cách dùng: ${command} --help)`,
  errors: {
    unknownOption: (flag, s) => `lỗi: không có tùy chọn '${flag}'${mean(s)}`,
    unknownCommand: (name, s) => `lỗi: không có lệnh '${name}'${mean(s)}`,
    missingArgument: (name) => `lỗi: thiếu đối số bắt buộc '${name}'`,
    optionMissingArgument: (flags) => `lỗi: tùy chọn '${flags}' cần một giá trị`,
    missingMandatoryOption: (flags) => `lỗi: thiếu tùy chọn bắt buộc '${flags}'`,
    invalidOptionValue: (flags, value, reason) => `lỗi: giá trị '${value}' của tùy chọn '${flags}' không hợp lệ. ${reason}`,
    invalidArgumentValue: (name, value, reason) => `lỗi: giá trị '${value}' của đối số '${name}' không hợp lệ. ${reason}`,
    allowedChoices: (choices) => `Các giá trị được phép: ${choices.join(', ')}.`,
    excessArguments: (command, expected, got) => `lỗi: thừa đối số${command ? ` cho lệnh '${command}'` : ''}: cần ${expected}, nhận được ${got}.`,
    conflictingOptions: (a, b) => `lỗi: không dùng được ${ref(a)} cùng với ${ref(b)}`,
  },
  badDate: 'Ghi ngày dạng 2020-12-31 hoặc 31/12/2020.',
  outputIsOption: 'Đây là tên một tùy chọn, không phải tên tệp: ghi tên tệp ngay sau -o (tệp có tên bắt đầu bằng - thì ghi ./-tên).',
  outputEmpty: 'Chưa có tên tệp: ghi tên tệp ngay sau -o.',
};
