/**
 * Text from the input written into the data outputs (CSV, Markdown, HTML) carries no control character a terminal
 * acts on: a unit named `\x1b[2J` cleared the screen of whoever printed `table --format csv|markdown` or
 * `validate --format markdown` (the text reports and the tables drawn in boxes were safe already). Controls are
 * written as their pictures (ESC → ␛); Markdown link brackets are escaped (a name could put a link in a CI summary).
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvSafeText } from '../../src/render/csv.js';
import { escapeHtml } from '../../src/render/html-escape.js';
import { mdCell } from '../../src/render/markdown.js';
import { cli, ROOT } from '../helpers.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('control characters in data outputs', () => {
  it('are shown as their pictures in a CSV cell, an HTML text and a Markdown cell', () => {
    expect(csvSafeText('\u001b[31mRED\u001b[0m')).toBe('␛[31mRED␛[0m');
    expect(csvSafeText('=HYPERLINK("x")\u0007')).toBe("'=HYPERLINK(\"x\")␇");
    expect(csvSafeText('Xã A\nghi chú')).toBe('Xã A\nghi chú');
    expect(escapeHtml('<b>\u001b]0;t\u0007</b>')).toBe('&lt;b&gt;␛]0;t␇&lt;/b&gt;');
    expect(mdCell('\u001b[2J [x](http://e.vn)')).toBe('␛\\[2J \\[x\\](http://e.vn)');
    // Emphasis and code marks are text: a formula's two asterisks do not italicise what lies between them.
    expect(mdCell('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mdCell('=ROUND(C4*100/B4*1,2) Xã_A `x` ~y~')).toBe('=ROUND(C4\\*100/B4\\*1,2) Xã\\_A \\`x\\` \\~y\\~');
  });

  it('never reach the terminal from table --format csv|markdown or validate --format markdown|html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-controls-'));
    const file = join(dir, 'ansi.csv');
    // The seed with two districts renamed (a file mostly of controls is binary data, refused).
    const seed = readFileSync(join(ROOT, 'fixtures/tuyen-quang-2020.csv'), 'utf8');
    writeFileSync(file, seed.replace('Na Hang', '\u001b[2J\u001b[HXã A').replace('Lâm Bình', 'Xã \u009b31mB'));
    for (const args of [['table', file, '--format', 'csv'], ['table', file, '--format', 'markdown'], ['validate', file, '--format', 'markdown']]) {
      const r = await cli(args);
      expect(r.stdout, args.join(' ')).toContain('Xã A');
      expect(CONTROL.test(r.stdout.replace(/\r\n/g, '\n').replace(/\n/g, '')), args.join(' ')).toBe(false);
    }
    const out = join(dir, 'r.html');
    await cli(['validate', file, '--format', 'html', '-o', out]);
    expect(CONTROL.test(readFileSync(out, 'utf8').replace(/[\r\n\t]/g, ''))).toBe(false);
  });
});
