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

  it('property: a name whose extension names a format is accepted for that format and refused for a format of other content', () => {
    const all = [...new Set<string>([...TABLE_FORMATS, ...FORMATS])];
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.constantFrom(...all), fc.stringMatching(/^[a-zà-ỹ0-9 _-]{1,12}$/), (named, asked, stem) => {
        const ext = { text: '.txt', markdown: '.md', csv: '.csv', xlsx: '.xlsx', docx: '.docx', html: '.html', json: '.json', sarif: '.sarif', junit: '.xml', gitlab: '.json', github: '.log' }[named]!;
        const file = `${stem}${ext}`;
        expect(refused(file, named, all)).toBeUndefined();
        // A plain-text name fits the text formats (not a workbook, a Word document, a page or JUnit's XML); a .json name the JSON ones.
        const plainText = (ext === '.txt' && ['text', 'markdown', 'csv', 'json', 'github'].includes(asked)) || (ext === '.log' && ['text', 'github'].includes(asked));
        const sameContent = plainText || asked === named || (ext === '.json' && ['json', 'sarif', 'gitlab'].includes(asked));
        expect(refused(file, asked, all) === undefined).toBe(sameContent);
      }),
    );
  });
});
