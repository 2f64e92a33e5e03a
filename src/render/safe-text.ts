/**
 * The one gate for text that goes into a document povcheck writes (xlsx, docx): every string from the input
 * (unit names, titles, source lines) passes through `documentText` before it reaches a writer (for xlsx,
 * spreadsheetml.ts applies it to every text it writes), so that what a document may not hold is dealt with in
 * one place. Today: the characters XML 1.0 forbids (C0 controls other
 * than TAB, LF and CR, lone surrogates, U+FFFE and U+FFFF), which would make Word and Excel refuse the file,
 * are dropped.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function documentText(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
