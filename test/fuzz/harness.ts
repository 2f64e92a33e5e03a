/**
 * The fuzz harness: runs the whole validate pipeline in-process on bytes, as the CLI would (read, shape,
 * rules, both reporters), and classifies the outcome. A PovcheckError is a legitimate "unreadable" (exit 2);
 * any other exception is a bug and is rethrown with the input attached.
 */
import fc from 'fast-check';
import { gridFromBytes } from '../../src/read/index.js';
import { checkGrid, statusOf, validateFile, type FileResult } from '../../src/validate.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PovcheckError } from '../../src/errors.js';
import { jsonReport } from '../../src/reporters/json.js';
import { textReport } from '../../src/reporters/text.js';
import { PLAIN_STYLE } from '../../src/reporters/types.js';
import { fixtures } from '../helpers.js';

export type Outcome = 0 | 1 | 2;

/** The exit code the CLI would give; throws on an internal fault. */
export function runInProcess(bytes: Uint8Array, opts: { locale?: 'vi' | 'en'; lang?: 'vi' | 'en' } = {}): { code: Outcome } {
  let file: FileResult;
  try {
    const grid = gridFromBytes(bytes);
    const { annex, findings, skipped, coverage, localisation } = checkGrid(grid, opts.locale ? { locale: opts.locale } : {});
    file = { file: 'fuzz.csv', status: statusOf(findings, 'error', coverage), source: grid.source, grid, annex, findings, skipped, coverage, localisation };
  } catch (e) {
    if (!(e instanceof PovcheckError)) throw e;
    file = { file: 'fuzz.csv', status: 'unreadable', findings: [], skipped: [], error: e };
  }
  const input = { files: [file], fallbackLang: 'en' as const, strict: false, ...(opts.lang ? { lang: opts.lang } : {}) };
  JSON.parse(jsonReport(input));
  textReport(input, { style: PLAIN_STYLE, table: true, width: 120 });
  const code: Outcome = file.status === 'unreadable' || file.status === 'unchecked' ? 2 : file.status === 'invalid' ? 1 : 0;
  return { code };
}

const STREAM_DIR = mkdtempSync(join(tmpdir(), 'povcheck-fuzz-stream-'));
let streamed = 0;

/**
 * The same through validateFile with the streaming path forced (src/stream/; tables it does not read fall
 * back to the in-memory path), from a temporary file. Throws on an internal fault.
 */
export async function runStreamed(bytes: Uint8Array): Promise<{ code: Outcome }> {
  const file = join(STREAM_DIR, `in-${streamed++ % 64}.csv`);
  writeFileSync(file, bytes);
  const result = await validateFile(file, { stream: 'always' });
  const input = { files: [result], fallbackLang: 'en' as const, strict: false };
  JSON.parse(jsonReport(input));
  textReport(input, { style: PLAIN_STYLE, table: true, width: 120 });
  const code: Outcome = result.status === 'unreadable' || result.status === 'unchecked' ? 2 : result.status === 'invalid' ? 1 : 0;
  return { code };
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const { SEED, UNITS, wideRecords, longRecords, serialize, formatNumber, hierarchyRecords, hierarchyUnits } = fixtures;

const LABEL_WORDS = [
  'Tổng số hộ đầu năm', 'Số hộ nghèo cuối năm', 'Tỷ lệ hộ nghèo', '- Đầu năm', '- Giảm trong năm', 'poor_start', 'households_end',
  'rate_reduced', 'Toàn tỉnh', 'Tổng', 'Ghi chú', 'STT', 'ĐVT', 'Hộ', '%', 'unit', 'code', 'parent', 'Na Hang', 'Chiêm Hóa',
];

const numberText = fc.oneof(
  fc.nat({ max: 10_000_000 }).map((n) => formatNumber(String(n), 'vi')),
  fc.nat({ max: 10_000_000 }).map((n) => formatNumber(String(n), 'en')),
  fc.nat({ max: 10_000 }).map((n) => formatNumber((n / 100).toFixed(2), 'vi')),
  fc.nat({ max: 10_000 }).map((n) => formatNumber((n / 100).toFixed(2), 'en')),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom('21.0299', '4.18x', 'n/a', '-', '1e5', '١٢٣', '0,1180', '2.750', '11,80%', ' 210 299 ', '−2,06', '+3', '.5', ',5', '1..2', '1,,2'),
);

const cellText = fc.oneof(
  { weight: 5, arbitrary: numberText },
  { weight: 3, arbitrary: fc.constantFrom(...LABEL_WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '"', '""', '\n', '\r\n', ';', ',', '\t', '<script>alert(1)</script>', '\u0000', '\ufeff') },
);

export const encodingArb = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be');
export const delimiterArb = fc.constantFrom(',', ';', '\t');
export const eolArb = fc.constantFrom('\n', '\r\n');

/** A random grid of plausible and implausible cells, serialized in a random way. */
export const randomGridBytes = fc
  .record({
    rows: fc.array(fc.array(cellText, { maxLength: 14 }), { maxLength: 25 }),
    delimiter: delimiterArb,
    encoding: encodingArb,
    eol: eolArb,
  })
  .map(({ rows, delimiter, encoding, eol }) => serialize(rows, { delimiter, encoding, eol }));

type Records = string[][];

/** Mutations an annex suffers on its way through Excel and e-mail. */
const mutation: fc.Arbitrary<(r: Records) => Records> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat()).map(([a, b, c, d]) => (r: Records) => {
    const [r1, r2] = [a % r.length, c % r.length];
    const [c1, c2] = [b % (r[r1]!.length || 1), d % (r[r2]!.length || 1)];
    const t = r[r1]![c1] ?? '';
    r[r1]![c1] = r[r2]![c2] ?? '';
    r[r2]![c2] = t;
    return r;
  }),
  fc.nat().map((a) => (r: Records) => (r.length ? [...r.slice(0, (a % r.length) + 1), [...r[a % r.length]!], ...r.slice((a % r.length) + 1)] : r)),
  fc.nat().map((a) => (r: Records) => r.map((row) => row.filter((_, i) => i !== a % Math.max(1, row.length)))),
  fc.nat().map((a) => (r: Records) => r.filter((_, i) => i !== a % Math.max(1, r.length))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (r: Records) => {
    // a number in the other locale
    const row = r[a % r.length]!;
    const i = b % Math.max(1, row.length);
    row[i] = (row[i] ?? '').replace(/[.,]/g, (m) => (m === '.' ? ',' : '.'));
    return r;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1000, max: 200_000 })).map(([a, b, n]) => (r: Records) => {
    const row = r[a % r.length]!;
    row[b % Math.max(1, row.length)] = 'x'.repeat(n);
    return r;
  }),
  fc.integer({ min: 100, max: 3000 }).map((n) => (r: Records) => r.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === 0 ? `C${j}` : String(j)))])),
  fc.tuple(fc.nat(), cellText).map(([a, t]) => (r: Records) => {
    const row = r[a % r.length]!;
    row[a % Math.max(1, row.length)] = t;
    return r;
  }),
  fc.constant((r: Records) => r.map((row) => [...row].reverse())),
  fc.constant((r: Records) => (r[0] ? r[0].map((_, c) => r.map((row) => row[c] ?? '')) : r)),
);

const baseRecords = fc.constantFrom<() => Records>(
  () => wideRecords(),
  () => wideRecords(SEED, { locale: 'en', lang: 'en' }),
  () => wideRecords(SEED, { rates: false }),
  () => longRecords(SEED, { locale: 'plain' }),
  () => longRecords(SEED, { keys: false }),
  () => longRecords(SEED, { keys: false, lang: 'en', locale: 'en' }),
  () => hierarchyRecords(hierarchyUnits(2)),
  () => hierarchyRecords(hierarchyUnits(3), { locale: 'en', keys: true }),
);

/** The seed annex in some layout, mutated a few times, serialized in a random way (sometimes with mixed separators). */
export const mutatedFixtureBytes = fc
  .record({
    base: baseRecords,
    mutations: fc.array(mutation, { maxLength: 4 }),
    delimiter: delimiterArb,
    encoding: encodingArb,
    eol: eolArb,
    mixSeparators: fc.boolean(),
  })
  .map(({ base, mutations, delimiter, encoding, eol, mixSeparators }) => {
    let r = base().map((row) => [...row]);
    for (const m of mutations) if (r.length) r = m(r);
    let bytes = serialize(r, { delimiter, encoding: mixSeparators ? 'utf-8' : encoding, eol });
    if (mixSeparators) {
      const text = bytes.toString('utf8').split('\n').map((line, i) => (i % 2 ? line.split(delimiter).join(delimiter === ';' ? ',' : ';') : line)).join('\n');
      bytes = Buffer.from(text, 'utf8');
    }
    return bytes;
  });

export const randomBytes = fc.uint8Array({ maxLength: 4096 });

export { UNITS };
