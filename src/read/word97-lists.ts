/**
 * A Word 97–2003 document's automatic list numbers ([MS-DOC] PlfLst with its LVLs, PlfLfo), as the same definitions
 * docx-numbering.ts reads from a .docx's numbering.xml, so that a paragraph numbered by a list reads as Word shows it
 * ("I. MỤC TIÊU", an STT column numbered I, 1, 2 …) and is counted the same way. Each list (LSTF) has nine levels
 * (one when simple), each a start, a number format (nfc) and a level text whose characters 0–8 stand for the levels'
 * numbers; a paragraph names a list override (LFO, sprmPIlfo, 1-based) and a level (sprmPIlvl); an override may restart
 * a level at another number (LFOLVL's fStartAt). A damaged list is not read (the paragraphs then have no number),
 * never read past its stream.
 */
import { PovcheckError } from '../errors.js';
import { listNumbers, type ListNumbers, type NumberingDefinitions } from './docx-numbering.js';
import type { Stream } from './word97-properties.js';

/** nfc → the .docx numFmt names docx-numbering.ts formats. */
const FORMATS: Readonly<Record<number, string>> = { 0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter', 22: 'decimalZero', 23: 'bullet', 255: 'none' };

/** Lists and levels read at most (Word's own limits are far below). */
const MAX_LISTS = 10_000;
const LSTF = 28;
const LVLF = 28;
const LFO = 16;

type Pair = { fc: number; lcb: number } | undefined;

/** The document's lists, or undefined when it has none (or they cannot be read). */
export function wordLists(table: Stream, plfLst: Pair, plfLfo: Pair): ListNumbers | undefined {
  if (!plfLst || plfLst.lcb < 2 || !plfLfo || plfLfo.lcb < 4) return undefined;
  try {
    const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
    readLists(table, plfLst.fc, defs);
    readOverrides(table, plfLfo.fc, defs);
    return listNumbers(defs);
  } catch (e) {
    // A list past its stream (Stream's damage) is not read; anything else is a fault of povcheck's, not hidden.
    if (e instanceof PovcheckError) return undefined;
    throw e;
  }
}

/** PlfLst: the lists (LSTF), then every list's levels (LVL) one after the other. */
function readLists(table: Stream, fc: number, defs: NumberingDefinitions): void {
  const count = Math.min(table.i16(fc), MAX_LISTS);
  let at = fc + 2 + count * LSTF;
  for (let k = 0; k < count; k++) {
    const lstf = fc + 2 + k * LSTF;
    const lsid = String(table.u32(lstf));
    const simple = (table.u8(lstf + 26) & 1) === 1;
    const levels = new Map<number, { start: number; format: string; text: string }>();
    for (let ilvl = 0; ilvl < (simple ? 1 : 9); ilvl++) {
      const lvl = readLevel(table, at);
      levels.set(ilvl, lvl.level);
      at = lvl.next;
    }
    defs.abstracts.set(lsid, levels);
  }
}

/** One LVL: its LVLF, its paragraph and character properties (skipped), its level text (Xst). */
function readLevel(table: Stream, at: number): { level: { start: number; format: string; text: string }; next: number } {
  const start = table.u32(at) | 0;
  const format = FORMATS[table.u8(at + 4)] ?? 'decimal';
  const properties = table.u8(at + 24) + table.u8(at + 25);
  const xst = at + LVLF + properties;
  const cch = table.u16(xst);
  let text = '';
  for (let i = 0; i < cch; i++) {
    const c = table.u16(xst + 2 + i * 2);
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  return { level: { start, format, text: text.slice(0, 64) }, next: xst + 2 + cch * 2 };
}

/** PlfLfo: the overrides (LFO, naming a list by its lsid), then each one's restarted levels (LFOLVL, with an LVL when it formats). */
function readOverrides(table: Stream, fc: number, defs: NumberingDefinitions): void {
  const count = Math.min(table.u32(fc), MAX_LISTS);
  let at = fc + 4 + count * LFO;
  for (let k = 0; k < count; k++) {
    const lfo = fc + 4 + k * LFO;
    const overrides = new Map<number, number>();
    const num = { abstract: String(table.u32(lfo)), overrides };
    defs.nums.set(String(k + 1), num);
    const levels = table.u8(lfo + 12);
    at += 4;
    for (let i = 0; i < levels; i++) {
      const startAt = table.u32(at) | 0;
      const flags = table.u32(at + 4);
      at += 8;
      if (flags & 0x10) overrides.set(flags & 0x0f, startAt);
      if (flags & 0x20) {
        // The override formats the level itself: this override's own copy of the list, counted on its own.
        const lvl = readLevel(table, at);
        at = lvl.next;
        const own = `${num.abstract}/${k + 1}`;
        defs.abstracts.set(own, new Map([...(defs.abstracts.get(num.abstract) ?? []), [flags & 0x0f, lvl.level]]));
        num.abstract = own;
      }
    }
  }
}
