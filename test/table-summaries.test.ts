/**
 * A run whose reports read only each table's summary keeps that summary in each file's result instead of its annex
 * and grid (model/file-result.ts `withTableSummary`, run.ts `reportsReadTables`): every report that reads only the
 * summary must say the same of a result so kept as of the whole result; the reports that read the tables themselves
 * keep them (commands/validate-report.ts `reportsReadTables`).
 */
import { describe, expect, it } from 'vitest';
import { validateFile } from '../src/pipeline.js';
import { withTableSummary } from '../src/model/file-result.js';
import { PLAIN_STYLE, tableOf, type ReportInput } from '../src/reporters/types.js';
import { renderPieces } from '../src/reporters/index.js';
import { reportsReadTables } from '../src/commands/validate-report.js';
import { REPORT_SAMPLES, reportInput } from './helpers.js';

const FILES = REPORT_SAMPLES;
const input = reportInput;
const text = { style: PLAIN_STYLE, table: false, width: 100 };
const report = async (format: 'json' | 'text' | 'sarif' | 'markdown' | 'github' | 'gitlab', r: ReportInput) => [...(await renderPieces(format, r, text))].join('');

describe('withTableSummary', () => {
  it('keeps the summary the reports read, and neither the annex nor the grid', async () => {
    for (const file of FILES) {
      const whole = await validateFile(file);
      const kept = withTableSummary(whole);
      expect(tableOf(kept), file).toEqual(tableOf(whole));
      if (whole.annex && !whole.document) expect(kept.annex ?? kept.grid, file).toBeUndefined();
      else expect(kept, file).toBe(whole);
    }
  });

  it.each(['json', 'text', 'sarif', 'markdown', 'github', 'gitlab'] as const)('gives the same %s report (text without the tables)', async (format) => {
    const results = await Promise.all(FILES.map((f) => validateFile(f)));
    for (const lang of [undefined, 'en'] as const) {
      expect(await report(format, input(results.map(withTableSummary), lang))).toBe(await report(format, input(results, lang)));
    }
  });
});

describe('reportsReadTables', () => {
  const choices = (formats: string[], table?: boolean) => ({ outputs: formats.map((format) => ({ format: format as 'json' })), ...(table !== undefined ? { table } : {}) });
  it('is true for a text report drawing the tables, HTML and JUnit', () => {
    expect(reportsReadTables(choices(['text']), 1)).toBe(true);
    expect(reportsReadTables(choices(['text'], true), 1000)).toBe(true);
    expect(reportsReadTables(choices(['json', 'html']), 1000)).toBe(true);
    expect(reportsReadTables(choices(['junit']), 1000)).toBe(true);
  });
  it('is false for reports that read only the summaries', () => {
    expect(reportsReadTables(choices(['text']), 2)).toBe(false);
    expect(reportsReadTables(choices(['text'], false), 1)).toBe(false);
    expect(reportsReadTables(choices(['json', 'sarif', 'markdown', 'github', 'gitlab']), 1)).toBe(false);
  });
});
