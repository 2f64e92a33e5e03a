/**
 * Text for an XML document (the xlsx and docx povcheck writes, the JUnit report): XML 1.0 cannot hold the C0
 * control characters other than TAB, LF and CR, nor U+FFFE and U+FFFF, nor a lone UTF-16 surrogate; a file
 * holding one is not well-formed, and Excel, Word and povcheck itself refuse to open it. Each is replaced
 * by U+FFFD (�), so the reader sees that something was there.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML, '\ufffd');
}
