/**
 * One self-contained HTML document: inline CSS (and optionally a small inline script), no fonts, images or
 * scripts from anywhere else. A Content-Security-Policy allows exactly the page's own style and script (by
 * their SHA-256) and nothing else, so the page makes no network request, and text that slipped through
 * escaping could still not run. Works offline, from a file:// URL and as an e-mail attachment.
 *
 * `ANNEX_CSS` styles the annex table of `html-annex.ts` (screen and print); `PAGE_CSS` the page around it.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../model/lang.js';
import { escapeHtml, type SafeHtml } from './html-escape.js';

/** A4 landscape with 10 mm margins: the printable width is 277 mm = 1047 CSS px (96 px per inch). */
export const PAGE_MARGIN_MM = 10;
export const A4_LANDSCAPE_CONTENT_PX = Math.floor(((297 - 2 * PAGE_MARGIN_MM) / 25.4) * 96);

export interface PageOptions {
  lang: Lang;
  title: string;
  /** The page's CSS, written by povcheck (never input text). */
  css: string;
  body: SafeHtml;
  /** A small inline script, written by povcheck (never input text). */
  script?: string;
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export function htmlPage(o: PageOptions): string {
  const csp = [
    "default-src 'none'",
    `style-src ${sha256(o.css)}`,
    `script-src ${o.script ? sha256(o.script) : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html lang="${o.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="povcheck">',
    `<title>${escapeHtml(o.title)}</title>`,
    `<style>${o.css}</style>`,
    '</head>',
    '<body>',
    o.body.value,
    ...(o.script ? [`<script>${o.script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The page: fonts that carry Vietnamese, A4 landscape print, colours kept when printing. */
export const PAGE_CSS = `
:root{--ink:#1b1b1b;--muted:#555b62;--line:#b9bfc6;--head:#eef1f5;--accent:#1f3b73;
--err:#b3261e;--err-bg:#fde4e2;--warn:#7a5900;--warn-bg:#fff1c2;--info:#1d5a94;--info-bg:#e2effb;--ok:#1e6b35}
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0 auto;max-width:1400px;padding:16px 20px 40px;color:var(--ink);background:#fff;
font:14px/1.45 "Segoe UI","Noto Sans","DejaVu Sans","Liberation Sans",Roboto,Arial,sans-serif}
h1{font-size:21px;margin:0 0 2px}
h2{font-size:18px;margin:0 0 6px}
h3{font-size:15px;margin:18px 0 6px}
a{color:var(--accent)}
.muted{color:var(--muted)}
.small{font-size:12px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@page{size:A4 landscape;margin:${PAGE_MARGIN_MM}mm}
@media print{
body{max-width:none;padding:0;font-size:9.5pt}
.no-print{display:none!important}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
}
`;

/** The annex table: fits the width it is given; severity shown by colour, outline style and a symbol. */
export const ANNEX_CSS = `
.annex-wrap{overflow-x:auto;max-width:100%}
table.annex{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:13px}
table.annex.fit-s{font-size:12px}
table.annex.fit-xs{font-size:11px}
table.annex th,table.annex td{border:1px solid var(--line);padding:3px 6px;vertical-align:middle}
table.annex thead th{background:var(--head);font-weight:600;text-align:center;overflow-wrap:break-word;hyphens:manual}
table.annex td.num{text-align:right;white-space:nowrap}
table.annex .stt,table.annex .measure{text-align:center;white-space:nowrap}
table.annex .label,table.annex td.unit{text-align:left}
table.annex tbody th{font-weight:400;text-align:left}
table.annex tbody th.stt{text-align:center}
table.annex .heading{font-weight:600}
table.annex.transposed tbody th.unit{min-width:13em}
table.annex .total{font-weight:700}
table.annex .sev-error,.key.sev-error{background:repeating-linear-gradient(135deg,transparent 0 5px,rgba(179,38,30,.14) 5px 7px),var(--err-bg);outline:2px solid var(--err);outline-offset:-2px}
table.annex .sev-warning,.key.sev-warning{background:var(--warn-bg);outline:2px dashed var(--warn);outline-offset:-2px}
/* An info explains, it does not flag: a thin dotted outline and its symbol, no fill (a correct table stays quiet). */
table.annex .sev-info,.key.sev-info{outline:1px dotted var(--info);outline-offset:-2px}
table.annex .cause,.key.cause{box-shadow:inset 0 -4px 0 var(--ink)}
table.annex a.flag{color:inherit;text-decoration:none;display:block}
table.annex a.flag:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
table.annex td.open,table.annex th.open,table.annex :target{outline:3px solid var(--accent);outline-offset:-3px}
.sym{font-weight:700;margin-right:.2em}
.sym-error{color:var(--err)}
.sym-warning{color:var(--warn)}
.sym-info{color:var(--info)}
.proposed{display:block;font-size:.9em;font-weight:600}
@media print{
.annex-wrap{overflow:visible}
table.annex{font-size:9pt}
table.annex.fit-s{font-size:8pt}
table.annex.fit-xs{font-size:7pt}
table.annex th,table.annex td{padding:2px 4px}
table.annex thead{display:table-header-group}
table.annex tr{break-inside:avoid}
}
`;
