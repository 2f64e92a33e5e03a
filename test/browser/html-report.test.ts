/**
 * The HTML report in a real browser: playwright-core drives Debian's Chromium (/usr/bin/chromium, or
 * POVCHECK_CHROMIUM). Reports are made by the built binary, opened from file:// URLs, and checked in the DOM:
 * the planted error's cell is highlighted and carries its message, the chart is drawn, nothing is
 * requested from anywhere, the console stays clean, input text stays text, and the seed's table fits an A4
 * landscape page. Screenshots and a PDF go to test-output/browser/ for people to look at.
 *
 * Without Chromium these tests are skipped with the reason; under CI=true they run (and fail without it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A4_LANDSCAPE_CONTENT_PX } from '../../src/render/html-page.js';
import { cli, fixtures, ROOT } from '../helpers.js';

const CHROMIUM = process.env.POVCHECK_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const UNDER_CI = ['true', '1'].includes((process.env.CI ?? '').toLowerCase());
const RUN = HAVE_CHROMIUM || UNDER_CI;
const SKIP_REASON = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set POVCHECK_CHROMIUM); under CI=true they run`;
if (!RUN) console.warn(`[povcheck] browser tests skipped: ${SKIP_REASON}`);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SHOTS = join(ROOT, 'test-output', 'browser');
const PLANTED = 'fixtures/planted/poor-end-transposed.csv';
const SEED = 'fixtures/tuyen-quang-2020.csv';

interface Opened {
  page: Page;
  url: string;
  /** Console errors and warnings, uncaught exceptions. */
  problems: string[];
  /** Every request the page made, the report itself included. */
  requests: string[];
  /** alert(), confirm(), prompt() */
  dialogs: string[];
}

// Visible in the test list: why the browser tests did not run here.
if (!RUN) it.skip(`browser tests skipped: ${SKIP_REASON}`, () => {});
// Under CI the browser tests are required: a missing Chromium is a failure, not a skip.
if (UNDER_CI) {
  it('CI=true: Chromium is there for the browser tests', () => {
    expect(HAVE_CHROMIUM, SKIP_REASON).toBe(true);
  });
}

describe.skipIf(!HAVE_CHROMIUM)('the HTML report in Chromium', () => {
  let ctx: BrowserContext;
  let profile = '';
  let work = '';

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'povcheck-chromium-profile-'));
    work = mkdtempSync(join(tmpdir(), 'povcheck-browser-'));
    mkdirSync(SHOTS, { recursive: true });
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    for (const d of [profile, work]) if (d) rmSync(d, { recursive: true, force: true });
  });

  /** Runs povcheck (in this process: the page is the point, not the binary) to write an HTML report; returns its path. */
  async function report(name: string, args: string[]): Promise<string> {
    const out = join(work, name);
    const r = await cli([...args, '--format', 'html', '-o', out]);
    expect(r.code, r.stderr).toBeLessThan(2);
    return out;
  }

  async function open(file: string): Promise<Opened> {
    const url = pathToFileURL(file).href;
    const page = await ctx.newPage();
    const o: Opened = { page, url, problems: [], requests: [], dialogs: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') o.problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => o.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      o.dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => o.requests.push(r.url()));
    // Anything but the report itself is recorded above and never reaches the network.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    return o;
  }

  function expectQuiet(o: Opened) {
    expect(o.problems).toEqual([]);
    expect(o.requests).toEqual([o.url]);
    expect(o.dialogs).toEqual([]);
  }

  it('the checks themselves notice a request, a console error and a dialog', async () => {
    const file = join(work, 'noisy.html');
    writeFileSync(file, '<!DOCTYPE html><title>x</title><img src="http://192.0.2.1/x.png"><script>console.error("boom");alert("hi")</script>');
    const o = await open(file);
    await o.page.waitForTimeout(100);
    expect(o.requests).toContain('http://192.0.2.1/x.png');
    expect(o.problems.join('\n')).toContain('boom');
    expect(o.dialogs).toEqual(['hi']);
    await o.page.close();
  });

  it.each(['vi', 'en'] as const)(
    "planted error (%s): the cell is highlighted with its message, on hover and click; the chart is drawn; no requests, no console errors",
    async (lang) => {
      const json = JSON.parse((await cli(['validate', PLANTED, '--format', 'json', '--lang', lang])).stdout) as {
        files: Array<{ findings: Array<{ cell: string | null; rule: string; message: string }> }>;
      };
      const message = json.files[0]!.findings.find((f) => f.cell === 'I6' && f.rule === 'flow')!.message;
      const o = await open(await report(`planted.${lang}.html`, ['validate', PLANTED, '--lang', lang]));
      const { page } = o;
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);

      const styleOf = (ref: string) =>
        page.locator(`table.annex [data-ref="${ref}"]`).evaluate((el) => {
          const cs = getComputedStyle(el);
          return {
            cls: el.className,
            title: el.getAttribute('title'),
            text: el.textContent,
            outline: cs.outlineStyle,
            background: cs.backgroundColor,
            pattern: cs.backgroundImage,
          };
        });
      const flagged = await styleOf('I6');
      expect(flagged.cls).toContain('sev-error');
      expect(flagged.outline).toBe('solid');
      expect(flagged.background).not.toBe('rgba(0, 0, 0, 0)');
      expect(flagged.pattern).toContain('repeating-linear-gradient'); // hatching for black-and-white print
      // The cell is also the likely cause (error localisation): the proposed value shows beside it.
      expect(flagged.cls).toContain('cause');
      expect(flagged.text).toBe(`✖${lang === 'vi' ? 'lỗi' : 'error'}: ${lang === 'vi' ? '4.963→ 4.693' : '4,963→ 4,693'}`);
      expect(flagged.title).toBe(`✖ ${message}\n${lang === 'vi' ? 'Nguyên nhân có thể; đề xuất: 4.693' : 'Likely cause; proposed: 4,693'}`); // the browser's hover text
      const plain = await styleOf('H6');
      expect(plain).toMatchObject({ outline: 'none', background: 'rgba(0, 0, 0, 0)', pattern: 'none', title: null });
      const warned = await styleOf('D9');
      expect(warned.outline).toBe('dashed');

      // Click: the pop-up shows the cell's finding; Escape closes it.
      await page.locator('td[data-ref="I6"]').click();
      const pop = page.locator('#pop');
      expect(await pop.isVisible()).toBe(true);
      expect(await pop.innerText()).toContain(message);
      await page.screenshot({ path: join(SHOTS, `planted.${lang}.popup.png`), clip: { x: 0, y: 0, width: 1280, height: 700 } });
      await page.keyboard.press('Escape');
      expect(await pop.isVisible()).toBe(false);

      // The finding in the list links back to its cell.
      await page.locator('li.finding a[href="#c0-I6"]').first().click();
      expect(await page.evaluate(() => document.querySelector(':target')?.getAttribute('data-ref'))).toBe('I6');

      // The chart: 8 units × 2 bars, total first, values labelled in the chosen format.
      const chart = await page.evaluate(() => {
        const svg = document.querySelector('svg.chart')!;
        const r = svg.getBoundingClientRect();
        return {
          width: r.width,
          height: r.height,
          bars: [...svg.querySelectorAll('rect.bar')].filter((b) => b.getBoundingClientRect().width > 0).length,
          units: [...svg.querySelectorAll('text.unit')].map((t) => t.textContent),
          values: [...svg.querySelectorAll('text.value')].map((t) => t.textContent),
        };
      });
      expect(chart.width).toBeGreaterThan(600);
      expect(chart.height).toBeGreaterThan(250);
      expect(chart.bars).toBe(16);
      expect(chart.units[0]).toBe('Toàn tỉnh');
      expect(chart.units).toHaveLength(8);
      expect(chart.values).toContain(lang === 'vi' ? '13,56 ✖' : '13.56 ✖');

      await page.screenshot({ path: join(SHOTS, `planted.${lang}.png`), fullPage: true });
      expectQuiet(o);
      await page.close();
    },
  );

  it('shows a <script> label and other markup from the input as text, and runs none of it', async () => {
    const units = ['Toàn tỉnh', '<script>alert(1)</script>', '<img src=x onerror=alert(2)>', ...fixtures.UNITS.slice(3)];
    const records = fixtures.wideRecords(fixtures.SEED, { units });
    records.push(['7', '<script>alert(3)</script>', 'Hộ', ...units.map(() => '1'), '']);
    const csv = join(work, 'script-label.csv');
    writeFileSync(csv, fixtures.serialize(records));
    const o = await open(await report('script-label.html', ['validate', csv, '--lang', 'en']));
    const dom = await o.page.evaluate(() => ({
      scripts: document.scripts.length,
      images: document.images.length,
      head: [...document.querySelectorAll('table.annex thead th')].map((th) => th.textContent),
      chartUnits: [...document.querySelectorAll('svg.chart text.unit')].map((t) => t.textContent),
      text: document.body.innerText,
    }));
    expect(dom.scripts).toBe(1); // povcheck's own
    expect(dom.images).toBe(0);
    expect(dom.head).toContain('<script>alert(1)</script>');
    expect(dom.head).toContain('<img src=x onerror=alert(2)>');
    expect(dom.chartUnits).toContain('<script>alert(1)</script>');
    expect(dom.text).toContain('"<script>alert(3)</script>" is not a known indicator');
    await o.page.locator('table.annex').screenshot({ path: join(SHOTS, 'script-label.png') });
    expectQuiet(o);
    await o.page.close();
  });

  /** Widths of the annex at the current viewport and media. */
  const fit = (page: Page) =>
    page.evaluate(() => {
      const wrap = document.querySelector('.annex-wrap')!;
      const cells = [...wrap.querySelectorAll('th, td')];
      return {
        scrollWidth: wrap.scrollWidth,
        clientWidth: wrap.clientWidth,
        right: Math.max(...cells.map((c) => c.getBoundingClientRect().right)),
        page: document.documentElement.clientWidth,
        documentWidth: document.documentElement.scrollWidth,
        smallestFontPx: Math.min(...cells.map((c) => parseFloat(getComputedStyle(c).fontSize))),
        transposed: wrap.querySelector('table')!.classList.contains('transposed'),
      };
    });

  it("fits the seed report's table to the width of an A4 landscape page, in legible type", async () => {
    const o = await open(await report('seed.vi.html', ['validate', SEED]));
    const { page } = o;
    // Printed: A4 landscape, 10 mm margins → 1047 CSS px of printable width.
    await page.setViewportSize({ width: A4_LANDSCAPE_CONTENT_PX, height: 718 });
    await page.emulateMedia({ media: 'print' });
    const printed = await fit(page);
    expect(printed.transposed).toBe(false);
    expect(printed.scrollWidth).toBeLessThanOrEqual(printed.clientWidth);
    expect(printed.right).toBeLessThanOrEqual(printed.page);
    expect(printed.documentWidth).toBeLessThanOrEqual(printed.page);
    expect(printed.smallestFontPx).toBeGreaterThanOrEqual(12); // 9 pt
    await page.screenshot({ path: join(SHOTS, 'seed.a4-landscape.print.png') });
    const pdf = join(SHOTS, 'seed.a4-landscape.pdf');
    // The bytes this run printed (the file is for people, and a second run beside this one may write it too).
    const pdfBytes = await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    // A4 landscape in points: 842 × 595.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdfBytes.toString('latin1'));
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);

    // On screen, an A4 landscape sized window (1123 × 794 px) shows it without scrolling sideways.
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1123, height: 794 });
    const screen = await fit(page);
    expect(screen.scrollWidth).toBeLessThanOrEqual(screen.clientWidth);
    expect(screen.documentWidth).toBeLessThanOrEqual(screen.page);
    await page.screenshot({ path: join(SHOTS, 'seed.a4-landscape.screen.png') });
    expectQuiet(o);
    await page.close();
  });

  it('puts many units in rows so that the table still fits the page', async () => {
    const units = ['Toàn huyện', ...Array.from({ length: 30 }, (_, i) => `Xã Thượng Lâm Bình số ${i + 1}`)];
    const data = fixtures.cloneData();
    for (const k of Object.keys(data)) data[k] = units.map((_, i) => data[k]![i % 8]!);
    const csv = join(work, 'many.csv');
    writeFileSync(csv, fixtures.serialize(fixtures.wideRecords(data, { units })));
    const o = await open(await report('many.html', ['validate', csv]));
    await o.page.setViewportSize({ width: A4_LANDSCAPE_CONTENT_PX, height: 718 });
    await o.page.emulateMedia({ media: 'print' });
    const printed = await fit(o.page);
    expect(printed.transposed).toBe(true);
    expect(printed.scrollWidth).toBeLessThanOrEqual(printed.clientWidth);
    expect(printed.right).toBeLessThanOrEqual(printed.page);
    await o.page.screenshot({ path: join(SHOTS, 'many-units.a4-landscape.print.png') });
    expectQuiet(o);
    await o.page.close();
  });
});
