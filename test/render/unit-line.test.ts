/** The unit line above a table without a ĐVT column names what its figures count (it said "hộ, %" over rates alone). */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

describe('the unit line', () => {
  it.each([
    ['fixtures/published/targets-2023-central-highlands-ethnic-minority-achievement.csv', 'vi', 'Đơn vị tính: %'],
    ['fixtures/published/review-2022-thuan-bac-district-gross-flows-poor-near-poor.csv', 'vi', 'Đơn vị tính: hộ, %'],
    ['fixtures/published/targets-2023-central-highlands-ethnic-minority-achievement.csv', 'en', 'Unit: %'],
  ])('%s (%s): %s', async (file, lang, line) => {
    const r = await cli(['table', file, '--lang', lang]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(line);
  });
});
