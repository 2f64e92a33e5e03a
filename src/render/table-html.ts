/**
 * The computed annex as one self-contained HTML page (`povcheck table --format html`): the same table and
 * styling as the validate report, with the documents' header (groups merged over their columns, the
 * column-number row), numbers in the chosen format, every input text escaped. Printed, it is laid out as the
 * docx is (page-fit.ts): A4 turned the way the table fits, Times New Roman at the fitted size, the header rows
 * repeated on every page, page numbers at the top centre from the second page, a table too wide for the page
 * split into parts with the naming columns repeated.
 */
import { catalog } from '../messages/index.js';
import { html, joinHtml } from './html-escape.js';
import { layoutTableHtml } from './html-annex.js';
import { ANNEX_CSS, PAGE_CSS, htmlPage } from './html-page.js';
import { MARGIN, MM, fitTable, type Fit } from './page-fit.js';
import { documentLines, layoutOf, type RenderOptions, type TableData } from './table-data.js';

const mm = (pt: number) => `${(pt / MM).toFixed(1)}mm`;

/** Each part's column widths, as shares of the page width (the widths page-fit.ts measured). */
function columnCss(fit: Fit): string {
  return fit.parts
    .map((part, i) => {
      const total = part.widths.reduce((a, b) => a + b, 0);
      const cols = part.widths.map((w, k) => `#${partId(i)} col:nth-child(${k + 1}){width:${((w / total) * 100).toFixed(2)}%}`);
      return [`#${partId(i)}{table-layout:fixed}`, ...cols].join('\n');
    })
    .join('\n');
}

const partId = (i: number) => `annex-part-${i + 1}`;

/** Print rules of the table document (after PAGE_CSS and ANNEX_CSS, which they refine). */
export function documentCss(fit: Fit): string {
  return `${columnCss(fit)}
.doc-title{text-align:center;font-size:17px;margin:0 0 2px}
.doc-date{text-align:center;font-style:italic;margin:0 0 8px}
.doc-unit{text-align:right;font-style:italic;margin:8px 0 2px}
.doc-continued{font-style:italic;margin:14px 0 2px}
.doc-source{font-style:italic;margin:6px 0 0}
table.annex th,table.annex td{overflow-wrap:normal;word-break:normal;hyphens:none}
table.annex thead th,table.annex thead th.label{overflow-wrap:normal;text-align:center}
table.annex .stt,table.annex .measure,table.annex td.colnum{white-space:nowrap}
table.annex tr.colnum td{text-align:center;font-weight:400}
table.annex tr.row-total th,table.annex tr.row-total td{font-weight:700;background:#ededed}
table.annex tr.row-subtotal th,table.annex tr.row-subtotal td,table.annex tr.row-heading th{font-weight:700}
table.annex tr.indent-1 th.label,table.annex tr.indent-1 th.unit{padding-left:1.2em}
table.annex tr.indent-2 th.label,table.annex tr.indent-2 th.unit{padding-left:2.4em}
table.annex tr.indent-3 th.label,table.annex tr.indent-3 th.unit{padding-left:3.6em}
table.annex tr.indent-4 th.label,table.annex tr.indent-4 th.unit{padding-left:4.8em}
@page{size:A4 ${fit.orientation};margin:${mm(MARGIN.top)} ${mm(MARGIN.right)} ${mm(MARGIN.bottom)} ${mm(MARGIN.left)};@top-center{content:counter(page)}}
@page :first{@top-center{content:none}}
@media print{
body{font-family:"Times New Roman","Liberation Serif",Tinos,"Nimbus Roman",serif}
.doc-title{font-size:${fit.fontPt + 2}pt}
.doc-date,.doc-unit,.doc-continued,.doc-source{font-size:${fit.fontPt}pt}
table.annex,table.annex.fit-s,table.annex.fit-xs{font-size:${fit.fontPt}pt;width:100%}
table.annex th,table.annex td{padding:1pt 3pt;line-height:1.25}
thead{display:table-header-group}
tr{break-inside:avoid}
.doc-unit,.doc-continued{break-after:avoid}
}
`;
}

export function renderTableHtml(data: TableData, opts: RenderOptions): string {
  const layout = layoutOf(data, opts, { grouped: true });
  const fit = fitTable(layout);
  const lines = documentLines(layout, opts, data.year);
  // The page needs a name (its <title>); the document prints a title only when one is given, as docx and xlsx do.
  const title = opts.title ?? catalog(opts.lang).ui.html.annexTitle;
  const continued = catalog(opts.lang).calc.continued;
  const tables = fit.parts.map((part, i) =>
    joinHtml([
      i > 0 ? html`<p class="doc-continued">${continued}</p>\n` : '',
      lines.unitLine ? html`<p class="doc-unit">${lines.unitLine}</p>\n` : '',
      layoutTableHtml(layout, { lang: opts.lang, rowClasses: true, tableId: partId(i), ...(fit.parts.length > 1 ? { columns: part.columns } : {}), ...(data.total ? { totalUnit: data.total.id } : {}) }),
      html`\n`,
    ]),
  );
  return htmlPage({
    lang: opts.lang,
    title,
    css: PAGE_CSS + ANNEX_CSS + documentCss(fit),
    body: joinHtml([
      opts.title !== undefined ? html`<h1 class="doc-title">${opts.title}</h1>\n` : '',
      lines.date ? html`<p class="doc-date">${lines.date}</p>\n` : '',
      ...tables,
      lines.source ? html`<p class="doc-source">${lines.source}</p>\n` : '',
    ]),
  });
}
