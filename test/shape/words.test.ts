/**
 * A label's features (shape/words.ts) do not depend on the shortcuts taken to read them: a folded text of
 * digits tried against the year pattern only, and the combined pattern that rejects a long table's names,
 * built only after the first texts with letters. Both are compared with every rule tried one by one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparedWithYear, withoutYearMark, featuresOf, hasYearDigits, hintedPatterns, keyOf, MARK_PATTERNS_FOR_TESTS, measureMarkOf, measureOnly, mentionsIndicator, noIndicatorKind, readFeatures, recognise, requiredTexts, requiredTextsTable, saysNothing, withoutMeasureMark } from '../../src/shape/words.js';
import { hintedPatterns as structurePatterns } from '../../src/shape/structure.js';
import { matchLabel } from '../../src/shape/aliases.js';

const WORDS = [
  'Số', 'hộ', 'nghèo', 'cận', 'đầu', 'cuối', 'năm', 'kỳ', 'Tỷ', 'lệ', 'tỉ', 'giảm', 'thoát', 'tái', 'phát', 'sinh',
  'Chỉ', 'tiêu', 'giao', 'đạt', 'so', 'với', 'điểm', 'Trong', 'đó', 'Tương', 'ứng', 'Từ', 'Đến', 'thành', 'thị',
  'nông', 'thôn', 'dân', 'tộc', 'thiểu', 'số', 'DTTS', 'chuẩn', 'giai', 'đoạn', 'Quyết', 'định', 'Tổng', 'Xã',
  'Huyện', 'Sơn', 'Dương', 'Na', 'Hang', 'STT', 'ĐVT', 'Ghi', 'chú', 'poor', 'near', 'households', 'rate',
  'start', 'end', 'target', 'of', 'which', 'urban', 'rural', 'points', 'from', 'to', 'year', 'multidimensional',
  '2020', '2021', '1999', '2016', '2025', '12.345', '11,80', '0', '7', '210.299', '%', '(%)', '-', '+', ':', '(hộ)',
];

const label = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }).map((ws) => ws.join(' '));
const digits = fc.array(fc.constantFrom('0', '1', '2', '9', '.', ',', ' ', '%', '20', '19'), { maxLength: 8 }).map((cs) => cs.join(''));

describe('featuresOf', () => {
  it('reads the first labels (before the combined pattern is built) as every rule does', () => {
    const texts = ['Số hộ nghèo đầu năm', 'Tỷ lệ hộ nghèo cuối năm (%)', 'Xã Hùng Lợi', '2020', 'Năm 2020', '11,80', '%', '', 'Từ', 'Chỉ tiêu giao'];
    for (const t of texts) expect(featuresOf(t), t).toEqual(readFeatures(t, false));
  });

  it('a standard and its years alone (`chuẩn nghèo 2020 2021`) is read as every rule reads it (a property run\'s counterexample)', () => {
    for (const t of ['chuẩn nghèo 2020 2021', 'Chuẩn nghèo đa chiều 2021 2025', 'theo chuẩn nghèo 2016 2020']) expect(featuresOf(t), t).toEqual(readFeatures(t, false));
  });

  it('reads any label, digits and years as every rule does', () => {
    fc.assert(
      fc.property(fc.oneof(label, digits), (t) => {
        expect(featuresOf(t)).toEqual(readFeatures(t, false));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recognise', () => {
  const EXTRA = new Map([['', 'poor_end'], ['12', 'poor_start'], ['2020', 'rate_end']]);
  // Numbers, codes and dates down a table's columns are answered without reading their features.
  const ascii = fc.string({ unit: fc.constantFrom(...'0123456789 .,;:-+/()%#_*\t'.split(''), 'a', 'Z', 'e'), maxLength: 8 });

  it('names the key every rule names, for labels, digits, signs and years', () => {
    fc.assert(
      fc.property(fc.oneof(label, digits, ascii), (t) => {
        const f = readFeatures(t, false);
        const key = keyOf(f);
        expect(recognise(t)).toEqual(key ? { key, lang: f.lang } : undefined);
        // What the layout search leaves untried (shape/scan.ts): no key, and no whole label either.
        if (saysNothing(t)) expect([key, matchLabel(t), matchLabel(t, EXTRA)]).toEqual([undefined, undefined, undefined]);
      }),
      { numRuns: 2000 },
    );
    for (const t of ['%', '(%)', '12%', '2020', '2020 %', '11,80', '-', '']) {
      const f = readFeatures(t, false);
      const key = keyOf(f);
      expect(recognise(t), t).toEqual(key ? { key, lang: f.lang } : undefined);
    }
  });
});

describe('requiredTexts', () => {
  it('names the texts one of which every match contains, or nothing when it cannot say', () => {
    expect(requiredTexts(/\b(?:tu )?(?:ho )?can ngheo (?:roi )?xuong (?:ho )?ngheo\b|\btu (?:ho )?can ngheo\b/)).toEqual(['can ngheo ', 'can ngheo']);
    expect(requiredTexts(/\bpoints?\b|\bpp\b|\bpercentage points?\b/)).toEqual(['point', 'pp', 'percentage point']);
    expect(requiredTexts(/\bleft (?:the )?(?:near )?pov|\bescaped\b/)).toEqual(['left ', 'escaped']);
    expect(requiredTexts(/^(?:khu vuc )?thanh thi\b/)).toEqual(['thanh thi']);
    expect(requiredTexts(/^(?:tu|toi thieu|thap nhat)$/)).toEqual(['tu', 'toi thieu', 'thap nhat']);
    expect(requiredTexts(/\bnam ((?:19[5-9]|20\d)\d)\b/)).toEqual(['nam ']);
    // Nothing to say: an alternative of classes and optional parts only, a case-insensitive pattern, an escape not read.
    expect(requiredTexts(/^(?:nam |year )?((?:19[5-9]|20\d)\d)$/)).toEqual(['19', '20']);
    expect(requiredTexts(/^(?:nam |year )?\d{4}$/)).toBeUndefined();
    expect(requiredTexts(/\bpoor\b|\d+/)).toBeUndefined();
    expect(requiredTexts(/\bpoor\b/i)).toBeUndefined();
    expect(requiredTexts(/\bpoor\b/g)).toBeUndefined();
    expect(requiredTexts(/\u0111iem/)).toBeUndefined();
  });

  it('every match contains one of them (random texts of the rules\' words)', () => {
    const patterns = [/\bchi tieu (?:giam|tang|ve|cua|ty le|ti le|so ho|ke hoach)\b|\bke hoach\b|\bgiao\b|\bmuc tieu\b/, /\bdau (?:nam|ky)\b/, /\b(?:ho )?ngheo va (?:ho )?can ngheo\b|\bngheo da chieu\b/, /^(?:trong do|of which)\b/];
    const text = fc.array(fc.constantFrom('chi', 'tieu', 'giam', 'ke', 'hoach', 'giao', 'dau', 'nam', 'ky', 'ho', 'ngheo', 'va', 'can', 'da', 'chieu', 'trong', 'do', 'of', 'which'), { maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, (k) => {
        for (const re of patterns) if (re.test(k)) expect(requiredTexts(re)!.some((n) => k.includes(n)), `${re} ${k}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('required texts worked out at build (scripts/bundle.mjs)', () => {
  const patterns = [...hintedPatterns(), ...structurePatterns()];
  it('are each pattern\'s requiredTexts', () => {
    const table = requiredTextsTable(patterns);
    for (const re of patterns) expect(table[`${re.flags}/${re.source}`], String(re)).toEqual(requiredTexts(re) ?? null);
  });
  it('hold for structure.ts\'s patterns: every match contains one of them', () => {
    const text = fc.array(fc.constantFrom('cac', 'ho', 'dong', 'bao', 'nguoi', 'nhom', 'huyen', 'xa', 'thon', 'ban', 'ngheo', 'dac', 'biet', 'kho', 'khan', 'dbkk', 'theo', 'qd', 'poor', 'districts', 'khong', 'ngoai', 'con', 'lai', 'khac', 'kinh', 'te', 'khu', 'vuc', 'thanh', 'thi', 'mien', 'nui', 'trong', 'do', '74', '1.2'), { maxLength: 6 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, (k) => {
        for (const re of structurePatterns()) {
          if (!re.test(k)) continue;
          const needs = requiredTexts(re);
          expect(needs === undefined || needs.some((n) => k.includes(n)), `${re} ${k}`).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('marks after a heading, tried only where they can be', () => {
  const { MEASURE_MARK, YEAR_MARK } = MARK_PATTERNS_FOR_TESTS;
  const text = fc.array(fc.constantFrom('Năm', '2021', '202', '1', '(ước)', '(ước tính)', '(sơ bộ)', '(KH)', '(%)', '(hộ)', '( điểm % )', '*', '**', ')', '(', 'x', ' ', '(p)', 'Giảm'), { maxLength: 5 }).map((ws) => ws.join(''));
  it('take off what the patterns take off', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 12 })), (t) => {
        expect(withoutMeasureMark(t)).toBe(t.replace(MEASURE_MARK, ''));
        expect(withoutYearMark(t)).toBe(t.replace(MEASURE_MARK, '').replace(YEAR_MARK, ''));
        const m = MEASURE_MARK.exec(t);
        expect(measureMarkOf(t)).toBe(m ? m[0].trim().slice(1, -1).trim() : undefined);
      }),
      { numRuns: 5000 },
    );
  });
  it('a year\'s digits: four in a row', () => {
    expect(hasYearDigits('Năm 2021')).toBe(true);
    expect(hasYearDigits('210.299')).toBe(false);
    expect(hasYearDigits('20 21')).toBe(false);
    expect(hasYearDigits('x12345')).toBe(true);
  });
});

describe('labels of published review results', () => {
  it('reads "hộ nghèo, hộ cận nghèo" (a comma for "và") as the poor and near-poor together', () => {
    expect(recognise('Số hộ nghèo, hộ cận nghèo')?.key).toBe('poor_near_poor');
    expect(recognise('Tỷ lệ hộ nghèo, hộ cận nghèo (%)')?.key).toBe('poor_near_poor_rate');
    expect(recognise('Số hộ nghèo và hộ cận nghèo')?.key).toBe('poor_near_poor');
    expect(recognise('Số hộ nghèo, cận nghèo')?.key).toBe('poor_near_poor');
    // Either alone is still itself; near-poor falling into poverty is still that flow.
    expect(recognise('Số hộ cận nghèo')?.key).toBe('near_poor');
    expect(recognise('Số hộ nghèo')?.key).toBe('poor');
    expect(recognise('Số hộ từ cận nghèo rơi xuống hộ nghèo')?.key).toBe('poor_from_near_poor');
  });

  it('reads a label without the standard or the review its brackets name (they qualify it, they do not count)', () => {
    expect(recognise('Số hộ nghèo đầu kỳ (chuẩn nghèo đa chiều giai đoạn 2021-2025)')?.key).toBe('poor_start');
    expect(recognise('Số hộ nghèo cuối kỳ (sau rà soát hộ nghèo, hộ cận nghèo mới phát sinh năm 2022)')?.key).toBe('poor_end');
    expect(recognise('Số hộ nghèo theo chuẩn nghèo đa chiều')?.key).toBe('poor');
    expect(recognise('Tỷ lệ hộ nghèo (tính đến 31/12/2022)')?.key).toBe('rate');
    // A standard in qualifying brackets is the figures' provenance, not a dimension (one column of a table naming it
    // would no longer pair with its rate); one the label names is (a table of two standards).
    expect(featuresOf('Số hộ nghèo đầu kỳ (chuẩn nghèo đa chiều giai đoạn 2021-2025)').standard).toBeUndefined();
    expect(featuresOf('Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2016-2020').standard).toBe('2016-2020');
    expect(recognise('Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2016-2020')?.key).toBe('rate');
    // The multidimensional rate itself (poor and near-poor), and a heading that is the standard alone, are as they were.
    expect(recognise('Tỷ lệ nghèo đa chiều (%)')?.key).toBe('poor_near_poor_rate');
    expect(featuresOf('Theo chuẩn nghèo giai đoạn 2011 - 2015').standard).toBe('2011-2015');
  });

  it('reads what a figure fell to (`xuống còn`, `giảm còn`, `giảm xuống còn`, `fell to`) as the end, not as the fall', () => {
    expect(recognise('Tỷ lệ hộ nghèo xuống còn (%)')?.key).toBe('rate_end');
    expect(recognise('Tỷ lệ hộ nghèo giảm xuống còn (%)')?.key).toBe('rate_end');
    expect(recognise('Số hộ nghèo giảm còn')?.key).toBe('poor_end');
    expect(recognise('Poverty rate fell to (%)')?.key).toBe('rate_end');
    // The fall itself is still the fall.
    expect(recognise('Tỷ lệ hộ nghèo giảm (%)')?.key).toBe('rate_reduced');
    expect(recognise('Số hộ nghèo giảm trong năm')?.key).toBe('poor_reduced');
  });

  it('reads what a figure rose or fell from (`tăng từ`, `giảm từ`, `rose from`) as the start, not as a rise or a fall', () => {
    // Hải Dương 2022: "Tỷ lệ hộ nghèo tăng từ 1,93% lên 2,15%" (its columns were "a rise against another time").
    expect(recognise('Tỷ lệ hộ nghèo tăng từ (%)')?.key).toBe('rate_start');
    expect(recognise('Tỷ lệ hộ cận nghèo tăng từ (%)')?.key).toBe('near_poor_rate_start');
    expect(recognise('Tỷ lệ hộ nghèo giảm từ (%)')?.key).toBe('rate_start');
    expect(recognise('Poverty rate rose from (%)')?.key).toBe('rate_start');
    // A rise, and a fall, are still what they were.
    expect(recognise('Tỷ lệ hộ cận nghèo tăng (%)')).toBeUndefined();
    expect(recognise('Tỷ lệ hộ nghèo giảm (%)')?.key).toBe('rate_reduced');
  });

  it('names no indicator for a rise ("tăng so với năm 2021"), which the vocabulary has no point for, instead of the count it rises from', () => {
    expect(recognise('Số hộ cận nghèo tăng so với năm 2021')).toBeUndefined();
    expect(recognise('Tỷ lệ hộ cận nghèo tăng (%)')).toBeUndefined();
    expect(recognise('Increase in near-poor households')).toBeUndefined();
    // A phase word wins: other increases are a gross inflow.
    expect(recognise('Số hộ nghèo tăng khác')?.key).toBe('poor_other_in');
    // The time a rise is measured against is not the figure's time.
    expect(recognise('Số hộ nghèo tăng so với đầu năm')).toBeUndefined();
    expect(recognise('Số hộ nghèo đầu năm')?.key).toBe('poor_start');
  });

  it('reads the end of the year before as this year\'s start, and "phấn đấu" as a target (Đắk Nông\'s plans)', () => {
    expect(recognise('Số hộ nghèo cuối năm trước (theo kết quả rà soát)')?.key).toBe('poor_start');
    expect(recognise('Tỷ lệ hộ nghèo cuối năm trước (%)')?.key).toBe('rate_start');
    expect(recognise('Poor households at the end of the previous year')?.key).toBe('poor_start');
    expect(recognise('Số hộ nghèo cuối năm')?.key).toBe('poor_end');
    expect(recognise('Phấn đấu giảm tỷ lệ hộ nghèo từ … trở lên (%)')?.key).toBe('rate_reduced_target');
  });

  it('reads "thoát nghèo, thoát cận nghèo" as the exits from both (a comma for "và")', () => {
    expect(recognise('Tổng số hộ thoát nghèo, thoát cận nghèo')?.key).toBe('poor_near_poor_exited');
    expect(recognise('Số hộ thoát nghèo và thoát cận nghèo')?.key).toBe('poor_near_poor_exited');
    expect(recognise('Số hộ thoát cận nghèo')?.key).toBe('near_poor_exited');
  });

  it('reads "thời điểm" as a point in time, not as percentage points; the review\'s households as the end of the year', () => {
    expect(recognise('Tổng số hộ dân cư tại thời điểm rà soát')?.key).toBe('households_end');
    expect(recognise('Số hộ nghèo tại thời điểm 31/12')?.key).toBe('poor');
    expect(featuresOf('Tỷ lệ giảm (điểm %)').measure).toBe('points');
  });

  it('names no indicator for a share of another total ("Chiếm so với tổng số hộ nghèo toàn tỉnh (%)")', () => {
    for (const t of ['Chiếm so với tổng số hộ nghèo toàn tỉnh (%)', 'Tỷ trọng hộ nghèo (%)', 'Cơ cấu hộ cận nghèo (%)', 'Share of poor households in the province total']) {
      expect(recognise(t), t).toBeUndefined();
      expect(noIndicatorKind(t), t).toBe('share');
    }
    expect(noIndicatorKind('Tỷ lệ hộ nghèo (%)')).toBeUndefined();
    expect(noIndicatorKind('Số hộ nghèo tăng so với đầu năm')).toBe('increase');
  });

  it('reads `Số khẩu` as persons, and households of average living standard as their own population (not all households)', () => {
    expect(recognise('Số khẩu hộ nghèo')?.key).toBe('poor_persons');
    for (const t of ['Tổng số hộ có mức sống trung bình', 'Hộ làm nông nghiệp có mức sống trung bình: Số hộ']) expect(recognise(t)?.key, t).toBe('average_living');
    expect(recognise('Tỷ lệ hộ có mức sống trung bình (%)')?.key).toBe('average_living_rate');
    expect(recognise('Households of average living standard')?.key).toBe('average_living');
    expect(recognise('Tổng số hộ')?.key).toBe('households');
  });
});

describe('comparedWithYear', () => {
  it('the year a change is measured against, when the label names one', () => {
    expect(comparedWithYear('Số hộ nghèo giảm so với năm 2016')).toBe('2016');
    expect(comparedWithYear('Tỷ lệ hộ nghèo giảm so với đầu năm 2021 (%)')).toBe('2021');
    expect(comparedWithYear('Poor households reduced compared with 2019')).toBe('2019');
    expect(comparedWithYear('Số hộ nghèo giảm so với năm trước')).toBeUndefined();
    expect(comparedWithYear('Số hộ nghèo năm 2016')).toBeUndefined();
    expect(comparedWithYear('Số hộ nghèo giảm')).toBeUndefined();
  });
});

describe('one ethnic group by name', () => {
  it('said alone it names no indicator (a row of a list by ethnic group); with a population it is a group of that population', () => {
    for (const t of ['- Dân tộc Dao', 'Dân tộc Mông', 'Đồng bào Ê Đê', 'Dân tộc H’Mông', '- Dân tộc Tày', '- Dân tộc Sán Chí']) {
      expect(recognise(t), t).toBeUndefined();
      expect(noIndicatorKind(t), t).toBe('ethnicGroup');
    }
    expect(recognise('Hộ nghèo đồng bào dân tộc Mông')?.key).toBe('poor');
    expect(recognise('Hộ nghèo dân tộc thiểu số')?.key).toBe('em_poor');
    expect(recognise('Vùng đồng bào dân tộc thiểu số')?.key).toBe('em_households');
    // "người có công" (people of merit) is not the Co people: a group picked out by a trait.
    expect(noIndicatorKind('Hộ nghèo thuộc chính sách ưu đãi người có công')).toBe('selectedGroup');
    expect(noIndicatorKind('Đồng bào dân tộc')).toBeUndefined();
  });
});

describe('withoutYearMark', () => {
  it('takes off the mark after a year, and nothing else', () => {
    expect(['2021 (ước)', '2021 (ước tính)', '2021 (sơ bộ)', '2021*', '2021 **', 'Năm 2021 (dự kiến)', '2021 (KH)'].map(withoutYearMark)).toEqual(['2021', '2021', '2021', '2021', '2021', 'Năm 2021', '2021']);
    expect(['2021', 'Xã A (cũ)', '2021 (xã A)', 'Huyện X*'].map(withoutYearMark)).toEqual(['2021', 'Xã A (cũ)', '2021 (xã A)', 'Huyện X*']);
  });
});

describe('an average over a period', () => {
  it('names no indicator: it is not the change between two of the table\'s figures', () => {
    for (const t of ['Giảm bình quân mỗi năm (%)', 'Tỷ lệ hộ nghèo giảm bình quân/năm', 'Bình quân giảm (%/năm)', 'Average annual reduction (points)', 'Tỷ lệ hộ nghèo giảm hằng năm (%)']) {
      expect(recognise(t), t).toBeUndefined();
      expect(noIndicatorKind(t), t).toBe('average');
    }
    expect(recognise('Tỷ lệ hộ nghèo giảm (%)')?.key).toBe('rate_reduced');
    expect(recognise('Tỷ lệ hộ nghèo giảm so với năm 2016 (%)')?.key).toBe('rate_reduced');
    // The end of a year as the base (Lai Châu: `Giảm so với cuối năm 2015`): its base, not its own year.
    expect(recognise('Tỷ lệ hộ nghèo giảm so với cuối năm 2015 (%)')?.key).toBe('rate_reduced');
  });
});

describe('households picked out by a support or a trait', () => {
  it('name no indicator: a group of a population is not the population', () => {
    for (const t of [
      'Số hộ được hỗ trợ nhà ở',
      'Số hộ nghèo được hỗ trợ nhà ở',
      'Số hộ nghèo được vay vốn tín dụng ưu đãi',
      'Số người nghèo được cấp thẻ BHYT',
      'Số hộ cận nghèo được hỗ trợ mua thẻ bảo hiểm y tế',
      'Trong đó: hộ nghèo có người khuyết tật',
      'Hộ nghèo thuộc chính sách bảo trợ xã hội',
      'Hộ nghèo không có khả năng lao động',
      'Số hộ sử dụng nước sạch',
      'Poor households receiving housing support',
      'Số hộ có nguy cơ tái nghèo',
      'Số hộ nghèo có khả năng thoát nghèo',
      'Số hộ nghèo không có đất sản xuất',
      'Số hộ nghèo có nhà ở tạm bợ, dột nát',
      'Số hộ nghèo có thành viên là người cao tuổi',
      'Số hộ nghèo do chủ hộ là phụ nữ',
      'Số hộ nghèo thuộc diện chính sách',
      'Tỷ lệ hộ nghèo ở các xã đặc biệt khó khăn',
      'Tỷ lệ hộ nghèo các huyện nghèo',
      'Hỗ trợ nhà ở cho hộ nghèo',
      'Hỗ trợ tiền điện',
      'Hỗ trợ chi phí học tập cho học sinh nghèo',
      'Miễn giảm viện phí',
      // The standard's deprivations, and a yearbook's water rate beside its poverty rate (Đà Nẵng 2022: was read as the poverty rate).
      'Tỷ lệ dân số được sử dụng nguồn nước hợp vệ sinh',
      'Số hộ nghèo thiếu hụt nước sinh hoạt',
      'Tỷ lệ hộ nghèo thiếu hụt dinh dưỡng (%)',
      'Tỷ lệ trẻ em suy dinh dưỡng',
      // Each deprivation is over the poor and they overlap: read as the poor's parts they were summed to it (false breakdown errors).
      'Số hộ nghèo thiếu hụt về chất lượng nhà ở',
      'Số hộ nghèo thiếu hụt diện tích nhà ở bình quân đầu người',
      'Số hộ nghèo thiếu hụt dịch vụ viễn thông',
      'Số hộ nghèo thiếu hụt phương tiện phục vụ tiếp cận thông tin',
      'Hộ nghèo thiếu hụt người phụ thuộc trong hộ gia đình',
      'Số hộ nghèo thiếu hụt tình trạng đi học của trẻ em',
      'Số hộ nghèo thiếu hụt trình độ giáo dục của người lớn',
      'Số hộ nghèo thiếu hụt tiếp cận các dịch vụ y tế',
      'Số hộ nghèo thiếu hụt hố xí/nhà tiêu hợp vệ sinh',
    ]) {
      expect(recognise(t), t).toBeUndefined();
      expect(noIndicatorKind(t), t).toBe('selectedGroup');
    }
    // The deprivation-poor beside the income-poor (2016–2020) are the poor's breakdown, not a deprivation.
    expect(recognise('- Hộ nghèo thiếu hụt tiếp cận các dịch vụ xã hội cơ bản')?.key).toBe('poor');
    // `được` alone names the population itself.
    expect(recognise('Số hộ nghèo được công nhận thoát nghèo')?.key).toBe('poor_exited');
    expect(recognise('Tổng số hộ được rà soát')?.key).toBe('households');
    expect(recognise('Chỉ tiêu số hộ nghèo giảm được giao')?.key).toBe('poor_reduced_target');
  });

  it('an amount of money names no indicator either, whatever else it says', () => {
    for (const t of ['Kinh phí thực hiện các dự án, chương trình về giảm nghèo', '- Vốn vay', 'Hỗ trợ kinh phí mua thẻ BHYT đối với người thuộc hộ cận nghèo', 'Giải ngân cho hộ nghèo vay vốn (tỷ đồng)']) {
      expect(recognise(t), t).toBeUndefined();
      expect(noIndicatorKind(t), t).toBe('money');
    }
  });

  it('per person (`bình quân đầu người`) is not an average over years', () => {
    expect(noIndicatorKind('Thu nhập bình quân đầu người')).toBeUndefined();
    expect(noIndicatorKind('Giảm bình quân mỗi năm (%)')).toBe('average');
  });

  it('a level averaged over households (`Số khẩu bình quân`) is not an average over years; a change or years is', () => {
    for (const t of ['Số khẩu bình quân', 'Số nhân khẩu bình quân/hộ', 'Số người bình quân một hộ']) expect(noIndicatorKind(t), t).toBeUndefined();
    for (const t of ['Tỷ lệ giảm nghèo bình quân', 'Bình quân giai đoạn 2016-2020 (%)', 'Tỷ lệ hộ nghèo bình quân năm']) expect(noIndicatorKind(t), t).toBe('average');
  });
});

describe('mentionsIndicator', () => {
  it('tells a label a configuration could map (an abbreviation) from a plan\'s other rows', () => {
    expect(['Tổng hộ dân', 'TL (%)', 'SL hộ nghèo', 'Số hộ', 'Poverty headcount'].map(mentionsIndicator)).toEqual([true, true, true, true, true]);
    expect(['Thu nhập bình quân đầu người', 'Số trường học đạt chuẩn', 'Hệ số sinh thô'].map(mentionsIndicator)).toEqual([false, false, false]);
    // A level averaged over people or households says nothing of an indicator without the poor it is of (persons per
    // household); with them, or as a yearly average (a change, years), it does.
    expect(['Số khẩu bình quân', 'Số nhân khẩu trung bình', 'Số người bình quân một hộ'].map(mentionsIndicator)).toEqual([false, false, false]);
    expect(['Số khẩu', 'Tỷ lệ hộ nghèo bình quân', 'Giảm bình quân (%/năm)', 'Số khẩu bình quân hộ nghèo'].map(mentionsIndicator)).toEqual([true, true, true, true]);
  });
});

describe('shares of the poor and near-poor (measure `share`)', () => {
  it('a percentage naming its whole as a population of the poor is the share of the part it names', () => {
    expect(recognise('Tỷ lệ hộ nghèo dân tộc thiểu số trong tổng số hộ nghèo')?.key).toBe('em_poor_share');
    expect(recognise('Tỷ lệ hộ nghèo DTTS so với tổng số hộ nghèo (%)')?.key).toBe('em_poor_share');
    expect(recognise('Tỷ lệ hộ cận nghèo DTTS trên tổng số hộ cận nghèo cuối năm')?.key).toBe('em_near_poor_share_end');
    expect(recognise('Tỷ lệ hộ nghèo trong tổng số hộ nghèo và hộ cận nghèo')?.key).toBe('poor_share');
  });

  it('a rate over all households, or an exit rate over the poor, is not a share', () => {
    expect(recognise('Tỷ lệ hộ nghèo so với tổng số hộ dân cư')?.key).toBe('rate');
    expect(recognise('Tỷ lệ hộ nghèo DTTS so với tổng số hộ DTTS')?.key).toBe('em_poor_rate');
    expect(recognise('Tỷ lệ hộ thoát nghèo so với số hộ nghèo đầu năm')?.key).toBe('rate_exited');
    expect(recognise('Trong số hộ nghèo, số hộ dân tộc thiểu số')?.key).not.toMatch(/share/);
  });

  it('a share without its part, or of a whole its part does not belong to, names no indicator alone', () => {
    expect(recognise('Tỷ lệ trong tổng số hộ nghèo')).toBeUndefined();
    expect(noIndicatorKind('Tỷ lệ trong tổng số hộ nghèo')).toBe('share');
    expect(recognise('Tỷ lệ hộ cận nghèo DTTS trong tổng số hộ nghèo')).toBeUndefined();
    expect(noIndicatorKind('Tỷ lệ hộ cận nghèo DTTS trong tổng số hộ nghèo')).toBe('share');
    expect(noIndicatorKind('Chiếm so với tổng số hộ nghèo toàn tỉnh (%)')).toBe('share');
  });

  it('`số hộ` in the whole it names (`so với tổng số hộ nghèo`) says nothing of the measure: `(%)` is a percentage, not a count', () => {
    // Lâm Đồng 2019: `Hộ nghèo về thu nhập trong tổng số hộ nghèo (%)` 83,45 was read as households and "not a whole number".
    expect(recognise('Hộ nghèo DTTS so với tổng số hộ nghèo (%)')?.key).toBe('em_poor_share');
    expect(recognise('Hộ cận nghèo DTTS trong tổng số hộ cận nghèo (%)')?.key).toBe('em_near_poor_share');
    expect(recognise('Hộ nghèo so với tổng số hộ (%)')?.key).toBe('rate');
    expect(recognise('Thoát nghèo so với số hộ nghèo đầu năm (%)')?.key).toBe('rate_exited');
    expect(noIndicatorKind('Hộ nghèo về thu nhập trong tổng số hộ nghèo (%)')).toBe('share');
    // A count stays a count, its measure said before the whole.
    expect(recognise('Số hộ nghèo DTTS so với tổng số hộ nghèo')?.key).toBe('em_poor');
    expect(recognise('Trong số hộ nghèo, số hộ dân tộc thiểu số')?.key).toBe('em_poor');
  });

  it('a share naming its whole is no header of a measure alone (it was read as the share of the count before it)', () => {
    expect(measureOnly('Chiếm so với tổng số hộ nghèo toàn tỉnh (%)')).toBe(false);
    expect(measureOnly('Tỷ lệ trong tổng số hộ nghèo (%)')).toBe(false);
    expect(measureOnly('Tỷ lệ (%)')).toBe(true);
  });
});

describe('a degree of deprivation (`Mức độ thiếu hụt`)', () => {
  it('is a measure of those lacking a service, not the poverty rate; the deprivation-poor stay the poor\'s part', () => {
    expect(recognise('Mức độ thiếu hụt giảm so với năm 2018 (%)')).toBeUndefined();
    expect(noIndicatorKind('Mức độ thiếu hụt các dịch vụ xã hội cơ bản giảm so với năm 2018 (%)')).toBe('selectedGroup');
    expect(noIndicatorKind('Tỷ lệ thiếu hụt (%)')).toBe('selectedGroup');
    expect(recognise('Số hộ nghèo thiếu hụt tiếp cận các dịch vụ xã hội cơ bản')?.key).toBe('poor');
  });
});

describe('"đa chiều": the two together only as `nghèo đa chiều` without `hộ` (Quảng Nam 2023)', () => {
  it('`hộ nghèo đa chiều` and `hộ cận nghèo đa chiều` are each population under the multidimensional standard', () => {
    expect(recognise('Tổng số hộ nghèo đa chiều')?.key).toBe('poor');
    expect(recognise('Tổng số hộ cận nghèo đa chiều')?.key).toBe('near_poor');
    expect(recognise('Tỷ lệ hộ nghèo đa chiều (%)')?.key).toBe('rate');
    expect(recognise('Số hộ thoát nghèo đa chiều')?.key).toBe('poor_exited');
  });

  it('`Tỷ lệ nghèo đa chiều` and labels naming both stay the two together', () => {
    expect(recognise('Tỷ lệ nghèo đa chiều (%)')?.key).toBe('poor_near_poor_rate');
    expect(recognise('Tổng số hộ nghèo và hộ cận nghèo đa chiều')?.key).toBe('poor_near_poor');
    expect(recognise('Số hộ nghèo đa chiều (hộ nghèo và hộ cận nghèo)')?.key).toBe('poor_near_poor');
  });
});

describe('chiếm and Chiêm', () => {
  it('a district named Chiêm Hóa is no share; `chiếm` written with its tone, or a label without tones, is', () => {
    expect(featuresOf('Chiêm Hóa').share).toBeUndefined();
    expect(noIndicatorKind('Chiêm Hóa')).toBeUndefined();
    expect(featuresOf('Hộ nghèo DTTS chiếm (%)').share).toBe(true);
    expect(featuresOf('CHIẾM (%)').share).toBe(true);
    expect(featuresOf('Ty le chiem').share).toBe(true);
  });
});
