/**
 * The annex as an HTML table, from the shared layout (`annex-layout.ts`): the seed's layout (units as
 * columns, total first) or, for many units, transposed (units as rows), so that the table always fits the
 * width of an A4 landscape page. Values are written in the chosen language's number format (the digits as
 * read, never recomputed); text that does not parse as a number is shown as typed.
 *
 * Cells can carry marks (from the validate report: severity, hover text, the findings they link to, a
 * proposed value). Everything from the input is escaped. Pure: no I/O.
 *
 * `povcheck table --format html` can call `annexTableHtml(annex, { lang })` for an annex, or
 * `layoutTableHtml(layout)` for a layout built from computed values, and wrap it with `htmlPage` and
 * `ANNEX_CSS` (or call `annexDocument`).
 */
import type { Annex, Unit } from '../model/annex.js';
import { isCoreIndicator, type Indicator } from '../model/indicators.js';
import { layoutAsRead } from './shaped-layout.js';
import type { Severity } from '../model/finding.js';
import { catalog, formatPlain } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import { a1, displayRef } from '../model/grid.js';
import { WIDE_MAX_UNITS, displayUnits, type AnnexLayout, type HeadCell, type LayoutCell } from './annex-layout.js';
import { partHead } from './page-fit.js';
import { html, htmlId, joinHtml, raw, type SafeHtml } from './html-escape.js';
import { ANNEX_CSS, PAGE_CSS, htmlPage } from './html-page.js';

export { WIDE_MAX_UNITS };

export const SEVERITY_SYMBOL: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** What the validate report attaches to a cell of the input. */
export interface CellMark {
  /** The worst severity of the cell's findings. */
  severity?: Severity;
  /** Hover text (the findings' messages), plain text. */
  title?: string;
  /** Element ids of the findings the cell carries; the first is the link target without script. */
  findingIds?: string[];
  /** A likely cause: the proposed value(s), already formatted. */
  proposed?: string;
}

export interface LayoutTableOptions {
  lang: Lang;
  /** Element id of a layout cell (so findings can link to it), if it has one. */
  idOf?: (cell: LayoutCell) => string | undefined;
  /** The input cell reference behind a layout cell, written as `data-ref`. */
  refOf?: (cell: LayoutCell) => string | undefined;
  markOf?: (cell: LayoutCell) => CellMark | undefined;
  /** Id of the total unit, whose cells are bold. */
  totalUnit?: number;
  caption?: string;
  /** Only these columns (one part of a table split to fit the page width). */
  columns?: readonly number[];
  /** Classes on the rows by kind and indent, and on the total's column (the table document). */
  rowClasses?: boolean;
  /** The table's element id; with it, a `<colgroup>` whose columns a style sheet can size. */
  tableId?: string;
}

/** Font size class by number of columns, so that wide tables still fit the page. */
export function fitClass(columns: number): 'fit-m' | 'fit-s' | 'fit-xs' {
  return columns <= 11 ? 'fit-m' : columns <= 13 ? 'fit-s' : 'fit-xs';
}

function cellClass(c: LayoutCell, numeric: boolean, total: boolean, mark: CellMark | undefined): string {
  const cls: string[] = [c.kind];
  if (numeric) cls.push('num');
  if (total) cls.push('total');
  if (mark?.severity) cls.push(`sev-${mark.severity}`);
  if (mark?.proposed) cls.push('cause');
  return cls.join(' ');
}

function cellHtml(tag: 'td' | 'th', c: LayoutCell, o: LayoutTableOptions, extra: { scope?: string; colSpan?: number; rowSpan?: number; cls?: string }): SafeHtml {
  const mark = o.markOf?.(c);
  const id = o.idOf?.(c);
  const ref = o.refOf?.(c);
  const total = o.totalUnit !== undefined && c.unit === o.totalUnit;
  const sev = mark?.severity;
  const titleParts = [mark?.title, mark?.proposed ? catalog(o.lang).ui.html.proposed(mark.proposed) : undefined].filter(Boolean);
  const ui = catalog(o.lang).ui;
  let content: SafeHtml = html`${c.text}`;
  if (sev) {
    const sym = html`<span class="sym sym-${sev}" aria-hidden="true">${SEVERITY_SYMBOL[sev]}</span><span class="sr">${ui.severity[sev]}: </span>`;
    const target = mark?.findingIds?.[0];
    content = target ? html`<a class="flag" href="#${target}">${sym}${c.text}</a>` : html`${sym}${c.text}`;
  }
  if (mark?.proposed) content = html`${content}<span class="proposed">→ ${mark.proposed}</span>`;
  const span = html`${extra.colSpan && extra.colSpan > 1 ? html` colspan="${extra.colSpan}"` : ''}${extra.rowSpan && extra.rowSpan > 1 ? html` rowspan="${extra.rowSpan}"` : ''}`;
  const cls = cellClass(c, c.kind === 'value', total, mark) + (extra.cls ? ` ${extra.cls}` : '');
  return html`<${raw(tag)}${id ? html` id="${id}"` : ''}${extra.scope ? html` scope="${extra.scope}"` : ''}${span} class="${cls}"${ref ? html` data-ref="${ref}"` : ''}${titleParts.length ? html` title="${titleParts.join('\n')}"` : ''}${mark?.findingIds?.length ? html` data-findings="${mark.findingIds.join(' ')}"` : ''}>${content}</${raw(tag)}>`;
}

/** A row's classes in the table document: its kind (total, subtotal, heading) and its indent. */
function rowClass(layout: AnnexLayout, r: number): string {
  const info = layout.rowInfo[r];
  const cls = [info && info.kind !== 'data' ? `row-${info.kind}` : '', info && info.indent > 0 ? `indent-${Math.min(info.indent, 4)}` : ''].filter(Boolean);
  return cls.join(' ');
}

/** A layout (wide or transposed), or the `columns` of it, as a `<table class="annex">`. */
export function layoutTableHtml(layout: AnnexLayout, o: LayoutTableOptions): SafeHtml {
  const cols = o.columns ?? [...layout.header.keys()];
  const headRows = layout.head ? partHead(layout.head, cols) : [cols.map((c, i): HeadCell => ({ ...layout.header[c]!, col: i, colSpan: 1, rowSpan: 1 }))];
  const head = headRows.map((row) => html`<tr>${row.map((h) => cellHtml('th', h, o, { scope: h.colSpan > 1 ? 'colgroup' : 'col', colSpan: h.colSpan, rowSpan: h.rowSpan }))}</tr>`);
  const numbers = layout.columnNumbers;
  const numberRow = numbers ? html`\n<tr class="colnum">${cols.map((c) => html`<td class="colnum">${numbers[c] ?? ''}</td>`)}</tr>` : '';
  const rows = layout.rows.map((r, ri) => {
    const cells = cols.map((col) => {
      const c = r[col]!;
      // The row's name (indicator label, or the unit in the transposed layout) is its header cell.
      const isRowHeader = c.kind === 'heading' || (c.kind === 'label' && !layout.transposed) || (c.kind === 'unit' && layout.transposed);
      // The total's column stands out whole, its blank cells included (its values carry `total` already).
      const bold = o.rowClasses && col === layout.totalColumn && c.unit === undefined ? { cls: 'total' } : {};
      return cellHtml(isRowHeader ? 'th' : 'td', c, o, isRowHeader ? { scope: 'row', ...bold } : bold);
    });
    const cls = o.rowClasses ? rowClass(layout, ri) : '';
    return html`<tr${cls ? html` class="${cls}"` : ''}>${cells}</tr>\n`;
  });
  const cls = `annex ${layout.transposed ? 'transposed' : 'wide'} ${fitClass(cols.length)}`;
  const colgroup = o.tableId ? html`<colgroup>${cols.map(() => html`<col>`)}</colgroup>` : '';
  return html`<div class="annex-wrap"><table${o.tableId ? html` id="${o.tableId}"` : ''} class="${cls}">${o.caption ? html`<caption>${o.caption}</caption>` : ''}${colgroup}
<thead>${joinHtml(head, '\n')}${numberRow}</thead>
<tbody>
${rows}</tbody></table></div>`;
}

export interface AnnexHtmlOptions {
  lang: Lang;
  /** Number format of the values; default: the language's. */
  locale?: 'vi' | 'en';
  /** true, false, or 'auto' (default): transposed when there are more than WIDE_MAX_UNITS units. */
  transpose?: boolean | 'auto';
  /** Prefix of the cells' element ids (one per file in a report with several). */
  idPrefix?: string;
  /** Marks by the input cell's reference as displayed ("I6", "Sheet1!I6"). */
  marks?: ReadonlyMap<string, CellMark>;
  caption?: string;
}

/** Whether `annexTableHtml` lays the annex out with units as rows. */
export function shouldTranspose(annex: Pick<Annex, 'units' | 'total' | 'indicators'>, transpose: boolean | 'auto' = 'auto'): boolean {
  return transpose === 'auto' ? displayUnits(annex).length > WIDE_MAX_UNITS : transpose;
}

/** The element id of an input cell in a report: `${idPrefix}-${ref}`, made id-safe. */
export function cellElementId(idPrefix: string, ref: string): string {
  return htmlId(idPrefix, ref);
}

/** The input cell behind a layout cell: a value, a unit's header/name, or an indicator's label. */
export function sourceRef(annex: Annex, c: LayoutCell): string | undefined {
  if (c.kind === 'value' && c.unit !== undefined && c.indicator) {
    const cell = annex.values.get(c.unit, c.indicator)?.cell;
    return cell ? displayRef(cell) : undefined;
  }
  if (c.kind === 'unit' && c.unit !== undefined) {
    const cell = annex.units.at(c.unit)?.cell;
    return cell ? displayRef(cell) : undefined;
  }
  if (c.kind === 'label' && c.indicator) {
    const cell = annex.labelCells[c.indicator];
    return cell ? displayRef(cell) : undefined;
  }
  // A row not read (rows-not-read.ts): its label's cell; a column not read: its header's; a row named without figures: its name's.
  return (c.kind === 'label' || c.kind === 'heading' || c.kind === 'unit') && c.cell ? displayRef(c.cell) : undefined;
}

/** The annex as read, as an HTML table, numbers in the chosen format. */
export function annexTableHtml(annex: Annex, o: AnnexHtmlOptions): SafeHtml {
  const layout = drawnLayout(annex, o);
  const prefix = o.idPrefix ?? 'c';
  return layoutTableHtml(layout, {
    lang: o.lang,
    refOf: (c) => sourceRef(annex, c),
    idOf: (c) => {
      const ref = sourceRef(annex, c);
      return ref ? cellElementId(prefix, ref) : undefined;
    },
    markOf: (c) => {
      const ref = sourceRef(annex, c);
      return ref ? o.marks?.get(ref) : undefined;
    },
    ...(annex.total ? { totalUnit: annex.total.id } : {}),
    ...(o.caption ? { caption: o.caption } : {}),
  });
}

/** The headers of the columns not read that `annexTableHtml` draws (those with a mark in them), as displayed. */
export function drawnColumnsNotRead(annex: Annex, o: AnnexHtmlOptions): string[] {
  if (!annex.columnsNotRead?.length || !o.marks) return [];
  return drawnLayout(annex, o).header.flatMap((c) => (c.kind === 'heading' && c.cell ? [displayRef(c.cell)] : []));
}

/** The layout `annexTableHtml` draws. */
function drawnLayout(annex: Annex, o: AnnexHtmlOptions): AnnexLayout {
  const locale = o.locale ?? o.lang;
  const value = (u: Unit, ind: Indicator) => {
    const v = annex.values.get(u.id, ind);
    if (!v) return '';
    return v.status === 'ok' && v.plain !== undefined ? formatPlain(v.plain, locale) : v.text;
  };
  // A published shape (not the annex) is drawn as shaped-layout.ts lays it out: as the input has it.
  // A column not read is drawn where a mark is in it (its header: a column it does not understand).
  const flagged = o.marks ? (row: number, col: number, sheet?: string) => o.marks!.has(displayRef({ ref: a1(row, col), ...(sheet ? { sheet } : {}) })) : undefined;
  return layoutAsRead(annex, o.lang, value, annex.indicators.every(isCoreIndicator) ? shouldTranspose(annex, o.transpose) : o.transpose === 'auto' ? undefined : o.transpose, locale, flagged);
}

/** A standalone page holding one annex table (for `povcheck table --format html`). */
export function annexDocument(annex: Annex, o: AnnexHtmlOptions & { title?: string }): string {
  const title = o.title ?? catalog(o.lang).ui.html.annexTitle;
  return htmlPage({
    lang: o.lang,
    title,
    css: PAGE_CSS + ANNEX_CSS,
    body: joinHtml([html`<h1>${title}</h1>\n`, annexTableHtml(annex, o)]),
  });
}
