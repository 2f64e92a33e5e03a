/**
 * The same table as comma / semicolon / TAB, UTF-8 / UTF-8 with BOM / UTF-16, Vietnamese / English,
 * wide / long gives the same findings.
 */
import { describe, expect, it } from 'vitest';
import { checkBytes, essence, fixtures } from './helpers.js';

const { wideRecords, longRecords, serialize, cloneData, UNITS } = fixtures;

function representations(data: Record<string, string[]>) {
  return {
    'wide ; utf-8-bom crlf vi': serialize(wideRecords(data), { delimiter: ';', encoding: 'utf-8-bom', eol: '\r\n' }),
    'wide , utf-8 lf vi': serialize(wideRecords(data), { delimiter: ',', encoding: 'utf-8', eol: '\n' }),
    'wide ; utf-8 lf vi': serialize(wideRecords(data), { delimiter: ';', encoding: 'utf-8', eol: '\n' }),
    'wide tab utf-16le vi': serialize(wideRecords(data), { delimiter: '\t', encoding: 'utf-16le' }),
    'wide tab utf-16be vi': serialize(wideRecords(data), { delimiter: '\t', encoding: 'utf-16be' }),
    'wide , utf-8 en': serialize(wideRecords(data, { locale: 'en', lang: 'en' }), { delimiter: ',', encoding: 'utf-8' }),
    'wide tab utf-16le en': serialize(wideRecords(data, { locale: 'en', lang: 'en' }), { delimiter: '\t', encoding: 'utf-16le' }),
    'long , keys plain': serialize(longRecords(data, { locale: 'plain' }), { delimiter: ',', encoding: 'utf-8' }),
    'long ; vi labels': serialize(longRecords(data, { keys: false, lang: 'vi' }), { delimiter: ';' }),
    'long , en labels en': serialize(longRecords(data, { keys: false, lang: 'en', locale: 'en' }), { delimiter: ',', encoding: 'utf-8' }),
    'long tab utf-16le vi': serialize(longRecords(data, { keys: false }), { delimiter: '\t', encoding: 'utf-16le' }),
  } as Record<string, Buffer>;
}

function planted() {
  const d = cloneData();
  d.poor_end![UNITS.indexOf('Chiêm Hóa')] = '4963';
  d.rate_start![UNITS.indexOf('Yên Sơn')] = '9.62';
  d.households_end![0] = '211870';
  return d;
}

describe.each([
  ['the seed annex', cloneData()],
  ['the seed annex with three planted errors', planted()],
])('%s in every representation', (_name, data) => {
  const reps = representations(data);
  const results = Object.fromEntries(Object.entries(reps).map(([k, bytes]) => [k, checkBytes(bytes)]));
  const baseline = results['wide ; utf-8-bom crlf vi']!;

  it.each(Object.keys(reps))('%s gives the same findings', (name) => {
    const r = results[name]!;
    expect(r.findings.map(essence).sort()).toEqual(baseline.findings.map(essence).sort());
    expect(r.skipped.map((s) => `${s.rule} ${s.unit}`).sort()).toEqual(baseline.skipped.map((s) => `${s.rule} ${s.unit}`).sort());
  });

  it('puts them at the same cells in every wide representation', () => {
    const cells = (k: string) => results[k]!.findings.map((f) => `${f.rule}@${f.at?.ref}`).sort();
    for (const k of Object.keys(reps).filter((k) => k.startsWith('wide'))) expect(cells(k), k).toEqual(cells('wide ; utf-8-bom crlf vi'));
  });
});
