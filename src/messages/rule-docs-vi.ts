/** Tài liệu về các quy tắc, tiếng Việt (xem rule-docs.ts). */
import type { RuleDocs } from './rule-docs.js';
import { ruleDocsRelationsVi } from './rule-docs-relations-vi.js';

export const ruleDocsVi: RuleDocs = {
  ...ruleDocsRelationsVi,
  sum: {
    summary: 'cộng các đơn vị phải bằng đơn vị tổng, với mọi chỉ tiêu số hộ',
    checks:
      'Với mỗi chỉ tiêu số hộ (tổng số hộ và số hộ nghèo đầu năm, cuối năm, số hộ nghèo giảm trong năm), cộng số liệu các đơn vị phải bằng số liệu của đơn vị tổng (cột hoặc dòng có tên Toàn tỉnh, Toàn huyện, Tổng cộng, Cộng, Cả nước, Total…, tên trong totalNames của tệp cấu hình, hoặc --total TÊN; nếu không có, đơn vị đầu tiên khi tên của nó chỉ cấp hành chính cao hơn mọi đơn vị sau nó (Thành phố Hà Nội trên các Quận, Huyện; một Huyện trên các Xã; không bao giờ là một thành phố thuộc tỉnh giữa các huyện), hoặc, trong danh sách một cấp, khi số liệu của nó bằng tổng của các đơn vị còn lại ở từ hai chỉ tiêu số hộ trở lên, kèm một thông tin nói rõ; nếu không có đơn vị tổng thì không kiểm tra phép cộng và báo cáo nói rõ; --total first lấy đơn vị đầu tiên, kèm một thông tin nói rõ). Khi các đơn vị lồng nhau (có cột mã và mã cấp trên, có khối kèm dòng cộng của khối, hoặc tên đơn vị ghi rõ cấp: Huyện rồi đến các Xã của huyện), mỗi đơn vị được so với tổng các đơn vị thuộc nó. Phát hiện nằm ở ô của đơn vị tổng, ghi tổng các đơn vị và số chênh lệch.',
    why: 'Số tổng thường được gõ tay hoặc tính bằng =SUM trên vùng sai, mà số tổng lại là số được đưa tiếp vào báo cáo của tỉnh.',
    example:
      'fixtures/planted/households-total-typo.csv: tổng số hộ đầu năm của toàn tỉnh gõ thành 210.399, trong khi bảy huyện cộng lại được 210.299 → lỗi ở ô D2.',
  },
  flow: {
    summary: 'số hộ nghèo cuối năm = đầu năm − giảm trong năm, với từng đơn vị',
    checks: 'Với mọi đơn vị: số hộ nghèo cuối năm = số hộ nghèo đầu năm − số hộ nghèo giảm trong năm. Phát hiện nằm ở ô số hộ nghèo cuối năm.',
    why: 'Ba con số được gõ riêng; một lần gõ đảo chữ số ở một ô làm lệch cân đối của năm mà tổng hầu như không đổi.',
    example:
      'fixtures/planted/poor-end-transposed.csv: Chiêm Hóa có 5.511 hộ nghèo đầu năm, giảm 818 hộ, vậy cuối năm là 4.693; bảng ghi 4.963 → lỗi ở ô I6.',
  },
  rate: {
    summary: 'tỷ lệ hộ nghèo đầu năm, cuối năm = số hộ nghèo / tổng số hộ × 100, làm tròn 2 chữ số (cuối năm chia cho số hộ CUỐI năm)',
    checks:
      'Tỷ lệ đầu năm = làm tròn(số hộ nghèo đầu năm / tổng số hộ đầu năm × 100, 2), tỷ lệ cuối năm = làm tròn(số hộ nghèo cuối năm / tổng số hộ cuối năm × 100, 2), chữ số bỏ đi từ 5 trở lên thì làm tròn lên. Nếu tỷ lệ cuối năm sai đúng bằng số hộ nghèo cuối năm chia cho tổng số hộ ĐẦU năm, thông báo nói rõ điều đó. Đơn vị có 0 hộ và 0 hộ nghèo thì tỷ lệ chỉ có thể là 0: ghi số khác là lỗi.',
    why: 'Tỷ lệ tính sai mẫu số hoặc làm tròn kiểu khác trông vẫn hợp lý nên dễ lọt qua khâu rà soát, trong khi chỉ tiêu kế hoạch lại giao theo các tỷ lệ này.',
    example:
      'fixtures/planted/end-rate-start-denominator.csv: Na Hang 2.704 / 10.580 × 100 = 25,56, nhưng bảng ghi 25,83 = 2.704 / 10.468 (số hộ đầu năm) → lỗi ở ô J10.',
  },
  'rate-change': {
    summary: 'mức giảm (điểm %) = tỷ lệ đầu năm − tỷ lệ cuối năm, hai tỷ lệ đã làm tròn ghi trong bảng',
    checks:
      'Mức giảm tỷ lệ hộ nghèo = tỷ lệ đầu năm − tỷ lệ cuối năm, lấy trên hai tỷ lệ đã làm tròn 2 chữ số (tính từ số hộ nếu bảng không in tỷ lệ). Khi quy ước này cho kết quả khác hiệu chưa làm tròn, có một thông tin nói rõ; mức giảm bằng hiệu chưa làm tròn đem làm tròn, hoặc bằng số hộ nghèo giảm chia cho tổng số hộ đầu năm, được gọi đúng tên.',
    why: 'Biểu lấy hiệu của hai tỷ lệ đã làm tròn ghi trong bảng; hiệu chưa làm tròn, hay số hộ nghèo giảm chia cho tổng số hộ đầu năm, là những con số hay bị dùng thay, lệch từ 0,01 điểm phần trăm trở lên.',
    example:
      'Hàm Yên trong bảng gốc: 15,08 − 12,43 = 2,65 dù hiệu chưa làm tròn 2,6424 làm tròn thành 2,64 (thông tin). fixtures/planted/rate-change-rounded.csv ghi 2,64 → lỗi ở ô H9.',
  },
  denominator: {
    summary: 'khi số hộ cuối năm khác đầu năm, hai tỷ lệ có mẫu số khác nhau',
    checks:
      'Khi tổng số hộ cuối năm khác đầu năm: mức giảm tính bằng điểm phần trăm, số hộ nghèo giảm tính bằng phần trăm tổng số hộ đầu năm, và phần của mức giảm chỉ do số hộ thay đổi: tỷ lệ đầu năm − tỷ lệ cuối năm = R/H0 + P1·(H1 − H0)/(H0·H1). Một cảnh báo ở đơn vị tổng, nói rõ điều đó có nghĩa gì với mức giảm của toàn bảng; phần tách của từng đơn vị khác là thông tin; một đơn vị chỉ bị cảnh báo khi sự thay đổi số hộ quyết định một điều gì đó: chiều tăng giảm của tỷ lệ, hoặc (khi có mục tiêu) một mục tiêu về tỷ lệ chỉ đạt được nhờ nó. Cũng là cảnh báo của quy tắc này: tỷ lệ của một luồng (hộ thoát nghèo, hộ nghèo phát sinh …) mà số hộ và tỷ lệ ứng với một số hộ khác tổng số hộ của đơn vị: gần đó (lệch vài phần trăm, như số hộ đầu năm), hoặc bằng số hộ nghèo đầu năm (tỷ lệ hộ thoát nghèo tính trên số hộ nghèo, không phải trên tổng số hộ); cảnh báo nêu số hộ mà tỷ lệ khớp.',
    why: 'Mức giảm tỷ lệ thường được hiểu là số hộ nghèo giảm; khi tổng số hộ tăng, một phần mức giảm chỉ là do phép chia, không phải do hộ nghèo giảm.',
    example:
      'Toàn tỉnh trong bảng gốc: số hộ nghèo giảm (4.188 hộ) bằng 1,99% của 210.299 hộ đầu năm, nhưng tỷ lệ giảm 2,06 điểm phần trăm; khoảng 0,07 điểm phần trăm là do 1.481 hộ tăng thêm → cảnh báo ở ô D9.',
  },
  range: {
    summary: 'số hộ là số nguyên không âm; hộ nghèo ≤ tổng số hộ; số giảm ≤ số hộ nghèo đầu năm; tỷ lệ trong khoảng 0–100',
    checks:
      'Số hộ là số nguyên, không âm; số hộ nghèo không vượt tổng số hộ; số hộ giảm không vượt số hộ nghèo đầu năm; tỷ lệ nằm trong khoảng 0–100 và mức giảm trong khoảng -100–100. Số hộ nghèo giảm âm (số hộ nghèo tăng ròng) là cảnh báo.',
    why: 'Những giá trị này không thể có (hoặc, với mức giảm âm, đủ bất thường để kiểm tra lại dấu), bất kể các ô khác ghi gì.',
    example: 'Số hộ nghèo cuối năm gõ thành -12 → lỗi ở ô đó; số hộ nghèo giảm trong năm gõ thành -40 → cảnh báo.',
  },
  number: {
    summary: 'ô lẽ ra chứa số nhưng không phải là số',
    checks:
      'Chữ lẫn vào số (4.18x, n/a), nhóm chữ số sai (21.0299), số viết theo kiểu khác với kiểu của tệp (210,299 trong tệp viết số kiểu Việt Nam), giá trị lỗi của bảng tính (#DIV/0!, #REF!, #N/A: nói rõ nghĩa của lỗi và công thức), hoặc dấu gạch ở chỗ phải có số. Số hộ bị mất các chữ số 0 ở nhóm cuối khi lưu (39.88 thay cho 39.880: bảng được mở với thiết lập số kiểu khác rồi lưu lại) được nêu giá trị có lẽ đã nhập, và một cảnh báo nói lý do (lệnh fix ghi lại các chữ số đó).',
    why: 'Bảng tính đọc ô như vậy là chữ, nên hàm SUM lặng lẽ bỏ qua nó.',
    example: 'fixtures/planted/stray-text.csv: số hộ nghèo giảm của Lâm Bình gõ thành 28x → lỗi ở ô K5; fixtures/planted/malformed-group.csv: 50.1800 → lỗi ở ô E3.',
  },
  missing: {
    summary: 'thiếu số liệu, thiếu tên đơn vị hoặc thiếu chỉ tiêu số hộ (hoặc công thức không có kết quả đã lưu)',
    checks:
      'Ô số liệu để trống (lỗi), dòng đơn vị không có tên (lỗi), công thức trong sổ tính mà tệp không lưu kết quả (lỗi), hoặc bảng thiếu một chỉ tiêu số hộ (cảnh báo, kèm các phép kiểm tra không làm được).',
    why: 'Phép kiểm tra không làm được thì phải nói ra, không được coi như đạt.',
    example: 'fixtures/xlsx/formula-no-cache.xlsx: ô D5 có =SUM(E5:K5) nhưng không có kết quả đã lưu → lỗi ở ô D5, và phép kiểm tra tổng, tỷ lệ của toàn tỉnh được liệt kê là chưa kiểm tra.',
  },
  duplicate: {
    summary: 'một đơn vị hoặc một chỉ tiêu xuất hiện hai lần',
    checks: 'Hai cột (hoặc dòng) cùng tên đơn vị, hoặc hai dòng (hoặc cột) cho cùng một chỉ tiêu; tên được so không phân biệt hoa thường, dấu, và theo tên gọi khác của đơn vị trong tệp cấu hình.',
    why: 'Một khối số liệu bị dán hai lần làm số tổng tăng gấp đôi.',
    example: 'Hai cột cùng tiêu đề "Na Hang" → lỗi ở ô tiêu đề thứ hai, chỉ ra ô thứ nhất.',
  },
  hierarchy: {
    summary: 'các đơn vị tạo thành một cây dưới đơn vị tổng (cột mã và mã cấp trên)',
    checks: 'Trong bảng dọc có cột mã và mã cấp trên (tỉnh → huyện → xã, bao nhiêu cấp cũng được): mỗi mã cấp trên phải là mã của một đơn vị trong bảng, không đơn vị nào là cấp trên của chính nó, và mọi đơn vị trừ đơn vị tổng đều có cấp trên. Quy tắc `sum` khi đó kiểm tra từng đơn vị cấp trên với tổng các đơn vị cấp dưới, ở mọi cấp.',
    why: 'Một xã ghi nhầm mã huyện sẽ lặng lẽ bị bỏ ra ngoài mọi phép cộng; một vòng lặp cấp trên làm các số tổng mất ý nghĩa.',
    example: 'Một dòng xã có mã cấp trên 099 mà không đơn vị nào mang → lỗi ở ô mã cấp trên: số liệu của xã này không được cộng vào đâu.',
  },
  'split-table': {
    summary: 'văn bản kế hoạch: bảng bị tách khi sang trang được đọc như một bảng, kèm một ghi chú nói rõ',
    checks:
      'Một bảng nằm ngay sau một bảng tỷ lệ hộ nghèo (ở giữa chỉ có đoạn trống hoặc ngắt trang), cùng số cột, không có dòng tiêu đề riêng hoặc lặp lại dòng tiêu đề của bảng trước, là phần tiếp theo của bảng đó: hai phần được kiểm tra như một bảng, với tên đơn vị ở tiêu đề của phần đầu; các ô giữ vị trí của chúng trong Word (Bảng 2, dòng 3, cột 10). Một thông tin nói rõ bảng đã được đọc như vậy.',
    why: 'Phụ lục dài bị Word tách thành hai bảng khi sang trang; đọc riêng thì phần sau không có tên đơn vị và không kiểm tra được. Người đọc cần biết hai bảng đã được ghép, để đối chiếu các ô với văn bản.',
    example: 'fixtures/plans/writer/split-annex.docx: Bảng 2 lặp lại dòng tiêu đề của Bảng 1 → một thông tin ở ô đầu tiên của Bảng 2; các phép kiểm tra chạy trên hai phần như một bảng.',
  },
  unknown: {
    summary: 'dòng hoặc cột không nhận ra (được báo, không được kiểm tra)',
    checks:
      'Dòng (bố cục ngang) hoặc cột (bố cục dọc) có tên không thuộc các cách viết đã biết, hoặc có số liệu mà không có tên. Nó được báo và để ngoài phép kiểm tra, không bao giờ bị bỏ qua lặng lẽ. Dòng tiêu đề của tệp CSV dài hơn mọi dòng bên dưới vì một tên chứa dấu phân cách mà không nằm trong ngoặc kép: phần sau của tên (bắt đầu bằng khoảng trắng, chữ thường hoặc dấu đóng ngoặc) được ghép lại với tên trước nó, các tên sau lùi về đúng cột số liệu, kèm một cảnh báo; nếu không nhận ra được phần nào bị tách thì chỉ cảnh báo rằng các tên có thể lệch một cột. Tên chỉ tiêu của một dòng trong bảng ngang bị tách như vậy (dòng dài hơn các dòng khác, phần sau nằm ở ô ngay sau tên) cũng được ghép lại, các số liệu của dòng về đúng cột đơn vị, kèm một cảnh báo; tên đơn vị của một dòng trong bảng dọc bị tách như vậy cũng thế (các số liệu về đúng cột chỉ tiêu, một cảnh báo nêu các dòng). Sổ tính lưu lại từ một tệp CSV như thế (tên nằm trên hai ô) được đọc như tệp CSV, cảnh báo nhắc gộp tên lại vào một ô.',
    why: 'Một dòng bị đổi tên sẽ biến khỏi mọi phép kiểm tra; nếu đó là một trong tám chỉ tiêu, hãy thêm cách viết ấy vào mục "labels" của povcheck.config.json.',
    example: 'Dòng "Thu nhập bình quân đầu người" → cảnh báo ở ô tên dòng.',
  },
  target: {
    summary: 'các mục tiêu của kế hoạch có đạt không (khi có --targets, --target hoặc mục targets trong tệp cấu hình)',
    checks:
      'Với mỗi mục tiêu (một đơn vị hoặc toàn tỉnh, một chỉ tiêu, >=, <= hoặc =, một giá trị): giá trị của đơn vị như bảng ghi (nếu bảng không ghi thì tính từ số hộ theo cách của biểu) phải đạt. Mục tiêu đạt là một thông tin; mục tiêu chưa đạt là một lỗi ở ô của chỉ tiêu, ghi mục tiêu, giá trị và số hộ còn thiếu: số hộ nghèo giảm cần thêm (hoặc bớt) bao nhiêu hộ thì đạt, tính như povcheck plan, hoặc vì sao không số hộ nào đạt được (mục tiêu giảm nhiều điểm hơn cả tỷ lệ đầu năm, mục tiêu = mà tỷ lệ làm tròn nhảy qua, chỉ tiêu như tổng số hộ không phụ thuộc số hộ nghèo giảm). Mục tiêu ghi một đơn vị mà không bảng nào trong lần chạy có thì povcheck dừng (mã thoát 2).',
    why: 'Phụ lục đi kèm một kế hoạch cam kết mức giảm nghèo; bảng nào hụt mục tiêu dù chỉ vài hộ thì phải nói ra, và nói hụt bao nhiêu hộ, trước khi trình ký.',
    example:
      'fixtures/targets/na-hang-short.csv với fixtures/targets/tuyen-quang-2020.json: Na Hang chỉ giảm 370 hộ nghèo, tỷ lệ giảm 3,81 điểm %, trong khi mục tiêu là từ 4 điểm % trở lên → lỗi ở ô J9: cần thêm ít nhất 20 hộ (tối thiểu 390 hộ). Toàn tỉnh giảm 2,05 điểm % so với mục tiêu 2,06 → cần thêm 9 hộ (tối thiểu 4.177, bảng ghi 4.168).',
  },
  continuity: {
    summary: 'khi có --series: số hộ và số hộ nghèo đầu năm bằng số cuối năm trước',
    checks:
      'Với các tệp liên tiếp (validate --series 2020.csv 2021.csv …, theo thứ tự năm): tổng số hộ và số hộ nghèo đầu năm của mỗi đơn vị phải bằng số cuối năm trước; đơn vị được ghép theo tên (không phân biệt hoa thường, dấu, khoảng trắng; có tính tên gọi khác trong tệp cấu hình), đơn vị tổng ghép với nhau. Phát hiện nằm ở ô đầu năm của tệp sau và ghi tên tệp trước cùng ô của nó. Đơn vị xuất hiện thêm hoặc mất đi là cảnh báo; --units-map cộng số liệu các đơn vị cũ vào đơn vị mới được sáp nhập trước khi so sánh. Mỗi cặp tệp có một thông tin cho biết đã so sánh bao nhiêu đơn vị.',
    why: 'Phụ lục mỗi năm được gõ lại từ đầu; một số đầu năm chép từ bản nháp hoặc từ đợt rà soát sau làm đứt mạch số liệu giữa các năm mà không phép kiểm tra nào trong bảng phát hiện được.',
    example:
      'validate --series fixtures/tuyen-quang-2020.csv fixtures/series/tuyen-quang-2021-break.csv: Hàm Yên đầu năm 2021 ghi 31.850 hộ, nhưng cuối năm 2020 là 31.800 hộ (ô H3) → lỗi ở ô H2 của tệp 2021 (và ở ô D2: toàn tỉnh ghi 211.830 thay vì 211.780).',
  },
  claim: {
    summary: 'văn bản kế hoạch: số liệu nêu trong văn bản khớp với bảng và khớp trong cùng câu; các chỉ tiêu văn bản đặt ra được đáp ứng',
    checks:
      'Trong văn bản kế hoạch (.docx, hoặc bản xuất văn bản thuần của Word), các câu viết theo cách thông thường của kế hoạch được đọc thành nhận định: mức giảm tỷ lệ hộ nghèo ("giảm 2,06%"), tỷ lệ đầu năm và cuối năm ("từ 11,8% xuống còn 9,74%"), số hộ nghèo giảm ("giảm 4.188 hộ nghèo"), của toàn đơn vị ("toàn tỉnh") hoặc của đơn vị được nêu tên. Mỗi số được so với bảng theo số chữ số thập phân văn bản viết (11,8 = 11,80) và, khi một câu nêu đủ đầu năm, cuối năm và mức giảm, so với chính câu đó (11,8 − 9,74 = 2,06). Một ngưỡng ("Riêng các huyện nghèo (Lâm Bình, Na Hang) giảm từ 4% trở lên") trở thành chỉ tiêu do quy tắc target kiểm tra, không cần tệp chỉ tiêu. Số không khớp là lỗi tại câu đó; đơn vị bảng không có là cảnh báo; với bảng mất dòng tiêu đề, không đối chiếu được đơn vị theo tên (ghi ở phần không kiểm tra; đặt tên cột bằng --units). Các câu về hộ cận nghèo, hộ dân tộc thiểu số, bình quân nhiều năm, năm khác, và các mục báo cáo kết quả đã qua không được đọc thành nhận định.',
    why: 'Phần lời nhắc lại số liệu của phụ lục và đặt chỉ tiêu; cả hai đều được gõ tay và không ai đối chiếu, nên quyết định có thể hứa một con số trong khi phụ lục ghi con số khác.',
    example:
      'fixtures/plans/planted/claim-disagrees.docx nêu "giảm 2,6%" cho toàn tỉnh trong khi bảng 1 ghi 2,06 và chính câu đó cho 11,8 − 9,74 = 2,06 → một lỗi tại ¶12.',
  },
  money: {
    summary: 'văn bản kế hoạch: mọi khoản tổng kinh phí bằng tổng các khoản thành phần, theo đơn vị tính đã nêu',
    checks:
      'Các số tiền trong văn bản ("210.679 triệu đồng", "1,5 tỷ đồng") tạo thành một cây: khoản tổng mở đầu danh sách ("Tổng kinh phí …: 210.679 triệu đồng. Trong đó:") và các gạch đầu dòng, một số tiền và các khoản trong ngoặc ngay sau nó ("(vốn đầu tư phát triển 70.756 triệu đồng, vốn sự nghiệp 15.617 triệu đồng)"), một số tiền và các khoản sau "trong đó" trong cùng câu. Mỗi khoản tổng phải bằng tổng các khoản thành phần (quy đổi về đơn vị của khoản tổng, chữ số bỏ đi từ 5 trở lên thì làm tròn lên, theo số chữ số thập phân của nó); một khoản duy nhất sau "trong đó" chỉ cần không lớn hơn khoản tổng. Khi có khoản tổng không khớp, con số mà khi sửa lại làm mọi khoản tổng không khớp trở nên khớp được nêu là nguyên nhân có khả năng (giải chính xác; nếu nhiều số cùng phù hợp thì xếp theo lỗi gõ), và các khoản tổng nó giải thích được báo một lần, tại con số đó.',
    why: 'Kinh phí được chép tay giữa các bản dự thảo; một con số bị sửa làm một dự án lệch với cả các nguồn vốn của nó lẫn khoản tổng, và quyết định được ban hành với số tiền không khớp.',
    example:
      'Kế hoạch mẫu: Dự án 1 ghi 79.381 triệu đồng trong khi các nguồn vốn cộng lại 70.756 + 15.617 = 86.373, và tổng 210.679 chỉ khớp khi khoản này là 86.373 → một lỗi tại 79.381, đề xuất 86.373.',
  },
  reference: {
    summary: 'văn bản kế hoạch: mỗi văn bản được dẫn chiếu có một ngày và một cơ quan ban hành, và ngày tháng có thật',
    checks:
      'Các trích dẫn như "Quyết định số 468/QĐ-UBND ngày 16/12/2019 của Ủy ban nhân dân tỉnh", "Nghị quyết số 46-NQ/TU", "Quyết định 33/2015/QĐ-TTg ngày 10/8/2015": cùng một số hiệu được dẫn với hai ngày, hoặc hai cơ quan ban hành (các chữ viết tắt như UBND được viết đầy đủ để so), là cảnh báo nêu cả hai chỗ; ngày không thể có (31/02, tháng 13) là lỗi; số hiệu mang năm (33/2015/…) mà ghi ngày của năm khác là cảnh báo. Trích dẫn không có ngày hoặc cơ quan ban hành không mâu thuẫn với gì; khi không trích dẫn nào có ngày và không số hiệu nào được dẫn hai lần kèm cơ quan ban hành, không có gì để đối chiếu và phép kiểm tra được tính là không chạy.',
    why: 'Văn bản thường được dẫn theo trí nhớ hoặc chép từ kế hoạch cũ; ngày sai dẫn người đọc tới văn bản khác, hoặc không tới văn bản nào.',
    example: 'Kế hoạch mẫu dẫn Quyết định số 468/QĐ-UBND ngày 16/12/2019 ở phần mở đầu và ngày 16/12/2018 ở mục IV → một cảnh báo.',
  },
  unreadable: {
    summary: 'tệp không đọc được thành bảng',
    checks: 'Tệp rỗng, nhị phân, không phải bảng, vượt giới hạn kích thước, hoặc không xác định được kiểu viết số. Thông báo ghi rõ lý do.',
    why: 'Một tệp nộp lên mà povcheck không đọc được thì không thể coi là đã đạt.',
    example: 'Tệp .xls do Excel đời cũ lưu → "đây là tệp Office cũ (.xls/.doc); hãy lưu thành CSV hoặc .xlsx".',
    where:
      'Tình trạng của một tệp trong mọi báo cáo: "không đọc được" trong báo cáo văn bản, "status": "unreadable" trong báo cáo JSON (kèm "error": mã và thông báo lỗi), được đếm riêng trong dòng tổng kết; trong các định dạng CI là lỗi của quy tắc giả unreadable (SARIF, GitLab, JUnit, GitHub).',
    weight: 'lỗi: lần chạy kết thúc với mã 2, dù các tệp khác thế nào.',
  },
  unchecked: {
    summary: 'đọc được tệp nhưng không phép kiểm tra nào chạy được',
    checks:
      'Bảng có tên chỉ tiêu không hiểu được, không có đơn vị nào (chỉ có dòng tiêu đề, biểu mẫu trống), hoặc không có số liệu nào để so sánh. Thông báo nêu các tên không hiểu được và mục `labels` của tệp cấu hình để ánh xạ chúng.',
    why: 'Một bảng chưa được kiểm tra thì chưa thể coi là đạt: chỗ povcheck chưa hiểu không bao giờ được biến một tệp nộp lên thành "đạt".',
    example: 'Bảng cấp xã có các cột "Tổng số hộ", "Số hộ thoát nghèo", "Tỷ lệ hộ nghèo (%)" → không kiểm tra được gì — không hiểu: "Tổng số hộ", …',
    where:
      'Tình trạng của một tệp trong mọi báo cáo: "không kiểm tra được" trong báo cáo văn bản, "status": "unchecked" trong báo cáo JSON (mục coverage cho biết vì sao), được đếm riêng trong dòng tổng kết; trong các định dạng CI là lỗi của quy tắc giả unchecked (SARIF, GitLab, JUnit, GitHub).',
    weight: 'lỗi: lần chạy kết thúc với mã 2, không bao giờ là 0 (tệp chưa được kiểm tra thì chưa đạt).',
  },
  coverage: {
    summary: 'phạm vi kiểm tra của một tệp: phép nào đã chạy, phép nào không chạy được và vì sao, các tên chỉ tiêu không hiểu được',
    checks:
      'Với mỗi bảng đọc được: trong các phép kiểm tra áp dụng cho bảng, bao nhiêu phép đã so sánh được ít nhất một số liệu ("6/6 phép kiểm tra đã chạy"), phép nào không chạy được và lý do (bảng không có số liệu phép đó cần), những chỗ một phép bị bỏ qua (một ô không phải là số: mục "Chưa kiểm tra"), và các tên chỉ tiêu povcheck không hiểu hoặc hiểu là không thuộc chỉ tiêu nào nó kiểm tra, kèm mục labels của tệp cấu hình để ánh xạ chúng.',
    why: 'Một tệp không có lỗi chỉ đáng tin trong phạm vi đã được kiểm tra: phép kiểm tra không chạy được thì không tìm ra gì, và phạm vi kiểm tra nói rõ điều đó thay vì để sự im lặng bị hiểu là khớp.',
    example:
      'fixtures/planted/stray-text.csv: "6/6 phép kiểm tra đã chạy, trừ 3 chỗ chưa kiểm tra được": ô K5 ghi "28x", nên các phép kiểm tra của Lâm Bình và của đơn vị tổng cần ô đó được liệt kê ở mục "Chưa kiểm tra".',
    where:
      'Dòng đầu của mỗi tệp trong báo cáo văn bản, dòng "Kiểm tra:" và mục "Chưa kiểm tra"; mục coverage của mỗi tệp trong báo cáo JSON (checks, ran, notRun, notUnderstood, notCompared: các chỉ tiêu có số liệu nhưng không phép kiểm tra nào đối chiếu với số liệu khác); trong các định dạng CI là một thông báo coverage cho tệp chỉ chạy được một phần các phép kiểm tra (GitHub, GitLab), một thuộc tính của bộ kiểm thử (JUnit) hoặc của tệp (SARIF).',
    weight: 'thông tin: tự nó không làm lần chạy thất bại (tệp không chạy được phép kiểm tra nào là unchecked).',
  },
  'passed-over': {
    summary: 'tệp tìm thấy trong thư mục nhưng không được kiểm tra: tệp .txt không phải tệp văn bản xuất từ Excel, trang web không có bảng',
    checks:
      'Khi kiểm tra một thư mục (hoặc một mẫu tên tệp), povcheck tìm các tệp nó đọc được (.csv, .tsv, .xlsx, .xlsm, .xls, .ods, .docx, .doc), các tệp .txt xuất từ Excel ("Unicode Text", "Text (Tab delimited)") và các trang web có bảng hoặc do trình soạn thảo, bảng tính lưu ra (.htm, .html, .mht); tệp .txt khác (ghi chú, văn bản kế hoạch, bảng lưu thành văn bản theo cách khác) và trang web khác (trừ báo cáo do povcheck viết) không được kiểm tra nhưng được nêu tên, để kết luận không bao giờ bao trùm một tệp chưa đọc. Ghi tên tệp trong lệnh thì tệp được kiểm tra.',
    why: 'Một tệp nộp lên dưới dạng .txt dễ bị tưởng là đã được kiểm tra; lần chạy bỏ qua tệp nào thì nói rõ tệp đó.',
    example:
      'povcheck validate submissions/ có submissions/ghi-chu.txt là một ghi chú → sau dòng tổng kết: "Không kiểm tra 1 tệp .txt trong thư mục (không giống bảng xuất từ Excel …): submissions/ghi-chu.txt. Ghi rõ tên tệp trong lệnh để kiểm tra (một bảng, hoặc văn bản kế hoạch)."',
    where:
      'Một dòng sau dòng tổng kết của báo cáo văn bản (ra stderr khi báo cáo không phải văn bản trên màn hình); mục passedOver của báo cáo JSON; một thông báo trong --format github, một ghi chú trong thông báo của SARIF, một bộ ca kiểm thử bỏ qua passed-over trong JUnit, một vấn đề mức info passed-over trong --format gitlab.',
    weight: 'thông tin: mã thoát không đổi.',
  },
};
