/**
 * Counts that lost the zeros of their last group: `39.88` in a table of Vietnamese format (`39,88` in English
 * format). A spreadsheet with the other number settings reads `39.880` as the decimal 39.88 and writes it back so
 * when the table is saved as text again ("Unicode Text", CSV); `210.299` comes back as it was, so only the counts
 * ending in zero are left malformed (found saving the seed through LibreOffice in an English locale). Each such
 * `number.grouping` error says what was probably typed (`restored`), and one warning at the first says why and what
 * to do, when two counts or more have that form: one alone is as likely a slip of the keyboard. Pure.
 */
import { compareFindings, type Finding } from '../model/finding.js';
import { indicatorKind } from '../model/indicators.js';
import type { MessageParams } from '../model/message-ref.js';
import { displayRef } from '../model/grid.js';

/** The digits before and after the one separator of a count that lost the zeros of its last group, or undefined. */
function droppedZeros(text: string, locale: 'vi' | 'en'): string | undefined {
  const m = (locale === 'vi' ? /^(\d{1,3})\.(\d{1,2})$/ : /^(\d{1,3}),(\d{1,2})$/).exec(text.trim());
  return m ? `${m[1]}${locale === 'vi' ? '.' : ','}${m[2]!.padEnd(3, '0')}` : undefined;
}

/** The findings with each count that lost its zeros saying what was typed, and the one warning that says why. */
export function withZerosDropped(findings: Finding[]): Finding[] {
  const restored = new Map<Finding, string>();
  for (const f of findings) {
    if (f.rule !== 'number' || f.msg.id !== 'number.grouping' || !f.indicator || indicatorKind(f.indicator) !== 'count') continue;
    const p = f.msg.params as MessageParams['number.grouping'];
    const typed = droppedZeros(p.text, p.locale);
    if (typed !== undefined) restored.set(f, typed);
  }
  if (restored.size < 2) return findings;
  const first = [...restored.keys()].sort(compareFindings)[0]!;
  const typed = restored.get(first)!;
  const p = first.msg.params as MessageParams['number.grouping'];
  const warning: Finding = {
    rule: 'number',
    severity: 'warning',
    ...(first.at ? { at: first.at } : {}),
    msg: { id: 'number.zeros-dropped', params: { cell: first.at ? displayRef(first.at) : '', text: p.text.trim(), restored: typed, count: restored.size } },
  };
  const out = findings.map((f) => {
    const typedHere = restored.get(f);
    return typedHere === undefined ? f : { ...f, msg: { id: 'number.grouping' as const, params: { ...(f.msg.params as MessageParams['number.grouping']), restored: typedHere } } };
  });
  return [...out, warning];
}
