/**
 * A proposed value written the way the table writes its numbers: the file's number format (210.299 / 11,80
 * or 210,299 / 11.80, or plain), grouping as the cell or the table does, a "%" kept where it was typed.
 */
import type { Annex, Value } from '../model/annex.js';
import { indicatorKind } from '../model/indicators.js';
import { tableFacts } from './table.js';

/** Whether the table groups thousands in its counts (most counts of four digits or more show a separator; tallied once per table). */
export function groupsThousands(annex: Annex): boolean {
  return tableFacts(annex).grouping;
}

/**
 * The cell text for the plain digits `plain` ("4693", "11.80") in place of `original` (without the spaces
 * around the raw cell).
 */
export function formatCellValue(plain: string, original: Value, annex: Annex, grouping = groupsThousands(annex)): string {
  const kind = indicatorKind(original.indicator);
  const sign = plain.startsWith('-') ? '-' : '';
  const locale = annex.locale;
  const [int, frac] = plain.replace(/^-/, '').split('.') as [string, string | undefined];
  if (kind === 'count') {
    const m = /\d([.,\s\u00a0\u2007\u202f])\d{3}/.exec(original.text);
    const sep = m ? m[1]! : locale === 'plain' || !grouping ? '' : locale === 'vi' ? '.' : ',';
    return sign + (sep ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int);
  }
  const mark = (annex.rateLocale ?? locale) === 'vi' ? ',' : '.';
  const pct = /(\s*%)$/.exec(original.text)?.[1] ?? '';
  return sign + int + (frac !== undefined ? mark + frac : '') + pct;
}
