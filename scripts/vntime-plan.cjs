/**
 * How fixtures/plans/legacy/ke-hoach-giam-ngheo-2020-vntime.docx was made: the seed plan's word/document.xml with
 * every run's text as a TCVN3 font stores it (the text encoded in TCVN3, its bytes read as Windows-1252: `Tæng sè
 * hé nghÌo`), and the fonts named .VnTime. A run in capitals is stored as its small letters, as the .VnTimeH font
 * (which draws them as capitals) needs; a capital with a mark elsewhere, as its small letter (TCVN3 has few
 * capitals). The .doc is LibreOffice's save of the .docx (`soffice --headless --convert-to doc`).
 *
 *   unzip fixtures/plans/ke-hoach-giam-ngheo-2020.docx -d seed
 *   node scripts/vntime-plan.cjs seed/word/document.xml document.xml   # then put document.xml back into the .docx
 */
const fs = require('node:fs');
const iconv = require('iconv-lite');

const [inp, out] = process.argv.slice(2);
const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function tcvn3(text) {
  const caps = text === text.toUpperCase() && text !== text.toLowerCase();
  const typed = caps ? text.toLowerCase() : [...text].map((c) => (c.charCodeAt(0) > 0x7f ? c.toLowerCase() : c)).join('');
  return iconv.decode(iconv.encode(typed.normalize('NFC'), 'tcvn'), 'win1252');
}

const xml = fs.readFileSync(inp, 'utf8')
  .replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (_, open, text, close) => open + escape(tcvn3(unescape(text))) + close)
  .replace(/w:ascii="[^"]*"/g, 'w:ascii=".VnTime"')
  .replace(/w:hAnsi="[^"]*"/g, 'w:hAnsi=".VnTime"');
fs.writeFileSync(out, xml);
