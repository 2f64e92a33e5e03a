/**
 * Text keys for matching labels and unit names: case-, diacritic- and punctuation-insensitive.
 * "Tổng số hộ của toàn tỉnh đầu năm" → "tong so ho cua toan tinh dau nam". Labels and names repeat (in a
 * table, and across the files of a run): remembered, within a bound.
 */
export const foldKey: (text: string) => string = remembered(fold);

/** `f` with its answers remembered, at most 20,000 of them (past that the memory starts again). */
function remembered(f: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const key = f(text);
    if (known.size >= 20_000) known.clear();
    known.set(text, key);
    return key;
  };
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\W]+/gu, ' ')
    .trim();
}

/** A bracketed unit of measure at the end of a label: "(%)", "(hộ)", "(điểm %)", "(households)". */
const MEASURE_SUFFIX = /\s*[([]\s*(?:%|hộ|ho|households?|hh|điểm\s*%?|diem\s*%?|points?|pp|percentage points|người)\s*[)\]]\s*$/iu;

/**
 * A row or column label reduced to its wording: list markers ("1.", "a)", "- ", "+"), bracketed units
 * ("(%)", "(hộ)", "(điểm %)") and trailing colons are dropped before folding. Every cell of a table's first
 * rows and columns is asked, in every file of a run: remembered, within a bound.
 */
export const labelKey: (text: string) => string = remembered(labelKeyOf);

function labelKeyOf(text: string): string {
  let t = text.normalize('NFC').trim();
  t = t.replace(/^[-–—+*•·]+\s*/u, '');
  t = t.replace(/^(?:[0-9]{1,2}|[IVXivx]{1,4}|[a-zđ])[.)]\s+/u, '');
  t = t.replace(/^[-–—+*•·]+\s*/u, '');
  t = t.replace(MEASURE_SUFFIX, '');
  t = t.replace(/[:：]\s*$/u, '');
  return foldKey(t);
}

/** Unit names: NFC, case- and diacritic-insensitive, spacing and punctuation ignored. */
export function unitKey(name: string): string {
  return foldKey(name);
}

/**
 * A unit name's key with the configuration's unit aliases applied (folded alias → canonical name): an alias
 * gets its canonical name's key. The one way unit names are keyed (shape, series, targets, the chart).
 */
export function aliasedUnitKey(name: string, aliases: ReadonlyMap<string, string> | undefined): string {
  const k = unitKey(name);
  const canonical = aliases?.get(k);
  return canonical !== undefined ? unitKey(canonical) : k;
}
