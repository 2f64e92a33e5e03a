/**
 * A web page saved as one file (MHTML: Word's "Single File Web Page", a browser's "Web page, single file"; .mht,
 * .mhtml, sometimes served as .doc) → the bytes of its page, which the web page readers then read (html-document.ts
 * for a plan, html-table.ts for tables). A MIME message: headers, then parts between `--boundary` lines, each with its
 * own headers; the page is the first `text/html` part, in quoted-printable or base64 as its headers say. Its images
 * and other parts are not read. Pure; linear in the file.
 */

/** Whether the bytes start as a MIME message of related parts (an MHTML file's first lines), by its headers. */
function boundaryOf(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 8192));
  const end = head.search(/\r?\n\r?\n/);
  const headers = unfolded(end < 0 ? head : head.slice(0, end));
  if (!/^(?:mime-version|from|subject|date|content-type|snapshot-content-location)\s*:/im.test(headers.split('\n', 1)[0] ?? '')) return undefined;
  const type = /^content-type\s*:\s*multipart\/related\s*;(.*)$/im.exec(headers);
  if (!type) return undefined;
  const b = /\bboundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type[1]!);
  return b ? (b[1] ?? b[2]) : undefined;
}

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
/** Header lines continued on the next line (starting with a space or TAB) joined. */
const unfolded = (headers: string): string => headers.replace(/\r?\n[ \t]+/g, ' ');

/**
 * The page an MHTML file holds, as bytes in its own character set (told as any page's is: UTF-8, UTF-16 with its BOM,
 * Windows-1258; Word writes the rest of Vietnamese as character references), or undefined when the bytes are no MHTML
 * file or it holds no page.
 */
export function mhtmlPage(bytes: Uint8Array): Uint8Array | undefined {
  const boundary = boundaryOf(bytes);
  if (boundary === undefined) return undefined;
  const text = latin1(bytes);
  const delimiter = `--${boundary}`;
  for (let at = text.indexOf(delimiter); at >= 0; ) {
    const start = at + delimiter.length;
    if (text.startsWith('--', start)) return undefined; // the closing delimiter
    const next = text.indexOf(delimiter, start);
    const part = text.slice(start, next < 0 ? text.length : next);
    const page = pageOf(part);
    if (page) return page;
    at = next;
  }
  return undefined;
}

/** A part's body when it is the page (`text/html`), decoded from its transfer encoding. */
function pageOf(part: string): Uint8Array | undefined {
  const split = /\r?\n\r?\n/.exec(part);
  if (!split) return undefined;
  const headers = unfolded(part.slice(0, split.index));
  const type = /^content-type\s*:\s*([^;\r\n]+)/im.exec(headers);
  if (!type || type[1]!.trim().toLowerCase() !== 'text/html') return undefined;
  const encoding = /^content-transfer-encoding\s*:\s*([\w-]+)/im.exec(headers)?.[1]?.toLowerCase();
  const body = part.slice(split.index + split[0].length).replace(/\r?\n$/, '');
  return encoding === 'quoted-printable' ? quotedPrintable(body) : encoding === 'base64' ? new Uint8Array(Buffer.from(body, 'base64')) : new Uint8Array(Buffer.from(body, 'latin1'));
}

/** Quoted-printable (RFC 2045): `=` at a line's end joins it to the next, `=XX` is the byte XX; the rest as it is. */
function quotedPrintable(body: string): Uint8Array {
  const out = new Uint8Array(body.length);
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c !== 0x3d) {
      out[n++] = c & 0xff;
      continue;
    }
    if (body[i + 1] === '\r' && body[i + 2] === '\n') i += 2;
    else if (body[i + 1] === '\n') i += 1;
    else if (/^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      out[n++] = parseInt(body.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}
