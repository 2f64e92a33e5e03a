import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../src/inputs.js';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-inputs-'));
  const put = (p: string) => {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), 'x');
  };
  for (const p of [
    'submissions/b-huyen/annex.csv',
    'submissions/a-huyen/annex.xlsx',
    'submissions/a-huyen/~$annex.xlsx',
    'submissions/a-huyen/notes.txt',
    'submissions/a-huyen/UPPER.XLSM',
    'submissions/c.tsv',
    'submissions/.hidden/x.csv',
    'submissions/readme.md',
    'other/z.csv',
    'empty/.keep',
  ])
    put(p);
  symlinkSync(join(dir, 'submissions/c.tsv'), join(dir, 'other/link-to-c.tsv'));
  return dir;
}

const files = (inputs: Awaited<ReturnType<typeof expandInputs>>) => inputs.filter((i) => i.kind === 'file').map((i) => (i as { path: string }).path);

describe('expanding the inputs of a run', () => {
  const dir = tree();

  it('searches a directory for .csv, .tsv, .xlsx, .xlsm (any case), skipping lock files, hidden files and .txt', async () => {
    expect(files(await expandInputs(['submissions'], dir))).toEqual([
      'submissions/a-huyen/UPPER.XLSM',
      'submissions/a-huyen/annex.xlsx',
      'submissions/b-huyen/annex.csv',
      'submissions/c.tsv',
    ]);
  });

  it('expands glob patterns', async () => {
    expect(files(await expandInputs(['submissions/**/*.csv'], dir))).toEqual(['submissions/b-huyen/annex.csv']);
    expect(files(await expandInputs(['submissions/*/annex.*'], dir))).toEqual(['submissions/a-huyen/annex.xlsx', 'submissions/b-huyen/annex.csv']);
  });

  it('sorts everything and drops the same file given twice (also through ./ or a symbolic link)', async () => {
    const got = files(await expandInputs(['other', 'submissions/c.tsv', './submissions/c.tsv', 'submissions/**/*.tsv', 'other/z.csv'], dir));
    expect(got).toEqual(['./submissions/c.tsv', 'other/z.csv']);
  });

  it('keeps a file that does not exist (validate reports it), and an empty directory or pattern as such', async () => {
    const got = await expandInputs(['nope.csv', 'empty', 'submissions/**/*.ods'], dir);
    expect(got).toEqual([
      { kind: 'file', path: 'nope.csv' },
      { kind: 'empty', arg: 'empty', source: 'directory' },
      { kind: 'empty', arg: 'submissions/**/*.ods', source: 'glob' },
    ]);
  });

  it('takes a file as given whatever its extension', async () => {
    expect(files(await expandInputs(['submissions/a-huyen/notes.txt'], dir))).toEqual(['submissions/a-huyen/notes.txt']);
  });
  it('a series keeps the order given (the years), sorting only what a folder or pattern finds, still deduplicated', async () => {
    expect(files(await expandInputs(['submissions/c.tsv', 'other/z.csv', 'submissions/b-huyen', 'submissions/a-huyen/annex.xlsx', 'other/link-to-c.tsv'], dir, { order: 'given' }))).toEqual([
      'submissions/c.tsv',
      'other/z.csv',
      'submissions/b-huyen/annex.csv',
      'submissions/a-huyen/annex.xlsx',
    ]);
    expect(files(await expandInputs(['submissions/c.tsv', 'other/z.csv'], dir))).toEqual(['other/z.csv', 'submissions/c.tsv']);
  });
});
