/**
 * Entry to the message catalogues: pick one by language, format numbers for it, render message refs.
 */
import type { PovcheckError } from '../errors.js';
import type { Indicator } from '../model/indicators.js';
import { en } from './en.js';
import { vi } from './vi.js';
import { enCli } from './cli-en.js';
import { viCli } from './cli-vi.js';
import type { CliText } from './cli-types.js';
import { layoutWords, slotLabel } from './indicator-labels.js';
import type { Catalog, Fmt } from './types.js';
import type { Lang } from '../model/lang.js';
import { displayRef, type Cell } from '../model/grid.js';
import { parseDocumentCellRef } from '../model/document.js';
import type { MessageId, MessageRef, SkipId, SkipRef } from '../model/message-ref.js';
import { formatPlain } from './number-format.js';
import { visibleDeep } from './visible.js';

export type { Catalog, Fmt, SummaryCounts } from './types.js';
export { controlsVisible, nameVisible, visible } from './visible.js';
export { count, formatPlain } from './number-format.js';

export const LANGS: readonly Lang[] = ['vi', 'en'];

/**
 * A catalogue whose every function sees its texts through `visible` (visible.ts): whatever a unit name, a label,
 * a cell or a file name holds, a sentence built from it has no control character, line break, bidi override
 * or CI workflow command in it. Done here, once, rather than at each place a sentence is built.
 */
function visibleCatalog<T extends object>(cat: T): T {
  const objects = new WeakMap<object, object>();
  const functions = new WeakMap<(...args: unknown[]) => unknown, (...args: unknown[]) => unknown>();
  const wrap = (o: object): object => {
    let p = objects.get(o);
    if (!p) {
      p = new Proxy(o, {
        get(target, key) {
          const v = Reflect.get(target, key) as unknown;
          if (typeof v === 'function') {
            const fn = v as (...args: unknown[]) => unknown;
            let w = functions.get(fn);
            if (!w) {
              w = (...args: unknown[]) => {
                for (let i = 0; i < args.length; i++) args[i] = visibleDeep(args[i]);
                return fn.apply(target, args);
              };
              functions.set(fn, w);
            }
            return w;
          }
          return v !== null && typeof v === 'object' ? wrap(v) : v;
        },
      });
      objects.set(o, p);
    }
    return p;
  };
  return wrap(cat) as T;
}

/** Each language's catalogue, built and wrapped at its first use: a run in one language never builds the other's. */
let VI: Catalog | undefined;
let EN: Catalog | undefined;
/** The same catalogues unwrapped: `renderMessage` applies `visible` to what it passes itself. */
let VI_RAW: Catalog | undefined;
let EN_RAW: Catalog | undefined;

export function catalog(lang: Lang): Catalog {
  return lang === 'vi' ? (VI ??= visibleCatalog(rawCatalog(lang))) : (EN ??= visibleCatalog(rawCatalog(lang)));
}

function rawCatalog(lang: Lang): Catalog {
  return lang === 'vi' ? (VI_RAW ??= vi()) : (EN_RAW ??= en());
}

/**
 * The command line's texts (help, option errors): `catalog(lang).cli`, without building the rest of the catalogue
 * (every run builds its program's help texts; a run's messages may be in the table's language, or none).
 */
let CLI_VI: CliText | undefined;
let CLI_EN: CliText | undefined;

export function cliText(lang: Lang): CliText {
  return lang === 'vi' ? (CLI_VI ??= visibleCatalog(viCli)) : (CLI_EN ??= visibleCatalog(enCli));
}


/** `period`: the indicators labelled with a period's words (`cuối kỳ`, not `cuối năm`: compute/label-year.ts `labelPeriod`). */
export function makeFmt(lang: Lang, locale: 'vi' | 'en' = lang, o: { period?: boolean } = {}): Fmt {
  return new Formatting(lang, locale, !!o.period);
}

/**
 * A language's number, label and list formatting. An object of a class, not a plain one: it holds no text from
 * the input, and `visibleDeep` passes such an object as it is, so the catalogue's gate reads only the texts a
 * message is given, not this object's members at every sentence.
 */
class Formatting implements Fmt {
  constructor(
    readonly lang: Lang,
    private readonly locale: 'vi' | 'en',
    readonly period = false,
  ) {}

  n = (p: string): string => formatPlain(p, this.locale);

  term = (p: string): string => (p.trimStart().startsWith('-') ? `(${this.n(p)})` : this.n(p));

  ind = (i: Indicator): string => {
    const label = slotLabel(i, this.lang, (k) => (catalog(this.lang).ui.indicatorLabels as Record<string, string | undefined>)[k]);
    return this.period ? layoutWords(this.lang).ofPeriod(label) : label;
  };

  list = (items: string[]): string => {
    if (items.length <= 1) return items.join('');
    const and = this.lang === 'vi' ? ' và ' : ' and ';
    return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
  };
}

/**
 * A message's sentence, from the unwrapped catalogue with `visible` applied here to what it is given, as
 * `visibleCatalog`'s wrapper would: no proxy and no wrapper to go through for each of a report's thousands of
 * messages.
 */
export function renderMessage(ref: MessageRef, fmt: Fmt): string {
  const cat = rawCatalog(fmt.lang);
  const fn = cat[ref.id as MessageId] as (p: unknown, f: Fmt) => string;
  return fn.call(cat, visibleDeep(ref.params), visibleDeep(fmt));
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

/**
 * A cell as people find it: "I6", "Phụ lục!I6", or in a plan document's table "Table 1, row 3, column 4"
 * (reports for machines keep the stable reference, "T1R3C4").
 */
export function cellLabel(cell: Pick<Cell, 'ref' | 'sheet' | 'table'>, lang: Lang): string {
  return cell.table !== undefined ? refLabel(cell.ref, lang) : displayRef(cell);
}

/** A displayed reference as people read it: a plan document's "T1R3C4" becomes "Table 1, row 3, column 4" ("T1C4": a column). An A1 reference never reads as one. */
export function refLabel(ref: string, lang: Lang): string {
  const d = catalog(lang).document;
  const at = parseDocumentCellRef(ref);
  if (at) return d.cell(at.table, at.row, at.col);
  const col = /^T(\d+)C(\d+)$/.exec(ref);
  return col ? d.column(Number(col[1]), Number(col[2])) : ref;
}
