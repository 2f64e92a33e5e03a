/** Documentation of the relation kinds added for published tables, in English (see rule-docs.ts). */
import type { RuleDoc } from './rule-docs.js';

export const ruleDocsRelationsEn: Record<'breakdown' | 'of-which' | 'balance' | 'combined' | 'implied-households' | 'rate-mean' | 'achievement' | 'formula' | 'precision' | 'share', RuleDoc> = {
  breakdown: {
    summary: 'rows (or units) that break a figure down add up to it',
    checks:
      'Rows listed under a figure with a dash (`- Chuyển sang hộ cận nghèo` under `Số hộ thoát nghèo`), and household categories listed under a unit (`Trong đó: hộ nghèo về thu nhập`, `hộ nghèo thiếu hụt …`), add up to the figure they break down, in every column they fill. The finding sits at that figure.',
    why: 'Breakdown rows are typed separately from their total; a slip in one shows nowhere else.',
    example: 'fixtures/published/review-2021q2-ben-tre-breakdown.csv: 10,508 + 3,723 = 14,231 households and 29,880 + 15,730 = 45,610 persons (both hold).',
  },
  'of-which': {
    summary: 'an "of which" row is at most the figure it is part of',
    checks:
      'A row `Trong đó: …` (and the places listed under it) is a subset of the row above it, not a part of a partition: each of its counts is at most the same count of that row. It is never added up with the units.',
    why: 'An "of which" figure larger than its whole is a typing slip or a figure copied from another table.',
    example: 'fixtures/published/national-2023-poor-districts-of-which.csv: the poor districts\' 311,981 poor households ≤ the country\'s 815,101 (holds).',
  },
  balance: {
    summary: 'end of year = start − out-flows + in-flows (gross flows)',
    checks:
      'Where a table prints the start, the end and the gross flows of a population (thoát nghèo out; tái nghèo, phát sinh, from near-poor in; other decreases and increases), end = start − out + in, as the official forms\' column formula. The households that left poverty are never read as the net reduction.',
    why: 'The year-end count of the official forms is computed from these columns; a slip in one flow breaks it.',
    example: 'fixtures/shapes/form-flows.csv: Xã An Bình 310 − 45 + 6 + 12 = 283 poor households at the end.',
  },
  combined: {
    summary: 'poor + near-poor = their sum (counts exactly, rates within rounding)',
    checks:
      '`Tổng số hộ nghèo và hộ cận nghèo` = poor + near-poor households, exactly; the multidimensional rate (`Tỷ lệ nghèo đa chiều`) = poverty rate + near-poverty rate within their rounding (±0.01 at two decimals): it is the rate of the summed count, not the sum of two rounded rates.',
    why: 'The combined figures are typed beside their parts; a digit slip in one of the three breaks the sum.',
    example: 'fixtures/published/national-2022-regions.csv: Đồng bằng sông Hồng 169,566 ≠ 69,239 + 100,237 = 169,476 → error at C4 (E4 69,239 is 69,329 with two digits swapped).',
  },
  'implied-households': {
    summary: 'without a households column, the (count, rate) pairs of a unit admit a common household count',
    checks:
      'Each pair of a count and its rate printed to p decimals bounds the households H: round(count × 100 / H, p) = rate. The pairs of one unit over the same households (poor, near-poor and their sum, at one time) must admit a common H; a flow\'s rate a few per cent off is over another denominator (warning). A part can never imply more households than its whole (error); parts whose households cannot add up to the whole\'s are over other denominators (warning).',
    why: 'Tables that print rates and counts but no households are otherwise unchecked; a mistyped rate or count shows as households that no pair agrees on.',
    example: 'fixtures/published/national-2023-regions-combined.csv: Trung du và miền núi phía Bắc, 587,952 households at 1.87 % would be 31.4 million households, more than the whole country (27.8 million) → error at B3 (the published figure is 18.20).',
  },
  'rate-mean': {
    summary: 'a whole\'s rate lies between its parts\' lowest and highest rate',
    checks: 'The rate of a unit with parts (a region over its provinces, the country over urban and rural) is their weighted mean, so it lies between the lowest and the highest of their rates (within half a unit of the last decimal printed).',
    why: 'Tables of rates alone (statistical releases, yearbooks) allow no other check of a region\'s or the country\'s rate.',
    example: 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv: in 2010, 11.11 (urban) ≤ 23.92 ≤ 26.08 (rural) (holds).',
  },
  achievement: {
    summary: 'achievement of a target = the reduction / the target × 100, at the precision printed',
    checks: '`Tỷ lệ đạt so với chỉ tiêu` = the printed reduction in points (or start rate − end rate) / the target (`Chỉ tiêu giảm tỷ lệ hộ nghèo giao đầu năm`) × 100, rounded half-up as printed.',
    why: 'The achievement is what reports cite; it is computed by hand from two other cells.',
    example: 'test/shapes/targets-achievement.csv: 1.50 / 1.20 × 100 = 125 %.',
  },
  formula: {
    summary: 'a column formula printed under the header holds in every row',
    checks: 'Official forms number their columns and write how some are computed (`4=3/1*100`, `10=2-4+6+8`); povcheck reads that row and checks the formula in every row (rates at the precision printed).',
    why: 'The form states the relation itself; a row where it fails was typed, not computed.',
    example: 'fixtures/shapes/blocks.csv: the row under the header reads `A | B | 1 | 2 | 3=2/1*100 …`.',
  },
  precision: {
    summary: 'a rate printed with fewer decimals than the table\'s other rates',
    checks: 'Rates are compared at the precision they are printed with; a rate printed with fewer decimals than most rates of the table (`16,5` among two-decimal rates) is noted, since a dropped trailing digit cannot be told from a rounded value.',
    why: 'Spreadsheets drop trailing zeros; a value rounded to one decimal in a two-decimal column hides a difference of up to 0.05.',
    example: 'fixtures/published/yearbook-2016-quang-ngai-rates-by-year.csv: D10 `16,5` among two-decimal rates → warning.',
  },
  share: {
    summary: 'a part\'s share of its population = the part / the whole × 100, at the precision printed',
    checks: 'A percentage whose label names its whole as the poor or near-poor (`Tỷ lệ hộ nghèo DTTS trong tổng số hộ nghèo`, or `Tỷ lệ trong tổng số hộ nghèo` right after `Số hộ nghèo DTTS`) = the part\'s count / the whole\'s count × 100, both of the same time, rounded half-up as printed. A share whose whole is not the population its part belongs to is read, not checked.',
    why: 'Reports cite the share of ethnic-minority households among the poor; it is computed by hand from two other cells and is not a rate over all households, so no other check sees it.',
    example: 'fixtures/published/report-2015-gia-lai-province-two-standards-shares.csv: 31,951 / 36,951 × 100 = 86.47, the report prints 85.94 → error at D5.',
  },
};
