/**
 * Text from the input (unit names, labels, cell text, file names) shown safely on a terminal and in a CI log.
 * A name may hold anything: an escape sequence that recolours or rewrites the terminal, a line break that
 * forges a "✔ … no errors" line, a bidi override that reorders what is shown, or a CI workflow command
 * (`::error::…` at the start of a line in GitHub Actions, `##[…]` / `##vso[…]` in Azure Pipelines).
 * `visible` makes all of it visible and inert:
 *
 * - C0 controls (line breaks and TAB included) and DEL as their Unicode control pictures (ESC → ␛, LF → ␊);
 * - C1 controls, the line and paragraph separators and the bidi controls as `\u202e`-style text;
 * - `::` at the start of the text (after spaces) and `##[` / `##vso[` anywhere with a look-alike colon or
 *   number sign (꞉ U+A789, ＃ U+FF03), so no echoed text can start a workflow command.
 *
 * Idempotent: applying it twice changes nothing more. The message catalogues apply it to every text they are
 * given (messages/index.ts), the text report and the tables to every cell they draw.
 */

/** The line and paragraph separators and the bidi controls (written as `\u202e`-style text). */
const BIDI = '\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${BIDI}]`);
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');
const COMMAND_START = /^(\s*):(?=:)/;
const LOG_COMMAND = /##(?=(?:vso)?\[)/gi;

function picture(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

export function visible(text: string): string {
  // Most texts (digits, names, labels) hold nothing any rule below changes: read once, returned as they are. A
  // character a rule reads sends the text through the rules: a control (C0, DEL, C1), `:` or `#`, U+061C, or
  // anything from U+200E on (the separators and bidi controls among them). Latin letters with diacritics,
  // Vietnamese included (U+00A0–U+1EFF), are none of these. (The test is written in the loop, not called: large
  // files are checked with V8's inlining off.)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x7f ? c < 0x20 || c === 0x3a || c === 0x23 : c < 0xa0 || c === 0x61c || c >= 0x200e) return madeVisible(text);
  }
  return text;
}

/** Controls other than TAB, LF and CR (C0, DEL, C1): what a data file (CSV, HTML) carries only to act on a terminal. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * The controls of a text written into a data file (a CSV cell, an HTML page) as their pictures (ESC → ␛), its line
 * breaks and TABs kept: a unit name cannot recolour or clear the terminal the file is printed to.
 */
export function controlsVisible(text: string): string {
  return text.replace(CONTROLS, picture);
}

const BIDI_ALL = new RegExp(`[${BIDI}]`, 'g');

/**
 * A file name in a line a machine reads back (a GitHub annotation's `file=`): what would act on a terminal showing
 * the line or reorder it (the controls of `controlsVisible`, the bidi controls and separators) as `visible` shows it,
 * and `##[` / `##vso[` with a look-alike number sign (a runner that fails to read the line as `::error` reads a legacy
 * command anywhere in it; Azure Pipelines always does); everything else as it is: its TABs, and its line breaks,
 * which the format escapes itself.
 */
export function nameVisible(text: string): string {
  const s = controlsVisible(text).replace(BIDI_ALL, picture);
  return s.includes('##') ? s.replace(LOG_COMMAND, '#\uff03') : s;
}

function madeVisible(text: string): string {
  let s = UNSAFE.test(text) ? text.replace(UNSAFE_ALL, picture) : text;
  if (s.includes('::')) s = s.replace(COMMAND_START, '$1\ua789');
  if (s.includes('##')) s = s.replace(LOG_COMMAND, '#\uff03');
  return s;
}

/** `visible` applied to every string inside a value (arrays and plain objects, copied only when something changes). */
export function visibleDeep<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (value === null || typeof value !== 'object') return value;
  // (Plain loops: this runs for every message rendered, thousands in a large report.)
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const w = visibleDeep(v);
      if (w !== v) (out ??= value.slice())[i] = w;
    }
    return (out ?? value) as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const k in obj) {
    const v = obj[k];
    // A string (most members: a message's figures and names) checked here, without a call to visibleDeep.
    const w = typeof v === 'string' ? visible(v) : v !== null && typeof v === 'object' ? visibleDeep(v) : v;
    if (w !== v) (out ??= { ...obj })[k] = w;
  }
  return (out ?? value) as T;
}
