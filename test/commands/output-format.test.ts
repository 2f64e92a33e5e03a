/** What an output file's name says of what it holds (src/commands/output-format.ts), pure. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkOutputName, extensionOf, fileOrStdout, formatNamedBy } from '../../src/commands/output-format.js';
import { TABLE_FORMATS } from '../../src/commands/table-options.js';
import { PLAN_FORMATS } from '../../src/commands/plan-options.js';
import { FORMATS } from '../../src/reporters/index.js';

const refused = (file: string, format: string, formats: readonly string[]) => {
  try {
    checkOutputName(file, format, formats);
    return undefined;
  } catch (e) {
    return e as { code: string; params: Record<string, string> };
  }
};

/** Every output format of the commands (table, plan, validate), written out. */
const ALL = ['text', 'markdown', 'csv', 'xlsx', 'docx', 'html', 'json', 'sarif', 'junit', 'gitlab', 'github'] as const;

/**
 * The formats a file may be written in under each extension, written out by hand from what the name promises whoever
 * opens the file (not taken from output-format.ts, so that a wrong entry there fails here): a plain-text name fits the
 * text formats (not a workbook, a Word document, a page or JUnit's XML), a .json name the JSON ones, a `.log` a log's;
 * a kind of file povcheck never writes (.xls, .pdf) fits none; a name povcheck does not know, or none, fits every one.
 */
const FITS: Readonly<Record<string, readonly string[]>> = {
  '.txt': ['text', 'markdown', 'csv', 'json', 'github'],
  '.text': ['text'],
  '.log': ['text', 'github'],
  '.md': ['markdown'],
  '.markdown': ['markdown'],
  '.csv': ['csv'],
  '.tsv': ['csv'],
  '.tab': ['csv'],
  '.xlsx': ['xlsx'],
  '.docx': ['docx'],
  '.html': ['html'],
  '.htm': ['html'],
  '.json': ['json', 'sarif', 'gitlab'],
  '.sarif': ['sarif'],
  '.xml': ['junit'],
  ...Object.fromEntries(['.xls', '.xlsm', '.xlsb', '.ods', '.doc', '.docm', '.odt', '.rtf', '.pdf'].map((e) => [e, []])),
  '.out': ALL,
  '.bak': ALL,
  '': ALL,
};
/** Every extension of the table with every format. */
const PAIRS = Object.keys(FITS).flatMap((ext) => ALL.map((format) => [ext, format] as const));
/** A file name without its extension: a stem (no dot), maybe in a folder whose name has one. */
const NAME = fc
  .tuple(fc.constantFrom('', 'out/', 'báo.cáo/', 'C:\\Báo cáo\\', './'), fc.stringMatching(/^[a-zà-ỹ0-9 _-]{1,12}$/))
  .map(([folder, stem]) => `${folder}${stem}`);

describe('output file names', () => {
  it('`-` is the standard output', () => {
    expect(fileOrStdout('-')).toBeUndefined();
    expect(fileOrStdout(undefined)).toBeUndefined();
    expect(fileOrStdout('./-')).toBe('./-');
    expect(fileOrStdout('a.csv')).toBe('a.csv');
  });

  it('extensions: the last one, lower case, none for a dot file or a folder with a dot', () => {
    expect(extensionOf('Phụ lục.XLSX')).toBe('.xlsx');
    expect(extensionOf('out/r.sarif.json')).toBe('.json');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('báo.cáo/annex')).toBe('');
    expect(extensionOf('C:\\Báo cáo\\annex.docx')).toBe('.docx');
  });

  it('without --format, the format the extension names; a plain-text or unknown name names none', () => {
    expect(formatNamedBy('annex.xlsx', TABLE_FORMATS)).toBe('xlsx');
    expect(formatNamedBy('annex.docx', TABLE_FORMATS)).toBe('docx');
    expect(formatNamedBy('annex.htm', TABLE_FORMATS)).toBe('html');
    expect(formatNamedBy('annex.md', TABLE_FORMATS)).toBe('markdown');
    expect(formatNamedBy('plan.csv', PLAN_FORMATS)).toBe('csv');
    expect(formatNamedBy('r.json', FORMATS)).toBe('json');
    expect(formatNamedBy('r.sarif', FORMATS)).toBe('sarif');
    expect(formatNamedBy('results.SARIF.json', FORMATS)).toBe('sarif');
    expect(formatNamedBy('junit.xml', FORMATS)).toBe('junit');
    for (const f of ['annex.txt', 'annex', 'annex.out', '-']) expect(formatNamedBy(f, TABLE_FORMATS)).toBeUndefined();
    expect(formatNamedBy(undefined, TABLE_FORMATS)).toBeUndefined();
    expect(formatNamedBy('plan.xlsx', PLAN_FORMATS)).toBeUndefined();
  });

  it('a format written under a name that says other content is refused, naming the file, its extension, the right name and the format it names', () => {
    expect(refused('b.xlsx', 'csv', TABLE_FORMATS)).toMatchObject({ code: 'OUTPUT_EXTENSION', params: { file: 'b.xlsx', format: 'csv', extension: '.xlsx', expected: '.csv', named: 'xlsx' } });
    expect(refused('p.xlsx', 'text', PLAN_FORMATS)).toMatchObject({ code: 'OUTPUT_EXTENSION', params: { expected: '.txt' } });
    expect(refused('p.xlsx', 'text', PLAN_FORMATS)?.params.named).toBeUndefined();
    expect(refused('r.xml', 'json', FORMATS)).toMatchObject({ params: { named: 'junit' } });
    expect(refused('annex.pdf', 'docx', TABLE_FORMATS)).toMatchObject({ params: { extension: '.pdf', expected: '.docx' } });
    expect(refused('annex.xls', 'xlsx', TABLE_FORMATS)).toMatchObject({ params: { extension: '.xls' } });
  });

  it('accepted: each format under its own extensions, plain text for the text formats, a name without or with an unknown extension, stdout', () => {
    for (const [file, format] of [['a.csv', 'csv'], ['a.txt', 'csv'], ['a.tsv', 'csv'], ['a.txt', 'markdown'], ['r.sarif.json', 'sarif'], ['gl-code-quality-report.json', 'gitlab'], ['r.log', 'github'], ['annex', 'xlsx'], ['annex.out', 'docx'], ['-', 'xlsx']] as const) {
      expect(refused(file, format, [...TABLE_FORMATS, ...FORMATS])).toBeUndefined();
    }
  });

  it('every format of the commands is in the table below', () => {
    expect([...new Set<string>([...TABLE_FORMATS, ...PLAN_FORMATS, ...FORMATS])].sort()).toEqual([...ALL].sort());
  });

  it('property: under any name, a format is accepted exactly where the table below says its extension fits it', () => {
    fc.assert(
      fc.property(NAME, fc.boolean(), (name, upper) => {
        for (const [ext, asked] of PAIRS) {
          const file = `${name}${upper ? ext.toUpperCase() : ext}`;
          expect(refused(file, asked, ALL) === undefined, `${file} as ${asked}`).toBe(FITS[ext]!.includes(asked));
        }
      }),
    );
  });

  it('property: a refusal suggests a name that fits the format asked, and a format the name fits', () => {
    fc.assert(
      fc.property(NAME, (name) => {
        for (const [ext, asked] of PAIRS) {
          const e = refused(`${name}${ext}`, asked, ALL);
          if (e === undefined) continue;
          expect(e.params.extension).toBe(ext);
          expect(FITS[e.params.expected!], `${name}${ext} as ${asked}: ${e.params.expected}`).toContain(asked);
          if (e.params.named !== undefined) expect(FITS[ext], `${name}${ext} as ${asked}: ${e.params.named}`).toContain(e.params.named);
        }
      }),
    );
  });

  it('property: the format a name says (without --format) is one it fits, and one of the command\'s', () => {
    fc.assert(
      fc.property(NAME, (name) => {
        for (const ext of Object.keys(FITS)) {
          for (const formats of [TABLE_FORMATS, PLAN_FORMATS, FORMATS] as readonly (readonly string[])[]) {
            const named = formatNamedBy(`${name}${ext}`, formats);
            if (named === undefined) continue;
            expect(formats).toContain(named);
            expect(FITS[ext], `${name}${ext}: ${named}`).toContain(named);
          }
        }
      }),
    );
  });
});
