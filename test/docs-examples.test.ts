/**
 * Every command example in README.md and docs/*.md runs as written: each `povcheck …` line of their sh
 * blocks (continuation lines joined, `&&` chains and `>` redirections honoured, in document order) and each
 * command in README's table, in a folder holding the files the examples name (annex.csv, submissions/, the
 * fixtures …). A command must exit 0 or 1 (a table with errors is a result), or the code its comment states
 * ("exit 2"); never "unknown option", never an internal error. The CLI runs in this process (test/helpers.ts
 * `cli`); test/cli/colour.test.ts runs the built binary, and test:e2e the README's first command after
 * `npm install`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runExampleLine } from './helpers.js';

/** The files the examples name, made from the fixtures. */
const SANDBOX: Record<string, string> = {
  'annex.csv': 'tuyen-quang-2020.csv',
  'annex.xlsx': 'xlsx/annex-formatted.xlsx',
  'a.csv': 'tuyen-quang-2020.csv',
  'b.csv': 'planted/poor-end-transposed.csv',
  'b.txt': 'variants/unicode-text-utf16le.txt',
  'b.xlsx': 'xlsx/tuyen-quang-2020.xlsx',
  'old.csv': 'legacy/tcvn3.csv',
  'targets.json': 'targets/tuyen-quang-2020.json',
  '2020.csv': 'tuyen-quang-2020.csv',
  '2021.csv': 'series/tuyen-quang-2021.csv',
  '2022.csv': 'series/tuyen-quang-2022.csv',
  'units-map.json': 'series/units-map.json',
  'annexes/2020.xlsx': 'xlsx/tuyen-quang-2020.xlsx',
  'annexes/2021.xlsx': 'xlsx/tuyen-quang-2020.xlsx',
  'submissions/huyen-a/annex.csv': 'tuyen-quang-2020.csv',
  'submissions/huyen-b/annex.csv': 'planted/poor-end-transposed.csv',
  'submissions/huyen-c/annex.xlsx': 'xlsx/annex-formatted.xlsx',
  'plan.docx': 'plans/ke-hoach-giam-ngheo-2020.docx',
  'plan.txt': 'plans/ke-hoach-giam-ngheo-2020.txt',
};

/**
 * A folder with the fixtures (as in the clone) and, unless `bare`, the files the examples name as a user's
 * own (annex.csv, submissions/ …). README's examples and table/plan's run bare: as written, from the clone.
 */
function sandbox(bare: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-docs-'));
  for (const [dest, src] of Object.entries(bare ? {} : SANDBOX)) {
    mkdirSync(dirname(join(dir, dest)), { recursive: true });
    copyFileSync(join(FIXTURES, src), join(dir, dest));
  }
  symlinkSync(FIXTURES, join(dir, 'fixtures'));
  return dir;
}

interface Example {
  doc: string;
  line: string;
  /** The exit code the line's comment states, if it states one. */
  exit?: number;
}

/** The povcheck command lines of a document's sh blocks (README: also the examples of its commands table). */
function examples(doc: string): Example[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  const out: Example[] = [];
  let fence: string | undefined;
  let pending = '';
  for (const raw of text.split('\n')) {
    if (raw.startsWith('```')) {
      fence = fence === undefined ? raw.slice(3).trim() : undefined;
      continue;
    }
    if (fence === 'sh') {
      const line = pending + raw;
      if (line.trimEnd().endsWith('\\')) {
        pending = line.trimEnd().slice(0, -1) + ' ';
        continue;
      }
      pending = '';
      const comment = /\s#\s.*$/.exec(line)?.[0] ?? '';
      const command = line.slice(0, line.length - comment.length).trim();
      if (/^(npx )?povcheck |^npm install && npx povcheck /.test(command)) {
        const exit = /exit (\d)/.exec(comment)?.[1];
        out.push({ doc, line: command, ...(exit !== undefined ? { exit: Number(exit) } : {}) });
      }
    } else if (fence === undefined && doc === 'README.md' && raw.startsWith('| `')) {
      const m = /\| `(povcheck [^`<]*)` \|$/.exec(raw.trim());
      if (m) out.push({ doc, line: m[1]! });
    }
  }
  return out;
}

/** Documents whose examples need nothing but the clone. */
const BARE = new Set(['README.md', 'docs/table-plan-rate.md', 'docs/rules.md']);

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('every command example in README.md and docs/ runs as written', () => {
  const all = DOCS.flatMap(examples);

  it('finds the examples (README\'s commands table included)', () => {
    expect(all.filter((e) => e.doc === 'README.md').length).toBeGreaterThanOrEqual(7);
    expect(all.length).toBeGreaterThanOrEqual(50);
  });

  for (const doc of DOCS) {
    const list = examples(doc);
    if (list.length === 0) continue;
    it(`${doc}: ${list.length} commands`, async () => {
      const dir = sandbox(BARE.has(doc));
      for (const e of list) {
        const r = await runExampleLine(e.line, dir);
        expect(r.out, e.line).not.toMatch(/unknown option|internal error|too many arguments|missing required argument/);
        if (e.exit !== undefined) expect(r.code, `${e.line}\n${r.out.slice(0, 1500)}`).toBe(e.exit);
        else expect([0, 1], `${e.line}\n${r.out.slice(0, 1500)}`).toContain(r.code);
      }
    }, 120_000);
  }
});
