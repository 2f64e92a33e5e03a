/**
 * The seed annex as data, and writers for every way it is handed over: wide or long layout, Vietnamese or
 * English labels and numbers, ',' ';' or TAB, UTF-8 with or without BOM, UTF-16LE/BE, CRLF or LF.
 * `node scripts/fixtures.mjs` regenerates fixtures/variants/ and fixtures/planted/; the tests import the
 * same writers to build further variants in memory.
 */
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { toTCVN3, toVNI } from 'vietnamese-conversion';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const UNITS = ['Toàn tỉnh', 'Sơn Dương', 'Yên Sơn', 'TP Tuyên Quang', 'Hàm Yên', 'Chiêm Hóa', 'Na Hang', 'Lâm Bình'];

/** Plain digits, exactly as printed in the seed annex (which writes them 210.299 and 11,80). */
export const SEED = {
  households_start: ['210299', '49874', '39880', '36540', '31526', '34378', '10468', '7633'],
  households_end: ['211780', '50180', '40124', '36791', '31800', '34600', '10580', '7705'],
  poor_start: ['24814', '4644', '3694', '368', '4753', '5511', '3094', '2750'],
  poor_reduced: ['4188', '987', '822', '90', '799', '818', '390', '282'],
  poor_end: ['20626', '3657', '2872', '278', '3954', '4693', '2704', '2468'],
  rate_start: ['11.80', '9.31', '9.26', '1.01', '15.08', '16.03', '29.56', '36.03'],
  rate_reduced: ['2.06', '2.02', '2.10', '0.25', '2.65', '2.47', '4.00', '4.00'],
  rate_end: ['9.74', '7.29', '7.16', '0.76', '12.43', '13.56', '25.56', '32.03'],
};

export const COUNTS = ['households_start', 'households_end', 'poor_start', 'poor_reduced', 'poor_end'];
export const RATES = ['rate_start', 'rate_reduced', 'rate_end'];

const LABELS = {
  vi: {
    households_start: 'Tổng số hộ của toàn tỉnh đầu năm',
    households_end: 'Tổng số hộ của toàn tỉnh cuối năm',
    poor_start: 'Số hộ nghèo đầu năm',
    poor_reduced: 'Số hộ nghèo giảm trong năm',
    poor_end: 'Số hộ nghèo cuối năm',
    heading: 'Tỷ lệ hộ nghèo',
    rate_start: '- Đầu năm',
    rate_reduced: '- Giảm trong năm',
    rate_end: '- Cuối năm',
    stt: 'STT',
    label: 'Chỉ tiêu',
    measure: 'ĐVT',
    hh: 'Hộ',
    notes: 'Ghi chú',
    unit: 'Đơn vị',
  },
  en: {
    households_start: 'Total households, start of year',
    households_end: 'Total households, end of year',
    poor_start: 'Poor households, start of year',
    poor_reduced: 'Poor households reduced during the year',
    poor_end: 'Poor households, end of year',
    heading: 'Poverty rate',
    rate_start: '- Start of year',
    rate_reduced: '- Reduction during the year',
    rate_end: '- End of year',
    stt: 'No.',
    label: 'Indicator',
    measure: 'Unit',
    hh: 'Households',
    notes: 'Notes',
    unit: 'unit',
  },
};

/** Plain digits → the given number format. */
export function formatNumber(plain, locale) {
  if (locale === 'plain') return plain;
  const [int, frac] = plain.replace('-', '').split('.');
  const group = locale === 'vi' ? '.' : ',';
  const mark = locale === 'vi' ? ',' : '.';
  const neg = plain.startsWith('-') ? '-' : '';
  return neg + int.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (frac !== undefined ? mark + frac : '');
}

export function cloneData(data = SEED) {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, [...v]]));
}

/**
 * The wide layout of the seed (header row 1; rows 2–6 counts; 7 the rate heading; 8–10 rates), so that
 * e.g. Chiêm Hóa's poor households at the end are at I6. `texts` overrides cells with raw text.
 */
export function wideRecords(data = SEED, { locale = 'vi', lang = 'vi', rates = true, units = UNITS, texts = {}, counts = COUNTS } = {}) {
  const L = LABELS[lang];
  const cell = (ind, i) => texts[`${ind}:${i}`] ?? formatNumber(data[ind][i], locale);
  const rows = [[L.stt, L.label, L.measure, ...units, L.notes]];
  counts.forEach((ind, n) => rows.push([String(n + 1), L[ind], L.hh, ...units.map((_, i) => cell(ind, i)), '']));
  if (rates) {
    rows.push([String(counts.length + 1), L.heading, '', ...units.map(() => ''), '']);
    for (const ind of RATES) rows.push(['', L[ind], '%', ...units.map((_, i) => cell(ind, i)), '']);
  }
  return rows;
}

/** The long layout: a header row of indicator keys (or labels), one row per unit. */
export function longRecords(data = SEED, { locale = 'vi', keys = true, lang = 'vi', rates = true, units = UNITS, texts = {} } = {}) {
  const inds = rates ? [...COUNTS, ...RATES] : COUNTS;
  const L = LABELS[lang];
  const label = (ind) => (keys ? ind : ind.startsWith('rate_') ? `${L.heading} ${L[ind].replace(/^- /, '').toLowerCase()} (%)` : L[ind]);
  const rows = [[keys ? 'unit' : L.unit, ...inds.map(label)]];
  units.forEach((u, i) => rows.push([u, ...inds.map((ind) => texts[`${ind}:${i}`] ?? formatNumber(data[ind][i], locale))]));
  return rows;
}

/**
 * Windows-1258 keeps â ê ô ă ơ ư precomposed but writes the five tone marks as separate combining
 * characters: decompose, then put the vowel modifiers back on their letters.
 */
export function toCp1258Form(text) {
  return text.normalize('NFD').replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_, base, marks) => {
    const mods = [...marks].filter((m) => '\u0302\u0306\u031b'.includes(m)).join('');
    const tones = [...marks].filter((m) => !'\u0302\u0306\u031b'.includes(m)).join('');
    return (base + mods).normalize('NFC') + tones;
  });
}

/** Records → bytes, as a given program would save them. */
export function serialize(records, { delimiter = ';', encoding = 'utf-8-bom', eol = '\r\n' } = {}) {
  const text = stringify(records, { delimiter, record_delimiter: eol === '\r\n' ? 'windows' : 'unix' });
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'windows-1258') return iconv.encode(toCp1258Form(text), 'cp1258');
  if (encoding === 'tcvn3') return iconv.encode(text, 'tcvn');
  if (encoding === 'vni') return iconv.encode(toVNI(text, 'unicode'), 'win1252');
  // Unicode text typed with a legacy font: the TCVN3 letters stored as the Windows-1252 characters they show.
  if (encoding === 'utf-8-tcvn3-font') return Buffer.from(toTCVN3(text, 'unicode'), 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const le = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  if (encoding === 'utf-16be') {
    const be = Buffer.from(le);
    be.swap16();
    return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
  }
  throw new Error(`unknown encoding ${encoding}`);
}

/** Annex rate of plain integer strings, half-up to 2 decimals, exactly (BigInt). */
export function annexRate(poor, households) {
  const p = BigInt(poor);
  const h = BigInt(households);
  if (h === 0n) return '';
  const q = (p * 20000n + h) / (2n * h); // round(p·10000/h), half-up
  const s = q.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Fills rate_start/rate_reduced/rate_end of row i from its counts, by the annex conventions. */
function withRates(d) {
  const out = { ...d };
  out.rate_start = annexRate(d.poor_start, d.households_start);
  out.rate_end = annexRate(d.poor_end, d.households_end);
  const cents = (x) => BigInt(x.replace('.', ''));
  const diff = cents(out.rate_start) - cents(out.rate_end);
  const neg = diff < 0n;
  const a = (neg ? -diff : diff).toString().padStart(3, '0');
  out.rate_reduced = `${neg ? '-' : ''}${a.slice(0, -2)}.${a.slice(-2)}`;
  return out;
}

/** District codes of Tuyên Quang (domain.md); the province is 08. */
export const DISTRICT_CODES = { 'TP Tuyên Quang': '070', 'Lâm Bình': '071', 'Na Hang': '072', 'Chiêm Hóa': '073', 'Hàm Yên': '074', 'Yên Sơn': '075', 'Sơn Dương': '076' };

/**
 * A three-level table (province → district → commune) built from the seed: the province and district rows
 * are the seed's; each district is split into `perDistrict` SYNTHETIC communes whose counts add up to it.
 * Rows: { code, parent, name, ...indicators as plain digits }.
 */
export function hierarchyUnits(perDistrict = 3) {
  const weights = [5, 3, 2, 4, 1, 6].slice(0, perDistrict);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const split = (total) => {
    const parts = weights.map((w) => Math.floor((Number(total) * w) / wsum));
    parts[parts.length - 1] += Number(total) - parts.reduce((a, b) => a + b, 0);
    return parts.map(String);
  };
  const row = (code, parent, name, i) => withRates(Object.fromEntries([['code', code], ['parent', parent], ['name', name], ...COUNTS.map((k) => [k, SEED[k][i]])]));
  const out = [row('08', '', 'Toàn tỉnh', 0)];
  UNITS.forEach((name, i) => {
    if (i === 0) return;
    const code = DISTRICT_CODES[name];
    out.push(row(code, '08', name, i));
    const hs = split(SEED.households_start[i]);
    const he = split(SEED.households_end[i]);
    const ps = split(SEED.poor_start[i]);
    const pr = split(SEED.poor_reduced[i]);
    weights.forEach((_, k) => {
      const c = { code: `${code}${String(k + 1).padStart(2, '0')}`, parent: code, name: `Xã ${k + 1} ${name}` };
      c.households_start = hs[k];
      c.households_end = he[k];
      c.poor_start = ps[k];
      c.poor_reduced = pr[k];
      c.poor_end = String(Number(ps[k]) - Number(pr[k]));
      out.push(withRates(c));
    });
  });
  return out;
}

/** Hierarchical units → long records with code and parent columns. */
export function hierarchyRecords(units = hierarchyUnits(), { locale = 'vi', keys = false } = {}) {
  const inds = [...COUNTS, ...RATES];
  const L = LABELS.vi;
  const head = keys
    ? ['code', 'parent', 'unit', ...inds]
    : ['Mã', 'Mã cấp trên', 'Đơn vị', ...inds.map((ind) => (ind.startsWith('rate_') ? `${L.heading} ${L[ind].replace(/^- /, '').toLowerCase()} (%)` : L[ind]))];
  return [head, ...units.map((u) => [u.code, u.parent, u.name, ...inds.map((k) => formatNumber(u[k], locale))])];
}

/** Every committed variant of the seed annex: name → bytes. */
export function variants() {
  return {
    'variants/comma-utf8.csv': serialize(wideRecords(), { delimiter: ',', encoding: 'utf-8', eol: '\n' }),
    'variants/semicolon-utf8-lf.csv': serialize(wideRecords(), { delimiter: ';', encoding: 'utf-8', eol: '\n' }),
    'variants/unicode-text-utf16le.txt': serialize(wideRecords(), { delimiter: '\t', encoding: 'utf-16le' }),
    'variants/tab-utf16be.txt': serialize(wideRecords(), { delimiter: '\t', encoding: 'utf-16be' }),
    'variants/english.csv': serialize(wideRecords(SEED, { locale: 'en', lang: 'en' }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }),
    'variants/long-keys.csv': serialize(longRecords(SEED, { locale: 'plain' }), { delimiter: ',', encoding: 'utf-8', eol: '\n' }),
    'variants/long-vi.csv': serialize(longRecords(SEED, { keys: false }), { delimiter: ';' }),
    'variants/counts-only.csv': serialize(wideRecords(SEED, { rates: false }), { delimiter: ';' }),
    'variants/hierarchy-3-levels.csv': serialize(hierarchyRecords(), { delimiter: ';' }),
  };
}

/** The seed annex in legacy Vietnamese encodings (read only with --encoding): name → bytes. */
export function legacyVariants() {
  return {
    'legacy/windows-1258.csv': serialize(wideRecords(), { delimiter: ';', encoding: 'windows-1258' }),
    'legacy/tcvn3.csv': serialize(wideRecords(), { delimiter: ';', encoding: 'tcvn3' }),
    'legacy/vni.csv': serialize(wideRecords(), { delimiter: ';', encoding: 'vni' }),
    'legacy/utf8-typed-in-tcvn3-font.csv': serialize(wideRecords(), { delimiter: ';', encoding: 'utf-8-tcvn3-font' }),
  };
}

/** One planted error each: name → { bytes, cell, rule, note }. */
export function planted() {
  const withText = (texts) => serialize(wideRecords(SEED, { texts }));
  const i = (u) => UNITS.indexOf(u);
  return {
    'planted/poor-end-transposed.csv': { bytes: withText({ [`poor_end:${i('Chiêm Hóa')}`]: '4.963' }), cell: 'I6', rule: 'flow', note: 'Chiêm Hóa poor_end 4.693 typed 4.963' },
    'planted/households-total-typo.csv': { bytes: withText({ 'households_start:0': '210.399' }), cell: 'D2', rule: 'sum', note: 'province households_start 210.299 typed 210.399' },
    'planted/rate-start-typo.csv': { bytes: withText({ [`rate_start:${i('Yên Sơn')}`]: '9,62' }), cell: 'F8', rule: 'rate', note: 'Yên Sơn start rate 9,26 typed 9,62' },
    'planted/rate-change-rounded.csv': { bytes: withText({ [`rate_reduced:${i('Hàm Yên')}`]: '2,64' }), cell: 'H9', rule: 'rate-change', note: 'Hàm Yên reduction written as the rounded unrounded difference 2,64 instead of 15,08 − 12,43 = 2,65' },
    'planted/end-rate-start-denominator.csv': { bytes: withText({ [`rate_end:${i('Na Hang')}`]: '25,83' }), cell: 'J10', rule: 'rate', note: 'Na Hang end rate computed over start-of-year households (2.704 / 10.468)' },
    'planted/malformed-group.csv': { bytes: withText({ [`households_end:${i('Sơn Dương')}`]: '50.1800' }), cell: 'E3', rule: 'number', note: 'Sơn Dương households_end 50.180 typed 50.1800' },
    'planted/stray-text.csv': { bytes: withText({ [`poor_reduced:${i('Lâm Bình')}`]: '28x' }), cell: 'K5', rule: 'number', note: 'Lâm Bình poor_reduced 282 typed 28x' },
  };
}

/**
 * Inputs of the calculator (`table`, `plan`): the seed annex cut down to its base counts.
 * `calc/seed-base-counts.csv` holds rows 1–4 only (households at the start and end, poor households at the
 * start, poor households reduced), total column included; `…-no-total.csv` the seven districts alone;
 * `calc/seed-plan-input.csv` rows 1–3 (what `plan` starts from); `calc/seed-targets.json` the plan's targets.
 */
export function calcFixtures() {
  const baseRows = (records) => records.filter((r, i) => i === 0 || ['1', '2', '3', '4'].includes(r[0]));
  const planRows = (records) => records.filter((r, i) => i === 0 || ['1', '2', '3'].includes(r[0]));
  const districts = Object.fromEntries(Object.entries(SEED).map(([k, v]) => [k, v.slice(1)]));
  return {
    'calc/seed-base-counts.csv': serialize(baseRows(wideRecords(SEED, { rates: false }))),
    'calc/seed-base-counts-no-total.csv': serialize(baseRows(wideRecords(districts, { rates: false, units: UNITS.slice(1) }))),
    'calc/seed-plan-input.csv': serialize(planRows(wideRecords(SEED, { rates: false }))),
    'calc/seed-targets.json': Buffer.from(
      JSON.stringify(
        {
          targets: [
            { unit: 'total', indicator: 'rate_reduced', op: '>=', value: '2.06' },
            { unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' },
            { unit: 'Lâm Bình', indicator: 'rate_reduced', op: '>=', value: '4' },
          ],
        },
        null,
        2,
      ) + '\n',
    ),
  };
}

/**
 * Planted errors for error localisation (issue 5): one slip kind each, two slips at once, an ambiguous one.
 * Kept apart from planted(), whose files also have XLSX twins made by LibreOffice (scripts/xlsx-fixtures.mjs).
 */
export function plantedCauses() {
  const withText = (texts) => serialize(wideRecords(SEED, { texts }));
  const i = (u) => UNITS.indexOf(u);
  return {
    'planted/poor-start-separator.csv': { bytes: withText({ [`poor_start:${i('Lâm Bình')}`]: '2,75' }), cell: 'K6', rule: 'flow', note: 'Lâm Bình poor_start 2.750 typed 2,75 (thousands separator as decimal mark)' },
    'planted/rate-as-share.csv': { bytes: withText({ 'rate_start:0': '0,1180' }), cell: 'D8', rule: 'rate', note: 'province start rate 11,80 typed as a share, 0,1180' },
    'planted/reduction-share.csv': { bytes: withText({ 'rate_reduced:0': '1,99' }), cell: 'D9', rule: 'rate-change', note: 'province reduction typed as reduced / start households (1,99 instead of 2,06)' },
    'planted/two-errors.csv': { bytes: withText({ [`poor_end:${i('Chiêm Hóa')}`]: '4.963', [`rate_start:${i('Yên Sơn')}`]: '9,62' }), cell: 'I6', rule: 'flow', note: 'I6 4.693 typed 4.963 and F8 9,26 typed 9,62' },
    'planted/households-ambiguous.csv': { bytes: withText({ [`households_start:${i('Sơn Dương')}`]: '49.875' }), cell: 'D2', rule: 'sum', note: 'Sơn Dương households_start 49.874 typed 49.875: only the sum fails, several cells could explain it' },
    'planted/rate-decimal-mark.csv': { bytes: withText({ 'rate_start:0': '1,180' }), cell: 'D8', rule: 'rate', note: 'province start rate 11,80 typed 1,180 (the decimal mark in the wrong place)' },
    ...shiftedFixtures(),
  };
}

/** The first unit's column in wideRecords (STT, label, measure before it); the notes column follows the units. */
const WIDE_COL0 = 3;

/**
 * Wide records with row `r`'s values from unit `from` on typed one column off: to the right (`right`: its first cell
 * blank, the last value in the notes column) or to the left (a value skipped, the last unit's cell blank).
 */
export function shiftedRow(records, r, from, right) {
  const end = WIDE_COL0 + UNITS.length;
  return records.map((row, k) => {
    if (k !== r) return row;
    const out = [...row];
    const a = WIDE_COL0 + from;
    if (right) {
      const vals = row.slice(a, end);
      out[a] = '';
      vals.forEach((v, n) => (out[a + 1 + n] = v));
    } else {
      row.slice(a + 1, end).forEach((v, n) => (out[a + n] = v));
      out[end - 1] = '';
    }
    return out;
  });
}

/**
 * Wide records with unit `unit`'s column typed one row off along `rows` (the records' rows of the run, in order):
 * down (`down`: the first blank, the last value lost) or up (a value skipped, the last blank).
 */
export function shiftedColumn(records, unit, rows, down) {
  const out = records.map((r) => [...r]);
  const c = WIDE_COL0 + unit;
  const vals = rows.map((k) => records[k][c]);
  if (down) {
    out[rows[0]][c] = '';
    rows.slice(1).forEach((k, n) => (out[k][c] = vals[n]));
  } else {
    rows.slice(0, -1).forEach((k, n) => (out[k][c] = vals[n + 1]));
    out[rows[rows.length - 1]][c] = '';
  }
  return out;
}

/**
 * Runs typed one cell off (locate/shift.ts), from the seed: a row's values from a column on, one column to the right
 * (the last value in the notes column) or to the left (a value skipped, the last cell blank); a unit's column from a
 * row on, one row down (the last value lost); a unit's row of the long layout from a column on, one column to the right
 * (the last value in a column beyond the header).
 */
function shiftedFixtures() {
  const i = (u) => UNITS.indexOf(u);
  // The records' rows of the indicators in slot order (the rate heading, row 7, between them is no figure).
  const slotRows = (records) => records.map((r, k) => k).filter((k) => k > 0 && records[k][WIDE_COL0] !== '');
  const shiftColumnDown = (records, unit, fromRow) => shiftedColumn(records, unit, slotRows(records).filter((k) => k >= fromRow), true);
  const wide = wideRecords(SEED);
  const long = longRecords(SEED, { keys: false });
  const longRight = long.map((row, k) => (k === 1 + i('Chiêm Hóa') ? [...row.slice(0, 4), '', ...row.slice(4)] : row));
  return {
    'planted/row-shifted-right.csv': { bytes: serialize(shiftedRow(wide, 4, i('Hàm Yên'), true)), cell: 'I6', rule: 'flow', note: 'poor households reduced typed one column to the right from Hàm Yên (H5) on: H5 blank, 282 in the notes column' },
    'planted/row-shifted-left.csv': { bytes: serialize(shiftedRow(wide, 4, i('Hàm Yên'), false)), cell: 'H6', rule: 'flow', note: "Hàm Yên's poor households reduced (799) skipped: H5–J5 hold the next unit's value, K5 blank" },
    'planted/column-shifted-down.csv': { bytes: serialize(shiftColumnDown(wide, i('Chiêm Hóa'), 3)), cell: 'D5', rule: 'sum', note: "Chiêm Hóa's column typed one row down from its poor households at the start (I4) on: I4 blank, 13,56 lost" },
    'planted/long-row-shifted-right.csv': { bytes: serialize(longRight, { delimiter: ';' }), cell: 'I7', rule: 'rate', note: "long layout: Chiêm Hóa's row typed one column to the right from its poor households reduced (E7) on: E7 blank, 13,56 beyond the header" },
  };
}

/** poor / households × 100, half-up to two decimals, exactly (BigInt), as plain digits "9.74". */
export function rate2(poor, households) {
  const p = BigInt(poor);
  const h = BigInt(households);
  const q = (2n * p * 10000n + h) / (2n * h);
  const s = q.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Rates "9.74" − "7.29" → "2.45" (two decimals, exact). */
function minus2(a, b) {
  const c = (x) => BigInt(x.replace('.', ''));
  const d = c(a) - c(b);
  const neg = d < 0n;
  const s = (neg ? -d : d).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
}

/**
 * A whole annex (total first, then the units) from the units' base counts, computed the annex's way: the
 * total is the sum of the units, poor_end = poor_start − poor_reduced, rates half-up to two decimals (the end
 * rate over the end-of-year households), the reduction the difference of the printed rates.
 * `base`: { households_start, households_end, poor_start, poor_reduced }, one plain-digit string per unit.
 */
export function yearData(base) {
  const sum = (xs) => xs.reduce((a, x) => a + BigInt(x), 0n).toString();
  const cols = (k) => [sum(base[k]), ...base[k]];
  const h0 = cols('households_start');
  const h1 = cols('households_end');
  const p0 = cols('poor_start');
  const red = cols('poor_reduced');
  const p1 = p0.map((p, i) => (BigInt(p) - BigInt(red[i])).toString());
  const rs = p0.map((p, i) => rate2(p, h0[i]));
  const re = p1.map((p, i) => rate2(p, h1[i]));
  return { households_start: h0, households_end: h1, poor_start: p0, poor_reduced: red, poor_end: p1, rate_start: rs, rate_reduced: rs.map((r, i) => minus2(r, re[i])), rate_end: re };
}

const districts = (data) => Object.fromEntries(['households_start', 'households_end', 'poor_start', 'poor_reduced'].map((k) => [k, data[k].slice(1)]));

/**
 * Years after the seed, constructed (not transcribed): 2021 starts with the seed's end-of-year households and
 * poor households, with invented growth and reductions; 2022 continues 2021 with Na Hang and Lâm Bình merged
 * into one new unit (an invented merger, to exercise --units-map).
 */
export const YEAR_2021 = {
  households_end: ['50472', '40351', '37052', '31985', '34803', '10652', '7758'],
  poor_reduced: ['812', '655', '71', '802', '905', '431', '318'],
};
export const MERGED = 'Na Hang - Lâm Bình';
export const UNITS_2022 = [...UNITS.slice(0, 6), MERGED];
export const YEAR_2022 = {
  households_end: ['50760', '40583', '37301', '32170', '35012', '18551'],
  poor_reduced: ['702', '560', '48', '705', '830', '602'],
};

export function seriesFixtures() {
  const d2020 = SEED;
  const y2021 = yearData({
    households_start: d2020.households_end.slice(1),
    households_end: YEAR_2021.households_end,
    poor_start: d2020.poor_end.slice(1),
    poor_reduced: YEAR_2021.poor_reduced,
  });
  // The planted break: Hàm Yên's households at the start of 2021 typed from a later survey (31.850, not the
  // 31.800 that 2020 ends with); the table is otherwise consistent (total and rates follow).
  const hamYen = UNITS.indexOf('Hàm Yên') - 1;
  const brokenStart = d2020.households_end.slice(1).map((h, i) => (i === hamYen ? '31850' : h));
  const y2021break = yearData({
    households_start: brokenStart,
    households_end: YEAR_2021.households_end,
    poor_start: d2020.poor_end.slice(1),
    poor_reduced: YEAR_2021.poor_reduced,
  });
  // 2022: Na Hang and Lâm Bình (the last two) merged; their 2021 end-of-year values summed.
  const merge = (xs) => [...xs.slice(1, 6), (BigInt(xs[6]) + BigInt(xs[7])).toString()];
  const y2022 = yearData({
    households_start: merge(y2021.households_end),
    households_end: YEAR_2022.households_end,
    poor_start: merge(y2021.poor_end),
    poor_reduced: YEAR_2022.poor_reduced,
  });
  const json = (o) => Buffer.from(JSON.stringify(o, null, 2) + '\n');
  return {
    'series/tuyen-quang-2021.csv': serialize(wideRecords(y2021)),
    'series/tuyen-quang-2021-break.csv': serialize(wideRecords(y2021break)),
    'series/tuyen-quang-2022.csv': serialize(wideRecords(y2022, { units: UNITS_2022 })),
    'series/units-map.json': json({ units: [{ from: ['Na Hang', 'Lâm Bình'], to: MERGED }] }),
    'series/units-map.csv': serialize([['Đơn vị cũ', 'Đơn vị mới'], ['Na Hang', MERGED], ['Lâm Bình', MERGED]]),
  };
}

/**
 * Targets: the plan's own (fixtures/targets/tuyen-quang-2020.json: the province −2,06 points, from 11,8 % to
 * 9,74 %; Lâm Bình and Na Hang −4 points or more), a consistent variant of the seed where Na Hang lifts
 * 370 households out of poverty instead of 390: its −4 points and the province's −2,06 are missed, and the seed
 * without its row of poor households reduced (the net fall then computed from the start and end counts).
 */
export function targetFixtures() {
  const short = districts(SEED);
  short.poor_reduced = short.poor_reduced.map((r, i) => (UNITS[i + 1] === 'Na Hang' ? '370' : r));
  return {
    'targets/tuyen-quang-2020.json': Buffer.from(
      JSON.stringify(
        {
          targets: [
            { unit: 'total', indicator: 'rate_reduced', op: '>=', value: '2.06' },
            { unit: 'total', indicator: 'rate_end', op: '<=', value: '9.74' },
            { unit: 'Lâm Bình', indicator: 'rate_reduced', op: '>=', value: '4' },
            { unit: 'Na Hang', indicator: 'rate_reduced', op: '>=', value: '4' },
          ],
        },
        null,
        2,
      ) + '\n',
    ),
    'targets/na-hang-short.csv': serialize(wideRecords(yearData(short))),
    'targets/no-reduced-row.csv': serialize(wideRecords(SEED, { counts: COUNTS.filter((c) => c !== 'poor_reduced') })),
  };
}

/**
 * Large tables for `povcheck table` (issue 16): the 148 commune-level units of Phú Thọ province (after the
 * 1 July 2025 merger, in the order of the public list of new units) and the 34 provinces and centrally-run
 * cities (after the same merger; the six cities first, then the provinces from north to south: an order
 * chosen for the fixture, not an official one). The names are real; the figures are CONSTRUCTED (a seeded
 * generator, plausible by area: wards and big cities low, mountain communes and provinces high) and internally
 * consistent, computed the annex's way (yearData): the total row is the sum of the units, poor households at
 * the end = start − reduced, rates half-up to two decimals over the start and end households, the reduction
 * the difference of the printed rates. `povcheck validate` finds no error in them.
 */
export const PHU_THO_COMMUNES = [
  'Phường Việt Trì', 'Phường Nông Trang', 'Phường Thanh Miếu', 'Phường Vân Phú', 'Xã Hy Cương', 'Xã Lâm Thao',
  'Xã Xuân Lũng', 'Xã Phùng Nguyên', 'Xã Bản Nguyên', 'Phường Phong Châu', 'Phường Phú Thọ', 'Phường Âu Cơ',
  'Xã Phù Ninh', 'Xã Dân Chủ', 'Xã Phú Mỹ', 'Xã Trạm Thản', 'Xã Bình Phú', 'Xã Thanh Ba', 'Xã Quảng Yên',
  'Xã Hoàng Cương', 'Xã Đông Thành', 'Xã Chí Tiên', 'Xã Liên Minh', 'Xã Đoan Hùng', 'Xã Tây Cốc', 'Xã Chân Mộng',
  'Xã Chí Đám', 'Xã Bằng Luân', 'Xã Hạ Hòa', 'Xã Đan Thượng', 'Xã Yên Kỳ', 'Xã Vĩnh Chân', 'Xã Văn Lang',
  'Xã Hiền Lương', 'Xã Cẩm Khê', 'Xã Phú Khê', 'Xã Hùng Việt', 'Xã Đồng Lương', 'Xã Tiên Lương', 'Xã Vân Bán',
  'Xã Tam Nông', 'Xã Thọ Văn', 'Xã Vạn Xuân', 'Xã Hiền Quan', 'Xã Thanh Thuỷ', 'Xã Đào Xá', 'Xã Tu Vũ',
  'Xã Thanh Sơn', 'Xã Võ Miếu', 'Xã Văn Miếu', 'Xã Cự Đồng', 'Xã Hương Cần', 'Xã Yên Sơn', 'Xã Khả Cửu',
  'Xã Tân Sơn', 'Xã Minh Đài', 'Xã Lai Đồng', 'Xã Thu Cúc', 'Xã Xuân Đài', 'Xã Long Cốc', 'Xã Yên Lập',
  'Xã Thượng Long', 'Xã Sơn Lương', 'Xã Xuân Viên', 'Xã Minh Hòa', 'Xã Trung Sơn', 'Xã Tam Sơn', 'Xã Sông Lô',
  'Xã Hải Lựu', 'Xã Yên Lãng', 'Xã Lập Thạch', 'Xã Tiên Lữ', 'Xã Thái Hòa', 'Xã Liên Hòa', 'Xã Hợp Lý',
  'Xã Sơn Đông', 'Xã Tam Đảo', 'Xã Đại Đình', 'Xã Đạo Trù', 'Xã Tam Dương', 'Xã Hội Thịnh', 'Xã Hoàng An',
  'Xã Tam Dương Bắc', 'Xã Vĩnh Tường', 'Xã Thổ Tang', 'Xã Vĩnh Hưng', 'Xã Vĩnh An', 'Xã Vĩnh Phú', 'Xã Vĩnh Thành',
  'Xã Yên Lạc', 'Xã Tề Lỗ', 'Xã Liên Châu', 'Xã Tam Hồng', 'Xã Nguyệt Đức', 'Xã Bình Nguyên', 'Xã Xuân Lãng',
  'Xã Bình Xuyên', 'Xã Bình Tuyền', 'Phường Vĩnh Phúc', 'Phường Vĩnh Yên', 'Phường Phúc Yên', 'Phường Xuân Hòa',
  'Xã Cao Phong', 'Xã Mường Thàng', 'Xã Thung Nai', 'Xã Đà Bắc', 'Xã Cao Sơn', 'Xã Đức Nhàn', 'Xã Quy Đức',
  'Xã Tân Pheo', 'Xã Tiền Phong', 'Xã Kim Bôi', 'Xã Mường Động', 'Xã Dũng Tiến', 'Xã Hợp Kim', 'Xã Nật Sơn',
  'Xã Lạc Sơn', 'Xã Mường Vang', 'Xã Đại Đồng', 'Xã Ngọc Sơn', 'Xã Nhân Nghĩa', 'Xã Quyết Thắng', 'Xã Thượng Cốc',
  'Xã Yên Phú', 'Xã Lạc Thủy', 'Xã An Bình', 'Xã An Nghĩa', 'Xã Lương Sơn', 'Xã Cao Dương', 'Xã Liên Sơn',
  'Xã Mai Châu', 'Xã Bao La', 'Xã Mai Hạ', 'Xã Pà Cò', 'Xã Tân Mai', 'Xã Tân Lạc', 'Xã Mường Bi', 'Xã Mường Hoa',
  'Xã Toàn Thắng', 'Xã Vân Sơn', 'Xã Yên Thủy', 'Xã Lạc Lương', 'Xã Yên Trị', 'Xã Thịnh Minh', 'Phường Hòa Bình',
  'Phường Kỳ Sơn', 'Phường Tân Hòa', 'Phường Thống Nhất',
];

export const PROVINCES_34 = [
  'Hà Nội', 'Hải Phòng', 'Huế', 'Đà Nẵng', 'TP. Hồ Chí Minh', 'Cần Thơ',
  'Cao Bằng', 'Tuyên Quang', 'Lào Cai', 'Điện Biên', 'Lai Châu', 'Sơn La', 'Thái Nguyên', 'Lạng Sơn', 'Quảng Ninh',
  'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Trị', 'Quảng Ngãi',
  'Gia Lai', 'Đắk Lắk', 'Khánh Hòa', 'Lâm Đồng', 'Đồng Nai', 'Tây Ninh', 'Đồng Tháp', 'Vĩnh Long', 'An Giang', 'Cà Mau',
];

/** A small seeded generator (mulberry32), so the constructed figures are the same on every run. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Base counts for units of given sizes and poverty rates: households at the start (within `size`), a growth of
 * 0,2–1,8 % over the year, poor households at the start (the rate within `rate`, in %), 10–45 % of them leaving.
 */
function constructedBase(profiles, seed) {
  const rnd = seeded(seed);
  const within = ([lo, hi]) => lo + (hi - lo) * rnd();
  const base = { households_start: [], households_end: [], poor_start: [], poor_reduced: [] };
  for (const p of profiles) {
    const h0 = Math.round(within(p.size));
    const h1 = Math.round(h0 * (1 + within([0.002, 0.018])));
    const p0 = Math.max(1, Math.round((h0 * within(p.rate)) / 100));
    const red = Math.round(p0 * within([0.1, 0.45]));
    base.households_start.push(String(h0));
    base.households_end.push(String(h1));
    base.poor_start.push(String(p0));
    base.poor_reduced.push(String(red));
  }
  return base;
}

/** The communes of Phú Thọ: wards small rates; the former Hòa Bình and the western mountain communes higher. */
function phuThoProfiles() {
  const hoaBinh = PHU_THO_COMMUNES.indexOf('Xã Cao Phong');
  const west = [PHU_THO_COMMUNES.indexOf('Xã Thanh Sơn'), PHU_THO_COMMUNES.indexOf('Xã Minh Hòa')];
  return PHU_THO_COMMUNES.map((name, i) => {
    if (name.startsWith('Phường')) return { size: [7000, 16000], rate: [0.2, 1.2] };
    if (i >= hoaBinh) return { size: [2500, 7000], rate: [6, 19] };
    if (i >= west[0] && i <= west[1]) return { size: [3000, 8000], rate: [4, 12] };
    return { size: [4000, 10000], rate: [1, 5] };
  });
}

/** Households (thousands, rough 2025 sizes) and a poverty-rate band per province, in PROVINCES_34 order. */
const PROVINCE_PROFILES = [
  [2650, [0.02, 0.2]], [1350, [0.2, 0.8]], [350, [0.8, 2]], [880, [0.1, 0.6]], [4300, [0.01, 0.1]], [1250, [0.5, 1.5]],
  [140, [14, 22]], [510, [10, 18]], [460, [8, 15]], [150, [17, 25]], [115, [20, 28]], [330, [12, 20]], [550, [3, 7]], [230, [8, 14]], [420, [0.3, 1]],
  [1250, [2, 5]], [1050, [0.8, 2.5]], [1050, [0.8, 2]], [1150, [1, 3]], [1100, [3, 7]], [1000, [4, 8]], [420, [4, 7]], [530, [4, 8]], [570, [5, 10]],
  [950, [4, 9]], [950, [4, 8]], [600, [1.5, 4]], [1000, [2, 5]], [1250, [0.5, 1.5]], [930, [0.5, 1.5]], [1300, [1, 2.5]], [1180, [1, 3]], [1450, [1, 3]], [750, [1.5, 4]],
];

export function largeFixtures() {
  const communes = yearData(constructedBase(phuThoProfiles(), 20250701));
  const provinces = yearData(constructedBase(PROVINCE_PROFILES.map(([k, rate]) => ({ size: [k * 960, k * 1040], rate })), 34));
  // Not the seed's "Tổng số hộ của toàn tỉnh …": these tables are not of one province's districts.
  const records = (data, units) => longRecords(data, { keys: false, units }).map((r, i) => (i === 0 ? r.map((h) => h.replace('Tổng số hộ của toàn tỉnh', 'Tổng số hộ')) : r));
  return {
    'calc/communes-phu-tho.csv': serialize(records(communes, ['Toàn tỉnh', ...PHU_THO_COMMUNES]), { delimiter: ';' }),
    'calc/provinces-34.csv': serialize(records(provinces, ['Cả nước', ...PROVINCES_34]), { delimiter: ';' }),
  };
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
  const write = (name, bytes) => {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), bytes);
  };
  write('tuyen-quang-2020.csv', serialize(wideRecords()));
  for (const [name, bytes] of Object.entries({ ...variants(), ...legacyVariants() })) write(name, bytes);
  for (const [name, p] of Object.entries(planted())) write(name, p.bytes);
  for (const [name, p] of Object.entries(plantedCauses())) write(name, p.bytes);
  for (const [name, bytes] of Object.entries(calcFixtures())) write(name, bytes);
  for (const [name, bytes] of Object.entries(seriesFixtures())) write(name, bytes);
  for (const [name, bytes] of Object.entries(targetFixtures())) write(name, bytes);
  for (const [name, bytes] of Object.entries(largeFixtures())) write(name, bytes);
  console.log('fixtures written');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
