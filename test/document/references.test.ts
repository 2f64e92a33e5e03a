/** References to other documents (document/references.ts): numbers, dates, issuers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReferences, readCitations } from '../../src/document/references.js';
import { readTextDocument } from '../../src/read/text-document.js';
import { FIXTURES } from '../helpers.js';

const paragraphs = (...lines: string[]) => readTextDocument(lines.join('\n'), 'utf-8').paragraphs;
const brief = (...lines: string[]) => checkReferences(paragraphs(...lines)).findings.map((f) => `${f.severity} ${f.msg.id}`);

describe('the seed plan', () => {
  const seed = readTextDocument(readFileSync(join(FIXTURES, 'plans', 'ke-hoach-giam-ngheo-2020.txt'), 'utf8'), 'utf-8').paragraphs;

  it('reads every citation with its number, date and issuer', () => {
    const c = readCitations(seed);
    expect(c.filter((x) => x.number === '468/QĐ-UBND').map((x) => [x.paragraph.number, x.kind, x.date?.text, x.issuer])).toEqual([
      [4, 'Quyết định', '16/12/2019', 'Ủy ban nhân dân tỉnh'],
      [69, 'Quyết định', '16/12/2018', 'Ủy ban nhân dân tỉnh'],
    ]);
    expect(c.find((x) => x.number === '46-NQ/TU')).toMatchObject({ kind: 'Nghị quyết', issuer: 'Ban Thường vụ Tỉnh ủy' });
    expect(c.find((x) => x.number === '33/2015/QĐ-TTg')).toMatchObject({ date: { text: '10/8/2015' }, issuer: 'Thủ tướng Chính phủ' });
    // "Kế hoạch số 29/KH-UBND ngày 03/4/2018 về thực hiện Nghị quyết …": the issuer after belongs to the resolution.
    expect(c.find((x) => x.number === '29/KH-UBND')!.issuer).toBeUndefined();
  });

  it('one warning: Quyết định 468 cited with two dates, at the second, citing both places', () => {
    const r = checkReferences(seed);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f).toMatchObject({ rule: 'reference', severity: 'warning', place: { paragraph: 69, section: 'IV. TỔ CHỨC THỰC HIỆN › 1. Ủy ban nhân dân huyện, thành phố' } });
    expect(f.msg.params).toMatchObject({ number: '468/QĐ-UBND', what: 'date', first: { paragraph: 4, section: '', value: '16/12/2019' }, other: { paragraph: 69, value: '16/12/2018' } });
    expect(f.place!.quote.slice(f.place!.mark!.start, f.place!.mark!.end)).toBe('16/12/2018');
  });
});

describe('dates and issuers', () => {
  it('an impossible date is an error; 29/2 exists in leap years only', () => {
    expect(brief('Căn cứ Quyết định số 12/QĐ-UBND ngày 31/9/2020.')).toEqual(['error reference.date']);
    expect(brief('Căn cứ Quyết định số 12/QĐ-UBND ngày 29/02/2019.')).toEqual(['error reference.date']);
    expect(brief('Căn cứ Quyết định số 12/QĐ-UBND ngày 29/02/2020.')).toEqual(['info reference.consistent']);
    expect(brief('Căn cứ Quyết định số 12/QĐ-UBND ngày 5 tháng 13 năm 2020.')).toEqual(['error reference.date']);
  });

  it('the same number with two issuers is a warning; abbreviations and a missing issuer are not', () => {
    expect(brief('Quyết định số 12/QĐ-UBND ngày 1/2/2020 của UBND tỉnh.', 'Quyết định số 12/QĐ-UBND ngày 1/2/2020 của Ủy ban nhân dân tỉnh.', 'Quyết định số 12/QĐ-UBND.')).toEqual(['info reference.consistent']);
    expect(brief('Quyết định số 12/QĐ-UBND của UBND tỉnh.', 'Quyết định số 12/QĐ-UBND của Hội đồng nhân dân tỉnh.')).toEqual(['warning reference.conflict']);
  });

  it('a number carrying a year, dated another year, is a warning', () => {
    expect(brief('Quyết định số 33/2015/QĐ-TTg ngày 10/8/2016 của Thủ tướng Chính phủ.')).toEqual(['warning reference.year']);
  });

  it('"số:" with a colon is read ("Kế hoạch số: 57/KH-UBND", "quyết định số: 289-QĐ/TU"); the letterhead\'s "Số: 14/KH-UBND" alone in its paragraph is the plan\'s own number, not a citation', () => {
    const c = readCitations(paragraphs('Số: 14/KH-UBND', 'Căn cứ quyết định số: 289-QĐ/TU ngày 27/05/2016 của Ban chấp hành Đảng bộ Tỉnh khóa XVIII ban hành chương trình giảm nghèo;', 'Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số: 57/KH-UBND về việc triển khai.'));
    expect(c.map((x) => [x.kind, x.number, x.date?.text, x.issuer])).toEqual([
      ['quyết định', '289-QĐ/TU', '27/05/2016', 'Ban chấp hành Đảng bộ Tỉnh khóa XVIII'],
      ['Kế hoạch', '57/KH-UBND', '15/3/2019', undefined],
    ]);
    expect(brief('Căn cứ kế hoạch số: 16/KH-UBND ngày 31 tháng 9 năm 2019 của UBND huyện.')).toEqual(['error reference.date']);
  });

  it('a date after a comma is the citation\'s ("Nghị quyết số: 41/NQ-ĐU, ngày 25/12/2018"): an impossible one is an error, two dates a conflict', () => {
    expect(readCitations(paragraphs('Thực hiện Nghị quyết số 47-NQ/TU, ngày 09/9/2021 của Ban Chấp hành Đảng bộ tỉnh về giảm nghèo;'))[0]).toMatchObject({ number: '47-NQ/TU', date: { text: '09/9/2021' }, issuer: 'Ban Chấp hành Đảng bộ tỉnh' });
    expect(brief('Căn cứ Nghị quyết số 41/NQ-ĐU, ngày 31/9/2018 của Đảng ủy xã.')).toEqual(['error reference.date']);
    expect(brief('Căn cứ Nghị quyết số 41/NQ-ĐU, ngày 25/12/2018 của Đảng ủy xã.', 'Thực hiện Nghị quyết số 41/NQ-ĐU ngày 26/12/2018.')).toEqual(['warning reference.conflict']);
  });

  it('a space typed after the hyphen ("25/2018/NQ- HĐND") is the same number, with its date', () => {
    const c = readCitations(paragraphs('Căn cứ Nghị quyết số: 25/2018/NQ- HĐND, ngày 26/12/2018 của HĐND xã Cát Vân về nhiệm vụ năm 2019.'));
    expect(c.map((x) => [x.number, x.date?.text, x.issuer])).toEqual([['25/2018/NQ- HĐND', '26/12/2018', 'HĐND xã Cát Vân']]);
    expect(brief('Căn cứ Nghị quyết số 25/2018/NQ- HĐND ngày 26/12/2018.', 'Nghị quyết số 25/2018/NQ-HĐND ngày 27/12/2018.')).toEqual(['warning reference.conflict']);
  });

  it('"Bộ Lao động - Thương binh và Xã hội" is one issuer, ending before "triển khai" (it stopped at "và", or ran on to "thực hiện")', () => {
    const c = readCitations(paragraphs('Công văn số 87/LĐTBXH-VPQGGN ngày 08/01/2024 của Bộ Lao động - Thương binh và Xã hội triển khai thực hiện Chương trình.'));
    expect(c[0]!.issuer).toBe('Bộ Lao động - Thương binh và Xã hội');
  });

  it('citations compared: those with a date, or with an issuer the number is cited with again; a number cited once alone compares nothing (no info)', () => {
    const compared = (...lines: string[]) => checkReferences(paragraphs(...lines)).compared;
    expect(compared('UBND tỉnh ban hành Kế hoạch số: 57/KH-UBND về giảm nghèo.')).toBe(0);
    expect(brief('UBND tỉnh ban hành Kế hoạch số: 57/KH-UBND về giảm nghèo.')).toEqual([]);
    // Its date before it ("Ngày 15/3/2019, …") is its date: compared.
    expect(compared('Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số: 57/KH-UBND về giảm nghèo.')).toBe(1);
    expect(compared('Kế hoạch số 57/KH-UBND của UBND tỉnh.')).toBe(0);
    expect(compared('Kế hoạch số 57/KH-UBND của UBND tỉnh.', 'Kế hoạch số 57/KH-UBND của UBND tỉnh.', 'Kế hoạch số 57/KH-UBND.')).toBe(2);
    expect(compared('Kế hoạch số 57/KH-UBND ngày 15/3/2019.', 'Kế hoạch số 57/KH-UBND.')).toBe(1);
  });

  it('numbers alone ("giai đoạn 2016-2020", "15/2") are not citations', () => {
    expect(readCitations(paragraphs('Giai đoạn 2016-2020, ngày 15/2 và 1/2-3/4.'))).toEqual([]);
  });
});

describe('a date before its citation', () => {
  const dates = (...lines: string[]) => readCitations(paragraphs(...lines)).map((x) => `${x.number} ${x.date?.text ?? '-'}`);

  it('"Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND …": the sentence\'s one citation has that date (it had none)', () => {
    expect(dates('Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND về việc triển khai thực hiện Chương trình.')).toEqual(['57/KH-UBND 15/3/2019']);
    expect(dates('Vào ngày 5 tháng 9 năm 2016, Ủy ban nhân dân tỉnh ban hành Quyết định số 12/QĐ-UBND.')).toEqual(['12/QĐ-UBND 5 tháng 9 năm 2016']);
    // The date is checked as a citation's: it must exist, and agree with the number's other citations.
    expect(brief('Ngày 31/9/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND.')).toEqual(['error reference.date']);
    expect(brief('Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND.', 'Căn cứ Kế hoạch số 57/KH-UBND ngày 16/3/2019 của UBND tỉnh.')).toEqual(['warning reference.conflict']);
    const f = checkReferences(paragraphs('Ngày 31/9/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND.')).findings[0]!;
    expect(f.place!.quote.slice(f.place!.mark!.start, f.place!.mark!.end)).toBe('31/9/2019');
  });

  it('not when the sentence cites two documents after it, nor over a citation\'s own date, nor in the next sentence', () => {
    expect(dates('Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND thực hiện Quyết định số 12/QĐ-UBND.')).toEqual(['57/KH-UBND -', '12/QĐ-UBND -']);
    expect(dates('Ngày 15/3/2019, UBND tỉnh ban hành Kế hoạch số 57/KH-UBND ngày 14/3/2019.')).toEqual(['57/KH-UBND 14/3/2019']);
    expect(dates('Ngày 15/3/2019, UBND tỉnh họp. Kế hoạch số 57/KH-UBND được ban hành.')).toEqual(['57/KH-UBND -']);
    // A date inside the sentence, not opening it, is not the citation's.
    expect(dates('Từ ngày 15/3/2019, các huyện thực hiện Kế hoạch số 57/KH-UBND.')).toEqual(['57/KH-UBND -']);
  });
});
