import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/write-atomic.js';
import { PovcheckError } from '../../src/errors.js';

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'povcheck-write-'));

  it('writes the file and leaves no temporary file', async () => {
    await writeFileAtomic(join(dir, 'out.csv'), 'a;b\n');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a;b\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write over an input, which stays as it was', async () => {
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'original');
    await expect(writeFileAtomic(join(dir, '.', 'in.csv'), 'new', [input])).rejects.toBeInstanceOf(PovcheckError);
    expect(readFileSync(input, 'utf8')).toBe('original');
  });

  it('fails cleanly into a missing folder, leaving nothing behind', async () => {
    await expect(writeFileAtomic(join(dir, 'no', 'such', 'out.csv'), 'x')).rejects.toMatchObject({ code: 'WRITE_FAILED' });
  });
});
