/**
 * A BIFF8 formula's tokens (its "parsed expression", Reverse Polish) → the A1 text a workbook shows and xlsx.ts keeps
 * (`ROUND(D4/D1*100,2)`, `SUM(C5:C9)`, `'Na Hang'!E3`), for localisation to parse as it parses an .xlsx's. A shared
 * formula's relative references (ptgRefN, ptgAreaN) are placed from the cell that uses it (`base`).
 *
 * What it does not model (defined names, other workbooks, array constants, an unknown function with a fixed number
 * of arguments, a token it does not know) is written `…`: the formula is still a formula (the cell is computed, its
 * value cached), one localisation does not parse, so it treats the cell as entered, as for any formula it cannot read.
 */
import { columnLetters } from '../model/grid.js';

export interface FormulaContext {
  /** The sheet a 3-D reference's `ixti` names; undefined for another workbook's. */
  sheetOf(ixti: number): string | undefined;
}

/** A formula, or a part of one, not read. */
export const UNREAD_FORMULA = '…';
const UNKNOWN = UNREAD_FORMULA;

/** Functions by their number: name and, for those called with a fixed number of arguments (ptgFunc), that number. */
const FUNCTIONS: Record<number, [string, number?]> = {
  0: ['COUNT'], 1: ['IF'], 2: ['ISNA', 1], 3: ['ISERROR', 1], 4: ['SUM'], 5: ['AVERAGE'], 6: ['MIN'], 7: ['MAX'], 8: ['ROW'], 9: ['COLUMN'],
  10: ['NA', 0], 11: ['NPV'], 12: ['STDEV'], 13: ['DOLLAR'], 14: ['FIXED'], 15: ['SIN', 1], 16: ['COS', 1], 17: ['TAN', 1], 18: ['ATAN', 1], 19: ['PI', 0],
  20: ['SQRT', 1], 21: ['EXP', 1], 22: ['LN', 1], 23: ['LOG10', 1], 24: ['ABS', 1], 25: ['INT', 1], 26: ['SIGN', 1], 27: ['ROUND', 2], 28: ['LOOKUP'], 29: ['INDEX'],
  30: ['REPT', 2], 31: ['MID', 3], 32: ['LEN', 1], 33: ['VALUE', 1], 34: ['TRUE', 0], 35: ['FALSE', 0], 36: ['AND'], 37: ['OR'], 38: ['NOT', 1], 39: ['MOD', 2],
  46: ['VAR'], 48: ['TEXT', 2], 63: ['RAND', 0], 65: ['DATE', 3], 67: ['DAY', 1], 68: ['MONTH', 1], 69: ['YEAR', 1], 74: ['NOW', 0], 76: ['ROWS', 1], 77: ['COLUMNS', 1],
  78: ['OFFSET'], 82: ['SEARCH'], 97: ['ATAN2', 2], 100: ['CHOOSE'], 101: ['HLOOKUP'], 102: ['VLOOKUP'], 109: ['LOG'], 111: ['CHAR', 1], 112: ['LOWER', 1], 113: ['UPPER', 1],
  115: ['LEFT'], 116: ['RIGHT'], 117: ['EXACT', 2], 118: ['TRIM', 1], 119: ['REPLACE', 4], 120: ['SUBSTITUTE'], 124: ['FIND'], 126: ['ISERR', 1], 127: ['ISTEXT', 1],
  128: ['ISNUMBER', 1], 129: ['ISBLANK', 1], 130: ['T', 1], 131: ['N', 1], 148: ['INDIRECT'], 162: ['CLEAN', 1], 169: ['COUNTA'], 183: ['PRODUCT'], 184: ['FACT', 1],
  190: ['ISNONTEXT', 1], 197: ['TRUNC'], 198: ['ISLOGICAL', 1], 212: ['ROUNDUP', 2], 213: ['ROUNDDOWN', 2], 216: ['RANK'], 221: ['TODAY', 0], 227: ['MEDIAN'],
  228: ['SUMPRODUCT'], 279: ['EVEN', 1], 285: ['FLOOR', 2], 288: ['CEILING', 2], 298: ['ODD', 1], 336: ['CONCATENATE'], 337: ['POWER', 2], 344: ['SUBTOTAL'],
  345: ['SUMIF'], 346: ['COUNTIF', 2], 347: ['COUNTBLANK', 1],
};

const BINARY: Record<number, string> = { 0x03: '+', 0x04: '-', 0x05: '*', 0x06: '/', 0x07: '^', 0x08: '&', 0x09: '<', 0x0a: '<=', 0x0b: '=', 0x0c: '>=', 0x0d: '>', 0x0e: '<>', 0x0f: ' ', 0x10: ',', 0x11: ':' };
/** BIFF8's error codes (a cell's BOOLERR or cached result, a formula's ptgErr) as a spreadsheet shows them. */
export const BIFF_ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

class Unreadable extends Error {}

/** A cell reference: `field` holds the column in its low bits, bit 14 a relative column, bit 15 a relative row. */
function cellRef(row: number, field: number, base: { row: number; col: number } | undefined): string {
  const colRel = (field & 0x4000) !== 0;
  const rowRel = (field & 0x8000) !== 0;
  let col = field & 0x3fff;
  let r = row;
  if (base) {
    // A shared formula's references: offsets from the cell (a signed 16-bit row, a signed 8-bit column).
    if (rowRel) r = (base.row + ((row << 16) >> 16) + 0x10000) % 0x10000;
    if (colRel) col = (base.col + (((col & 0xff) << 24) >> 24) + 0x100) % 0x100;
  }
  if (col > 0x3fff) throw new Unreadable();
  return `${colRel ? '' : '$'}${columnLetters(col)}${rowRel ? '' : '$'}${r + 1}`;
}

const quoteSheet = (name: string | undefined) => {
  if (name === undefined) throw new Unreadable();
  return `'${name.replace(/'/g, "''")}'!`;
};

/** The formula's A1 text (without `=`); `…` where a part cannot be read. `base`: the cell a shared formula is used in. */
export function decompileFormula(rgce: Uint8Array, base: { row: number; col: number } | undefined, ctx: FormulaContext): string {
  try {
    return decompile(rgce, base, ctx);
  } catch {
    return UNKNOWN;
  }
}

function decompile(rgce: Uint8Array, base: { row: number; col: number } | undefined, ctx: FormulaContext): string {
  const view = new DataView(rgce.buffer, rgce.byteOffset, rgce.byteLength);
  const stack: string[] = [];
  const need = (n: number) => {
    if (stack.length < n) throw new Unreadable();
  };
  const u16 = (at: number) => {
    if (at + 2 > rgce.length) throw new Unreadable();
    return view.getUint16(at, true);
  };
  const call = (name: string, argc: number) => {
    need(argc);
    const args = stack.splice(stack.length - argc, argc);
    stack.push(`${name}(${args.join(',')})`);
  };
  let i = 0;
  while (i < rgce.length) {
    const t = rgce[i++]!;
    const op = BINARY[t];
    if (op !== undefined) {
      need(2);
      const b = stack.pop()!;
      const a = stack.pop()!;
      stack.push(`${a}${op}${b}`);
      continue;
    }
    const base5 = t >= 0x20 ? 0x20 | (t & 0x1f) : t;
    switch (base5) {
      case 0x12:
        need(1);
        stack.push(`+${stack.pop()!}`);
        break;
      case 0x13:
        need(1);
        stack.push(`-${stack.pop()!}`);
        break;
      case 0x14:
        need(1);
        stack.push(`${stack.pop()!}%`);
        break;
      case 0x15:
        need(1);
        stack.push(`(${stack.pop()!})`);
        break;
      case 0x16:
        stack.push('');
        break;
      case 0x17: {
        if (i + 2 > rgce.length) throw new Unreadable();
        const cch = rgce[i]!;
        const wide = (rgce[i + 1]! & 1) === 1;
        const end = i + 2 + cch * (wide ? 2 : 1);
        if (end > rgce.length) throw new Unreadable();
        let s = '';
        for (let k = i + 2; k < end; k += wide ? 2 : 1) s += String.fromCharCode(wide ? view.getUint16(k, true) : rgce[k]!);
        stack.push(`"${s.replace(/"/g, '""')}"`);
        i = end;
        break;
      }
      case 0x19: {
        // ptgAttr: SUM of one operand, spaces, IF/CHOOSE jumps (their operands and calls follow as usual).
        const kind = rgce[i]!;
        if (kind & 0x04) i += 3 + (u16(i + 1) + 1) * 2;
        else i += 3;
        if (kind & 0x10) call('SUM', 1);
        break;
      }
      case 0x1c:
        stack.push(BIFF_ERRORS[rgce[i]!] ?? '#N/A');
        i += 1;
        break;
      case 0x1d:
        stack.push(rgce[i] ? 'TRUE' : 'FALSE');
        i += 1;
        break;
      case 0x1e:
        stack.push(String(u16(i)));
        i += 2;
        break;
      case 0x1f:
        if (i + 8 > rgce.length) throw new Unreadable();
        stack.push(String(view.getFloat64(i, true)));
        i += 8;
        break;
      case 0x21: {
        const f = FUNCTIONS[u16(i)];
        i += 2;
        if (!f || f[1] === undefined) throw new Unreadable();
        call(f[0], f[1]);
        break;
      }
      case 0x22: {
        const argc = rgce[i]! & 0x7f;
        const id = u16(i + 1) & 0x7fff;
        i += 3;
        const f = FUNCTIONS[id];
        if (!f) throw new Unreadable();
        call(f[0], argc);
        break;
      }
      case 0x24:
      case 0x2c:
        stack.push(cellRef(u16(i), u16(i + 2), base5 === 0x2c ? base : undefined));
        i += 4;
        break;
      case 0x25:
      case 0x2d: {
        const b = base5 === 0x2d ? base : undefined;
        stack.push(`${cellRef(u16(i), u16(i + 4), b)}:${cellRef(u16(i + 2), u16(i + 6), b)}`);
        i += 8;
        break;
      }
      case 0x26:
      case 0x27:
      case 0x28:
        i += 6;
        break;
      case 0x29:
        i += 2;
        break;
      case 0x2a:
        stack.push('#REF!');
        i += 4;
        break;
      case 0x2b:
        stack.push('#REF!');
        i += 8;
        break;
      case 0x3a:
        stack.push(`${quoteSheet(ctx.sheetOf(u16(i)))}${cellRef(u16(i + 2), u16(i + 4), undefined)}`);
        i += 6;
        break;
      case 0x3b:
        stack.push(`${quoteSheet(ctx.sheetOf(u16(i)))}${cellRef(u16(i + 2), u16(i + 6), undefined)}:${cellRef(u16(i + 4), u16(i + 8), undefined)}`);
        i += 10;
        break;
      case 0x3c:
        stack.push('#REF!');
        i += 6;
        break;
      case 0x3d:
        stack.push('#REF!');
        i += 10;
        break;
      default:
        // ptgExp / ptgTbl outside a cell, ptgArray, ptgName, ptgNameX, an extended token: not modelled.
        throw new Unreadable();
    }
  }
  if (stack.length !== 1) throw new Unreadable();
  return stack[0]!;
}
