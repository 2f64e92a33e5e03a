/**
 * A workbook whose first sheet holds no poverty table (a cover page, `Bìa`), read without a sheet named: its next
 * sheets are read in order and the first one `use` takes is the table (validate, table and plan alike). The sheets
 * passed over are named, for the output to say so.
 */
import { PovcheckError } from '../errors.js';

/** Sheets tried, at most, for the first that holds a table. */
export const SHEETS_TRIED = 20;

/**
 * `use(first)`, or, when it refuses the sheet as no table (NOT_A_TABLE) and `first` is a workbook's sheet read
 * without `--sheet`, `use` of the first later sheet it takes (`read(position)`, 1-based, from 2), with the names of
 * the sheets before it. Any other refusal, or none taken, is the first sheet's.
 */
export async function firstTableSheet<G, R>(
  first: G,
  sheetOf: (g: G) => string | undefined,
  read: (position: string) => Promise<G>,
  use: (g: G) => R | Promise<R>,
): Promise<{ result: R; passedOver?: string[] }> {
  try {
    return { result: await use(first) };
  } catch (e) {
    const firstSheet = sheetOf(first);
    if (!notATable(e) || firstSheet === undefined) throw e;
    const passedOver = [firstSheet];
    for (let n = 2; n <= SHEETS_TRIED; n++) {
      let next: G;
      try {
        next = await read(String(n));
      } catch (x) {
        if (x instanceof PovcheckError && x.code === 'SHEET_NOT_FOUND') break;
        throw x;
      }
      const sheet = sheetOf(next);
      if (sheet === undefined) break;
      try {
        return { result: await use(next), passedOver };
      } catch (x) {
        if (!notATable(x)) throw x;
        passedOver.push(sheet);
      }
    }
    throw e;
  }
}

const notATable = (e: unknown): boolean => e instanceof PovcheckError && e.code === 'NOT_A_TABLE';
