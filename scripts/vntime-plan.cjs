/**
 * How fixtures/plans/legacy/ke-hoach-giam-ngheo-2020-vntime.docx was made: the seed plan's word/document.xml with
 * every run's text as a TCVN3 font stores it (the text encoded in TCVN3, its bytes read as Windows-1252: `Tæng sè
 * hé nghÌo`), and the fonts named .VnTime; a run in capitals is stored as its small letters in the .VnTimeH font,
 * which draws them as capitals (elsewhere a capital TCVN3 lacks, `Ủ`, as its small letter). The
 * .doc is LibreOffice's save of the .docx (`soffice --headless --convert-to doc`).
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
  const inFont = (c) => iconv.decode(iconv.encode(c, 'tcvn'), 'tcvn') === c;
  const typed = caps(text) ? text.toLowerCase() : [...text.normalize('NFC')].map((c) => (inFont(c) ? c : c.toLowerCase())).join('');
  return iconv.decode(iconv.encode(typed.normalize('NFC'), 'tcvn'), 'win1252');
}

const caps = (text) => text === text.toUpperCase() && text !== text.toLowerCase();
// Each run: its text in TCVN3, its font .VnTimeH when it is in capitals, else .VnTime.
const xml = fs.readFileSync(inp, 'utf8').replace(/<w:r>.*?<\/w:r>/gs, (run) => {
  const text = unescape(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/.exec(run)?.[1] ?? '');
  const font = caps(text) ? '.VnTimeH' : '.VnTime';
  return run
    .replace(/(<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (_, open, t, close) => open + escape(tcvn3(unescape(t))) + close)
    .replace(/w:ascii="[^"]*"/g, `w:ascii="${font}"`)
    .replace(/w:hAnsi="[^"]*"/g, `w:hAnsi="${font}"`);
});
fs.writeFileSync(out, xml);
