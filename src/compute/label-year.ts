/**
 * The one year a table's indicator labels name (`Số hộ nghèo năm 2023`, `Tỷ lệ hộ nghèo cuối năm 2023`, `Poor
 * households in 2023`). The layouts print each indicator under its own heading (`Hộ nghèo: Số hộ`), without the
 * year; `table` says it in the line under the title instead, so that an appendix does not lose it.
 *
 * Only when every label that names a year names the same one: a label of two years (`giai đoạn 2022-2025`), a
 * change measured against a named year (`giảm so với năm 2016`: Annex.comparedWith), units that are years (a
 * series), a year written otherwise than after `năm`, `in` or `year` (a decision's `59/2015/QĐ-TTg`), or a start
 * figure named by its year alone (`Tỷ lệ hộ nghèo năm 2023` beside what it fell to) give none.
 */
import type { Annex } from '../model/annex.js';
import { cellText, type Cell } from '../model/grid.js';

const YEAR_WORD = /(?:^|[^\p{L}])(?:năm|in|year)\s+((?:19|20)\d{2})(?!\d)/giu;
const ANY_YEAR = /(?:^|\D)(?:19|20)\d{2}(?!\d)/gu;
const YEAR_UNIT = /^(?:năm\s+)?(?:19|20)\d{2}$/iu;
/** A start of the year said as such (`đầu năm 2023`, `at the start of 2023`). */
const START_WORD = /đầu\s+năm|\bstart|\bbeginning/iu;

export function labelYear(annex: Annex): number | undefined {
  for (const u of annex.units) if (YEAR_UNIT.test(u.name.trim())) return undefined;
  const years = new Set<string>();
  for (const [slot, cell] of Object.entries(annex.labelCells) as Array<[string, Cell | undefined]>) {
    if (!cell || annex.comparedWith?.[slot as keyof typeof annex.comparedWith] !== undefined) continue;
    const text = cellText(cell).normalize('NFC');
    const named = [...text.matchAll(YEAR_WORD)].map((m) => m[1]!);
    if ((text.match(ANY_YEAR) ?? []).length !== named.length) return undefined;
    // A start figure labelled by its year alone (`Tỷ lệ hộ nghèo năm 2023` beside `xuống còn`): the year the change
    // starts from, not the table's; the figures it falls to are of another.
    if (named.length > 0 && slot.endsWith('_start') && !START_WORD.test(text)) return undefined;
    for (const y of named) years.add(y);
  }
  return years.size === 1 ? Number([...years][0]) : undefined;
}

/** A phase counted over a period (`đầu kỳ`, `cuối kỳ`, `giảm trong kỳ`, `start of period`), and over a year. */
const PERIOD_PHASE = /(?<!\p{L})(?:đầu|cuối|trong)\s+kỳ(?!\p{L})|\b(?:start|end|beginning)\s+of\s+(?:the\s+)?period\b|\bduring\s+the\s+period\b/iu;
const YEAR_PHASE = /(?<!\p{L})(?:đầu|cuối|trong)\s+năm(?!\p{L})|\b(?:start|end|beginning)\s+of\s+(?:the\s+)?year\b|\bduring\s+the\s+year\b/iu;

/**
 * Whether the table's labels count their phases over a period (`Số hộ nghèo đầu kỳ`, `cuối kỳ`: a review over
 * 2021–2023), never over a year: `table` then prints its labels with the period's words, not "đầu năm" / "cuối năm",
 * which would say what the figures are not.
 */
export function labelPeriod(annex: Annex): boolean {
  const texts = (Object.values(annex.labelCells) as Array<Cell | undefined>).flatMap((cell) => (cell ? [cellText(cell).normalize('NFC')] : []));
  return texts.some((t) => PERIOD_PHASE.test(t)) && !texts.some((t) => YEAR_PHASE.test(t));
}

