/**
 * `povcheck table --format html` printed by Chromium (playwright-core, /usr/bin/chromium or POVCHECK_CHROMIUM):
 * for the seed, the 148 communes of Phú Thọ, the 34 provinces and published shapes of table, laid out at the printed page's text width
 * with the print style sheet, no cell's content is wider than its cell (a word or number that did not fit would
 * overflow: the style sheet never breaks inside one), the table is no wider than the page, and the PDF has the
 * page size the style sheet asks for. The PDFs go to test-output/browser/ for people to look at.
 * Skipped without Chromium, required under CI=true (as html-report.test.ts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARGIN, MM, A4 } from '../../src/render/page-fit.js';
import { ROOT, cli } from '../helpers.js';

const CHROMIUM = process.env.POVCHECK_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const SHOTS = join(ROOT, 'test-output', 'browser');
/** CSS pixels per point. */
const PX = 96 / 72;

describe.skipIf(!HAVE_CHROMIUM)('the table document printed by Chromium', () => {
  let browser: Browser;
  let work = '';

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    work = mkdtempSync(join(tmpdir(), 'povcheck-table-print-'));
    mkdirSync(SHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ['seed', 'landscape', 'fixtures/calc/seed-base-counts.csv', []],
    ['communes', 'portrait', 'fixtures/calc/communes-phu-tho.csv', []],
    ['provinces', 'portrait', 'fixtures/calc/provinces-34.csv', []],
    ['communes-as-columns', 'landscape', 'fixtures/calc/communes-phu-tho.csv', ['--no-transpose']],
    // Published shapes (issue 16): blocks, gross flows under their group, "of which" rows, years as columns.
    ['binh-dinh-urban-rural', 'portrait', 'fixtures/published/review-2022-binh-dinh-urban-rural.csv', []],
    ['form-flows', 'landscape', 'fixtures/shapes/form-flows.csv', []],
    ['son-la-gross-flows', 'landscape', 'fixtures/published/review-2018-national-son-la-gross-flows.csv', []],
    ['bac-giang-years', 'landscape', 'fixtures/published/indicators-bac-giang-years-as-columns.csv', []],
  ] as const)('%s, A4 %s: every word and number whole in its cell, the table within the page', async (name, orientation, file, extra) => {
    const out = join(work, `${name}.html`);
    const r = await cli(['table', file, '--format', 'html', '-o', out, '--title', 'Phụ lục', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(out).href);
    await page.emulateMedia({ media: 'print' });
    const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
    const text = Math.floor((pageWidth - MARGIN.left - MARGIN.right) * PX);
    await page.setViewportSize({ width: text, height: 1000 });
    // Every word (a number is one) set in its cell's font is no wider than the cell's content box, and nothing overflows.
    const tooWide = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.whiteSpace = 'nowrap';
      probe.style.position = 'absolute';
      const out: string[] = [];
      for (const c of document.querySelectorAll<HTMLElement>('table.annex th, table.annex td')) {
        const cs = getComputedStyle(c);
        probe.style.font = cs.font;
        const room = c.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        const whole = cs.whiteSpace === 'nowrap' ? [c.textContent ?? ''] : (c.textContent ?? '').split(/\s+/);
        for (const w of whole.filter(Boolean)) {
          probe.textContent = w;
          if (probe.getBoundingClientRect().width > room + 0.5) out.push(`"${w}" in "${c.textContent}": ${probe.getBoundingClientRect().width.toFixed(1)} > ${room.toFixed(1)}`);
        }
        if (c.scrollWidth > c.clientWidth + 1) out.push(`"${c.textContent}" overflows`);
      }
      probe.remove();
      return out;
    });
    expect(tooWide).toEqual([]);
    const widest = await page.evaluate(() => Math.max(...[...document.querySelectorAll('table.annex')].map((t) => t.getBoundingClientRect().width)));
    expect(widest).toBeLessThanOrEqual(text + 1);
    const pdf = join(SHOTS, `table-${name}.pdf`);
    // The bytes this run printed (the file is for people, and a second run beside this one may write it too).
    const printed = await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.close();
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(printed.toString('latin1'))!;
    const [w, h] = [Number(box[1]), Number(box[2])];
    expect(Math.round(Math.max(w, h) / MM)).toBe(297);
    expect(w > h ? 'landscape' : 'portrait').toBe(orientation);
  }, 60_000);
});
