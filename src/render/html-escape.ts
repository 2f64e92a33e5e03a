/**
 * Escaping for the HTML renderers, safe by default: the `html` template tag escapes every interpolated value
 * unless it is already `SafeHtml` (the result of another `html` template, or `raw()` for markup the code itself
 * wrote). Every piece of text from an input file (labels, unit names, cell text, file names) therefore reaches
 * the page as text: `<script>alert(1)</script>` shows as those characters.
 */

import { controlsVisible } from '../messages/visible.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text → HTML text or attribute value (`&`, `<`, `>`, `"`, `'` escaped; control characters as their pictures). */
export function escapeHtml(text: string): string {
  return controlsVisible(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already safe to emit as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks markup written by povcheck itself (never input text) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/** One value as HTML: SafeHtml as is, text escaped, arrays concatenated, null/undefined/false as nothing. */
export function toHtml(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(toHtml).join('');
  return escapeHtml(String(v));
}

/** Template tag: the literal parts are markup, every `${value}` is escaped unless it is SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Joins fragments with a separator (itself markup). */
export function joinHtml(parts: readonly HtmlValue[], sep = ''): SafeHtml {
  return new SafeHtml(parts.map(toHtml).join(sep));
}

/**
 * A string usable as an element id and URL fragment: letters, digits, `-` and `_` kept, anything else
 * written as `_` plus its code point, so distinct inputs stay distinct ("Sheet 1!I6" → "Sheet_20_1_21_I6").
 */
export function htmlId(...parts: Array<string | number>): string {
  return parts
    .map((p) => String(p).replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`))
    .join('-');
}
