import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, walkFolder } from '../src/inputs.js';

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

describe('a folder run never skips a table silently', () => {
  function submissions(): string {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-folder-'));
    const put = (p: string, content: string | Buffer = 'x') => {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), content);
    };
    put('submissions/huyen-a/annex.csv');
    put('submissions/huyen-b/annex.xls');
    put('submissions/x.ods');
    put('submissions/ke-hoach.pdf');
    put('submissions/ke-hoach.doc');
    put('submissions/bang.numbers');
    put('submissions/README.md');
    put('submissions/ghi-chu.txt', 'Ghi chú: nộp trước ngày 15.\n');
    put('submissions/unicode-text.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    put('submissions/tab-export.txt', 'Chỉ tiêu\tToàn tỉnh\nTổng số hộ đầu năm\t210299\n');
    put('submissions/photo.png');
    // Links: to a file outside the folder, to a folder inside it (the same files again), back up the tree (a loop), nowhere.
    put('elsewhere/linked.csv');
    symlinkSync(join(dir, 'elsewhere/linked.csv'), join(dir, 'submissions/link-to-file.csv'));
    symlinkSync(join(dir, 'submissions/huyen-a'), join(dir, 'submissions/alias-of-huyen-a'));
    symlinkSync(join(dir, 'submissions'), join(dir, 'submissions/huyen-a/loop'));
    symlinkSync(join(dir, 'submissions/nowhere.csv'), join(dir, 'submissions/dangling.csv'));
    return dir;
  }
  const dir = submissions();

  it('lists every table and document it does not read, follows links once, leaves notes and images out of the files', async () => {
    expect(files(await expandInputs(['submissions'], dir))).toEqual([
      'submissions/bang.numbers',
      'submissions/dangling.csv',
      'submissions/huyen-a/annex.csv',
      'submissions/huyen-b/annex.xls',
      'submissions/ke-hoach.doc',
      'submissions/ke-hoach.pdf',
      'submissions/link-to-file.csv',
      'submissions/tab-export.txt',
      'submissions/unicode-text.txt',
      'submissions/x.ods',
    ]);
  });

  it('names each .txt it passes over (not like a text export), after the files, unless the run checks it after all', async () => {
    const passed = (inputs: Awaited<ReturnType<typeof expandInputs>>) => inputs.filter((i) => i.kind === 'passed-over').map((i) => (i as { path: string }).path);
    const all = await expandInputs(['submissions'], dir);
    expect(passed(all)).toEqual(['submissions/ghi-chu.txt']);
    expect(all.at(-1)).toEqual({ kind: 'passed-over', path: 'submissions/ghi-chu.txt' });
    // Named as well, it is checked (whatever its name), so not passed over; a pattern takes every file it matches.
    const named = await expandInputs(['submissions', 'submissions/ghi-chu.txt'], dir);
    expect(files(named)).toContain('submissions/ghi-chu.txt');
    expect(passed(named)).toEqual([]);
    expect(passed(await expandInputs(['submissions/*.txt'], dir))).toEqual([]);
    // README.md and images are not tables of any kind: left alone, not named.
    expect(passed(all).some((p) => p.endsWith('.md') || p.endsWith('.png'))).toBe(false);
  });

  it('a glob follows links too (a broken one is listed: the reader says why), and a file reached twice is checked once, by its direct path', async () => {
    expect(files(await expandInputs(['submissions/**/*.csv'], dir))).toEqual(['submissions/dangling.csv', 'submissions/huyen-a/annex.csv', 'submissions/link-to-file.csv']);
  });

  it('knows the real path of every file that is no link as the system gives it, also under a folder reached through a link', () => {
    symlinkSync(join(dir, 'submissions'), join(dir, 'via-link'));
    for (const root of [join(dir, 'submissions'), join(dir, 'via-link')]) {
      const walked = walkFolder(root);
      const links = ['dangling.csv', 'link-to-file.csv'];
      expect([...walked.real.keys()].sort()).toEqual(walked.files.filter((r) => !links.includes(r)).sort());
      for (const [rel, real] of walked.real) expect(real).toBe(realpathSync.native(join(root, rel)));
    }
  });

  it('checks a file reached through a linked folder and directly once, by its direct path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'povcheck-inputs-'));
    mkdirSync(join(root, 'a'));
    for (const f of ['x.csv', 'y.csv']) writeFileSync(join(root, 'a', f), 'x');
    symlinkSync(join(root, 'a'), join(root, 'l'));
    expect(files(await expandInputs(['l', 'a/x.csv'], root))).toEqual(['a/x.csv', 'l/y.csv']);
    expect(files(await expandInputs(['l', 'a'], root))).toEqual(['a/x.csv', 'a/y.csv']);
  });
});
