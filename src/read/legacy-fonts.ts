/**
 * A workbook's text typed in a legacy Vietnamese font: in an old template, labels and names are typed with .VnTime
 * (TCVN3/ABC) or VNI-Times (VNI), each letter stored as the Windows-1252 character whose byte the font draws as it
 * (`Tæng sè hé nghÌo`, `S¬n D­¬ng`). Read as stored, no label is recognised. As for a delimited file (decode.ts),
 * such text is named and refused unless `--encoding tcvn3|vni` says which font it was. Then, when more of the
 * workbook's text cells show a legacy font's marks (characters no Unicode Vietnamese word has: `æ`, `¬`, `×`, `ø`)
 * than hold Unicode-only Vietnamese letters (a CI job naming the font for a folder leaves Unicode workbooks as they
 * are), every text cell without a Unicode-only letter is read through the font's table (legacy.ts
 * `repairLegacyText`), and the grid's source says so. Numbers, formulas and sheet names are left as they are (a
 * cell's reference keeps its sheet's name).
 */
import { PovcheckError } from '../errors.js';
import type { Cell, Grid } from '../model/grid.js';
import type { EncodingChoice } from './encoding-choices.js';
import { detectLegacyText, repairLegacyText, UNICODE_ONLY } from './legacy.js';

/** How much of a workbook's text is judged (as of a delimited file's head). */
const HEAD_CHARS = 64 * 1024;
/** Characters a legacy font's text holds and plain ASCII text does not (Windows-1252's upper half). */
const NOT_ASCII = /[^\u0000-\u007f]/;
/**
 * The Windows-1252 characters of a legacy font's letters that no Unicode Vietnamese letter is (Latin-1's signs, and
 * its letters but À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý and their small forms); a no-break space is not one.
 */
const FONT_MARK = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;

function textCells(grid: Grid): Cell[] {
  const out: Cell[] = [];
  for (const row of grid.rows) for (const c of row ?? []) if (c && c.numeric === undefined && c.raw !== '') out.push(c);
  return out;
}

/**
 * How to read texts (a workbook's text cells, a document's paragraphs and cells) typed perhaps in a legacy font:
 * undefined to keep them as they are; a reader through the font's table under `--encoding tcvn3|vni` when more of
 * them show the font's marks than hold Unicode-only letters; refused (ENCODING_LEGACY, `what` says whose text) when
 * they read as such a font and no encoding names it.
 */
export function legacyFontReading(texts: readonly string[], encoding: EncodingChoice | undefined, what: 'workbook' | 'document'): { font: 'tcvn3' | 'vni'; read(text: string): string } | undefined {
  if (!texts.some((t) => NOT_ASCII.test(t))) return undefined;
  if (encoding === 'tcvn3' || encoding === 'vni') return fontReader(texts, encoding);
  if (encoding !== undefined && encoding !== 'auto') return undefined;
  let head = '';
  for (const t of texts) {
    if (head.length >= HEAD_CHARS) break;
    head += `${t}\n`;
  }
  const legacy = detectLegacyText(head);
  if (legacy && legacy.likely !== 'windows-1258') throw new PovcheckError('ENCODING_LEGACY', { ...legacy, ...(what === 'workbook' ? { workbook: true } : { document: true }) }, { lang: 'vi' });
  return undefined;
}

/** The grid with its legacy-font text read as Unicode (`--encoding tcvn3|vni`), or refused when it holds such text unnamed. */
export function withUnicodeText(grid: Grid, encoding: EncodingChoice | undefined): Grid {
  const reading = legacyFontReading(textCells(grid).map((c) => c.raw), encoding, 'workbook');
  if (!reading) return grid;
  const rows = grid.rows.map((row) => {
    const out: Cell[] = [];
    (row ?? []).forEach((c, i) => {
      out[i] = c && c.numeric === undefined ? { ...c, raw: reading.read(c.raw) } : c;
    });
    return out;
  });
  return { ...grid, rows, source: grid.source.kind === 'workbook' ? { ...grid.source, legacyFont: reading.font } : grid.source };
}

/** A reader through `font`'s table, when the texts are mostly the font's (a text with a Unicode-only letter kept as typed). */
function fontReader(texts: readonly string[], font: 'tcvn3' | 'vni'): { font: 'tcvn3' | 'vni'; read(text: string): string } | undefined {
  let unicode = 0;
  let marked = 0;
  for (const t of texts) {
    if (UNICODE_ONLY.test(t)) unicode++;
    else if (FONT_MARK.test(t)) marked++;
  }
  if (marked <= unicode) return undefined;
  const memo = new Map<string, string>();
  return {
    font,
    read(text) {
      if (!NOT_ASCII.test(text) || UNICODE_ONLY.test(text)) return text;
      let out = memo.get(text);
      if (out === undefined) memo.set(text, (out = repairLegacyText(text, font)));
      return out;
    },
  };
}
