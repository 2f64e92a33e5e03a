/**
 * A spreadsheet number as the cell shows it. A workbook stores binary floating-point numbers (a rate typed
 * or computed as 9.739999999999 shown as 9,74 with the format 0.00); the annex is what people see, so povcheck
 * takes each number at the precision its number format displays, as exact decimal digits:
 *
 * - a format with decimals (`0.00`, `#,##0.00`, `0.00%`, `#,##0" hộ"`): rounded half-up to that many decimals
 *   (`%` multiplies by 100, as displayed);
 * - General (or a format povcheck does not model: scientific, text): the number to 15 significant digits, the
 *   precision spreadsheets keep, without trailing zeros, which removes binary artefacts (0.1 + 0.2 is 0.3).
 *
 * The conversion starts from the shortest decimal string that identifies the double (JavaScript's
 * Number#toString), never from the double's binary expansion, and works in decimal.js from there.
 */
import { Dec } from '../calc/decimal.js';

export type DisplayFormat = { kind: 'general' } | { kind: 'fixed'; decimals: number; percent: boolean };

/** The first section of a format code (positive numbers), with literals, escapes, fills and brackets removed. */
function firstSection(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === ';') break;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
      continue;
    }
    if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      continue;
    }
    if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
      continue;
    }
    out += ch;
  }
  return out;
}

export function parseNumberFormat(code: string | undefined): DisplayFormat {
  if (!code) return { kind: 'general' };
  const s = firstSection(code);
  if (/general/i.test(s) || !/[0#?]/.test(s) || /[eE][+-]/.test(s)) return { kind: 'general' };
  const dot = s.indexOf('.');
  let decimals = 0;
  if (dot >= 0) for (let i = dot + 1; i < s.length && /[0#?]/.test(s[i]!); i++) decimals++;
  return { kind: 'fixed', decimals, percent: s.includes('%') };
}

/** Significant digits a spreadsheet keeps and displays at most. */
const SPREADSHEET_DIGITS = 15;

/**
 * The exact digits a cell holding `value` shows under `format`: "9.74", "210299", "11.8".
 * `percent` says whether the display carries a % sign (the digits are then the percentage).
 */
export function displayedDigits(value: number, format: DisplayFormat): { digits: string; percent: boolean } {
  if (!Number.isFinite(value)) return { digits: String(value), percent: false };
  let d = new Dec(String(value)).toSignificantDigits(SPREADSHEET_DIGITS, Dec.ROUND_HALF_UP);
  if (format.kind === 'general') return { digits: d.isZero() ? '0' : d.toFixed(), percent: false };
  if (format.percent) d = d.times(100);
  d = d.toDecimalPlaces(format.decimals, Dec.ROUND_HALF_UP);
  if (d.isZero()) d = d.abs();
  return { digits: d.toFixed(format.decimals), percent: format.percent };
}
