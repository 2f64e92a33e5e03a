/**
 * The benchmark's big tables (issue 14): a national table of units as large tables are handed over — the
 * long layout with code and parent columns (docs/input.md), Vietnamese headers, names and numbers
 * (`12.345`, `11,80`), `;` between fields, CRLF, UTF-8 with a BOM (Excel's "CSV UTF-8" on a Vietnamese
 * Windows).
 *
 * Shape: one total row `Cả nước`, 63 provinces, 700 districts (`Huyện …`, some `Thành phố …` / `Thị xã …`),
 * and communes (`Xã …`, `Phường …`, `Thị trấn …`) for the rest, unevenly spread; rows top-down, each
 * province followed by its districts, each district by its communes. Names have 15–40 characters with
 * diacritics and are unique among their siblings. Counts vary by district (a mountain district can be 40 %
 * poor, a city 1 %); households change during the year, so the two rates have different denominators, as in
 * real reviews.
 *
 * Every parent is the exact sum of its children, `poor_end = poor_start − poor_reduced`, rates are
 * half-up to two decimals with the end rate over end-of-year households, and the reduction is the difference
 * of the two printed rates: the table is consistent. With `slip`, one commune about 62 % of the way down has
 * its end-of-year poor households typed with two adjacent digits swapped (`1.234` → `1.324`): that one cell
 * breaks its flow (`poor_end = poor_start − poor_reduced`), its end rate and its district's sum (three errors).
 *
 * Deterministic: the same arguments give the same bytes (a fixed linear congruential sequence), and the
 * table with the slip differs from the one without in that one cell only.
 *
 *   node bench/gen-table.mjs <units> <out.csv> [--no-slip] [--districts 700] [--provinces 63]
 * prints the table's description (JSON, see `writeTable`).
 */
import { createWriteStream } from 'node:fs';

/** Column order of the generated file (A1 letters follow from it). */
export const HEADER = [
  'STT',
  'Mã',
  'Mã cấp trên',
  'Tên đơn vị',
  'Tổng số hộ đầu năm',
  'Tổng số hộ cuối năm',
  'Số hộ nghèo đầu năm',
  'Số hộ nghèo giảm trong năm',
  'Số hộ nghèo cuối năm',
  'Tỷ lệ hộ nghèo đầu năm (%)',
  'Tỷ lệ hộ nghèo giảm trong năm (%)',
  'Tỷ lệ hộ nghèo cuối năm (%)',
];
export const DELIMITER = ';';
/** Where the baselines find the code, the parent code and the five counts (0-based field indexes). */
export const FIELDS = { code: 1, parent: 2, name: 3, counts: [4, 5, 6, 7, 8], poorStart: 6, poorReduced: 7, poorEnd: 8 };
const POOR_END_COLUMN = 'I';

/** Syllables of Vietnamese place names (Kinh and highland names), NFC. */
const SYLLABLES = (
  'An Bình Hòa Phú Tân Thạnh Xuân Đông Tây Nam Bắc Trung Quảng Hưng Lộc Phước Thịnh Long Hải Sơn Thủy Thượng Hạ Yên ' +
  'Vĩnh Mỹ Đức Thuận Lạc Khánh Nghĩa Thành Tiến Hồng Quang Minh Cường Đồng Trường Phúc Lâm Hiệp Lợi Điền Châu Giang ' +
  'Hà Kim Ngọc Cẩm Diễn Kỳ Nhơn Quý Tường Vạn Định Lương Thắng Việt Hợp Trà Bảo Hữu Chiến Đại Khê Mường Nậm Chiềng ' +
  'Krông Thái Tuyên Quỳnh Dương Hậu Ninh Triệu Văn Võ Nhân Lĩnh Thọ Cát Chánh Khương Phổ Ea Ia Tà Pà Lũng Sìn Hồ'
)
  .split(' ')
  .map((s) => s.normalize('NFC'));

/** Half-up p / h × 100 to two decimals, in hundredths, with integers only. */
export function rateHundredths(p, h) {
  if (h === 0) return 0;
  const n = p * 20000 + h;
  const d = 2 * h;
  return (n - (n % d)) / d;
}

/** 1234567 → "1.234.567". */
export function vnCount(n) {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Hundredths → "11,80". */
export function vnRate(c) {
  const a = Math.abs(c);
  return (c < 0 ? '-' : '') + vnCount(Math.floor(a / 100)) + ',' + String(a % 100).padStart(2, '0');
}

/** Two adjacent different digits swapped, the leftmost pair that keeps a non-zero first digit; null if none. */
export function transpose(n) {
  const s = String(n);
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] === s[i + 1] || (i === 0 && s[1] === '0')) continue;
    return Number(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  }
  return null;
}

function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Splits `total` into `parts` counts of at least 1 (when possible), uneven (weights 0.5–1.5). */
function spread(total, parts, rnd) {
  const w = Array.from({ length: parts }, () => 0.5 + rnd());
  const sum = w.reduce((a, b) => a + b, 0);
  const min = total >= parts ? 1 : 0;
  const n = w.map((x) => Math.max(min, Math.floor(((total - min * parts) * x) / sum) + min));
  let left = total - n.reduce((a, b) => a + b, 0);
  for (let i = 0; left !== 0; i = (i + 1) % parts) {
    if (left > 0) (n[i]++, left--);
    else if (n[i] > min) (n[i]--, left++);
  }
  return n;
}

/** A name `prefix + syllables` of 15–40 characters not yet in `taken` (which it joins). */
function placeName(prefix, rnd, taken) {
  for (let tries = 0; ; tries++) {
    const words = [prefix];
    const n = 2 + Math.floor(rnd() * 3) + (tries > 50 ? 2 : 0);
    for (let k = 0; k < n; k++) words.push(SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]);
    const name = words.join(' ');
    if (name.length < 15 || name.length > 40 || taken.has(name)) continue;
    taken.add(name);
    return name;
  }
}

/**
 * Writes the table; resolves to its description: `{ units, provinces, districts, communes, bytes, slip }`
 * where `slip` is `{ cell, row, unit, code, indicator, original, typed }` (plain digits) or null.
 */
export async function writeTable(units, out, { slip = true, districts = 700, provinces = 63, seed = 14 } = {}) {
  const communes = units - 1 - provinces - districts;
  if (communes < districts) throw new Error(`${units} units are too few for ${provinces} provinces and ${districts} districts with a commune each`);
  const rnd = rng(seed);
  const districtsOf = spread(districts, provinces, rnd);
  const communesOf = spread(communes, districts, rnd);

  // Leaf counts (households start/end, poor start, poor reduced), then the parents' sums.
  const leaf = new Float64Array(communes * 4);
  const kind = new Uint8Array(districts); // 0 rural district (Huyện), 1 city, 2 town
  const distSum = new Float64Array(districts * 4);
  let c = 0;
  for (let d = 0; d < districts; d++) {
    const r = rnd();
    kind[d] = r < 0.08 ? 1 : r < 0.14 ? 2 : 0;
    // Poverty level of the district: most low, a tail of poor mountain districts.
    const level = kind[d] === 1 ? 0.003 + rnd() * 0.02 : Math.min(0.6, 0.005 + rnd() ** 5 * 0.5);
    for (let k = 0; k < communesOf[d]; k++, c++) {
      const hs = (kind[d] === 1 ? 2500 : 700) + Math.floor(rnd() * 4500);
      const he = hs + Math.floor(rnd() * 70) - 10;
      const ps = Math.floor(hs * Math.min(0.85, level * (0.5 + rnd())));
      const pr = Math.floor(ps * rnd() * 0.3);
      leaf.set([hs, he, ps, pr], c * 4);
      for (let j = 0; j < 4; j++) distSum[d * 4 + j] += leaf[c * 4 + j];
    }
  }
  const provSum = new Float64Array(provinces * 4);
  const total = new Float64Array(4);
  for (let p = 0, d = 0; p < provinces; p++) {
    for (let k = 0; k < districtsOf[p]; k++, d++) for (let j = 0; j < 4; j++) provSum[p * 4 + j] += distSum[d * 4 + j];
    for (let j = 0; j < 4; j++) total[j] += provSum[p * 4 + j];
  }

  // The slip: the first commune from 62 % of the way down whose end-of-year poor households have two digits
  // to swap.
  let slipAt = -1;
  let typed = 0;
  if (slip) {
    for (let i = Math.floor(communes * 0.618); i < communes && slipAt < 0; i++) {
      const pe = leaf[i * 4 + 2] - leaf[i * 4 + 3];
      const t = pe >= 100 ? transpose(pe) : null;
      // Within all households, so that the same three checks fail at every size (no `range` error besides).
      if (t !== null && t <= leaf[i * 4 + 1]) (slipAt = i), (typed = t);
    }
    if (slipAt < 0) throw new Error('no commune to plant the slip in');
  }

  const stream = createWriteStream(out);
  let buf = '\ufeff' + HEADER.join(DELIMITER) + '\r\n';
  let row = 1; // spreadsheet row of the last line written
  let stt = 0;
  let slipInfo = null;
  const flush = async () => {
    if (!stream.write(buf)) await new Promise((r) => stream.once('drain', r));
    buf = '';
  };
  const line = (code, parent, name, v, poorEnd) => {
    const [hs, he, ps, pr] = v;
    const pe = ps - pr;
    const rs = rateHundredths(ps, hs);
    const re = rateHundredths(pe, he);
    row++;
    buf += `${++stt};${code};${parent};${name};${vnCount(hs)};${vnCount(he)};${vnCount(ps)};${vnCount(pr)};${vnCount(poorEnd ?? pe)};${vnRate(rs)};${vnRate(rs - re)};${vnRate(re)}\r\n`;
  };
  const cw = Math.max(5, String(communes).length);
  const provinceNames = new Set();
  line('VN', '', 'Cả nước', total);
  c = 0;
  for (let p = 0, d = 0; p < provinces; p++) {
    const pcode = String(p + 1).padStart(2, '0');
    line(pcode, 'VN', placeName('Tỉnh', rnd, provinceNames), provSum.subarray(p * 4, p * 4 + 4));
    const districtNames = new Set();
    for (let k = 0; k < districtsOf[p]; k++, d++) {
      const dcode = String(d + 1).padStart(3, '0');
      const prefix = kind[d] === 1 ? 'Thành phố' : kind[d] === 2 ? 'Thị xã' : 'Huyện';
      line(dcode, pcode, placeName(prefix, rnd, districtNames), distSum.subarray(d * 4, d * 4 + 4));
      const communeNames = new Set();
      for (let j = 0; j < communesOf[d]; j++, c++) {
        // A rural district has one township (its seat) and communes; a city or town wards and a few communes.
        const prefix = kind[d] === 0 ? (j === 0 ? 'Thị trấn' : 'Xã') : j % 4 === 3 ? 'Xã' : 'Phường';
        const name = placeName(prefix, rnd, communeNames);
        const code = String(c + 1).padStart(cw, '0');
        const v = leaf.subarray(c * 4, c * 4 + 4);
        if (c === slipAt) {
          const original = v[2] - v[3];
          slipInfo = { cell: `${POOR_END_COLUMN}${row + 1}`, row: row + 1, unit: name, code, indicator: 'poor_end', original: String(original), typed: String(typed) };
          line(code, dcode, name, v, typed);
        } else line(code, dcode, name, v);
        if (buf.length > 1 << 20) await flush();
      }
    }
  }
  await flush();
  await new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())));
  return { units, provinces, districts, communes, bytes: stream.bytesWritten, slip: slipInfo };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i < 0 ? dflt : Number(args.splice(i, 2)[1]);
  };
  const slip = !args.includes('--no-slip');
  const districts = opt('--districts', 700);
  const provinces = opt('--provinces', 63);
  const [units = '10000', out = 'table.csv'] = args.filter((a) => !a.startsWith('--'));
  const info = await writeTable(Number(units), out, { slip, districts, provinces });
  process.stdout.write(`${JSON.stringify(info)}\n`);
}
