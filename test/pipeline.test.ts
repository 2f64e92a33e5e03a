import { describe, expect, it } from 'vitest';
import { FULL_COMPILE_BYTES, inliningFor, LEAN_COMPILE_BYTES } from '../src/pipeline.js';

// How much V8 inlines is a speed setting (pipeline.ts compileFor); what it must never do is load node:v8 (and
// with it Node's streams) for a run of one small file, whose start-up is measured, or take inlining from a
// million-unit table, whose rules need it.
describe('inliningFor', () => {
  it('changes nothing for one small file: a seed run never loads node:v8', () => {
    expect(inliningFor(2_000, undefined)).toBeUndefined();
    expect(inliningFor(LEAN_COMPILE_BYTES - 1, undefined)).toBeUndefined();
  });

  it('turns inlining off for a run of several files and for a file of 10,000 units', () => {
    expect(inliningFor('files', undefined)).toBe(false);
    expect(inliningFor(802_532, undefined)).toBe(false);
    expect(inliningFor(LEAN_COMPILE_BYTES, true)).toBe(false);
  });

  it("keeps V8's default for a large table, and turns inlining back on for one after smaller files", () => {
    expect(inliningFor(82_246_500, undefined)).toBeUndefined();
    expect(inliningFor(FULL_COMPILE_BYTES, undefined)).toBeUndefined();
    expect(inliningFor(FULL_COMPILE_BYTES, false)).toBe(true);
    expect(inliningFor(FULL_COMPILE_BYTES, true)).toBeUndefined();
  });

  it('sets nothing twice', () => {
    expect(inliningFor('files', false)).toBeUndefined();
    expect(inliningFor(1_000_000, false)).toBeUndefined();
  });
});
