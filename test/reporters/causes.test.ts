/**
 * The likely-cause lines when no one or two cells explain the errors (reporters/causes.ts): when every failing
 * check is a sum of one unit, the line says the fault is the table's structure (a total row from elsewhere, or
 * parts listed under it that it does not add up), in the text report (and `fix`, which draws the same lines) and
 * the CI formats alike.
 */
import { describe, expect, it } from 'vitest';
import { sumsOfOneUnit } from '../../src/reporters/causes.js';
import type { Finding } from '../../src/model/finding.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalog } from '../../src/messages/index.js';
import { cli } from '../helpers.js';

const SLOW = 'test/locate/slow-inputs/extra-communes-60.csv';
const f = (rule: string, unit: string | undefined, severity: Finding['severity'] = 'error') => ({ rule, unit, severity }) as Finding;

describe('sumsOfOneUnit', () => {
  it('names the unit only when two or more errors are all sums of it (warnings and infos aside)', () => {
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('sum', 'Toàn tỉnh'), f('denominator', 'Xã A', 'warning')])).toBe('Toàn tỉnh');
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('sum', 'Huyện B')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', 'Toàn tỉnh'), f('flow', 'Toàn tỉnh')])).toBeUndefined();
    expect(sumsOfOneUnit([f('sum', undefined), f('sum', undefined)])).toBeUndefined();
  });
});

describe('a total that does not add up the units listed under it (60 communes it leaves out)', () => {
  it('the text report and the CI formats say the structure, not "several cells" (one run, both reports)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'povcheck-causes-'));
    const r = await cli(['validate', SLOW, '--lang', 'en', '--format', 'text', '-o', join(dir, 'r.txt'), '--format', 'markdown', '-o', join(dir, 'r.md')]);
    expect(r.code).toBe(1);
    for (const name of ['r.txt', 'r.md']) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(text).toContain('Every failing check is a sum of Toàn tỉnh: rather than wrong cells, its row may come from another table or year, or the units listed under it are not the ones its total adds up (check their parent codes)');
      expect(text).not.toContain('several cells are probably wrong');
    }
  });

  it('in Vietnamese, for a search that ended without a cause or stopped at its limit', () => {
    const t = catalog('vi').locate;
    expect(t.none({ failing: 5, sumsOf: 'Toàn tỉnh' })).toContain('Mọi phép kiểm tra đang sai đều là phép cộng của Toàn tỉnh');
    expect(t.stopped({ failing: 5, sumsOf: 'Toàn tỉnh' })).toContain('Mọi phép kiểm tra đang sai đều là phép cộng của Toàn tỉnh');
    expect(t.none({ failing: 5 })).toContain('có lẽ nhiều ô cùng sai');
  });
});
