/** Mô tả các quy tắc quan hệ thêm cho biểu đã công bố, tiếng Việt (xem rule-docs.ts). */
import type { RuleDoc } from './rule-docs.js';

export const ruleDocsRelationsVi: Record<'breakdown' | 'of-which' | 'balance' | 'combined' | 'implied-households' | 'rate-mean' | 'achievement' | 'formula' | 'precision' | 'share', RuleDoc> = {
  breakdown: {
    summary: 'các dòng chi tiết (hoặc nhóm hộ) cộng lại bằng số liệu mà chúng chia ra',
    checks:
      'Các dòng ghi dưới một số liệu có gạch đầu dòng (`- Chuyển sang hộ cận nghèo` dưới `Số hộ thoát nghèo`), và các nhóm hộ ghi dưới một đơn vị (`Trong đó: hộ nghèo về thu nhập`, `hộ nghèo thiếu hụt …`) cộng lại bằng số liệu mà chúng chia ra, ở mọi cột có ghi. Lỗi ghi ở ô của số liệu đó.',
    why: 'Các dòng chi tiết được gõ riêng với dòng tổng; gõ sai một dòng thì không chỗ nào khác thấy.',
    example: 'fixtures/published/review-2021q2-ben-tre-breakdown.csv: 10.508 + 3.723 = 14.231 hộ và 29.880 + 15.730 = 45.610 nhân khẩu (đúng).',
  },
  'of-which': {
    summary: 'dòng "trong đó" không lớn hơn số liệu mà nó là một phần',
    checks:
      'Dòng `Trong đó: …` (và các địa bàn liệt kê dưới nó) là một phần của dòng phía trên, không phải một đơn vị để cộng: mỗi số hộ của nó không lớn hơn số hộ tương ứng của dòng đó. Không bao giờ được cộng với các đơn vị.',
    why: 'Số "trong đó" lớn hơn tổng là gõ nhầm hoặc lấy nhầm từ biểu khác.',
    example: 'fixtures/published/national-2023-poor-districts-of-which.csv: 311.981 hộ nghèo của các huyện nghèo ≤ 815.101 hộ nghèo cả nước (đúng).',
  },
  balance: {
    summary: 'cuối năm = đầu năm − số giảm + số tăng (diễn biến trong năm)',
    checks:
      'Khi biểu ghi số đầu năm, số cuối năm và diễn biến trong năm của một nhóm hộ (thoát nghèo là giảm; tái nghèo, phát sinh, từ cận nghèo rơi xuống là tăng; giảm khác, tăng khác), thì cuối năm = đầu năm − giảm + tăng, như công thức cột của biểu mẫu. Số hộ thoát nghèo không bao giờ được hiểu là số hộ nghèo giảm (ròng).',
    why: 'Số cuối năm của biểu mẫu được tính từ các cột này; gõ sai một cột biến động thì cân đối sai.',
    example: 'fixtures/shapes/form-flows.csv: Xã An Bình 310 − 45 + 6 + 12 = 283 hộ nghèo cuối năm.',
  },
  combined: {
    summary: 'hộ nghèo + hộ cận nghèo = tổng số hộ nghèo và hộ cận nghèo (số hộ khớp đúng, tỷ lệ trong phạm vi làm tròn)',
    checks:
      '`Tổng số hộ nghèo và hộ cận nghèo` = số hộ nghèo + số hộ cận nghèo, khớp đúng; `Tỷ lệ nghèo đa chiều` = tỷ lệ hộ nghèo + tỷ lệ hộ cận nghèo trong phạm vi làm tròn (±0,01 với 2 chữ số thập phân): đó là tỷ lệ của tổng số hộ, không phải tổng của hai tỷ lệ đã làm tròn.',
    why: 'Số tổng được gõ cạnh hai số thành phần; gõ sai một chữ số ở một trong ba ô thì tổng sai.',
    example: 'fixtures/published/national-2022-regions.csv: Đồng bằng sông Hồng 169.566 ≠ 69.239 + 100.237 = 169.476 → lỗi ở C4 (ô E4 69.239 là 69.329 bị đảo hai chữ số).',
  },
  'implied-households': {
    summary: 'biểu không có cột tổng số hộ: các cặp số hộ và tỷ lệ của một đơn vị phải cùng ứng với một tổng số hộ',
    checks:
      'Mỗi cặp số hộ và tỷ lệ ghi p chữ số thập phân cho biết khoảng của tổng số hộ H: làm tròn(số hộ × 100 / H, p) = tỷ lệ. Các cặp của một đơn vị trên cùng tổng số hộ (hộ nghèo, hộ cận nghèo và tổng, cùng thời điểm) phải có chung một H; tỷ lệ của một biến động lệch vài phần trăm là tính trên mẫu số khác (cảnh báo). Một phần không bao giờ có nhiều hộ hơn toàn bộ (lỗi); các phần không thể cộng thành số hộ của toàn bộ là tính trên mẫu số khác (cảnh báo).',
    why: 'Biểu chỉ ghi số hộ và tỷ lệ mà không ghi tổng số hộ thì không kiểm tra được bằng cách khác; gõ sai một tỷ lệ hay số hộ sẽ lộ ra thành những tổng số hộ không khớp nhau.',
    example: 'fixtures/published/national-2023-regions-combined.csv: Trung du và miền núi phía Bắc có 587.952 hộ với tỷ lệ 1,87% thì phải có 31,4 triệu hộ, nhiều hơn cả nước (27,8 triệu) → lỗi ở B3 (số đúng là 18,20).',
  },
  'rate-mean': {
    summary: 'tỷ lệ của toàn bộ nằm giữa tỷ lệ thấp nhất và cao nhất của các phần',
    checks: 'Tỷ lệ của một đơn vị có các đơn vị thành phần (vùng gồm các tỉnh, cả nước gồm thành thị và nông thôn) là bình quân gia quyền của tỷ lệ các phần, nên phải nằm giữa tỷ lệ thấp nhất và cao nhất của chúng (sai khác không quá nửa đơn vị của chữ số cuối).',
    why: 'Biểu chỉ có tỷ lệ (thông cáo thống kê, niên giám) không cho cách kiểm tra nào khác đối với tỷ lệ của vùng hay cả nước.',
    example: 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv: năm 2010, 11,11 (thành thị) ≤ 23,92 ≤ 26,08 (nông thôn) (đúng).',
  },
  achievement: {
    summary: 'tỷ lệ đạt so với chỉ tiêu = mức giảm / chỉ tiêu × 100, làm tròn như biểu ghi',
    checks: '`Tỷ lệ đạt so với chỉ tiêu` = mức giảm tỷ lệ đã ghi (hoặc tỷ lệ đầu năm − cuối năm) / chỉ tiêu (`Chỉ tiêu giảm tỷ lệ hộ nghèo giao đầu năm`) × 100, làm tròn như biểu ghi.',
    why: 'Tỷ lệ đạt là con số được trích dẫn trong báo cáo, và được tính tay từ hai ô khác.',
    example: 'test/shapes/targets-achievement.csv: 1,50 / 1,20 × 100 = 125%.',
  },
  formula: {
    summary: 'công thức cột ghi dưới tiêu đề đúng ở mọi dòng',
    checks: 'Biểu mẫu đánh số cột và ghi cách tính một số cột (`4=3/1*100`, `10=2-4+6+8`); povcheck đọc dòng đó và kiểm tra công thức ở mọi dòng (tỷ lệ theo độ chính xác ghi trên biểu).',
    why: 'Biểu mẫu tự nêu quan hệ; dòng nào sai công thức là dòng được gõ tay chứ không tính.',
    example: 'fixtures/shapes/blocks.csv: dòng dưới tiêu đề ghi `A | B | 1 | 2 | 3=2/1*100 …`.',
  },
  precision: {
    summary: 'tỷ lệ ghi ít chữ số thập phân hơn các tỷ lệ khác của biểu',
    checks: 'Tỷ lệ được so sánh ở độ chính xác ghi trên biểu; tỷ lệ ghi ít chữ số thập phân hơn phần lớn tỷ lệ của biểu (`16,5` giữa các tỷ lệ 2 chữ số) được nêu ra, vì không phân biệt được chữ số 0 bị mất với giá trị đã làm tròn.',
    why: 'Bảng tính hay bỏ số 0 ở cuối; một giá trị làm tròn 1 chữ số trong cột 2 chữ số che đi sai khác tới 0,05.',
    example: 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv: ô D10 `16,5` giữa các tỷ lệ 2 chữ số → cảnh báo.',
  },
  share: {
    summary: 'tỷ lệ của một bộ phận trong tổng số = bộ phận / tổng số × 100, làm tròn như biểu ghi',
    checks: 'Tỷ lệ có nhãn ghi rõ tổng số là hộ nghèo hoặc hộ cận nghèo (`Tỷ lệ hộ nghèo DTTS trong tổng số hộ nghèo`, hoặc `Tỷ lệ trong tổng số hộ nghèo` ngay sau dòng `Số hộ nghèo DTTS`) = số hộ của bộ phận / số hộ của tổng số × 100, cùng một thời điểm, làm tròn như biểu ghi. Tỷ lệ mà tổng số không phải là nhóm hộ chứa bộ phận đó thì chỉ đọc, không kiểm tra.',
    why: 'Báo cáo hay trích tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo; con số này được tính tay từ hai ô khác và không phải tỷ lệ trên tổng số hộ dân cư, nên không phép kiểm tra nào khác thấy được.',
    example: 'fixtures/published/report-2015-gia-lai-province-two-standards-shares.csv: 31.951 / 36.951 × 100 = 86,47, báo cáo ghi 85,94 → lỗi ở ô D5.',
  },
};
