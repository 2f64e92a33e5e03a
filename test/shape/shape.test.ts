import { describe, expect, it } from 'vitest';
import { PovcheckError } from '../../src/errors.js';
import { gridFromBytes } from '../../src/read/index.js';
import { shape } from '../../src/shape/index.js';
import { checkRecords, fixtures } from '../helpers.js';

const { wideRecords, longRecords, serialize, SEED, UNITS } = fixtures;
const shapeRecords = (records: string[][], opts = {}) => shape(gridFromBytes(serialize(records)), opts);

describe('wide layout', () => {
  it('reads the seed annex: eight units, total first, every value at its cell', () => {
    const { annex, findings } = shapeRecords(wideRecords());
    expect(annex.layout).toBe('wide');
    expect([...annex.units].map((u) => u.name)).toEqual(UNITS);
    expect(annex.total?.name).toBe('Toàn tỉnh');
    expect([...annex.units].filter((u) => !u.isTotal).every((u) => u.parent === annex.total!.id)).toBe(true);
    expect(annex.indicators).toHaveLength(8);
    const chiem = [...annex.units].find((u) => u.name === 'Chiêm Hóa')!;
    expect(annex.values.get(chiem.id, 'poor_end')).toMatchObject({ plain: '4693', cell: { ref: 'I6' } });
    expect(annex.values.get(chiem.id, 'rate_end')).toMatchObject({ plain: '13.56', cell: { ref: 'I10' } });
    expect(annex.locale).toBe('vi');
    expect(annex.lang).toBe('vi');
    expect(findings).toEqual([]);
  });

  it('works without a header row, naming units by column; the first is the total where its figures are the others\' sums, and an info says so', () => {
    const { annex, findings } = shapeRecords(wideRecords().slice(1));
    expect(annex.units.at(0)!.name).toBe('D');
    expect(annex.total?.name).toBe('D');
    expect(findings.map((f) => f.msg.id)).not.toContain('sum.total-assumed');
    expect(findings.find((f) => f.msg.id === 'sum.total-by-sums')).toMatchObject({ severity: 'info', msg: { params: { unit: 'D', count: 7, indicators: ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end'] } } });
  });

  it('without a header row and without the total\'s column, no unit is the total unless named so', () => {
    const { annex, findings } = shapeRecords(wideRecords().slice(1).map((r) => [...r.slice(0, 3), ...r.slice(4)]));
    expect(annex.units.at(0)!.name).toBe('D');
    expect(annex.total).toBeUndefined();
    expect(findings.map((f) => f.msg.id)).not.toContain('sum.total-by-sums');
  });

  it('takes the first unit as the total when asked (--total first), and says so', () => {
    const { annex, findings } = shapeRecords(wideRecords().slice(1), { totalPolicy: 'first' });
    expect(annex.total?.name).toBe('D');
    expect(findings.map((f) => f.msg.id)).toContain('sum.total-assumed');
  });

  it('reports an unknown row and an unknown column instead of dropping them', () => {
    const recs = wideRecords();
    // (A near-poor row is an indicator of the vocabulary now: the unknown row is one no word of it explains.)
    recs.splice(4, 0, ['', 'Kinh phí hỗ trợ', 'Triệu đồng', ...UNITS.map(() => '10'), '']);
    recs[0]!.push('Khác');
    recs[1]!.push('x');
    const { findings } = shapeRecords(recs);
    const unknown = findings.filter((f) => f.rule === 'unknown');
    expect(unknown.map((f) => f.at?.ref)).toEqual(expect.arrayContaining(['B5', 'M1']));
  });

  it('reports an indicator given twice, and a unit given twice', () => {
    const recs = wideRecords();
    recs.push(['7', 'Số hộ nghèo đầu năm', 'Hộ', ...SEED.poor_start!.map((x) => fixtures.formatNumber(x, 'vi')), '']);
    recs[0]![5] = 'Sơn Dương';
    const { findings } = shapeRecords(recs);
    expect(findings.filter((f) => f.rule === 'duplicate').map((f) => f.at?.ref).sort()).toEqual(['B11', 'F1']);
  });

  it('checks a counts-only table for everything its counts allow', () => {
    const r = checkRecords(wideRecords(SEED, { rates: false }));
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'denominator')).toHaveLength(8);
    expect(r.skipped.map((s) => s.rule).sort()).toEqual(['rate', 'rate-change']);
  });

  it('warns once per absent count indicator', () => {
    const recs = wideRecords().filter((r) => r[1] !== 'Số hộ nghèo cuối năm');
    const r = checkRecords(recs);
    expect(r.findings.filter((f) => f.rule === 'missing').map((f) => f.indicator)).toEqual(['poor_end']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('long layout', () => {
  it('reads keys as headers', () => {
    const { annex } = shapeRecords(longRecords(SEED, { locale: 'plain' }));
    expect(annex.layout).toBe('long');
    expect(annex.total?.name).toBe('Toàn tỉnh');
    expect(annex.locale).toBe('plain');
    const chiem = [...annex.units].find((u) => u.name === 'Chiêm Hóa')!;
    expect(annex.values.get(chiem.id, 'poor_end')?.cell.ref).toBe('F7');
  });

  it('reads Vietnamese labels and a merged rate heading over phase columns', () => {
    const recs = [
      ['Đơn vị', 'Tổng số hộ đầu năm', 'Tổng số hộ cuối năm', 'Số hộ nghèo đầu năm', 'Số hộ nghèo giảm trong năm', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo (%)', '', ''],
      ['', '', '', '', '', '', 'Đầu năm', 'Giảm trong năm', 'Cuối năm'],
      ...UNITS.map((u, i) => [u, ...['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end', 'rate_start', 'rate_reduced', 'rate_end'].map((k) => fixtures.formatNumber(SEED[k]![i]!, 'vi'))]),
    ];
    const { annex, findings } = shapeRecords(recs);
    expect(annex.layout).toBe('long');
    expect(annex.indicators).toHaveLength(8);
    expect(annex.units).toHaveLength(8);
    expect(findings).toEqual([]);
  });

  it('reports a unit row without a name', () => {
    const recs = longRecords(SEED, { locale: 'plain' });
    recs[3]![0] = '';
    const r = checkRecords(recs);
    expect(r.findings.find((f) => f.msg.id === 'missing.unit-name')?.at?.ref).toBe('A4');
  });
});

describe('not a table', () => {
  it('throws NOT_A_TABLE when no label is recognised', () => {
    expect(() => shapeRecords([['a', 'b'], ['1', '2']])).toThrow(PovcheckError);
  });

  it('stops on an undecidable number format (as much evidence for each), naming the cells', () => {
    const recs = [
      ['STT', 'Chỉ tiêu', 'Toàn tỉnh'],
      ['1', 'Tổng số hộ đầu năm', '210,299'],
      ['2', 'Số hộ nghèo đầu năm', '24.814'],
    ];
    try {
      shapeRecords(recs);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PovcheckError);
      expect((e as PovcheckError).code).toBe('LOCALE_AMBIGUOUS');
      expect(JSON.stringify((e as PovcheckError).params)).toContain('C2');
    }
    expect(shapeRecords(recs, { locale: 'en' }).annex.locale).toBe('en');
  });
});
