/**
 * Workbook fixtures for error localisation, made with a real spreadsheet program (LibreOffice Calc, headless):
 *
 *   node scripts/xlsx-locate-fixtures.mjs        (needs `soffice`; CI does not: the outputs are committed)
 *
 * fixtures/xlsx/planted/formulas-poor-start-transposed.xlsx: the formatted annex (fixtures/xlsx/src/
 * annex-formatted.fods: totals =SUM, poor households at the end =start−reduced, rates =ROUND(…;2)) with
 * Chiêm Hóa's poor households at the start typed 5.151 for 5.511 on the first sheet. LibreOffice
 * recalculates every formula before saving, as Excel would, so the totals, the end counts and the
 * district's rates follow the typo: only the checks over typed cells can still fail.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'fixtures', 'xlsx', 'src', 'annex-formatted.fods');
const OUT = join(ROOT, 'fixtures', 'xlsx', 'planted');

function main() {
  const fods = readFileSync(SRC, 'utf8');
  const cell = 'office:value-type="float" office:value="5511">';
  const at = fods.indexOf(cell); // the first sheet's (the annex's) Chiêm Hóa poor households at the start
  if (at < 0) throw new Error('cell not found');
  let planted = fods.slice(0, at) + cell.replace('5511', '5151') + fods.slice(at + cell.length).replace(/^<text:p>5\.511<\/text:p>/, '<text:p>5.151</text:p>');
  // LibreOffice keeps the cached results of an ODF file; without them it computes every formula on load.
  planted = planted.replace(/(<table:table-cell [^>]*table:formula="[^"]*")( office:value-type="float" office:value="[^"]*")?( calcext:value-type="float")?>(<text:p>[^<]*<\/text:p>)?<\/table:table-cell>/g, '$1/>');
  const work = mkdtempSync(join(tmpdir(), 'povcheck-xlsx-'));
  try {
    const name = 'formulas-poor-start-transposed';
    writeFileSync(join(work, `${name}.fods`), planted);
    execFileSync('soffice', ['--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', work, join(work, `${name}.fods`)], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    mkdirSync(OUT, { recursive: true });
    copyFileSync(join(work, `${name}.xlsx`), join(OUT, `${name}.xlsx`));
    console.log(`fixtures/xlsx/planted/${name}.xlsx written`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
