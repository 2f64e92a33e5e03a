/**
 * Legacy Vietnamese encodings, still met in older government files:
 *  - Windows-1258: the ANSI code page of a Vietnamese Windows ("CSV" without BOM); tone marks may be
 *    separate combining characters, so the text is normalised to NFC;
 *  - TCVN3 (ABC; fonts .VnTime, .VnArial): one byte per letter; read as Windows-1252 it shows "Ninh B×nh";
 *  - VNI (fonts VNI-Times): a base letter plus a byte for the mark; read as Windows-1252 "HEÄ THOÁNG".
 * TCVN3 and VNI are detected and refused with a reason unless the user names the encoding (--encoding), because
 * guessing wrong would misread every name. Windows-1258, what Excel's plain "CSV" writes on a Vietnamese Windows,
 * is read without being named when its reading alone turns the bytes into Vietnamese words (`clearlyWindows1258`);
 * else it is refused as the others are. Converters: iconv-lite (Windows-1258, TCVN3) and vietnamese-conversion
 * (VNI), loaded only when needed.
 */
import { lazyRequire } from './lazy-require.js';

export const LEGACY_ENCODINGS = ['windows-1258', 'tcvn3', 'vni'] as const;
export type LegacyEncoding = (typeof LEGACY_ENCODINGS)[number];

const require = lazyRequire(() => import.meta.url);

interface Iconv {
  decode(buf: Uint8Array, enc: string): string;
  encode(text: string, enc: string): Uint8Array;
}
const iconv = (): Iconv => require('iconv-lite') as Iconv;
const vni = () => require('vietnamese-conversion') as { toUnicode(text: string, from: string): string };

/** Bytes in a legacy encoding → Unicode (NFC). */
export function decodeLegacyBytes(bytes: Uint8Array, enc: LegacyEncoding): string {
  switch (enc) {
    case 'windows-1258':
      return iconv().decode(bytes, 'cp1258').normalize('NFC');
    case 'tcvn3':
      return iconv().decode(bytes, 'tcvn').normalize('NFC');
    case 'vni':
      return vni().toUnicode(iconv().decode(bytes, 'win1252'), 'vni').normalize('NFC');
  }
}

/**
 * Text that was decoded as Unicode but typed with a legacy font (a UTF-8 file holding "Ninh B×nh"):
 * back to the bytes the font meant, then through the converter.
 */
export function repairLegacyText(text: string, enc: LegacyEncoding): string {
  const bytes = iconv().encode(text, 'win1252');
  return decodeLegacyBytes(bytes, enc);
}

// The patterns and words below are made when first used (a call each): most runs read Unicode text and never score it.
/** Letters only Vietnamese text has: ă â đ ê ô ơ ư and the precomposed toned vowels. */
const VIETNAMESE_LETTER = () => /[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]/gu;
/** Letters Vietnamese Unicode text has that legacy text read as Windows-1252 never shows. */
export const UNICODE_ONLY = /[ăđơưĂĐƠƯ\u1ea0-\u1ef9]/u;
/** Symbols that stand for letters in legacy text: "B×nh", "®Çu", "ngheøo". */
const SUSPECT = () => /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/gu;

function count(re: RegExp, s: string): number {
  return s.match(re)?.length ?? 0;
}

/**
 * Common words of these tables and of Vietnamese in general: a right reading is full of them, a wrong one
 * (TCVN3 bytes read as VNI, say) has letters with diacritics but no words.
 */
let wordSet: Set<string> | undefined;
const WORDS = () =>
  (wordSet ??= new Set(
    ('hộ nghèo số tổng tỷ tỉ lệ năm đầu cuối giảm trong toàn tỉnh huyện xã phường thị trấn thành phố đơn vị tính chỉ tiêu ghi chú ' +
      'cận dân cư của và các có không được người tăng thoát tái phát sinh mới kế hoạch báo cáo kết quả').split(' '),
  ));

function knownWords(text: string): number {
  let words = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) if (WORDS().has(w)) words++;
  return words;
}

/** Characters no right reading of Vietnamese text leaves: C1 controls, Latin-1 symbols, a tone mark on no vowel. */
function junkOf(text: string): number {
  return count(/[\u0080-\u009f\u00a0-\u00bf\u00d7\u00f7\u0300-\u036f]/gu, text);
}

function scoreVietnamese(text: string): number {
  return 10 * knownWords(text) + count(VIETNAMESE_LETTER(), text) - 2 * junkOf(text);
}

/** The field holding the first suspicious character next to a letter ("Ninh B×nh"), to show the user. */
function sampleOf(text: string): string {
  const m = /[\p{L}][\u0080-\u00ff]|[\u0080-\u00ff][\p{L}]/u.exec(text);
  if (!m) return '';
  const before = text.slice(0, m.index).search(/[^\r\n\t;,"]*$/u);
  const field = text.slice(before).split(/[\r\n\t;,"]/u)[0] ?? '';
  return field.trim().slice(0, 40);
}

export interface LegacyGuess {
  likely?: LegacyEncoding;
  sample: string;
}

/**
 * The legacy reading that turns the text into Vietnamese: it must bring at least two known words more than
 * `baselineText` has, and score best. A few accented letters alone (Café, São Paulo) never qualify.
 */
function bestConversion(convert: (enc: LegacyEncoding) => string, baselineText: string): LegacyEncoding | undefined {
  const baseWords = knownWords(baselineText);
  let best: LegacyEncoding | undefined;
  let bestScore = scoreVietnamese(baselineText);
  for (const enc of LEGACY_ENCODINGS) {
    let out: string;
    try {
      out = convert(enc);
    } catch {
      continue;
    }
    const s = scoreVietnamese(out);
    if (knownWords(out) >= baseWords + 2 && s > bestScore) {
      best = enc;
      bestScore = s;
    }
  }
  return best;
}

/** Bytes that are not UTF-8: which legacy encoding they most likely are (for the error message). */
export function guessLegacyBytes(bytes: Uint8Array): LegacyGuess {
  const head = bytes.subarray(0, 64 * 1024);
  const asLatin = iconv().decode(head, 'win1252');
  const likely = bestConversion((enc) => decodeLegacyBytes(head, enc), asLatin);
  return { ...(likely ? { likely } : {}), sample: sampleOf(asLatin) };
}

/**
 * Bytes that are not UTF-8 read as Windows-1258 without being named, when nothing else can be meant: that reading
 * is the best (`bestConversion`), has at least three known words and twice as many as any other reading (TCVN3,
 * VNI, Windows-1252), and leaves next to no junk. The seed annex saved so has 54 known words against 4 at most;
 * every published fixture saved so, 4 to 54 against 2 at most (test/read/legacy.test.ts). Undefined otherwise
 * (the caller refuses the file as before, naming the likely encoding).
 */
export function clearlyWindows1258(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  const readings = new Map<LegacyEncoding | 'windows-1252', string>([['windows-1252', iconv().decode(head, 'win1252')]]);
  for (const enc of LEGACY_ENCODINGS) {
    try {
      readings.set(enc, decodeLegacyBytes(head, enc));
    } catch {
      // A converter that cannot read the bytes (as in bestConversion): no reading.
      readings.set(enc, '');
    }
  }
  const text = readings.get('windows-1258')!;
  if (bestConversion((enc) => readings.get(enc)!, readings.get('windows-1252')!) !== 'windows-1258') return undefined;
  const words = knownWords(text);
  let others = 0;
  for (const [enc, other] of readings) if (enc !== 'windows-1258') others = Math.max(others, knownWords(other));
  if (words < 3 || words < 2 * others || junkOf(text) > Math.max(2, words / 5)) return undefined;
  return decodeLegacyBytes(bytes, 'windows-1258');
}

/**
 * The head of bytes that are not UTF-8 read as Windows-1258, when that reading has more of the tables' words than
 * the Windows-1252 one (`năm`, `Dương` against `nãm`, `Dýõng`): for a file whose letters a save replaced by `?`.
 */
export function windows1258Reading(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, 64 * 1024);
  const text = decodeLegacyBytes(head, 'windows-1258');
  return knownWords(text) > knownWords(iconv().decode(head, 'win1252')) ? text : undefined;
}

/**
 * Unicode text typed with a legacy font. Only text without any Unicode-only Vietnamese letter is suspect,
 * and only when a legacy reading is clearly more Vietnamese: "Hòa" alone is never flagged.
 */
export function detectLegacyText(text: string): LegacyGuess | undefined {
  const head = text.slice(0, 64 * 1024);
  if (UNICODE_ONLY.test(head)) return undefined;
  if (count(SUSPECT(), head) < 3) return undefined;
  const likely = bestConversion((enc) => repairLegacyText(head, enc), head);
  return likely ? { likely, sample: sampleOf(head) } : undefined;
}
