/**
 * The markdown report: an overview table (one row per file: verdict and counts) and, for each file with
 * findings, with something not checked, or that could not be read, a table of its findings and what was not
 * checked. Also the GitHub job summary. Pure.
 */
import { catalog, makeFmt, renderMessage, renderSkip, visible } from '../messages/index.js';
import type { Lang } from '../model/lang.js';
import type { Finding } from '../model/finding.js';
import type { FileResult } from '../model/file-result.js';
import { ciPassedOver, ciPath, findingRef, likelyCause, unreadableText } from './ci.js';
import { mdCell } from '../render/markdown.js';
import { checksRanNote, countFindings, coverageText, langOf, notCheckedSection, passedOverLine, runLang, summaryCounts, type ReportInput } from './types.js';

export interface MarkdownOptions {
  /** At most this many findings per file (the rest are counted); all when absent. */
  maxFindingsPerFile?: number;
}

/** A file name as inline code (backticks inside are replaced: they cannot be escaped in code spans). */
const code = (s: string) => '`' + visible(s.replace(/`/g, "'").replace(/\r?\n/g, ' ')) + '`';
/** The same in a table cell: a `|` would end the cell even inside a code span, so it is escaped (GFM shows `|`). */
const codeCell = (s: string) => code(s).replace(/\|/g, '\\|');

const MARK = { ok: '✔', invalid: '✖', unchecked: '⚠', unreadable: '⛔' } as const;

function findingRow(input: ReportInput, file: FileResult, f: Finding): string {
  const lang = langOf(input, file);
  const ui = catalog(lang).ui;
  const fmt = makeFmt(lang);
  const text = renderMessage(f.msg, fmt);
  const ref = findingRef(f);
  return `| ${ref ? codeCell(ref) : '—'} | ${code(f.rule)} | ${ui.severity[f.severity]} | ${mdCell(f.unit ?? '—')} | ${mdCell(f.indicator ? fmt.ind(f.indicator) : '—')} | ${mdCell(text)} |`;
}

export function markdownReport(input: ReportInput, opts: MarkdownOptions = {}): string {
  const lang = runLang(input);
  const ui = catalog(lang).ui;
  const md = ui.markdown;
  const out: string[] = [`## ${md.title}`, ''];
  const h = md.fileHeader;
  out.push(`| ${h.file} | ${h.verdict} | ${h.errors} | ${h.warnings} | ${h.infos} |`, '|---|---|---:|---:|---:|');
  for (const f of input.files) {
    const c = countFindings(f.findings);
    const note = checksRanNote(f, ui);
    const ran = note ? ` (${note})` : '';
    out.push(`| ${codeCell(ciPath(f.file, input))} | ${MARK[f.status]} ${ui.verdictWord[f.status]}${ran} | ${c.errors} | ${c.warnings} | ${c.infos} |`);
  }
  out.push('', `**${ui.summary(summaryCounts(input.files))}**`);
  const passed = passedOverLine(input, ciPassedOver(input));
  // (File names may hold `*`, `_` or `[`: written as typed, not as emphasis or links.)
  if (passed) out.push('', mdCell(passed));

  for (const f of input.files) {
    const fl = langOf(input, f);
    const { clause, hint } = coverageText(f, fl);
    const fui = catalog(fl).ui;
    const notChecked = notCheckedSection(fui, f);
    if (f.status !== 'unreadable' && f.findings.length === 0 && !clause && !notChecked) continue;
    out.push('', `### ${MARK[f.status]} ${code(ciPath(f.file, input))}`, '');
    if (f.status === 'unreadable') {
      out.push(mdCell(unreadableText(input, f)));
      continue;
    }
    // What was not checked, then the likely cause: the lines a reviewer reads first.
    if (clause) out.push(`**${mdCell(fui.verdictWord[f.status])}** — ${mdCell(clause)}${hint ? `  \n${mdCell(hint)}` : ''}`, '');
    const cause = likelyCause(input, f);
    if (cause) out.push(`> → ${mdCell(cause.text)}`, '');
    if (f.findings.length > 0) {
      const fh = fui.markdown.findingHeader;
      out.push(`| ${fh.cell} | ${fh.rule} | ${fh.severity} | ${fh.unit} | ${fh.indicator} | ${fh.message} |`, '|---|---|---|---|---|---|');
      const max = opts.maxFindingsPerFile ?? f.findings.length;
      for (const finding of f.findings.slice(0, max)) out.push(findingRow(input, f, finding));
      if (f.findings.length > max) out.push('', fui.markdown.more(f.findings.length - max));
    }
    if (notChecked) out.push('', ...notCheckedLines(notChecked, fl, opts.maxFindingsPerFile));
  }
  return out.join('\n') + '\n';
}

/**
 * The file's "Not checked" section, as the text report has it (the checks that did not run and the places a check
 * left out, each with its reason): the table's "3/4 checks ran" said which and why. At most `max` lines.
 */
function notCheckedLines(section: NonNullable<ReturnType<typeof notCheckedSection>>, lang: Lang, max = section.skips.length): string[] {
  const ui = catalog(lang).ui;
  const fmt = makeFmt(lang);
  const lines = section.skips.slice(0, max).map((sk) => `- ${mdCell(ui.skipLine(sk.rule, sk.unit ?? null, renderSkip(sk.msg, fmt)))}`);
  const more = section.skips.length > max ? ['', ui.moreFindings(section.skips.length - max, ui.notChecked.toLowerCase())] : [];
  return [`**${mdCell(section.heading)}**`, '', ...lines, ...more];
}
