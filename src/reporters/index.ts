/**
 * The report formats and where each lives. A command imports only the reporters it was asked for.
 */
import type { ReportInput } from './types.js';
import type { TextOptions } from './text.js';

export const FORMATS = ['text', 'json', 'html', 'github', 'sarif', 'junit', 'markdown', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

/**
 * One format as pieces of text, made as they are written: the JSON report piece by piece (a large table's
 * findings never held as one tree and one string); every other format is one piece.
 */
export async function renderPieces(format: Format, input: ReportInput, text: TextOptions): Promise<Iterable<string>> {
  if (format === 'json') return (await import('./json.js')).jsonReportPieces(input);
  return [await render(format, input, text)];
}

/** Renders one format (loading its module). `text` needs the terminal's style and width. */
export async function render(format: Format, input: ReportInput, text: TextOptions): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).textReport(input, text);
    case 'json':
      return (await import('./json.js')).jsonReport(input);
    case 'html':
      return (await import('./html.js')).htmlReport(input, input.targets ? { targets: input.targets } : {});
    case 'github':
      return (await import('./github.js')).githubReport(input);
    case 'sarif':
      return (await import('./sarif.js')).sarifReport(input);
    case 'junit':
      return (await import('./junit.js')).junitReport(input);
    case 'markdown':
      return (await import('./markdown.js')).markdownReport(input);
    case 'gitlab':
      return (await import('./gitlab.js')).gitlabReport(input);
  }
}
