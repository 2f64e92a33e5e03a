/**
 * Each language's catalogue is built at its first use (messages/index.ts `catalog`): a run whose messages are all
 * in one language never builds the other's, and the command line's texts (`cliText`, built for every run's
 * program) build neither catalogue. Start-up work, docs/performance.md (branch start5).
 */
import { beforeEach, describe, expect, it, vi as vitest } from 'vitest';

vitest.mock('../../src/messages/vi.js', async (original) => {
  const m = await original<typeof import('../../src/messages/vi.js')>();
  return { ...m, vi: vitest.fn(m.vi) };
});
vitest.mock('../../src/messages/en.js', async (original) => {
  const m = await original<typeof import('../../src/messages/en.js')>();
  return { ...m, en: vitest.fn(m.en) };
});

// The suite runs files in shared workers (isolate: false): the modules are evaluated afresh, with the mocks.
vitest.resetModules();
const { vi: buildVi } = await import('../../src/messages/vi.js');
const { en: buildEn } = await import('../../src/messages/en.js');
const { catalog, cliText } = await import('../../src/messages/index.js');

describe('catalogues built when first asked', () => {
  beforeEach(() => vitest.clearAllMocks());

  it('the command line texts build no catalogue, and are the catalogue’s own', () => {
    expect(cliText('en').helpOption).toBe(catalog('en').cli.helpOption);
    vitest.clearAllMocks();
    cliText('vi');
    cliText('en');
    expect(buildVi).not.toHaveBeenCalled();
    expect(buildEn).not.toHaveBeenCalled();
  });

  it('asking one language builds that one only, once', () => {
    catalog('vi').ui;
    catalog('vi').errors;
    expect(buildVi).toHaveBeenCalledTimes(1);
    expect(buildEn).not.toHaveBeenCalled();
    expect(catalog('vi')).toBe(catalog('vi'));
  });
});
