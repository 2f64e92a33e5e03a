/**
 * fixtures/plans/word-online/: Word documents whose main part is not word/document.xml, as Word Online (Office 365,
 * SharePoint) saves them: word/document2.xml with word/_rels/document2.xml.rels, named by the package relationship
 * (_rels/.rels, officeDocument) and the content types. Each is a fixture of fixtures/plans/ with those parts renamed
 * (scripts/ooxml.mjs `renameMainPart`), nothing else changed: it must read as its original does.
 *
 *   node scripts/word-online-fixtures.mjs          # writes fixtures/plans/word-online/
 *
 * The ZIP writer (scripts/zip.mjs) stores no times: rebuilding gives the same bytes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renameMainPart } from './ooxml.mjs';

const plans = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'plans');

/** Each fixture written, by its path under fixtures/plans/, with the fixture it renames. */
export const WORD_ONLINE = {
  // TT numbered by a Word list: word/numbering.xml is found through word/_rels/document2.xml.rels too.
  'word-online/stt-numbered.docx': 'writer/stt-numbered.docx',
};

function main() {
  mkdirSync(join(plans, 'word-online'), { recursive: true });
  for (const [out, from] of Object.entries(WORD_ONLINE)) writeFileSync(join(plans, out), renameMainPart(readFileSync(join(plans, from))));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
