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
import type { Annex } from '../model/annex.js';
import type { Severity } from '../findings.js';
import { catalog, formatPlain, type Lang } from '../messages/index.js';
import { displayRef } from '../read/grid.js';
import { annexLayout, displayUnits, type AnnexLayout, type LayoutCell } from './annex-layout.js';
import { html, htmlId, joinHtml, raw, type SafeHtml } from './html-escape.js';
import { ANNEX_CSS, PAGE_CSS, htmlPage } from './html-page.js';

/** More units than this are laid out as rows (transposed), to fit the page width. */
export const WIDE_MAX_UNITS = 10;

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

function cellHtml(tag: 'td' | 'th', c: LayoutCell, o: LayoutTableOptions, extra: { scope?: string }): SafeHtml {
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
  return html`<${raw(tag)}${id ? html` id="${id}"` : ''}${extra.scope ? html` scope="${extra.scope}"` : ''} class="${cellClass(c, c.kind === 'value', total, mark)}"${ref ? html` data-ref="${ref}"` : ''}${titleParts.length ? html` title="${titleParts.join('\n')}"` : ''}${mark?.findingIds?.length ? html` data-findings="${mark.findingIds.join(' ')}"` : ''}>${content}</${raw(tag)}>`;
}

/** A layout (wide or transposed) as a `<table class="annex">`. */
export function layoutTableHtml(layout: AnnexLayout, o: LayoutTableOptions): SafeHtml {
  const head = layout.header.map((c) => cellHtml('th', c, o, { scope: 'col' }));
  const rows = layout.rows.map((r) => {
    const cells = r.map((c) => {
      // The row's name (indicator label, or the unit in the transposed layout) is its header cell.
      const isRowHeader = c.kind === 'heading' || (c.kind === 'label' && !layout.transposed) || (c.kind === 'unit' && layout.transposed);
      return cellHtml(isRowHeader ? 'th' : 'td', c, o, isRowHeader ? { scope: 'row' } : {});
    });
    return html`<tr>${cells}</tr>\n`;
  });
  const cls = `annex ${layout.transposed ? 'transposed' : 'wide'} ${fitClass(layout.header.length)}`;
  return html`<div class="annex-wrap"><table class="${cls}">${o.caption ? html`<caption>${o.caption}</caption>` : ''}
<thead><tr>${head}</tr></thead>
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
    const cell = annex.values[c.unit]?.[c.indicator]?.cell;
    return cell ? displayRef(cell) : undefined;
  }
  if (c.kind === 'unit' && c.unit !== undefined) {
    const cell = annex.units[c.unit]?.cell;
    return cell ? displayRef(cell) : undefined;
  }
  if (c.kind === 'label' && c.indicator) {
    const cell = annex.labelCells[c.indicator];
    return cell ? displayRef(cell) : undefined;
  }
  return undefined;
}

/** The annex as read, as an HTML table, numbers in the chosen format. */
export function annexTableHtml(annex: Annex, o: AnnexHtmlOptions): SafeHtml {
  const ui = catalog(o.lang).ui;
  const locale = o.locale ?? o.lang;
  const layout = annexLayout(
    annex,
    ui,
    (u, ind) => {
      const v = annex.values[u.id]?.[ind];
      if (!v) return '';
      return v.status === 'ok' && v.plain !== undefined ? formatPlain(v.plain, locale) : v.text;
    },
    { transpose: shouldTranspose(annex, o.transpose) },
  );
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
