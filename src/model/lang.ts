/** The language of messages, labels and help: a table's own (from its labels), `--lang`, or the environment's. */
export type Lang = 'vi' | 'en';

/** A letter only Vietnamese writes (`ă â đ ê ô ơ ư`, a vowel with its tone mark, U+1EA0–U+1EF9). */
const VIETNAMESE_LETTER = /[ăâđêôơư\u1EA0-\u1EF9]/iu;

/** Whether a text writes Vietnamese (once composed, NFC): the language of a text no table's labels decide. */
export const writesVietnamese = (text: string): boolean => VIETNAMESE_LETTER.test(text.normalize('NFC'));
