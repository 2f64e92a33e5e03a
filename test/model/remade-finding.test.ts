/**
 * A long table's denominator notes are kept small (model/finding.ts `RemadeFinding`: the unit, made again when
 * read): every field reads as the plain note the same table read as a grid gives, with the rule levels applied
 * too (a note re-levelled stays whole).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes } from '../../src/read/decode.js';
import { delimitedTable, readDelimited } from '../../src/read/csv.js';
import { shapeTable } from '../../src/shape/index.js';
import { checkGrid, checkShaped } from '../../src/check-grid.js';
import { RemadeFinding, type Finding } from '../../src/model/finding.js';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import type { CheckOptions } from '../../src/model/options.js';

const view = (f: Finding) =>
  JSON.stringify([f.rule, f.severity, f.at?.ref ?? null, f.at?.raw ?? null, f.unit ?? null, f.indicator ?? null, f.expected ?? null, f.actual ?? null, f.msg, renderMessage(f.msg, makeFmt('vi')), f.detail ?? null]);

describe('RemadeFinding', () => {
  it("reads as the grid's plain notes, re-levelled or not", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-remade-'));
    try {
      const file = join(dir, 't.csv');
      // The bench's generator (plain JavaScript, untyped): a national table whose households change.
      const gen = '../../bench/gen-table.mjs';
      const { writeTable } = (await import(gen)) as { writeTable: (units: number, out: string) => Promise<unknown> };
      await writeTable(2_500, file);
      const { text, encoding } = decodeBytes(new Uint8Array(readFileSync(file)));
      for (const opts of [{}, { rules: { denominator: 'error' } }, { rules: { denominator: 'info' } }] as CheckOptions[]) {
        const long = checkShaped(await shapeTable(delimitedTable(text, encoding), opts), opts);
        const grid = checkGrid(readDelimited(text, encoding).grid, opts);
        const remade = long.findings.filter((f) => f instanceof RemadeFinding);
        expect(remade.length).toBeGreaterThan(50);
        expect(long.findings.map(view)).toEqual(grid.findings.map(view));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
