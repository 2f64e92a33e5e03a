/**
 * fixtures/plans/: the seed plan (Kế hoạch thực hiện Chương trình giảm nghèo năm 2020, Tuyên Quang) as given,
 * in Word's plain-text export (a copy of shared/seed/ke-hoach-giam-ngheo-2020.txt), and as a Word document
 * built from it with docx 9.7.1: every line of the text a paragraph, the annex a real Word table with a merged
 * header (STT, Chỉ tiêu, ĐVT and Toàn tỉnh merged down over two rows, "Chia ra" merged across the seven
 * districts, which the plain-text export lost and fixtures/README.md infers). Then the planted variants, each
 * one change to the corrected plan (planted/corrected.docx: Dự án 1 86.373, Quyết định 468 dated 16/12/2019
 * throughout), listed in PLANTED with the finding it must give.
 *
 *   node scripts/plan-fixtures.mjs          # writes fixtures/plans/
 *
 * The .docx files carry the time they were built (docProps/core.xml): rebuilding changes their bytes, not
 * their content. Exports `planDocx(text, opts)` and `PLANTED` for the tests.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'plans');

/** The seed as given; the copy in fixtures/plans/ is what the tests read. */
export const SEED_TEXT_PATH = join(out, 'ke-hoach-giam-ngheo-2020.txt');

/** The annex's units, in the order of its columns (fixtures/README.md says how they are inferred). */
export const UNITS = ['Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình'];

/** The text's lines and the annex rows (cells) of Word's plain-text export: rows of TAB-led lines after the text. */
export function splitSeed(text) {
  const lines = text.split(/\r\n|\n/);
  const first = lines.findIndex((l) => /^[ \u00a0]*\t\S/.test(l) && /^[ \u00a0]*\t/.test(lines[lines.indexOf(l) + 1] ?? ''));
  const body = lines.slice(0, first);
  const rows = [];
  let row = [];
  for (const l of lines.slice(first)) {
    if (/^[ \u00a0]*\t/.test(l)) row.push(l.replace(/^[ \u00a0]*\t/, '').trim());
    else if (row.length) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return { body, rows };
}

const FONT = 'Times New Roman';
const run = (text, bold = false) => new TextRun({ text, bold, font: FONT, size: 26 });
const cellOf = (text, opts = {}) =>
  new TableCell({
    ...opts,
    children: [new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [new TextRun({ text, font: FONT, size: 22, bold: opts.bold ?? false })] })],
  });

/**
 * A budget table as plans append it: STT, Nội dung, Tổng số, and "Trong đó" merged over the kinds of capital;
 * `rows` are [stt, label, total, ...parts] as printed.
 */
export function budgetTable(rows, kinds = ['Vốn đầu tư phát triển', 'Vốn sự nghiệp']) {
  const merged = { verticalMerge: VerticalMergeType.RESTART, bold: true, align: AlignmentType.CENTER };
  const cont = { verticalMerge: VerticalMergeType.CONTINUE };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cellOf('STT', merged), cellOf('Nội dung', merged), cellOf('Tổng số', merged), cellOf('Trong đó', { columnSpan: kinds.length, bold: true, align: AlignmentType.CENTER })] }),
      new TableRow({ tableHeader: true, children: [cellOf('', cont), cellOf('', cont), cellOf('', cont), ...kinds.map((k) => cellOf(k, { bold: true, align: AlignmentType.CENTER }))] }),
      ...rows.map((r) => new TableRow({ children: r.map((t, i) => cellOf(t, { align: i >= 2 ? AlignmentType.RIGHT : AlignmentType.LEFT, bold: r[1].startsWith('Tổng') })) })),
    ],
  });
}

/** The budget of the seed plan's section III as a table (the corrected figures: Dự án 1 86.373). */
export const BUDGET_ROWS = [
  ['', 'Tổng cộng', '210.679', '154.635', '56.044'],
  ['1', 'Dự án 1. Chương trình 30a', '86.373', '70.756', '15.617'],
  ['2', 'Dự án 2. Chương trình 135', '118.018', '83.879', '34.139'],
  ['3', 'Dự án 3. Hỗ trợ phát triển sản xuất, đa dạng hóa sinh kế', '1.884', '-', '1.884'],
  ['4', 'Dự án 4. Truyền thông và giảm nghèo về thông tin', '2.953', '-', '2.953'],
  ['5', 'Dự án 5. Nâng cao năng lực giám sát đánh giá', '1.451', '-', '1.451'],
];

/** The plan as a .docx: its lines as paragraphs, its annex as a table with the two-row merged header (and a budget table, if given). */
export async function planDocx(text, { units = UNITS, budget } = {}) {
  const { body, rows } = splitSeed(text);
  const paragraphs = body
    .filter((l) => l.replace(/[\s\u00a0]+/g, '') !== '')
    .map((l) => {
      const t = l.trim();
      const heading = /^(?:[IVX]+\.|KẾ HOẠCH$|THỰC HIỆN CHƯƠNG TRÌNH)/u.test(t);
      return new Paragraph({ alignment: /^(KẾ HOẠCH|THỰC HIỆN CHƯƠNG TRÌNH)/u.test(t) ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, children: [run(t, heading)] });
    });
  const merged = { verticalMerge: VerticalMergeType.RESTART, bold: true, align: AlignmentType.CENTER };
  const cont = { verticalMerge: VerticalMergeType.CONTINUE };
  const header = [
    new TableRow({
      tableHeader: true,
      children: [
        cellOf('STT', merged),
        cellOf('Chỉ tiêu', merged),
        cellOf('ĐVT', merged),
        cellOf(units[0], merged),
        cellOf('Chia ra', { columnSpan: units.length - 1, bold: true, align: AlignmentType.CENTER }),
        cellOf('Ghi chú', merged),
      ],
    }),
    new TableRow({
      tableHeader: true,
      children: [cellOf('', cont), cellOf('', cont), cellOf('', cont), cellOf('', cont), ...units.slice(1).map((u) => cellOf(u, { bold: true, align: AlignmentType.CENTER })), cellOf('', cont)],
    }),
  ];
  const width = 3 + units.length + 1;
  const data = rows.map(
    (r) =>
      new TableRow({
        children: Array.from({ length: width }, (_, i) => cellOf(r[i] ?? '', { align: i >= 3 && i < 3 + units.length ? AlignmentType.RIGHT : i === 0 || i === 2 ? AlignmentType.CENTER : AlignmentType.LEFT })),
      }),
  );
  const doc = new Document({
    creator: 'povcheck fixtures',
    title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
    sections: [
      { children: paragraphs },
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Phụ lục', true)] }),
          new Table({ rows: [...header, ...data], width: { size: 100, type: WidthType.PERCENTAGE } }),
        ],
      },
      ...(budget
        ? [{ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('Phụ lục 2: Kinh phí thực hiện năm 2020 (ĐVT: triệu đồng)', true)] }), budgetTable(budget)] }]
        : []),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The seed with its two slips corrected: the base of the planted variants. */
export function corrected(seed) {
  return seed.replace('Dự án 1. Chương trình 30a: 79.381 triệu đồng', 'Dự án 1. Chương trình 30a: 86.373 triệu đồng').replace('468/QĐ-UBND ngày 16/12/2018', '468/QĐ-UBND ngày 16/12/2019');
}

/**
 * Planted variants: one change to the corrected plan each, and the one finding it must give (rule, severity,
 * the paragraph, the figure marked in the quote; expected and actual where there are).
 */
export const PLANTED = {
  'claim-disagrees': {
    note: 'the province\'s reduction stated 2,6 instead of 2,06 (the table and the sentence give 2,06)',
    change: (t) => t.replace('toàn tỉnh giảm 2,06% (từ 11,8%', 'toàn tỉnh giảm 2,6% (từ 11,8%'),
    finding: { rule: 'claim', severity: 'error', paragraph: 10, mark: '2,6', expected: '2.06', actual: '2.6' },
  },
  'target-missed': {
    note: 'a target for Chiêm Hóa added: a fall of 3 points or more, while the annex plans 2,47',
    change: (t) => t.replace('(Lâm Bình, Na Hang) giảm từ 4% trở lên.', '(Lâm Bình, Na Hang) giảm từ 4% trở lên. Riêng huyện Chiêm Hóa giảm từ 3% trở lên.'),
    finding: { rule: 'target', severity: 'error', paragraph: 10, mark: '3', actual: '2.47', unit: 'Chiêm Hóa' },
  },
  'money-total-off': {
    note: 'the total 210.679 typed 210.769',
    change: (t) => t.replace('Tổng kinh phí dự kiến khoảng: 210.679 triệu đồng', 'Tổng kinh phí dự kiến khoảng: 210.769 triệu đồng'),
    finding: { rule: 'money', severity: 'error', paragraph: 60, mark: '210.769', expected: '210679', actual: '210769' },
  },
  'money-part-off': {
    note: "Dự án 2's vốn sự nghiệp 34.139 typed 34.193",
    change: (t) => t.replace('vốn sự nghiệp 34.139 triệu đồng', 'vốn sự nghiệp 34.193 triệu đồng'),
    finding: { rule: 'money', severity: 'error', paragraph: 62, mark: '34.193', expected: '34139', actual: '34193' },
  },
  'reference-two-dates': {
    note: 'Kế hoạch số 66/KH-UBND dated 29/7/2017 in section I, 29/7/2016 in the preamble',
    change: (t) => t.replace('Hoàn thành các chỉ tiêu theo Kế hoạch số 66/KH-UBND ngày 29/7/2016', 'Hoàn thành các chỉ tiêu theo Kế hoạch số 66/KH-UBND ngày 29/7/2017'),
    finding: { rule: 'reference', severity: 'warning', paragraph: 11, mark: '29/7/2017' },
  },
  'claim-unknown-unit': {
    note: 'the poor districts named as (Lâm Bình, Na Hang, Mèo Vạc): Mèo Vạc is not a unit of the annex (it is in Hà Giang)',
    change: (t) => t.replace('(Lâm Bình, Na Hang) giảm từ 4%', '(Lâm Bình, Na Hang, Mèo Vạc) giảm từ 4%'),
    finding: { rule: 'claim', severity: 'warning', paragraph: 10, mark: '4', unit: 'Mèo Vạc' },
  },
  'reference-impossible-date': {
    note: 'Chỉ thị số 07-CT/TW dated 31/9/2016 (September has 30 days)',
    change: (t) => t.replace('Chỉ thị số 07-CT/TW ngày 5/9/2016', 'Chỉ thị số 07-CT/TW ngày 31/9/2016'),
    finding: { rule: 'reference', severity: 'error', paragraph: 35, mark: '31/9/2016' },
  },
};

async function main() {
  mkdirSync(join(out, 'planted'), { recursive: true });
  // The seed as given, copied once from shared/seed/ke-hoach-giam-ngheo-2020.txt (byte for byte).
  const seed = readFileSync(SEED_TEXT_PATH, 'utf8');
  writeFileSync(join(out, 'ke-hoach-giam-ngheo-2020.docx'), await planDocx(seed));
  const base = corrected(seed);
  writeFileSync(join(out, 'planted', 'corrected.docx'), await planDocx(base));
  for (const [name, p] of Object.entries(PLANTED)) {
    const text = p.change(base);
    if (text === base) throw new Error(`${name}: the change did not apply`);
    writeFileSync(join(out, 'planted', `${name}.docx`), await planDocx(text));
  }
  // The corrected plan with its budget as a table too, and the same with one cell of the table mistyped.
  writeFileSync(join(out, 'planted', 'budget-table.docx'), await planDocx(base, { budget: BUDGET_ROWS }));
  const off = BUDGET_ROWS.map((r) => (r[0] === '2' ? [r[0], r[1], r[2], r[3], '34.193'] : r));
  writeFileSync(join(out, 'planted', 'budget-table-cell-off.docx'), await planDocx(base, { budget: off }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
