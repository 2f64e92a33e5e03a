/**
 * The hostile-input corpus: every input and output issue 13 found harmful, built into a folder by this
 * script (nothing big is checked in), each with the command to run on it and what must hold:
 *
 * - the exit code is one of `codes` (0 clean, 1 errors, 2 unreadable), never a crash or a signal;
 * - `unreadable`: stdout and stderr together are one line (the reason), naming the file when `names` is set;
 * - no stack trace anywhere;
 * - no file of the folder changes but the case's `outputs` (and `removed`, which must be gone);
 * - `check(result, dir)`: anything particular (the report's size, a cell's text, /dev/null still a device);
 * - `binary`: the case is about the process itself (its own standard output, an open that could block), so the
 *   runner always runs it as the built binary; the others it runs in the test's process (`cli` of test/helpers.ts)
 *   after the built binary has read every file of the folder once.
 *
 * The runner (test/hostile/corpus.test.ts) runs each process under a generous watchdog that kills one that
 * hangs and reports it: a hang is a failure, a slow run on a busy machine is not (no duration is asserted).
 *
 * The builders (scripts/ooxml.mjs for workbooks and Word documents, the CSV writers of scripts/fixtures.mjs)
 * are shared: the plan-document reader's tests build their hostile .docx files (zip bomb, huge table, deep
 * nesting) with docxBomb, docxTable and docxNested.
 *
 *   node scripts/hostile.mjs <folder>   writes the corpus and lists its cases
 */
import { chmodSync, linkSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annexSheet, deepXml, docx, docxBomb, docxNested, docxTable, para, sharedStrings, sheetXml, str, workbook, workbookParts, writeZip, zeroBomb } from './ooxml.mjs';
import { readZip } from './zip.mjs';
import { hierarchyRecords, hierarchyUnits, longRecords, serialize, SEED, wideRecords, annexRate } from './fixtures.mjs';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
const ESC = '\u001b';
/** What XML 1.0 cannot hold. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** The seed annex (a clean file: warnings only, exit 0). */
const seedBytes = () => readFileSync(join(ROOT, 'fixtures', 'tuyen-quang-2020.csv'));

function withEndings(records, endings, delimiter = ';') {
  const field = (f) => (/[";\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return Buffer.from('\ufeff' + records.map((r, i) => r.map(field).join(delimiter) + endings[i % endings.length]).join(''), 'utf8');
}

function loopTable(n) {
  const seed = hierarchyUnits(2);
  const c = seed[2];
  const unit = { ...c, households_end: c.households_start, rate_end: annexRate(c.poor_end, c.households_start) };
  unit.rate_reduced = ((Math.round(Number(unit.rate_start) * 100) - Math.round(Number(unit.rate_end) * 100)) / 100).toFixed(2);
  const loop = Array.from({ length: n }, (_, i) => ({ ...unit, code: `V${i}`, parent: `V${(i + 1) % n}`, name: `Xã vòng ${i}` }));
  return serialize(hierarchyRecords([...seed, ...loop]), { delimiter: ';' });
}

const HOSTILE_NAMES = [
  'Toàn tỉnh',
  `Xã ${ESC}]0;pwned${ESC}\\${ESC}[2J${ESC}[31mĐỏ`,
  '::warning file=x::forged',
  '##[error]forged',
  'Xã A\n✔ forged.csv: no errors',
  'Xã \u202eB\u202c',
  '=HYPERLINK("http://x","click")',
  '@SUM(1)',
];

/** Texts that must never reach a terminal or a CI log from the input. */
function inert(out) {
  const bare = out.replace(/\u001b\[\d+(?:;\d+)*m/g, '');
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(bare)) return 'a control or bidi character reached the output';
  for (const line of out.split('\n')) {
    if (line.trimStart().startsWith('::') && !/^::(error|warning|notice) /.test(line)) return `a workflow command: ${JSON.stringify(line)}`;
    if (/##(vso)?\[/i.test(line)) return `a log command: ${JSON.stringify(line)}`;
    if (/^✔ forged/.test(line)) return 'a forged verdict line';
  }
  return undefined;
}

/**
 * Writes the corpus into `dir` and returns its cases: { name, args, env?, codes, unreadable?, names?,
 * outputs?, removed?, stdout?: 'full', binary?, check?(result, dir) }.
 */
export function buildCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const put = (name, bytes) => {
    writeFileSync(join(dir, name), bytes);
    return name;
  };
  const cases = [];
  const add = (c) => cases.push({ codes: [0, 1], ...c });
  const unreadable = (name, args, extra = {}) => add({ name, args, codes: [2], unreadable: true, names: true, ...extra });

  /* ---------- workbooks (items 1–3) ---------- */
  const merge = (refs) => `<mergeCells count="${refs.length}">${refs.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`;
  const annex = annexSheet();
  add({ name: 'one merged range over the whole sheet', args: ['validate', put('merge-whole-sheet.xlsx', workbook([['S', annex.replace('</sheetData>', `</sheetData>${merge(['E1:XFD1048576', 'A5:A1048576'])}`)]]))] });
  add({ name: 'a defined name over the whole sheet', args: ['validate', put('defined-name.xlsx', workbook([['S', annex]], { workbookExtra: `<definedNames><definedName name="all">'S'!$A$1:$XFD$1048576</definedName></definedNames>` }))] });
  const rows16k = Array.from({ length: 16_000 }, (_, r) => [str(`F${r + 1}`, 'x')]);
  add({ name: '16,000 merges', args: ['validate', put('merges-16000.xlsx', workbook([['S', annex.replace('</sheetData>', `${rows16k.map((c, r) => `<row r="${r + 10}">${c.join('').replace(/F\d+/, `F${r + 10}`)}</row>`).join('')}</sheetData>${merge(Array.from({ length: 16_000 }, (_, r) => `F${r + 10}:G${r + 10}`))}`)]]))] });
  unreadable('150,000 merges', ['validate', put('merges-150000.xlsx', workbook([['S', annex.replace('</sheetData>', `</sheetData>${merge(Array.from({ length: 150_000 }, (_, r) => `F${r + 1}:G${r + 1}`))}`)]]))]);
  unreadable('a 50-million-character shared string', ['validate', put('string-50m.xlsx', workbook([['S', sheetXml([[str('A1', 'unit'), '<c r="B1" t="s"><v>0</v></c>']])]], { parts: [['xl/sharedStrings.xml', sharedStrings([`<t>${'x'.repeat(50_000_000)}</t>`])]] }))]);
  unreadable('30 million characters of shared strings', ['validate', put('strings-total.xlsx', workbook([['S', annex]], { parts: [['xl/sharedStrings.xml', sharedStrings(Array.from({ length: 1000 }, () => `<t>${'y'.repeat(30_000)}</t>`))]] }))]);
  const lying = zeroBomb(1024);
  unreadable('a zip bomb that lies about its size', ['validate', put('zip-bomb-lying.xlsx', writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', { raw: lying.raw, size: 1024 }]]))]);
  unreadable('a zip bomb with honest sizes', ['validate', put('zip-bomb-honest.xlsx', writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', zeroBomb(150)]]))]);
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>`;
  unreadable('billion laughs (entity expansion)', ['validate', put('billion-laughs.xlsx', workbook([['S', laughs + annex.replace(/^<\?xml[^>]*>/, '').replace('Xã A', '&lol3;')]]))]);
  unreadable('XXE (an external entity)', ['validate', put('xxe.xlsx', workbook([['S', `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>` + annex.replace(/^<\?xml[^>]*>/, '').replace('Xã A', '&x;')]]))]);
  unreadable('XML nested 100,000 deep', ['validate', put('deep-xml.xlsx', workbook([['S', annex.replace('</sheetData>', `</sheetData>${deepXml(100_000)}`)]]))]);
  unreadable('1,001 sheets listed', ['validate', put('sheets-1001.xlsx', writeZip(workbookParts(Array.from({ length: 1001 }, (_, i) => [`S${i}`, ''])).concat([['xl/worksheets/sheet1.xml', Buffer.from(annex)]])))]);
  const bigRow = (r) => `<row r="${r}">${Array.from({ length: 50 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${String.fromCharCode(65 + Math.floor(c / 26))}${r}"><v>1</v></c>`).join('')}</row>`;
  unreadable('250,000 cells', ['validate', put('cells-250k.xlsx', workbook([['S', `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${Array.from({ length: 5000 }, (_, r) => bigRow(r + 1)).join('')}</sheetData></worksheet>`]]))]);
  unreadable('a value at XFD1048576', ['validate', put('far-cell.xlsx', workbook([['S', annex.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')]]))]);
  unreadable('a shared string the workbook lacks', ['validate', put('bad-shared-index.xlsx', workbook([['S', sheetXml([['<c r="A1" t="s"><v>7</v></c>']])]]))]);
  const good = workbook([['S', annex]]);
  unreadable('a workbook cut short', ['validate', put('truncated.xlsx', good.subarray(0, good.length - 200))]);
  unreadable('a sheet that is not XML', ['validate', put('not-xml.xlsx', workbook([['S', '<worksheet><sheetData><<<']]))]);
  unreadable('a control character raw in the sheet XML', ['validate', put('control-in-xml.xlsx', workbook([['S', annex.replace('Xã A', 'Xã \u0001A')]]))]);
  unreadable('an ODS named .xlsx', ['validate', put('ods.xlsx', writeZip([['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')], ['content.xml', Buffer.from('<x/>')]]))]);
  // A reference no worksheet has: never placed beside the cell before it, nor dropped (Excel will not open the file).
  const says = (text) => (r) => ((r.stdout + r.stderr).includes(text) ? undefined : `the reason does not name ${text}`);
  unreadable('a cell past column XFD', ['validate', put('cell-past-xfd.xlsx', workbook([['S', annex.replace('<c r="D4">', '<c r="ZZZZZZZZZZZZZZ4">')]]))], { check: says('ZZZZZZZZZZZZZZ4') });
  unreadable('a cell in row 0', ['validate', put('cell-row-0.xlsx', workbook([['S', annex.replace('<c r="D4">', '<c r="D0">')]]))], { check: says('D0') });
  unreadable('a merged range from row 0', ['validate', put('merge-row-0.xlsx', workbook([['S', annex.replace('</sheetData>', `</sheetData>${merge(['A0:B1'])}`)]]))], { check: says('A0:B1') });
  // Two parts of one name: programs differ in which they read (a reviewer and a checker could see different tables).
  const changed = annexSheet([['Toàn tỉnh', 30, 5, 25], ['Xã A', 10, 2, 8], ['Xã B', 20, 3, 99]]);
  const twice = (first, second) => writeZip([...workbookParts([['S', '']]), ['xl/worksheets/sheet1.xml', Buffer.from(first)], ['xl/worksheets/sheet1.xml', Buffer.from(second)]]);
  unreadable('a sheet part twice, the good one first', ['validate', put('part-twice-a.xlsx', twice(annex, changed))], { check: says('xl/worksheets/sheet1.xml') });
  unreadable('a sheet part twice, the good one last', ['validate', put('part-twice-b.xlsx', twice(changed, annex))], { check: says('xl/worksheets/sheet1.xml') });
  const plan = readZip(docx(para('Tỷ lệ hộ nghèo năm 2020 là 5,00%.')));
  unreadable('a .docx with word/document.xml twice', ['validate', put('docx-part-twice.docx', writeZip([...plan.entries(), ['word/document.xml', plan.get('word/document.xml')]]))], { check: says('word/document.xml') });
  // Names that differ only in case: one part to Excel (part names ignore case), two to a reader that matches names exactly.
  const caseTwin = writeZip([...workbookParts([['S', '']]), ['xl/worksheets/Sheet1.xml', Buffer.from(changed)], ['xl/worksheets/sheet1.xml', Buffer.from(annex)]]);
  unreadable('a sheet part beside one named in other case', ['validate', put('part-case.xlsx', caseTwin)], { check: says('xl/worksheets/Sheet1.xml') });
  // A local header naming another part than the directory: a reader that walks the local headers reads another sheet.
  const localName = Buffer.from(workbook([['S', changed], ['T', annex]]));
  // The first occurrence of each name is its local header's (the parts come before the directory, deflated).
  const [at1, at2] = [1, 2].map((n) => localName.indexOf(Buffer.from(`xl/worksheets/sheet${n}.xml`)));
  localName.write('xl/worksheets/sheet2.xml', at1);
  localName.write('xl/worksheets/sheet1.xml', at2);
  unreadable('the sheets\' local headers naming each other', ['validate', put('part-local-name.xlsx', localName)], { check: says('xl/worksheets/sheet2.xml') });
  // A cell whose reference is in another row than its <row>: LibreOffice puts it at the reference, a reader by rows in the row.
  unreadable('a cell of row 7 inside row 4', ['validate', put('cell-other-row.xlsx', workbook([['S', annex.replace('<c r="D4">', '<c r="D7">')]]))], { check: says('D7') });
  // A damaged end record is said to be damaged, not "ZIP64".
  const endRecord = (bytes, edit) => {
    const b = Buffer.from(bytes);
    edit(b, b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])));
    return b;
  };
  const notZip64 = (r) => (/ZIP64/.test(r.stdout + r.stderr) ? 'a damaged end record called ZIP64' : undefined);
  unreadable('an end record counting 0xFFFF parts', ['validate', put('end-count-ffff.xlsx', endRecord(good, (b, e) => b.writeUInt16LE(0xffff, e + 10)))], { check: notZip64 });
  unreadable('an end record counting one part fewer', ['validate', put('end-count-less.xlsx', endRecord(good, (b, e) => b.writeUInt16LE(b.readUInt16LE(e + 10) - 1, e + 10)))], { check: notZip64 });
  unreadable('an end record placing the directory outside the file', ['validate', put('end-outside.xlsx', endRecord(good, (b, e) => b.writeUInt32LE(0xffffffff, e + 16)))], { check: notZip64 });
  unreadable('a .docx end record of 0xFF bytes', ['validate', put('docx-end-ff.docx', endRecord(docx(para('x')), (b, e) => b.fill(0xff, e + 4, e + 20)))], { check: notZip64 });

  /* ---------- Word documents (for the plan-document reader; today validate names them and stops) ---------- */
  unreadable('a .docx zip bomb', ['validate', put('docx-bomb.docx', docxBomb(1024))]);
  unreadable('a .docx with a 2,000 × 20 table', ['validate', put('docx-huge-table.docx', docx(docxTable(2000, 20)))]);
  unreadable('a .docx with tables nested 5,000 deep', ['validate', put('docx-deep-nesting.docx', docx(docxNested(5000)))]);

  /* ---------- loops (item 4) ---------- */
  add({
    name: 'a loop of 3,000 parents',
    args: ['validate', put('loop-3000.csv', loopTable(3000)), '--format', 'json', '-o', 'loop-3000.json'],
    codes: [1],
    outputs: ['loop-3000.json'],
    check: (_r, d) => (statSync(join(d, 'loop-3000.json')).size < 1_000_000 ? undefined : 'the JSON report grew with the square of the loop'),
  });

  /* ---------- outputs (items 5, 6, 10) ---------- */
  const seed = put('seed.csv', seedBytes());
  add({ name: '-o /dev/null', args: ['validate', seed, '--format', 'json', '-o', '/dev/null'], codes: [0], check: () => (statSync('/dev/null').isCharacterDevice() ? undefined : '/dev/null is no longer a device') });
  spawnSync('mkfifo', [join(dir, 'fifo')]);
  unreadable('-o a named pipe nobody reads', ['validate', seed, '--format', 'json', '-o', 'fifo'], { names: false, binary: true, check: (_r, d) => (statSync(join(d, 'fifo')).isFIFO() ? undefined : 'the FIFO was replaced') });
  const targets = put('targets.json', readFileSync(join(ROOT, 'fixtures', 'targets', 'tuyen-quang-2020.json')));
  unreadable('-o the targets file', ['validate', seed, '--targets', targets, '--format', 'json', '-o', targets], { names: false });
  mkdirSync(join(dir, 'cfg'), { recursive: true });
  put('cfg/povcheck.config.json', '{"lang":"en"}');
  unreadable('-o the configuration file', ['validate', seed, '--config', 'cfg/povcheck.config.json', '--format', 'json', '-o', 'cfg/povcheck.config.json'], { names: false });
  linkSync(join(dir, seed), join(dir, 'seed-hardlink.csv'));
  unreadable('-o a hard link to the input', ['table', seed, '--format', 'csv', '-o', 'seed-hardlink.csv'], { names: false });
  put('readonly.json', '{}');
  chmodSync(join(dir, 'readonly.json'), 0o444);
  add({ name: '-o an existing read-only report', args: ['validate', seed, '--format', 'json', '-o', 'readonly.json'], codes: [0], outputs: ['readonly.json'], check: (_r, d) => ((statSync(join(d, 'readonly.json')).mode & 0o777) === 0o444 ? undefined : 'the mode was not kept') });
  const stale = put('.stale-out.json.999999.deadbeef.tmp', 'left by a killed run');
  const old = Date.now() / 1000 - 2 * 3600;
  utimesSync(join(dir, stale), old, old);
  add({ name: 'a stale temporary file of the output', args: ['validate', seed, '--format', 'json', '-o', 'stale-out.json'], codes: [0], outputs: ['stale-out.json'], removed: [stale] });
  add({ name: 'standard output on a full disk', args: ['validate', seed], codes: [2], unreadable: true, stdout: 'full', binary: true, check: (r) => (/no space left/.test(r.stderr) ? undefined : 'the reason is not a full disk') });

  /* ---------- injection (items 7, 8, 9) ---------- */
  const names = put('hostile-names.csv', serialize(longRecords(SEED, { units: HOSTILE_NAMES }), { delimiter: ';' }));
  add({ name: 'hostile unit names, text report', args: ['validate', names, '--lang', 'en'], check: (r) => inert(r.stdout + r.stderr) });
  add({ name: 'hostile unit names, github report', args: ['validate', names, '--format', 'github'], check: (r) => inert(r.stdout + r.stderr) ?? (r.stdout.includes(ESC) ? 'ESC in an annotation' : undefined) });
  add({
    name: 'hostile unit names, table --format csv',
    args: ['table', names, '--format', 'csv', '--total', 'first', '-o', 'names-table.csv'],
    codes: [0],
    outputs: ['names-table.csv'],
    check: (_r, d) => {
      const cells = readFileSync(join(d, 'names-table.csv'), 'utf8').replace(/^\ufeff/, '').split(/\r\n/).flatMap((l) => l.split(';')).map((c) => c.replace(/^"/, ''));
      const bad = cells.find((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d[\d.,]*$/.test(c));
      return bad === undefined ? undefined : `a cell a spreadsheet would run: ${JSON.stringify(bad)}`;
    },
  });
  const xmlNames = put('xml-unsafe-names.csv', serialize(wideRecords(SEED, { units: ['Toàn tỉnh', 'Xã\u0001A', 'Xã B\uffff', 'Xã\ufffeC', 'Xã\u000bD', 'Hàm Yên', 'Na Hang', 'Lâm Bình'] }), { delimiter: ';' }));
  add({
    name: 'names XML cannot hold, table --format xlsx',
    args: ['table', xmlNames, '--format', 'xlsx', '-o', 'unsafe.xlsx'],
    codes: [0],
    outputs: ['unsafe.xlsx'],
    check: (_r, d) => {
      const again = spawnSync(process.execPath, [join(ROOT, 'bin', 'povcheck.js'), 'validate', join(d, 'unsafe.xlsx'), '--format', 'json'], { encoding: 'utf8' });
      return again.status === 0 || again.status === 1 ? undefined : `povcheck cannot read its own xlsx: ${again.stderr}`;
    },
  });
  add({
    name: 'names XML cannot hold, table --format docx',
    args: ['table', xmlNames, '--format', 'docx', '-o', 'unsafe.docx'],
    codes: [0],
    outputs: ['unsafe.docx'],
    check: (_r, d) => {
      const xml = readZip(readFileSync(join(d, 'unsafe.docx'))).get('word/document.xml').toString('utf8');
      return NOT_XML.test(xml) ? 'word/document.xml holds a character XML forbids' : undefined;
    },
  });
  const badName = put(`x\n✔ forged.csv: no errors ${ESC}[32m::error::y.csv`, '');
  unreadable('a file name with a line break, ESC and ::', ['validate', badName], { names: false, check: (r) => inert(r.stdout + r.stderr) });

  /* ---------- reads (items 11, 12, 13) ---------- */
  add({ name: 'mixed line endings', args: ['validate', put('mixed-endings.csv', withEndings(wideRecords(), ['\r\n', '\n', '\r']))], codes: [0] });
  const s = seedBytes();
  const at = s.indexOf(Buffer.from('Số hộ nghèo đầu năm'));
  unreadable('two bad bytes in UTF-8', ['validate', put('broken-utf8.csv', Buffer.concat([s.subarray(0, at), Buffer.from([0xc3, 0x28]), s.subarray(at + 2)]))], { check: (r) => (/byte [\d,.]+ \(line 4\)/.test(r.stdout) ? undefined : 'the damaged spot is not named') });
  unreadable('two bad bytes, --encoding utf-8', ['validate', 'broken-utf8.csv', '--encoding', 'utf-8']);
  unreadable('a multi-byte character cut at the end', ['validate', put('cut-utf8.csv', s.subarray(0, s.lastIndexOf(Buffer.from('ì')) + 1))]);
  unreadable('an unclosed quote', ['validate', put('unclosed-quote.csv', ['STT;Chỉ tiêu;Toàn tỉnh;A', '1;Tổng số hộ đầu năm;10;5', '2;Số hộ nghèo đầu năm;"4;2', '3;Số hộ nghèo cuối năm;3;1', ''].join('\r\n'))], { check: (r) => (/(?:line|dòng) 3/.test(r.stdout) ? undefined : 'the line of the quote is not named') });
  unreadable('1,000,000 short columns', ['validate', put('columns-1m.csv', `${Array.from({ length: 1_000_000 }, () => 'a').join(';')}\n1;2\n`)], { check: (r) => (/more than 16,384 columns/.test(r.stdout) ? undefined : 'the reason is not the columns') });
  unreadable('a line of 1,200,000 characters', ['validate', put('line-1200k.csv', `a;b\n1;${'x'.repeat(1_200_000)}\n`)]);
  const six = hierarchyUnits(6);
  // The units past the budget are a second tree beside the province (no sum fails): what is refused is the count, and
  // the folder run that reads this file without the budget (test/hostile/corpus.test.ts) spends no time localising.
  const tooMany = [...six, ...Array.from({ length: 600 }, (_, i) => ({ ...six[2], code: `X${i}`, parent: '', name: `Xã thêm ${i}` }))];
  unreadable('a long table past the budget of units', ['validate', put('rows-budget.csv', serialize(hierarchyRecords(tooMany), { delimiter: ';' }))], { env: { POVCHECK_MAX_ROWS: '500' } });

  /* ---------- other bad inputs ---------- */
  unreadable('an empty file', ['validate', put('empty.csv', '')]);
  unreadable('blank space only', ['validate', put('blank.csv', ' \r\n\t\r\n')]);
  unreadable('binary data named .csv', ['validate', put('binary.csv', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))]);
  unreadable('a PDF named .csv', ['validate', put('pdf.csv', '%PDF-1.7\n%âãÏÓ\n')]);
  unreadable('a legacy encoding', ['validate', put('legacy.csv', readFileSync(join(ROOT, 'fixtures', 'legacy', 'tcvn3.csv')))]);
  unreadable('a UTF-16 file with a lone surrogate', ['validate', put('utf16-bad.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x09, 0x00, 0x00, 0xd8, 0x0a, 0x00]))]);
  unreadable('a directory', ['validate', 'cfg', '--format', 'text'], { names: false });
  unreadable('a file that does not exist', ['validate', 'no-such.csv']);
  unreadable('the output named twice', ['validate', seed, '--format', 'json', '-o', 'twice.json', '--format', 'sarif', '-o', 'twice.json'], { names: false });
  return cases;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node scripts/hostile.mjs <folder>\n');
    process.exit(2);
  }
  for (const c of buildCorpus(dir)) process.stdout.write(`${c.name}: povcheck ${c.args.map((a) => JSON.stringify(a)).join(' ')} → exit ${c.codes.join('/')}\n`);
}
