/**
 * Golden files for the rendered reports. UPDATE_GOLDEN=1 rewrites them; review the diff before committing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { cli, ROOT, expectGolden } from '../helpers.js';

const GOLDEN = join(ROOT, 'test', 'reporters', 'golden');
const EXT = { github: 'txt', sarif: 'json', junit: 'xml', markdown: 'md', gitlab: 'json' } as const;
const CI_RUN = ['fixtures/planted/poor-end-transposed.csv', 'fixtures/xlsx/annex-formatted.xlsx', 'fixtures/xlsx/planted/stray-text.xlsx', 'fixtures/planted/missing.csv'];

const golden = (name: string, actual: string) => expectGolden(GOLDEN, name, actual);

describe('golden reports', () => {
  it.each<[string, string[]]>([
    ['seed.vi.txt', ['validate', 'fixtures/tuyen-quang-2020.csv']],
    ['seed.en.txt', ['validate', 'fixtures/tuyen-quang-2020.csv', '--lang', 'en']],
    ['planted.vi.txt', ['validate', 'fixtures/planted/poor-end-transposed.csv']],
    ['planted.en.json', ['validate', 'fixtures/planted/poor-end-transposed.csv', '--format', 'json', '--lang', 'en']],
    ['long.en.txt', ['validate', 'fixtures/variants/long-keys.csv', '--lang', 'en']],
    ['malformed.vi.json', ['validate', 'fixtures/planted/malformed-group.csv', '--format', 'json']],
    ['causes-ambiguous.en.txt', ['validate', 'fixtures/planted/households-ambiguous.csv', '--lang', 'en', '--no-table']],
    ['causes-two-cells.vi.txt', ['validate', 'fixtures/planted/two-errors.csv', '--no-table']],
    ['causes-separator.en.json', ['validate', 'fixtures/planted/poor-start-separator.csv', '--format', 'json', '--lang', 'en']],
    // A published rate cut instead of rounded (E5), among a slip of each kind and sums.
    ['causes-truncated.vi.txt', ['validate', 'fixtures/published/review-2016-2018-ngan-son-district-ethnic-groups-years.csv', '--no-table']],
    // Targets and series (issue 5, parts 2 and 3).
    ['targets-missed.en.txt', ['validate', 'fixtures/targets/na-hang-short.csv', '--targets', 'fixtures/targets/tuyen-quang-2020.json', '--lang', 'en', '--no-table']],
    ['targets-seed.vi.json', ['validate', 'fixtures/tuyen-quang-2020.csv', '--targets', 'fixtures/targets/tuyen-quang-2020.json', '--format', 'json']],
    ['series-break.vi.txt', ['validate', '--series', 'fixtures/tuyen-quang-2020.csv', 'fixtures/series/tuyen-quang-2021-break.csv', '--rule', 'denominator=off']],
    ['series-merged.en.json', ['validate', '--series', 'fixtures/tuyen-quang-2020.csv', 'fixtures/series/tuyen-quang-2021.csv', 'fixtures/series/tuyen-quang-2022.csv', '--format', 'json', '--lang', 'en']],
    ['series-unmapped.en.txt', ['validate', '--series', 'fixtures/series/tuyen-quang-2021.csv', 'fixtures/series/tuyen-quang-2022.csv', '--lang', 'en', '--rule', 'denominator=off']],
    // The CI reporters on one run: a planted error (CSV), the formatted workbook, a planted error (XLSX), a missing file.
    ...(['github', 'sarif', 'junit', 'markdown', 'gitlab'] as const).map((format): [string, string[]] => [`ci.${format}.${EXT[format]}`, ['validate', ...CI_RUN, '--lang', 'en', '--format', format]]),
    ['ci.vi.markdown.md', ['validate', ...CI_RUN, '--format', 'markdown']],
    ['many.vi.txt', ['validate', ...CI_RUN]],
    ['xlsx.vi.txt', ['validate', 'fixtures/xlsx/annex-formatted.xlsx']],
    ['xlsx.en.json', ['validate', 'fixtures/xlsx/formula-no-cache.xlsx', '--format', 'json', '--lang', 'en']],
  ])('%s', async (name, args) => {
    const r = await cli(args, { env: { COLUMNS: '200', GITHUB_STEP_SUMMARY: '' } });
    golden(name, r.stdout);
  });
});

describe('golden HTML reports', () => {
  it.each([
    ['seed.vi.html', ['validate', 'fixtures/tuyen-quang-2020.csv']],
    ['planted.en.html', ['validate', 'fixtures/planted/poor-end-transposed.csv', '--lang', 'en']],
  ])('%s', async (name, args) => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-golden-'));
    try {
      const out = join(dir, 'report.html');
      await cli([...(args as string[]), '--format', 'html', '-o', out]);
      golden(name, readFileSync(out, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
