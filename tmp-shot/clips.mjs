import { chromium } from 'playwright-core';
const [,, file, prefix] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
await p.goto('file://' + file);
const h = await p.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < h; y += 900, i++) await p.screenshot({ path: `${prefix}-${i}.png`, clip: { x: 0, y, width: 1200, height: Math.min(900, h - y) }, fullPage: true });
console.log(h);
await b.close();
