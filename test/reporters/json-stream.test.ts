/**
 * The JSON report made piece by piece (reporters/json.ts `jsonReportPieces`): the pieces join to the text of
 * `jsonReport` and to what JSON.stringify(report, null, 2) writes (the report's text before it was made in
 * pieces), on tables, a plan document, a workbook, an unreadable file and several files at once; a file's
 * findings are made only as the text reaches them (a batch at a time).
 */
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/pipeline.js';
import { jsonReport, jsonReportPieces } from '../../src/reporters/json.js';
import { cli, REPORT_SAMPLES, reportInput } from '../helpers.js';
import { BATCH } from '../../src/render/json-pieces.js';

const FILES = REPORT_SAMPLES;
const input = reportInput;

/** The text JSON.stringify writes for the same report: parsed and written again, it must not change. */
const stringified = (text: string) => JSON.stringify(JSON.parse(text), null, 2) + '\n';

describe('jsonReportPieces', () => {
  it.each(FILES)('joins to jsonReport and to JSON.stringify’s text: %s', async (file) => {
    const report = input([await validateFile(file)]);
    const joined = [...jsonReportPieces(report)].join('');
    expect(joined).toBe(jsonReport(report));
    expect(joined).toBe(stringified(joined));
  });

  it('does so for several files in one report, in English', async () => {
    const report = input(await Promise.all(FILES.map((f) => validateFile(f))), 'en');
    const joined = [...jsonReportPieces(report)].join('');
    expect(joined).toBe(jsonReport(report));
    expect(joined).toBe(stringified(joined));
    expect(JSON.parse(joined).files).toHaveLength(FILES.length);
  });

  it('does so with --series (the series member) through the command line', async () => {
    const r = await cli(['validate', '--series', 'fixtures/tuyen-quang-2020.csv', 'fixtures/series/tuyen-quang-2021.csv', 'fixtures/series/tuyen-quang-2022.csv', '--units-map', 'fixtures/series/units-map.json', '--format', 'json']);
    expect(JSON.parse(r.stdout).series).toBeDefined();
    expect(r.stdout).toBe(stringified(r.stdout));
  });

  it('makes a file’s findings only as the text reaches them, a batch at a time', async () => {
    const file = await validateFile(FILES[1]!);
    expect(file.findings.length).toBeGreaterThan(1);
    // A finding whose message cannot be made, after a batch of good ones: the text before it comes out all the same.
    const poisoned = { ...file.findings[0]!, get msg(): never { throw new Error('made too early'); } };
    const good = Array.from({ length: BATCH }, () => file.findings[0]!);
    const report = input([{ ...file, findings: [...good, poisoned] }]);
    const pieces: string[] = [];
    expect(() => {
      for (const p of jsonReportPieces(report)) pieces.push(p);
    }).toThrow('made too early');
    expect(pieces.join('')).toContain('"findings": [');
    expect(pieces.join('').split(`"rule": ${JSON.stringify(file.findings[0]!.rule)}`)).toHaveLength(BATCH + 1);
  });
});
