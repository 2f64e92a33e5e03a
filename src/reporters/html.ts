/**
 * The HTML report: one self-contained page (inline CSS, inline SVG, one small inline script; nothing
 * loaded from anywhere), for people who would rather look at the table than read cell references, and
 * for e-mail attachments and paper files.
 *
 * Per file: the verdict; the likely causes (when the file carries them); the annex with every flagged cell
 * highlighted by severity (colour, outline style and symbol, so black-and-white print still shows it), its
 * findings on hover (title) and on click (a pop-up; without script the cell links to its finding); the
 * chart of start and end rates with the targets; all findings with links back to their cells; what was not
 * checked. Pure: ReportInput → string.
 */
import { SEVERITIES, severityRank, type Finding, type Severity } from '../model/finding.js';
import { catalog, formatPlain, makeFmt, renderError, renderMessage, renderSkip } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { UiText } from '../messages/types.js';
import type { Annex } from '../model/annex.js';
import { displayRef, type Cell } from '../model/grid.js';
import { SEVERITY_SYMBOL, annexTableHtml, cellElementId, drawnColumnsNotRead, shouldTranspose, type CellMark } from '../render/html-annex.js';
import { escapeHtml, html, htmlId, joinHtml, raw, type SafeHtml } from '../render/html-escape.js';
import { ANNEX_CSS, PAGE_CSS, htmlPage } from '../render/html-page.js';
import { CHART_CSS, rateChartData, rateChartSvg, type ChartTarget } from '../render/svg-chart.js';
import { DRAWN_TABLE_UNITS, cellLabel, checksLine, checksRanNote, countFindings, coverageText, langOf, localeText, notCheckedSection, passedOverLine, refLabel, runLang, showsExpected, summaryCounts, tableOf, verdictText, type LikelyCause, type ReportFile, type ReportInput } from './types.js';
import { DOCUMENT_PARTS, partOf, type DocumentPart } from '../model/document.js';
import { causesOf, consequencesOf, expectedPair, sameMethod } from './causes.js';

export interface HtmlOptions {
  /** Targets to draw on the chart (`{unit, indicator, op, value}`, as in the targets file). */
  targets?: readonly ChartTarget[];
  /** Annex layout: 'auto' (default) puts units in rows when there are many. */
  transpose?: boolean | 'auto';
}

const isPlain = (s: string) => /^-?\d+(\.\d+)?$/.test(s);

const REPORT_CSS = `
header.report{border-bottom:2px solid var(--accent);margin-bottom:14px;padding-bottom:6px}
section.file{margin:0 0 28px}
h4{font-size:14px;margin:10px 0 4px}
h2.verdict{padding:8px 12px;border:2px solid currentColor;border-radius:4px}
.verdict-ok{color:var(--ok)}
.verdict-invalid,.verdict-unreadable{color:var(--err)}
.verdict-unchecked{color:var(--warn)}
table.files{border-collapse:collapse;margin:6px 0}
table.files th,table.files td{border:1px solid var(--line);padding:3px 8px;text-align:left}
.legend{margin:4px 0 8px}
.key{display:inline-block;padding:0 8px;margin:0 6px 0 0;border:1px solid var(--line)}
.causes ol{margin:4px 0;padding-left:22px}
.causes li{margin:4px 0 8px}
.causes p{margin:2px 0}
ul.findings{list-style:none;margin:0;padding:0}
li.finding{margin:4px 0;padding:5px 10px;border-left:6px solid var(--line);break-inside:avoid}
li.finding.sev-error{border-left:6px solid var(--err)}
li.finding.sev-warning{border-left:6px dashed var(--warn)}
li.finding.sev-info{border-left:6px dotted var(--info)}
li.finding:target{background:#fffbd6;outline:2px solid var(--accent)}
li.finding .head{font-weight:600}
li.finding .msg{margin:2px 0 0}
.fno{color:var(--muted);font-weight:400}
.pop{position:absolute;z-index:10;max-width:min(560px,92vw);background:#fff;border:1px solid var(--ink);
box-shadow:0 4px 16px rgba(0,0,0,.25);padding:8px 12px;font-size:13px}
.pop ul{list-style:none;margin:0;padding:0}
.pop li.finding{margin:0 0 6px}
.pop .pop-actions{display:flex;gap:12px;justify-content:flex-end}
figure.chart{margin:4px 0}
section.part{margin:10px 0 18px;padding-top:4px;border-top:1px solid var(--line)}
section.part>h3 .checked{font-weight:400;color:var(--muted);font-size:13px}
.where{margin:2px 0;color:var(--muted);font-size:12px}
blockquote.quote{margin:4px 0;padding:3px 10px;border-left:3px solid var(--line);font-style:italic}
blockquote.quote mark{background:#ffe58a;font-style:normal;font-weight:700;padding:0 2px;outline:1px solid #b38600}
@media print{blockquote.quote mark{background:none;text-decoration:underline double}}
@media print{.pop{display:none!important}section.file+section.file{break-before:page}}
`;

/** Click on a flagged cell: its findings (copied from the list) in a pop-up next to it; Escape closes. */
const SCRIPT = `(function(){
var pop=document.getElementById('pop');if(!pop)return;var cur=null;
function close(){pop.hidden=true;if(cur){cur.classList.remove('open');cur=null;}}
function show(cell){close();var ids=(cell.getAttribute('data-findings')||'').split(' ');pop.textContent='';
var ul=document.createElement('ul');ids.forEach(function(id){var li=document.getElementById(id);if(!li)return;var c=li.cloneNode(true);c.removeAttribute('id');ul.appendChild(c);});
pop.appendChild(ul);var bar=document.createElement('div');bar.className='pop-actions';
var more=document.createElement('a');more.href='#'+ids[0];more.textContent=pop.getAttribute('data-more');more.addEventListener('click',close);
var x=document.createElement('button');x.type='button';x.textContent=pop.getAttribute('data-close');x.addEventListener('click',close);
bar.appendChild(more);bar.appendChild(x);pop.appendChild(bar);pop.hidden=false;
var r=cell.getBoundingClientRect(),vw=document.documentElement.clientWidth;
pop.style.left=Math.max(8,Math.min(r.left,vw-pop.offsetWidth-8))+window.scrollX+'px';
pop.style.top=r.bottom+window.scrollY+6+'px';cell.classList.add('open');cur=cell;}
document.addEventListener('click',function(e){var t=e.target;var cell=t&&t.closest?t.closest('[data-findings]'):null;
if(cell){e.preventDefault();if(cur===cell)close();else show(cell);return;}if(!pop.contains(t))close();});
document.addEventListener('keydown',function(e){if(e.key==='Escape')close();});
})();`;

const sym = (sev: Severity) => html`<span class="sym sym-${sev}" aria-hidden="true">${SEVERITY_SYMBOL[sev]}</span>`;

/** Every input cell the annex table shows: values, unit names (rows named without figures too), indicator labels, the headers of columns not read with a mark. */
function shownRefs(annex: Annex, transpose: boolean | 'auto', lang: Lang, marks: ReadonlyMap<string, CellMark>): Set<string> {
  const refs = new Set<string>(drawnColumnsNotRead(annex, { lang, marks, transpose }));
  // The rows not read are printed with the units as columns only (render/not-read.ts).
  if (!shouldTranspose(annex, transpose)) for (const r of annex.rowsNotRead ?? []) refs.add(displayRef(r.labelCell));
  for (const u of annex.units) if (u.cell) refs.add(displayRef(u.cell));
  // The rows named without figures are printed in place, blank (annex-layout.ts `withNamedRows`).
  for (const n of annex.unitsWithoutFigures ?? []) if (n.cell) refs.add(displayRef(n.cell));
  for (const ind of annex.indicators) {
    const l = annex.labelCells[ind];
    if (l) refs.add(displayRef(l));
  }
  for (const row of annex.values) for (const v of Object.values(row)) if (v) refs.add(displayRef(v.cell));
  return refs;
}

function marksFor(file: ReportFile, lang: Lang, findingId: (i: number) => string): Map<string, CellMark> {
  const fmt = makeFmt(lang);
  const marks = new Map<string, CellMark & { titles: string[]; ids: string[]; proposals: string[] }>();
  const get = (ref: string) => {
    let m = marks.get(ref);
    if (!m) marks.set(ref, (m = { titles: [], ids: [], proposals: [] }));
    return m;
  };
  file.findings.forEach((f, i) => {
    if (!f.at) return;
    const m = get(displayRef(f.at));
    if (!m.severity || severityRank(f.severity) < severityRank(m.severity)) m.severity = f.severity;
    m.titles.push(`${SEVERITY_SYMBOL[f.severity]} ${renderMessage(f.msg, fmt)}`);
    m.ids.push(findingId(i));
  });
  for (const c of causesOf(file)) {
    for (const ref of c.cells) {
      const p = c.proposed[ref];
      if (p === undefined) continue;
      const m = get(ref);
      const shown = isPlain(p) ? formatPlain(p, lang) : p;
      if (!m.proposals.includes(shown)) m.proposals.push(shown);
    }
  }
  const out = new Map<string, CellMark>();
  for (const [ref, m] of marks) {
    out.set(ref, {
      ...(m.severity ? { severity: m.severity } : {}),
      ...(m.titles.length ? { title: m.titles.join('\n') } : {}),
      ...(m.ids.length ? { findingIds: m.ids } : {}),
      ...(m.proposals.length ? { proposed: m.proposals.join(' / ') } : {}),
    });
  }
  return out;
}

function valueByRef(annex: Annex) {
  const map = new Map<string, { unit: string; indicator: string; shown: (lang: Lang) => string }>();
  for (const u of annex.units) {
    for (const v of Object.values(annex.values.row(u.id))) {
      if (!v) continue;
      map.set(displayRef(v.cell), {
        unit: u.name,
        indicator: v.indicator,
        shown: (lang) => (v.status === 'ok' && v.plain !== undefined ? formatPlain(v.plain, lang) : v.text || '∅'),
      });
    }
  }
  return map;
}

function causesHtml(file: ReportFile, fi: number, lang: Lang, shown: Set<string>): SafeHtml | undefined {
  const causes = causesOf(file);
  if (causes.length === 0 || !file.annex) return undefined;
  const t = catalog(lang).ui;
  const fmt = makeFmt(lang);
  const values = new Map([...(file.document?.tables.flatMap((x) => (x.annex ? [...valueByRef(x.annex)] : [])) ?? []), ...valueByRef(file.annex)]);
  const items = causes.map((c: LikelyCause) => {
    const cells = c.cells.map((ref) => {
      const v = values.get(ref);
      const label = refLabel(ref, lang);
      const link = shown.has(ref) ? html`<a href="#${cellElementId(`c${fi}`, ref)}">${label}</a>` : html`${label}`;
      const where = v ? ` (${fmt.ind(v.indicator)}, ${v.unit})` : '';
      // A formula cell's note after its value, as the text report has it: `holds 271 (it is computed by =SUM(C3:C5), …); 291 would fit`.
      const formula = c.formulas?.[ref];
      const held = (shown: string) => (formula ? `${shown} ${t.html.causeFormula(formula)}` : shown);
      const p = c.proposed[ref];
      const shownValue = (x: string) => (isPlain(x) ? formatPlain(x, lang) : x);
      const range = c.ranges?.[ref];
      const value = !v
        ? ''
        : range
          ? ` ${t.html.causeRange(held(v.shown(lang)), { ...(range.min !== undefined ? { min: shownValue(range.min) } : {}), ...(range.max !== undefined ? { max: shownValue(range.max) } : {}) }, p !== undefined ? shownValue(p) : undefined, c.rounding === true)}`
          : p !== undefined
            ? ` ${t.html.causeValue(held(v.shown(lang)), shownValue(p))}`
            : '';
      return html`<strong>${link}</strong>${where}${value}`;
    });
    const explained = c.explains
      .filter((i) => i >= 0 && i < file.findings.length)
      .map((i) => html`<a href="#${htmlId(`f${fi}`, i)}">#${i + 1}</a>`);
    return html`<li class="cause conf-${c.confidence}">
<p>${joinHtml(cells, '; ')}.</p>
<p>${t.html.causeExplains(c.explains.length)}${c.kind ? ` ${t.html.kind(c.kind)}.` : c.kinds ? ` ${t.html.kinds(Object.entries(c.kinds).map(([ref, kind]) => ({ ref: refLabel(ref, lang), kind })))}.` : ''} <em>${t.html.confidence[c.confidence]}</em></p>
${explained.length ? html`<p class="small">${t.html.explainsLabel} ${joinHtml(explained, ', ')}</p>` : ''}
</li>`;
  });
  // Several independent groups: the head line the text report has (one way of computing in every group, said once).
  const loc = file.localisation;
  const head = loc?.parts && !file.causes ? html`<p>${catalog(lang).locate.independent({ count: loc.parts.length, failing: loc.failing, ...sameMethod(loc) })}</p>
` : '';
  return html`<section class="causes"><h3>${t.html.causesTitle}</h3>${head}<ol>
${joinHtml(items, '\n')}
</ol></section>`;
}

function findingHtml(f: Finding, i: number, fi: number, lang: Lang, shown: Set<string>, dueTo?: readonly Cell[]): SafeHtml {
  const fmt = makeFmt(lang);
  const { ui, document: d } = catalog(lang);
  const ref = f.at ? displayRef(f.at) : undefined;
  const label = f.at ? cellLabel(f.at, lang) : undefined;
  const cell = ref
    ? shown.has(ref)
      ? html`<a href="#${cellElementId(`c${fi}`, ref)}">${label}</a>`
      : html`${label} <span class="muted small">(${ui.html.notInTable})</span>`
    : undefined;
  const where = f.place ? (cell ? html`${d.paragraph(f.place.paragraph)} · ${cell}` : html`${d.paragraph(f.place.paragraph)}`) : (cell ?? html`<span class="muted">${ui.html.wholeTable}</span>`);
  const rest = [f.rule, f.unit, f.indicator ? fmt.ind(f.indicator) : undefined].filter((x): x is string => !!x).join(' · ');
  const pair = showsExpected(f) ? ` — ${expectedPair(f, lang, fmt, dueTo)}` : '';
  const quote = f.place
    ? html`<p class="where">${f.place.section || d.preamble}</p><blockquote class="quote">${raw(quoteHtml(f.place))}</blockquote>`
    : '';
  return html`<li id="${htmlId(`f${fi}`, i)}" class="finding sev-${f.severity}"><div class="head">${sym(f.severity)}<span class="sr">${ui.severity[f.severity]}: </span><span class="fno">#${i + 1}</span> ${where} · ${rest}${pair}</div>${quote}<p class="msg">${renderMessage(f.msg, fmt)}</p></li>`;
}

/** The quoted sentence with its figure in <mark>, every piece of it escaped. */
function quoteHtml(place: NonNullable<Finding['place']>): string {
  const q = place.quote;
  if (!place.mark) return escapeHtml(q);
  return escapeHtml(q.slice(0, place.mark.start)) + `<mark>${escapeHtml(q.slice(place.mark.start, place.mark.end))}</mark>` + escapeHtml(q.slice(place.mark.end));
}

function fileSection(input: ReportInput, file: ReportFile, fi: number, opts: HtmlOptions): SafeHtml {
  const lang = langOf(input, file);
  const ui = catalog(lang).ui;
  const id = `file-${fi}`;
  const summary = tableOf(file);
  if (file.status === 'unreadable' || !summary) {
    const e = file.error;
    const reason = e ? renderError(e, lang) : '';
    return html`<section class="file" id="${id}" lang="${lang}"><h2 class="verdict verdict-unreadable">${ui.verdictUnreadable(file.file, reason, e?.code === 'BAD_OPTION')}</h2></section>`;
  }
  if (file.document) return documentSection(input, file, fi, opts);
  // A table of more units than a page draws at once: its findings are listed, the table and chart are not drawn.
  const annex = file.annex && file.annex.units.length <= DRAWN_TABLE_UNITS.html ? file.annex : undefined;
  const c = countFindings(file.findings);
  const verdict = verdictText(file, lang);
  const { clause, hint } = coverageText(file, lang);
  const checks = checksLine(file, lang, { listedBelow: true });
  const marks = marksFor(file, lang, (i) => htmlId(`f${fi}`, i));
  const shown = annex ? shownRefs(annex, opts.transpose ?? 'auto', lang, marks) : new Set<string>();
  const sevOf = (ref: string) => marks.get(ref)?.severity;
  const chart = annex ? rateChartData(annex, opts.targets ?? [], sevOf) : undefined;
  const drawing = annex && chart
    ? html`<h3>${ui.html.annexTitle}</h3>
${legendHtml(file, ui)}
${annexTableHtml(annex, { lang, idPrefix: `c${fi}`, marks, transpose: opts.transpose ?? 'auto' })}
<h3>${chart.point ? ui.html.chartTitlePoint : ui.html.chartTitle}</h3>
<figure class="chart">${rateChartSvg(chart, { lang, idPrefix: `chart${fi}` })}</figure>`
    : html`<p class="muted">${ui.tableOmitted(summary.units)}</p>`;
  const dueTo = consequencesOf(file.localisation, file.findings);
  const groups = SEVERITIES.map((sev) => {
    const items = file.findings.map((f, i) => (f.severity === sev ? findingHtml(f, i, fi, lang, shown, dueTo.get(f)) : undefined)).filter((x) => x !== undefined);
    if (items.length === 0) return '';
    return html`<h4>${sym(sev)}${ui.severityPlural[sev]} (${items.length})</h4><ul class="findings">
${joinHtml(items, '\n')}
</ul>
`;
  });
  const fmt = makeFmt(lang);
  const notChecked = notCheckedSection(ui, file);
  const skipped = notChecked
    ? html`<h3>${notChecked.heading}</h3><ul class="skipped">${notChecked.skips.map(
        (sk) => html`<li>${ui.skipLine(sk.rule, sk.unit ?? null, renderSkip(sk.msg, fmt))}</li>`,
      )}</ul>`
    : '';
  return html`<section class="file" id="${id}" lang="${lang}">
<h2 class="verdict verdict-${file.status}">${verdict} — ${ui.counts(c.errors, c.warnings, c.infos)}${clause ? ` — ${clause}` : ''}</h2>
${hint ? html`<p class="coverage">${hint}</p>` : ''}
<p class="muted small">${ui.readAs(file.source ? ui.source(file.source) : '', ui.layoutName[summary.layout], localeText(ui, summary, file.findings))}</p>
${checks ? html`<p class="muted small checks">${checks}</p>` : ''}
${causesHtml(file, fi, lang, shown) ?? ''}
${drawing}
<h3>${ui.html.findingsTitle}</h3>
${file.findings.length ? groups : html`<p>${ui.html.noFindings}</p>`}
${skipped}
</section>`;
}

/** Findings of one severity after another, each with its number in the file's list. */
function groupsHtml(file: ReportFile, indexes: readonly number[], fi: number, lang: Lang, shown: Set<string>): SafeHtml {
  const ui = catalog(lang).ui;
  return joinHtml(
    SEVERITIES.map((sev) => {
      const items = indexes.filter((i) => file.findings[i]!.severity === sev).map((i) => findingHtml(file.findings[i]!, i, fi, lang, shown));
      if (items.length === 0) return '';
      return html`<h4>${sym(sev)}${ui.severityPlural[sev]} (${items.length})</h4><ul class="findings">
${joinHtml(items, '\n')}
</ul>
`;
    }),
  );
}

/**
 * A plan document: the verdict, then one part after another (tables, stated figures, money, references),
 * each saying what it checked; the poverty tables drawn with their marks and charts; the quoted sentences
 * with the figure marked.
 */
function documentSection(input: ReportInput, file: ReportFile, fi: number, opts: HtmlOptions): SafeHtml {
  const lang = langOf(input, file);
  const { ui, document: d } = catalog(lang);
  const doc = file.document!;
  const summary = tableOf(file)!;
  const c = countFindings(file.findings);
  const verdict = verdictText(file, lang);
  const { clause, hint } = coverageText(file, lang);
  const checks = checksLine(file, lang);
  const marks = marksFor(file, lang, (i) => htmlId(`f${fi}`, i));
  const shown = new Set<string>();
  for (const t of doc.tables) if (t.annex) for (const r of shownRefs(t.annex, opts.transpose ?? 'auto', lang, marks)) shown.add(r);
  const sevOf = (ref: string) => marks.get(ref)?.severity;
  const fmt = makeFmt(lang);
  // The chart draws the run's targets and those the text sets.
  const targets: ChartTarget[] = [
    ...(opts.targets ?? []),
    ...file.findings.flatMap((f) => (f.place && f.detail?.rule === 'target' && f.unit && f.indicator ? [{ unit: f.unit, indicator: f.indicator, op: f.detail.op, value: f.detail.value }] : [])),
  ];
  const checked: Record<DocumentPart, string> = {
    tables: d.checked.tables({ tables: doc.checked.tables, budget: doc.checked.budgetTables, other: doc.tables.length - doc.checked.tables - doc.checked.budgetTables }),
    claims: d.checked.claims(doc.checked),
    money: d.checked.money(doc.checked),
    references: d.checked.references(doc.checked),
  };
  const parts = DOCUMENT_PARTS.map((part) => {
    const indexes = file.findings.map((f, i) => (partOf(f) === part ? i : -1)).filter((i) => i >= 0);
    const skipped = notCheckedSection(ui, file, part);
    const drawings =
      part === 'tables'
        ? doc.tables
            .filter((t) => t.annex)
            .map(
              (t) => html`<h4>${d.tableTitle(t.number)}</h4>
${legendHtml(file, ui)}
${annexTableHtml(t.annex!, { lang, idPrefix: `c${fi}`, marks, transpose: opts.transpose ?? 'auto' })}
<figure class="chart">${rateChartSvg(rateChartData(t.annex!, targets, sevOf), { lang, idPrefix: `chart${fi}-${t.number}` })}</figure>`,
            )
        : [];
    const skips = skipped
      ? html`<h4>${skipped.heading}</h4><ul class="skipped">${skipped.skips.map((sk) => html`<li>${ui.skipLine(sk.rule, sk.unit ?? null, renderSkip(sk.msg, fmt))}</li>`)}</ul>`
      : '';
    const empty = indexes.length === 0 && !skipped ? html`<p class="muted">${d.nothing}</p>` : '';
    return html`<section class="part" id="file-${fi}-${part}"><h3>${d.parts[part]} <span class="checked">— ${checked[part]}</span></h3>
${part === 'tables' ? (causesHtml(file, fi, lang, shown) ?? '') : ''}
${joinHtml(drawings, '\n')}
${groupsHtml(file, indexes, fi, lang, shown)}
${skips}${empty}
</section>`;
  });
  return html`<section class="file" id="file-${fi}" lang="${lang}">
<h2 class="verdict verdict-${file.status}">${verdict} — ${ui.counts(c.errors, c.warnings, c.infos)}${clause ? ` — ${clause}` : ''}</h2>
${hint ? html`<p class="coverage">${hint}</p>` : ''}
<p class="muted small">${ui.readAs(file.source ? ui.source(file.source) : '', ui.layoutName[summary.layout], localeText(ui, summary, file.findings))}</p>
${checks ? html`<p class="muted small checks">${checks}</p>` : ''}
${joinHtml(parts, '\n')}
</section>`;
}

function legendHtml(file: ReportFile, ui: UiText): SafeHtml {
  return html`<p class="legend small"><strong>${ui.html.legendTitle}</strong> ${SEVERITIES.map(
    (s) => html`<span class="key sev-${s}">${sym(s)}${ui.severity[s]}</span>`,
  )}${causesOf(file).length ? html`<span class="key cause">→ ${ui.html.legendCause}</span>` : ''}<span class="no-print muted">${ui.html.clickHint}</span></p>`;
}

function filesSummary(input: ReportInput, lang: Lang): SafeHtml {
  const ui = catalog(lang).ui;
  const rows = input.files.map((f, fi) => {
    const c = countFindings(f.findings);
    const fl = langOf(input, f);
    const ran = checksRanNote(f, ui);
    const result =
      f.status === 'unreadable'
        ? html`${sym('error')}${f.error ? renderError(f.error, fl) : ''}`
        : f.status === 'unchecked'
          ? html`${sym('warning')}${ui.verdictWord.unchecked}`
          : html`${f.status === 'ok' ? '✔ ' : sym('error')}${ui.counts(c.errors, c.warnings, c.infos)}${ran ? html` (${ran})` : ''}`;
    return html`<tr><td><a href="#file-${fi}">${f.file}</a></td><td>${result}</td></tr>`;
  });
  return html`<nav class="files"><h2>${ui.html.filesTitle}</h2><table class="files"><thead><tr><th>${ui.html.fileColumn}</th><th>${ui.html.verdictColumn}</th></tr></thead><tbody>${rows}</tbody></table>
<p><strong>${ui.summary(summaryCounts(input.files))}</strong></p></nav>`;
}

/** The validate report as one HTML document. */
export function htmlReport(input: ReportInput, opts: HtmlOptions = {}): string {
  const lang = runLang(input);
  const ui = catalog(lang).ui;
  const passed = passedOverLine(input);
  const body = html`<header class="report"><h1>${ui.html.heading}</h1><p class="muted small">${ui.html.generatedBy}</p></header>
${input.files.length > 1 ? filesSummary(input, lang) : ''}${passed ? html`
<p class="muted">${passed}</p>` : ''}
<main>
${joinHtml(
  input.files.map((f, fi) => fileSection(input, f, fi, opts)),
  '\n',
)}
</main>
<div id="pop" class="pop no-print" role="dialog" hidden data-more="${ui.html.toList}" data-close="${ui.html.close}"></div>`;
  return htmlPage({
    lang,
    title: ui.html.title(input.files.map((f) => f.file)),
    css: PAGE_CSS + ANNEX_CSS + CHART_CSS + REPORT_CSS,
    body,
    script: SCRIPT,
  });
}
