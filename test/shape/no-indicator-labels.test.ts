/**
 * A table with no poverty indicator is refused naming what its first row reads (shape/index.ts `headLabels`): at most
 * three texts with a letter, each cut, so that the one line says what povcheck saw at the top of the file.
 */
import { describe, expect, it } from 'vitest';
import { PovcheckError } from '../../src/errors.js';
import { checkCsv } from '../helpers.js';

async function refusal(csv: string): Promise<PovcheckError> {
  try {
    await checkCsv(csv);
  } catch (e) {
    if (e instanceof PovcheckError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('the "no poverty indicator" refusal', () => {
  it('names the texts of the first row that has any, three at most, numbers left out', async () => {
    const e = await refusal(';;\n1;2;3\nSTT;Tên đơn vị;Kinh phí;Ghi chú;Khác\n1;Xã A;2;;\n');
    expect(e.code).toBe('NOT_A_TABLE');
    expect(e.params).toEqual({ reason: 'no-labels', labels: ['STT', 'Tên đơn vị', 'Kinh phí'] });
  });

  it('cuts a long text', async () => {
    const e = await refusal(`${'Mức độ thiếu hụt '.repeat(10)};x\nY tế;4\n`);
    const labels = (e.params as { labels: string[] }).labels;
    expect(labels[0]).toHaveLength(60);
    expect(labels[0]!.endsWith('…')).toBe(true);
  });

  it('names nothing when no row has a letter', async () => {
    const e = await refusal('1;2\n3;4\n');
    expect(e.params).toEqual({ reason: 'no-labels' });
  });
});
