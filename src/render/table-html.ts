/**
 * The computed annex as one self-contained HTML page (`povcheck table --format html`): the same table
 * layout and styling as the validate report, numbers in the chosen format, every input text escaped.
 */
import { catalog } from '../messages/index.js';
import { html, joinHtml } from './html-escape.js';
import { layoutTableHtml, WIDE_MAX_UNITS } from './html-annex.js';
import { ANNEX_CSS, PAGE_CSS, htmlPage } from './html-page.js';
import { displayUnits } from './annex-layout.js';
import { layoutOf, type RenderOptions, type TableData } from './table-data.js';

export function renderTableHtml(data: TableData, opts: RenderOptions): string {
  // Many units do not fit an A4 landscape page as columns: lay them out as rows, as the report does.
  const transpose = !!opts.transpose || displayUnits(data).length > WIDE_MAX_UNITS;
  const layout = layoutOf(data, { ...opts, transpose });
  const title = opts.title ?? catalog(opts.lang).ui.html.annexTitle;
  return htmlPage({
    lang: opts.lang,
    title,
    css: PAGE_CSS + ANNEX_CSS,
    body: joinHtml([html`<h1>${title}</h1>\n`, layoutTableHtml(layout, { lang: opts.lang, ...(data.total ? { totalUnit: data.total.id } : {}) })]),
  });
}
