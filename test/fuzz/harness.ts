/**
 * The fuzz harness: runs the whole validate pipeline in-process on bytes, as the CLI would (read, shape,
 * rules, both reporters), and classifies the outcome. A PovcheckError is a legitimate "unreadable" (exit 2);
 * any other exception is a bug and is rethrown with the input attached.
 */
import fc from 'fast-check';
import { gridFromAnyBytes, gridFromBytes } from '../../src/read/index.js';
import { checkGrid } from '../../src/check-grid.js';
import { statusOf, type FileResult } from '../../src/model/file-result.js';
import { validateFile } from '../../src/pipeline.js';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PovcheckError } from '../../src/errors.js';
import { jsonReport } from '../../src/reporters/json.js';
import { textReport } from '../../src/reporters/text.js';
import { PLAIN_STYLE } from '../../src/reporters/types.js';
import { FIXTURES, fixtures } from '../helpers.js';
import { ooxmlApi, zipApi } from '../xlsx-build.js';
import { compoundFile } from '../read/xls-writer.js';
import { readCompoundFile } from '../../src/read/cfb.js';

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

/** The same for workbook bytes (read/xlsx.ts): read, shape, rules, both reporters. Throws on an internal fault. */
export async function runWorkbookInProcess(bytes: Uint8Array): Promise<{ code: Outcome }> {
  let file: FileResult;
  try {
    const grid = await gridFromAnyBytes(bytes, { name: 'fuzz.xlsx' });
    const { annex, findings, skipped, coverage, localisation } = checkGrid(grid);
    file = { file: 'fuzz.xlsx', status: statusOf(findings, 'error', coverage), source: grid.source, grid, annex, findings, skipped, coverage, localisation };
  } catch (e) {
    if (!(e instanceof PovcheckError)) throw e;
    file = { file: 'fuzz.xlsx', status: 'unreadable', findings: [], skipped: [], error: e };
  }
  const input = { files: [file], fallbackLang: 'en' as const, strict: false };
  JSON.parse(jsonReport(input));
  textReport(input, { style: PLAIN_STYLE, table: true, width: 120 });
  const code: Outcome = file.status === 'unreadable' || file.status === 'unchecked' ? 2 : file.status === 'invalid' ? 1 : 0;
  return { code };
}

const STREAM_DIR = mkdtempSync(join(tmpdir(), 'povcheck-fuzz-stream-'));
let streamed = 0;

/**
 * The same through validateFile from a temporary file (the pipeline's reading of a file: records, the first
 * rows shaped, the rest row by row). Throws on an internal fault.
 */
export async function runStreamed(bytes: Uint8Array, extension = 'csv'): Promise<{ code: Outcome }> {
  const file = join(STREAM_DIR, `in-${streamed++ % 64}.${extension}`);
  writeFileSync(file, bytes);
  const result = await validateFile(file);
  const input = { files: [result], fallbackLang: 'en' as const, strict: false };
  JSON.parse(jsonReport(input));
  textReport(input, { style: PLAIN_STYLE, table: true, width: 120 });
  const code: Outcome = result.status === 'unreadable' || result.status === 'unchecked' ? 2 : result.status === 'invalid' ? 1 : 0;
  return { code };
}

/** A plan document from a file named .doc, through validateFile (read, its tables and text checked) and both reports. */
export const runWordDocument = (bytes: Uint8Array) => runStreamed(bytes, 'doc');

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

// ---------------------------------------------------------------------------------------------
// Workbooks: the seed annex as a sheet, its parts mutated (merges, defined names, shared strings, styles, XML)

const { workbook, sheetXml, sharedStrings, styles, xmlText } = ooxmlApi;

/** Column letters of a 0-based column (A, …, Z, AA, …). */
const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** A random A1 reference, mostly near the table, sometimes at the sheet's far edges. */
const refArb = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 20 })).map(([c, r]) => `${letters(c)}${r + 1}`) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 16_383 }), fc.nat({ max: 1_048_575 })).map(([c, r]) => `${letters(c)}${r + 1}`) },
  { weight: 1, arbitrary: fc.constantFrom('XFD1048576', 'A1048576', 'XFD1', '$A$1', 'A0', 'ZZZZ1', 'A', '') },
);

interface WorkbookPlan {
  records: Records;
  sharedShare: number;
  merges: Array<[string, string]>;
  manyMerges: number;
  definedNames: string[];
  numFmts: Array<[number, string]>;
  styleOf: number[];
  extraStrings: string[];
  badIndex: boolean;
  corrupt: 'none' | 'truncate' | 'doctype' | 'control' | 'garbage' | 'deep';
  cut: number;
}

const formatCodes = fc.constantFrom('0', '0.00', '#,##0', '0.0%', 'dd/mm/yyyy', 'General', '@', '[$-42A]#,##0.00', '#,##0" hộ"', '0.00E+00', 'h:mm', '"text"', '[Red]0.0;(0.0)', '\\h0', '');

const workbookPlan: fc.Arbitrary<WorkbookPlan> = fc.record({
  records: baseRecords.map((b) => b()),
  sharedShare: fc.double({ min: 0, max: 1, noNaN: true }),
  merges: fc.array(fc.tuple(refArb, refArb), { maxLength: 6 }),
  manyMerges: fc.oneof({ weight: 5, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1000, max: 25_000 }) }),
  definedNames: fc.array(fc.tuple(refArb, refArb).map(([a, b]) => `'Sheet'!${a}:${b}`), { maxLength: 3 }),
  numFmts: fc.array(fc.tuple(fc.integer({ min: 164, max: 170 }), formatCodes), { maxLength: 4 }),
  styleOf: fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 8 }),
  extraStrings: fc.array(fc.oneof(fc.string({ maxLength: 30 }), fc.integer({ min: 30_000, max: 40_000 }).map((n) => 'x'.repeat(n)), fc.constant('<r><t>Xã </t></r><r><t>A</t></r><rPh><t>PH</t></rPh>')), { maxLength: 3 }),
  badIndex: fc.boolean(),
  corrupt: fc.constantFrom('none', 'none', 'none', 'truncate', 'doctype', 'control', 'garbage', 'deep'),
  cut: fc.nat(),
});

function workbookOf(p: WorkbookPlan): Uint8Array {
  const strings: string[] = [];
  let k = 0;
  const rows = p.records.map((rec, r) =>
    rec.map((text, c) => {
      const ref = `${letters(c)}${r + 1}`;
      const s = p.styleOf.length ? p.styleOf[(r + c) % p.styleOf.length]! : 0;
      if (/^-?\d+(\.\d+)?$/.test(text)) return `<c r="${ref}" s="${s}"><v>${text}</v></c>`;
      if (text === '') return '';
      if ((k++ * 0.37) % 1 < p.sharedShare) {
        strings.push(`<t>${xmlText(text)}</t>`);
        return `<c r="${ref}" t="s" s="${s}"><v>${p.badIndex && k % 7 === 0 ? 99_999 : strings.length - 1}</v></c>`;
      }
      return `<c r="${ref}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;
    }),
  );
  strings.push(...p.extraStrings.map((x) => (x.startsWith('<r>') ? x : `<t>${xmlText(x)}</t>`)));
  const merges = [...p.merges.map(([a, b]) => `${a}:${b}`), ...Array.from({ length: p.manyMerges }, (_, i) => `Q${i + 1}:R${i + 1}`)];
  let sheet = sheetXml(rows, merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '');
  if (p.corrupt === 'truncate') sheet = sheet.slice(0, p.cut % sheet.length);
  else if (p.corrupt === 'doctype') sheet = sheet.replace('?>', '?><!DOCTYPE x [<!ENTITY e "e">]>');
  else if (p.corrupt === 'control') sheet = sheet.replace('<row', '<row\u0001');
  else if (p.corrupt === 'garbage') sheet = `${sheet.slice(0, p.cut % sheet.length)}<<&;>${sheet.slice(p.cut % sheet.length)}`;
  else if (p.corrupt === 'deep') sheet = sheet.replace('</sheetData>', `</sheetData>${'<x>'.repeat(300)}${'</x>'.repeat(300)}`);
  const names = p.definedNames.length ? `<definedNames>${p.definedNames.map((d, i) => `<definedName name="n${i}">${xmlText(d)}</definedName>`).join('')}</definedNames>` : '';
  return workbook([['Sheet', sheet]], {
    ...(names ? { workbookExtra: names } : {}),
    parts: [
      ['xl/sharedStrings.xml', sharedStrings(strings)],
      ['xl/styles.xml', styles(p.numFmts, [0, ...p.numFmts.map(([id]) => id), 2, 4, 10, 14, 3, 9])],
    ],
  });
}

/** The seed annex as a workbook, its merges, defined names, shared strings, styles and XML mutated. */
export const mutatedWorkbookBytes: fc.Arbitrary<Uint8Array> = workbookPlan.map(workbookOf);

interface OdsPlan {
  records: Records;
  rowRepeat: number[];
  colRepeat: number[];
  spans: Array<[number, number, number, number]>;
  types: string[];
  shown: Array<'as-is' | 'junk' | 'none' | 'more-decimals'>;
  hidden: number[];
  formulas: string[];
  annotation: boolean;
  corrupt: WorkbookPlan['corrupt'];
  cut: number;
}

const hugeRepeat = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) }, { weight: 1, arbitrary: fc.constantFrom(1_048_576, 100_001, 16_384, 70_000, 0, -3) });

const odsPlan: fc.Arbitrary<OdsPlan> = fc.record({
  records: baseRecords.map((b) => b()),
  rowRepeat: fc.array(hugeRepeat, { maxLength: 4 }),
  colRepeat: fc.array(hugeRepeat, { maxLength: 4 }),
  spans: fc.array(fc.tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })), { maxLength: 4 }),
  types: fc.array(fc.constantFrom('float', 'percentage', 'currency', 'date', 'boolean', 'string', 'time', 'void'), { maxLength: 6 }),
  shown: fc.array(fc.constantFrom('as-is', 'junk', 'none', 'more-decimals'), { maxLength: 6 }),
  hidden: fc.array(fc.nat({ max: 20 }), { maxLength: 3 }),
  formulas: fc.array(fc.constantFrom('of:=SUM([.D2:.K2])', "of:=['Na Hang'.E3]*[.$A$1]", 'of:=[.]', 'of:=[', '=', 'of:=IF([.A1]="x;y";1;2)', 'oooc:=A1'), { maxLength: 3 }),
  annotation: fc.boolean(),
  corrupt: fc.constantFrom('none', 'none', 'none', 'truncate', 'doctype', 'control', 'garbage', 'deep'),
  cut: fc.nat(),
});

/** The document's XML: an .ods's content.xml, or (`flat`) a whole .fods, its mimetype said on its root. */
function odsXml(p: OdsPlan, flat: boolean): string {
  const at = <T>(xs: readonly T[], i: number, d: T): T => (xs.length ? xs[i % xs.length]! : d);
  const rows = p.records.map((rec, r) => {
    const cells = rec.map((text, c) => {
      const k = r * 31 + c;
      const span = p.spans.find(([sr, sc]) => sr === r && sc === c);
      const attrs = `${c === rec.length - 1 && p.colRepeat.length ? ` table:number-columns-repeated="${at(p.colRepeat, k, 1)}"` : ''}${span ? ` table:number-rows-spanned="${span[2]}" table:number-columns-spanned="${span[3]}"` : ''}${k % 11 === 0 && p.formulas.length ? ` table:formula="${xmlText(at(p.formulas, k, ''))}"` : ''}`;
      const note = p.annotation && k % 5 === 0 ? '<office:annotation><text:p>note</text:p></office:annotation>' : '';
      const type = /^-?\d+(\.\d+)?$/.test(text) ? at(p.types, k, 'float') : 'string';
      const how = at(p.shown, k, 'as-is');
      const shown = how === 'junk' ? `${text}x%` : how === 'more-decimals' ? `${text},000` : text;
      const para = how === 'none' ? '' : `<text:p>${xmlText(shown)}<text:s text:c="${k % 3}"/></text:p>`;
      if (text === '' && !note) return `<table:table-cell${attrs}/>`;
      const value = type === 'date' ? ` office:date-value="${text}"` : type === 'boolean' ? ` office:boolean-value="${text === '0' ? 'false' : 'true'}"` : ` office:value="${text}"`;
      return `<table:table-cell office:value-type="${type}"${value}${attrs}>${note}${para}</table:table-cell>${span ? '<table:covered-table-cell/>' : ''}`;
    });
    const repeat = p.rowRepeat.length && r % 3 === 2 ? ` table:number-rows-repeated="${at(p.rowRepeat, r, 1)}"` : '';
    const hidden = p.hidden.includes(r) ? ' table:visibility="collapse"' : '';
    return `<table:table-row${repeat}${hidden}>${cells.join('')}</table:table-row>`;
  });
  const ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
  const root = flat ? 'office:document' : 'office:document-content';
  const mime = flat ? ' office:mimetype="application/vnd.oasis.opendocument.spreadsheet"' : '';
  let content = `<?xml version="1.0" encoding="UTF-8"?><${root} ${ns}${mime}><office:body><office:spreadsheet><table:table table:name="Sheet"><table:table-column table:number-columns-repeated="${at(p.colRepeat, 0, 12)}"/>${rows.join('')}</table:table></office:spreadsheet></office:body></${root}>`;
  if (p.corrupt === 'truncate') content = content.slice(0, p.cut % content.length);
  else if (p.corrupt === 'doctype') content = content.replace('?>', '?><!DOCTYPE x [<!ENTITY e "e">]>');
  else if (p.corrupt === 'control') content = content.replace('<table:table-row', '<table:table-row\u0001');
  else if (p.corrupt === 'garbage') content = `${content.slice(0, p.cut % content.length)}<<&;>${content.slice(p.cut % content.length)}`;
  else if (p.corrupt === 'deep') content = content.replace('</table:table>', `${'<x>'.repeat(300)}${'</x>'.repeat(300)}</table:table>`);
  return content;
}

function odsOf(p: OdsPlan): Uint8Array {
  return zipApi.writeZip([
    ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')],
    ['content.xml', Buffer.from(odsXml(p, false))],
  ]);
}

/** The seed annex (and the other base tables) as an OpenDocument spreadsheet: repeats, spans, value types, shown texts, comments and XML mutated. */
export const mutatedOdsBytes: fc.Arbitrary<Uint8Array> = fc.oneof(odsPlan.map(odsOf), odsPlan.map((p) => new Uint8Array(Buffer.from(odsXml(p, true)))));

const XLS_FILES = readdirSync(join(FIXTURES, 'xls')).map((f) => new Uint8Array(readFileSync(join(FIXTURES, 'xls', f))));
/** Values a hostile or damaged compound file or BIFF record puts where a number, a sector or a length belongs. */
const hostileWord = fc.oneof(fc.constantFrom(0, 1, 0xff, 0xfe, 0xfffe, 0xffff, 0xfffffffe, 0xfffffffd, 0xffffffff, 0x7fffffff, 0x3c, 0x0809, 0x00fc, 0x0006), fc.nat());

/**
 * LibreOffice's .xls saves of the workbook fixtures with bytes overwritten (one, two or four at a time, most in the
 * compound file's header and directory or at records' heads), cut short, or a stretch repeated: sector chains
 * that loop or leave the file, records longer than their stream, shared texts and formulas out of place.
 */
export const mutatedXlsBytes: fc.Arbitrary<Uint8Array> = fc
  .record({
    base: fc.constantFrom(...XLS_FILES),
    edits: fc.array(fc.record({ at: fc.oneof({ arbitrary: fc.nat(511), weight: 1 }, { arbitrary: fc.nat(), weight: 4 }), width: fc.constantFrom(1, 2, 4), value: hostileWord }), { minLength: 1, maxLength: 3 }),
    cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.nat(), weight: 1 }),
    repeat: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.record({ from: fc.nat(), len: fc.integer({ min: 1, max: 600 }) }), weight: 1 }),
  })
  .map(({ base, edits, cut, repeat }) => {
    let out = new Uint8Array(base);
    for (const e of edits) {
      const at = e.at % out.length;
      for (let k = 0; k < e.width && at + k < out.length; k++) out[at + k] = (e.value >>> (8 * k)) & 0xff;
    }
    if (repeat) {
      const from = repeat.from % out.length;
      const piece = out.slice(from, from + repeat.len);
      out = new Uint8Array([...out.subarray(0, from), ...piece, ...out.subarray(from)]);
    }
    return cut !== undefined ? out.subarray(0, cut % (out.length + 1)) : out;
  });

const HTML_FILES = readdirSync(join(FIXTURES, 'html')).map((f) => readFileSync(join(FIXTURES, 'html', f), 'utf8'));
const markup = fc.oneof(
  fc.constantFrom('<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<th colspan=3>', '<td rowspan="99999">', '<td colspan=0>', '<br>', '<!--', '-->', '<script>', '</script>', '&amp;', '&#99999999;', '&nbsp;', '1.234', '12,5', '-', 'Tổng', '<', '>', '"'),
  fc.constantFrom('<ol type=I start=99999999>', '<ol start=-3 type="a">', '</ol>', '<ul>', '<li>', '</li>', '<h2>', '</h6>', '<p>', '</p>', '<div>', '<![if !supportLists]>', '<![endif]>', '<head>', '<title>', '<table><tr><td><table><tr><td>'),
  fc.string({ maxLength: 8 }),
);

/** `files` (web pages) with markup, numbers and stray characters put in, pieces cut out, or cut short. */
const mutatedPages = (files: readonly string[]): fc.Arbitrary<Uint8Array> => fc
  .record({
    base: fc.constantFrom(...files),
    edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat(40), put: fc.array(markup, { maxLength: 4 }) }), { minLength: 1, maxLength: 5 }),
  })
  .map(({ base, edits }) => {
    let text = base;
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.put.join('') + text.slice(at + e.cut);
    }
    return new TextEncoder().encode(text);
  });

/** The web pages of fixtures/html/, mutated. */
export const mutatedHtmlBytes = mutatedPages(HTML_FILES);

const HTML_PLAN_FILES = readdirSync(join(FIXTURES, 'plans', 'html')).map((f) => readFileSync(join(FIXTURES, 'plans', 'html', f), 'utf8'));
/** The plans as web pages of fixtures/plans/html/, mutated (read as plans: lists, headings, nested tables, spans). */
export const mutatedHtmlPlanBytes = mutatedPages(HTML_PLAN_FILES);

const XML2003_FILES = readdirSync(join(FIXTURES, 'xml2003')).map((f) => readFileSync(join(FIXTURES, 'xml2003', f), 'utf8'));
/** Well-formed pieces a hostile or odd XML Spreadsheet holds (the XML parser refuses the rest before the reader sees it). */
const spreadsheetPieces = fc.constantFrom(
  '<Row ss:Index="99999"><Cell><Data ss:Type="Number">1</Data></Cell></Row>',
  '<Row><Cell ss:MergeDown="65535" ss:MergeAcross="255"><Data ss:Type="String">Tổng</Data></Cell></Row>',
  '<Row ss:Hidden="1"><Cell ss:Index="3" ss:Formula="=R[-99]C[-9]+RC+R1C1:R[2]C"><Data ss:Type="Number">1e308</Data></Cell></Row>',
  '<Row><Cell ss:StyleID="s22"><Data ss:Type="Number">-0</Data></Cell><Cell><Data ss:Type="DateTime">2020-13-45T99:00:00</Data></Cell><Cell><Data ss:Type="Boolean">x</Data></Cell></Row>',
  '<Row><Cell ss:Index="0"/><Cell ss:Index="-5"/><Cell ss:Index="1e9"><Data ss:Type="String">x</Data></Cell></Row>',
  '<Column ss:Index="2" ss:Span="99999" ss:Hidden="1"/>',
  '<Row ss:Index="1"><Cell ss:Index="1"><Data ss:Type="String">dup</Data></Cell></Row>',
  '<Row><Cell ss:Formula="of:=SUM([.A1:.A9]"><Data ss:Type="Number">3</Data></Cell><Cell ss:Formula="=&quot;R1C1&quot;&amp;RC"><Data ss:Type="String">s</Data></Cell></Row>',
  '<Cell><Data ss:Type="Number">12,5</Data></Cell>',
  '<Style ss:ID="s22" ss:Parent="s22"><NumberFormat ss:Format="Percent"/></Style>',
  '<WorksheetOptions><Visible>SheetVeryHidden</Visible></WorksheetOptions>',
  '<Worksheet ss:Name="Phụ lục"><Table><Row><Cell><Data ss:Type="String">Chỉ tiêu</Data></Cell></Row></Table></Worksheet>',
);

/** The XML Spreadsheets of fixtures/xml2003/ with well-formed pieces put in after an element ends, and numbers replaced. */
export const mutatedXml2003Bytes: fc.Arbitrary<Uint8Array> = fc
  .record({
    base: fc.constantFrom(...XML2003_FILES),
    inserts: fc.array(fc.record({ at: fc.nat(), piece: spreadsheetPieces }), { maxLength: 4 }),
    numbers: fc.array(fc.record({ nth: fc.nat(400), value: fc.constantFrom('0', '-1', '1e308', '9007199254740993', '0.000000000000000000001', 'NaN', '', ' 12 ', '4963') }), { maxLength: 4 }),
  })
  .map(({ base, inserts, numbers }) => {
    let text = base;
    for (const e of numbers) {
      let k = 0;
      text = text.replace(/(<Data ss:Type="Number">)([^<]*)(<)/g, (all, a: string, _v: string, b: string) => (k++ === e.nth ? `${a}${e.value}${b}` : all));
    }
    for (const e of inserts) {
      const gt = text.indexOf('>', e.at % text.length);
      // After an element ends (not inside the declaration or a start tag's attributes): a piece stays well-formed there.
      if (gt < 0 || text.startsWith('<?', text.lastIndexOf('<', gt))) continue;
      text = text.slice(0, gt + 1) + e.piece + text.slice(gt + 1);
    }
    return new TextEncoder().encode(text);
  });

/** File names as they arrive from a CI job or an e-mail: controls, line breaks, ESC, workflow commands, bidi. */
export const hostileFileName = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r', '\t', '\u001b[31m', '\u001b]0;x\u0007', '::error::', '::warning file=a::', '##[error]', '##vso[task.setvariable variable=x]', '\u202e', '\u2066', '\u0085', '\u009b', '✔ ', 'no errors', 'Xã Đông', '%0A', ': ', ' '),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join('').replace(/[\/\u0000]/g, '_').slice(0, 180))
  .filter((n) => n !== '' && n !== '.' && n !== '..');

export { UNITS };

const DOC_FILES = ['doc', 'doc-word'].flatMap((d) =>
  readdirSync(join(FIXTURES, 'plans', d))
    .filter((f) => f.endsWith('.doc'))
    .map((f) => readCompoundFile(readFileSync(join(FIXTURES, 'plans', d, f)))),
);

/**
 * Word 97–2003 documents (LibreOffice's and Word's) with bytes of a stream overwritten (one, two or four at a time: most
 * in the FIB, the rest anywhere in the WordDocument or table stream, its piece table and property pages among them),
 * rebuilt as a compound file; or the file itself cut short: pieces, pages and runs out of place, counts and sizes past
 * their streams.
 */
export const mutatedDocBytes: fc.Arbitrary<Uint8Array> = fc
  .record({
    base: fc.constantFrom(...DOC_FILES),
    stream: fc.constantFrom('WordDocument', 'table'),
    edits: fc.array(fc.record({ at: fc.oneof({ arbitrary: fc.nat(1023), weight: 2 }, { arbitrary: fc.nat(), weight: 3 }), width: fc.constantFrom(1, 2, 4), value: hostileWord }), { minLength: 1, maxLength: 4 }),
    cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary: fc.nat(), weight: 1 }),
  })
  .map(({ base, stream, edits, cut }) => {
    const streams = Object.fromEntries(base.names.map((n) => [n, Uint8Array.from(base.stream(n)!)]));
    const table = streams['1Table'] ? '1Table' : '0Table';
    const out = streams[stream === 'table' ? table : 'WordDocument']!;
    for (const e of edits) {
      const at = e.at % out.length;
      for (let k = 0; k < e.width && at + k < out.length; k++) out[at + k] = (e.value >>> (8 * k)) & 0xff;
    }
    const file = compoundFile(streams);
    return cut !== undefined ? file.subarray(0, cut % (file.length + 1)) : file;
  });
