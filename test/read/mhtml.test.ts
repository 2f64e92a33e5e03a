/**
 * A web page saved as one file (read/mhtml.ts): Word's "Single File Web Page" (.mht) was read as text, its MIME
 * headers and quoted-printable markup a table or a "document" of gibberish; its page is read as the web page it is.
 */
import { describe, expect, it } from 'vitest';
import { mhtmlPage } from '../../src/read/mhtml.js';

const mime = (parts: string[], boundary = 'b-1') =>
  new Uint8Array(Buffer.from(['MIME-Version: 1.0', `Content-Type: multipart/related;`, `\tboundary="${boundary}"`, '', 'This document is a Single File Web Page.', '', ...parts.flatMap((p) => [`--${boundary}`, p]), `--${boundary}--`, ''].join('\r\n'), 'latin1'));
// The line break that ends a part's last line is the page's (the one before the next delimiter is the delimiter's).
const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8').trimEnd() : undefined);

describe('a web page saved as one file (MHTML)', () => {
  it('its first text/html part, quoted-printable: soft line breaks joined, =XX as bytes (UTF-8 Vietnamese)', () => {
    const page = mhtmlPage(mime(['Content-Location: file:///a.css\r\nContent-Type: text/css\r\n\r\np{}', 'Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n<p class=3DMsoNormal>K=E1=BA=BF ho=E1=BA=A1ch gi=E1=BA=A3m ngh=C3=A8o n=C4=83m 20=\r\n20</p>\r\n']));
    expect(text(page)).toBe('<p class=MsoNormal>Kế hoạch giảm nghèo năm 2020</p>');
  });

  it('a page in base64, or as it is', () => {
    expect(text(mhtmlPage(mime([`Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('<p>Tổng</p>').toString('base64')}\r\n`])))).toBe('<p>Tổng</p>');
    expect(text(mhtmlPage(mime(['Content-Type: text/html\r\n\r\n<p>plain</p>\r\n'])))).toBe('<p>plain</p>');
  });

  it('no page, or no MHTML at all: undefined (the bytes are read as they are)', () => {
    expect(mhtmlPage(mime(['Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n']))).toBeUndefined();
    expect(mhtmlPage(new Uint8Array(Buffer.from('STT;Chỉ tiêu;Toàn tỉnh\r\n1;Tổng số hộ đầu năm;210.299\r\n')))).toBeUndefined();
    expect(mhtmlPage(new Uint8Array(Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello')))).toBeUndefined();
  });
});
