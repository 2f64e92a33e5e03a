/**
 * A cell of a named sheet written as Excel and LibreOffice take it back (Name Box, Go To, a formula):
 * `Sheet1!D11`, `'Chỉ tiêu 2017'!D11`, `'Hộ nghèo ''20'!A1`. Excel's rule: the sheet's name is quoted, an
 * apostrophe in it doubled, unless it is letters (any script's: Vietnamese letters with their marks are letters),
 * digits, `_` and `.`, starting with a letter or `_`, and could not be read as a reference itself (`A1`, `XFD100`,
 * `R1C1`, `R`, `C3`). Every reference povcheck writes with its sheet goes through `sheetCellRef`; `parseSheetRef`
 * reads one back, quoted or not (reports written before the quotes: `Chỉ tiêu 2017!D11`).
 */

/** Letters, digits, `_` and `.`, from a letter or `_`: a name Excel writes bare (unless it reads as a reference). */
const BARE_NAME = /^[\p{L}_][\p{L}0-9_.]*$/u;
/** An A1 reference's form (column letters, then a row number). */
const A1_FORM = /^[A-Za-z]{1,3}[0-9]+$/;
/** An R1C1 reference's form, its numbers optional (`R`, `C`, `RC`, `R2`, `R1C1`). */
const R1C1_FORM = /^(?:[Rr][0-9]*(?:[Cc][0-9]*)?|[Cc][0-9]*)$/;

/** Whether a sheet's name must be quoted in a reference. */
export function sheetNeedsQuotes(sheet: string): boolean {
  return !BARE_NAME.test(sheet) || A1_FORM.test(sheet) || R1C1_FORM.test(sheet);
}

/** The name between apostrophes, an apostrophe in it doubled: `'Hộ nghèo ''20'` (read back by any spreadsheet whatever the name). */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Chỉ tiêu 2017'!D11`, `Sheet1!D11`: a cell (or range) of a sheet, quoted where the name needs it. */
export function sheetCellRef(sheet: string, ref: string): string {
  return sheetPrefix(sheet) + ref;
}

/** Each sheet's prefix, made once: a report names the cells of its few sheets many times. */
const PREFIXES = new Map<string, string>();
const MAX_PREFIXES = 64;

function sheetPrefix(sheet: string): string {
  let prefix = PREFIXES.get(sheet);
  if (prefix === undefined) {
    prefix = `${sheetNeedsQuotes(sheet) ? quotedSheetName(sheet) : sheet}!`;
    if (PREFIXES.size < MAX_PREFIXES) PREFIXES.set(sheet, prefix);
  }
  return prefix;
}

/** A quoted sheet's name and the rest after its `!`. */
const QUOTED = /^'((?:[^']|'')+)'!(.*)$/s;

/**
 * A reference read back: `'Chỉ tiêu 2017'!D11` and `Chỉ tiêu 2017!D11` → { sheet: "Chỉ tiêu 2017", ref: "D11" };
 * `D11` → { ref: "D11" }. The reference part is as written (a cell, a range, a Word table's `T1R3C4`).
 */
export function parseSheetRef(text: string): { sheet?: string; ref: string } {
  const quoted = QUOTED.exec(text);
  if (quoted) return { sheet: quoted[1]!.replace(/''/g, "'"), ref: quoted[2]! };
  const bang = text.lastIndexOf('!');
  return bang < 0 ? { ref: text } : { sheet: text.slice(0, bang), ref: text.slice(bang + 1) };
}
