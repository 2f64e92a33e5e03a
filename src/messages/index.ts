/**
 * Entry to the message catalogues: pick one by language, format numbers for it, render message refs.
 */
import type { PovcheckError } from '../errors.js';
import type { Indicator } from '../model/indicators.js';
import { en } from './en.js';
import { vi } from './vi.js';
import { slotLabel } from './indicator-labels.js';
import type { Catalog, Fmt, Lang, MessageId, MessageRef, SkipId, SkipRef } from './types.js';

export type { Lang, Catalog, Fmt, MessageId, MessageRef, MessageParams, SkipRef, SkipId, SummaryCounts } from './types.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

export function catalog(lang: Lang): Catalog {
  return lang === 'vi' ? vi : en;
}

/**
 * Writes plain digits ("210299", "-11.80") in a number format: Vietnamese groups with "." and marks
 * decimals with ","; English the other way round. The digits themselves are never changed.
 */
export function formatPlain(plainDigits: string, locale: 'vi' | 'en'): string {
  const m = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(plainDigits);
  if (!m) return plainDigits;
  const [, sgn, int, frac] = m;
  const group = locale === 'vi' ? '.' : ',';
  const mark = locale === 'vi' ? ',' : '.';
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sgn === '-' ? '-' : sgn}${grouped}${frac !== undefined ? mark + frac : ''}`;
}

export function makeFmt(lang: Lang, locale: 'vi' | 'en' = lang): Fmt {
  const cat = catalog(lang);
  return {
    lang,
    n: (p) => formatPlain(p, locale),
    ind: (i: Indicator) => slotLabel(i, lang, (k) => (cat.ui.indicatorLabels as Record<string, string | undefined>)[k]),
    list: (items) => {
      if (items.length <= 1) return items.join('');
      const and = lang === 'vi' ? ' và ' : ' and ';
      return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
    },
  };
}

export function renderMessage(ref: MessageRef, fmt: Fmt): string {
  const fn = catalog(fmt.lang)[ref.id as MessageId] as (p: unknown, f: Fmt) => string;
  return fn(ref.params, fmt);
}

/** The sentence of a PovcheckError (why an input cannot be read, what is wrong with an option), in a language. */
export function renderError(e: Pick<PovcheckError, 'code' | 'params'>, lang: Lang): string {
  return (catalog(lang).errors[e.code] as (p: unknown) => string)(e.params);
}

export function renderSkip(ref: SkipRef, fmt: Fmt): string {
  const fn = catalog(fmt.lang)[ref.id as SkipId] as (p: unknown, f: Fmt) => string;
  return fn(ref.params, fmt);
}

export function isLang(s: string): s is Lang {
  return s === 'vi' || s === 'en';
}
