/**
 * Every relative link in README.md, ARCHITECTURE.md and docs/*.md leads somewhere: the file exists and, with a
 * `#fragment`, the file has a heading of that anchor (as GitHub makes them: lower case, punctuation dropped,
 * spaces as hyphens, a repeated heading suffixed -1, -2 …). The README's split into docs/ left nine links to
 * sections that had moved to other pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** GitHub's anchor of a heading's text. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown text's headings (outside code blocks). */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = anchorOf(m[1]!);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** The relative links of a Markdown text (not in code): target path and fragment. */
function linksOf(markdown: string): Array<{ path: string; fragment?: string }> {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const out: Array<{ path: string; fragment?: string }> = [];
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1]!;
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, fragment] = target.split('#', 2) as [string, string | undefined];
    out.push({ path, ...(fragment !== undefined ? { fragment } : {}) });
  }
  return out;
}

const PAGES = ['README.md', 'ARCHITECTURE.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe('the documentation\'s links', () => {
  it('makes GitHub\'s anchors', () => {
    expect(anchorOf('A full run: `main` at `59f8bb1`, 2026-12-02 18:03 UTC (2 × AMD EPYC)')).toBe('a-full-run-main-at-59f8bb1-2026-12-02-1803-utc-2--amd-epyc');
    expect(anchorOf('Districts and their communes, without codes')).toBe('districts-and-their-communes-without-codes');
    expect([...anchorsOf('# Tỷ lệ\n## Tỷ lệ\n```\n# not a heading\n```\n')]).toEqual(['tỷ-lệ', 'tỷ-lệ-1']);
  });

  it.each(PAGES)('%s: every relative link leads to a file and a heading', (page) => {
    const text = readFileSync(join(ROOT, page), 'utf8');
    const broken: string[] = [];
    for (const { path, fragment } of linksOf(text)) {
      const file = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), decodeURIComponent(path));
      if (!existsSync(file)) broken.push(`${path}: no such file`);
      else if (fragment !== undefined && file.endsWith('.md') && !anchorsOf(readFileSync(file, 'utf8')).has(decodeURIComponent(fragment)))
        broken.push(`${path}#${fragment}: no such heading in ${relative(ROOT, file)}`);
    }
    expect(broken).toEqual([]);
  });
});
