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

/**
 * DEL and the C1 controls (U+007F–U+009F): valid in JSON strings and XML text, and left raw by `JSON.stringify`, but
 * a terminal or CI log that shows the report reads U+009B as the start of a control sequence, as it reads ESC. Written
 * as escapes: `\u009b` in JSON (any occurrence is inside a string), `&#x9b;` in XML.
 */
const RAW_CONTROL = /[\u007f-\u009f]/;
const RAW_CONTROLS = /[\u007f-\u009f]/g;
const hex = (c: string) => c.charCodeAt(0).toString(16).padStart(4, '0');

export function jsonControlsEscaped(text: string): string {
  return RAW_CONTROL.test(text) ? text.replace(RAW_CONTROLS, (c) => `\\u${hex(c)}`) : text;
}

export function xmlControlsEscaped(text: string): string {
  return RAW_CONTROL.test(text) ? text.replace(RAW_CONTROLS, (c) => `&#x${hex(c)};`) : text;
}
