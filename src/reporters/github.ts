/**
 * GitHub Actions workflow commands, one per finding:
 *   ::error file=<path>,line=<row>,col=<column>,title=povcheck <rule>::<cell>: <message>
 * (warning → ::warning, info → ::notice; an unreadable file → ::error title=povcheck unreadable). GitHub shows
 * only the first 10 annotations of each kind per step, so the command also appends the markdown report to
 * the job summary ($GITHUB_STEP_SUMMARY) when it is set: `githubStepSummary` renders it. Pure.
 */
import type { Severity } from '../model/finding.js';
import { ciPassedOver, ciPath, findingText, likelyCause, lineCol, uncheckedText, unreadableText } from './ci.js';
import { markdownReport } from './markdown.js';
import { catalog, nameVisible, visible } from '../messages/index.js';
import { coverageText, langOf, passedOverLine, runLang, summaryCounts, type ReportInput } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's data (its message) as @actions/core's `escapeData` does: `%`, CR, LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property's value as @actions/core's `escapeProperty` does: also ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command, escaped exactly as @actions/core writes it, so that the runner reads a property back to the
 * very path: a TAB, ',', ':', '%', '=' or a line break in a file name included, and the annotation lands on that
 * file. Only what would act on a terminal showing the line, or reorder it, is drawn visibly first (`nameVisible`:
 * ESC → ␛, U+202E → `\u202e`), as everywhere povcheck writes input text. The message is what the log and the
 * annotation show: its texts from the input (names, cells) made visible, line by line (an escape sequence would
 * colour the log), its own line breaks (a finding, then its likely cause) kept, as `%0A`.
 */
function command(kind: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(nameVisible(String(v)))}`)
    .join(',');
  return `::${kind} ${p}::${escapeData(message.split('\n').map(visible).join('\n'))}`;
}

export function githubReport(input: ReportInput): string {
  const lines: string[] = [];
  for (const file of input.files) {
    const path = ciPath(file.file, input);
    if (file.status === 'unreadable') {
      lines.push(command('error', { file: path, title: 'povcheck unreadable' }, unreadableText(input, file)));
      continue;
    }
    if (file.status === 'unchecked') {
      lines.push(command('error', { file: path, title: 'povcheck unchecked' }, uncheckedText(input, file)));
    } else {
      // Some checks could not run: a notice on the file, so that a green run never hides the gap.
      const { clause, hint } = coverageText(file, langOf(input, file));
      if (clause) lines.push(command('notice', { file: path, title: 'povcheck coverage' }, [clause, hint].filter(Boolean).join('\n')));
    }
    // The likely cause goes under each finding it explains: the annotation a reviewer sees at the cell.
    const cause = likelyCause(input, file);
    file.findings.forEach((f, i) => {
      const at = lineCol(f);
      const text = findingText(input, file, f) + (cause?.explained.has(i) ? `\n→ ${cause.text}` : '');
      lines.push(command(COMMAND[f.severity], { file: path, line: at?.line, col: at?.col, title: `povcheck ${f.rule}` }, text));
    });
  }
  // A plain line for the log: not a command, so GitHub prints it as it is.
  lines.push(catalog(runLang(input)).ui.summary(summaryCounts(input.files)));
  // The .txt files not checked: a notice on the run (no file, no line), so the job's summary of annotations shows it.
  const passed = passedOverLine(input, ciPassedOver(input));
  if (passed) lines.push(command('notice', { title: 'povcheck' }, passed));
  return lines.join('\n') + '\n';
}

/** GitHub limits a step summary to 1 MiB; past that, findings are cut per file (they are all in the annotations). */
const SUMMARY_LIMIT = 1_000_000;

export function githubStepSummary(input: ReportInput): string {
  let md = markdownReport(input);
  for (const max of [200, 50, 10, 0]) {
    if (Buffer.byteLength(md) <= SUMMARY_LIMIT) break;
    md = markdownReport(input, { maxFindingsPerFile: max });
  }
  return md;
}
