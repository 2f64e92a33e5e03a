/**
 * A hierarchical long table for the benchmark: one province, `districts` districts, the rest communes, with
 * code and parent columns, the eight indicator keys and plain numbers. Every parent is the exact sum of its
 * children and every rate follows the annex conventions (half-up, end rate over the end-of-year
 * households, reduction = difference of the printed rates), so the table is clean: what is measured is the
 * reading and checking, not the reporting of findings. Deterministic (a fixed linear congruential sequence).
 *
 *   node bench/gen-long.mjs [rows=1000000] [out=long.csv] [districts=100]
 */
import { createWriteStream } from 'node:fs';

export function writeLongTable(rows, out, districts = 100) {
  const communes = rows - 1 - districts;
  if (communes < 0) throw new Error('too few rows');
  // round(p / h × 100, 2) half-up, in hundredths, with integers only.
  const rate = (p, h) => {
    const n = p * 20000 + h;
    const d = 2 * h;
    return (n - (n % d)) / d;
  };
  const fmt = (c) => (c < 0 ? '-' : '') + Math.floor(Math.abs(c) / 100) + '.' + String(Math.abs(c) % 100).padStart(2, '0');
  let seed = 1;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const leaf = new Int32Array(communes * 4);
  const dist = Array.from({ length: districts }, () => [0, 0, 0, 0]);
  for (let i = 0; i < communes; i++) {
    const hs = 500 + Math.floor(rnd() * 3000);
    const he = hs + Math.floor(rnd() * 50);
    const ps = Math.floor(hs * rnd() * 0.3);
    const pr = Math.floor(ps * rnd() * 0.3);
    leaf.set([hs, he, ps, pr], i * 4);
    const t = dist[i % districts];
    t[0] += hs;
    t[1] += he;
    t[2] += ps;
    t[3] += pr;
  }
  const prov = [0, 0, 0, 0];
  for (const t of dist) t.forEach((v, k) => (prov[k] += v));
  const line = (code, parent, name, hs, he, ps, pr) => {
    const pe = ps - pr;
    const rs = rate(ps, hs);
    const re = rate(pe, he);
    return `${code},${parent},${name},${hs},${he},${ps},${pr},${pe},${fmt(rs)},${fmt(rs - re)},${fmt(re)}\n`;
  };
  const stream = createWriteStream(out);
  let buf = 'code,parent,unit,households_start,households_end,poor_start,poor_reduced,poor_end,rate_start,rate_reduced,rate_end\n';
  buf += line('P', '', 'Toàn tỉnh', ...prov);
  dist.forEach((t, d) => (buf += line(`D${d}`, 'P', `Huyện ${d}`, ...t)));
  for (let i = 0; i < communes; i++) {
    buf += line(`C${i}`, `D${i % districts}`, `Xã ${i}`, leaf[i * 4], leaf[i * 4 + 1], leaf[i * 4 + 2], leaf[i * 4 + 3]);
    if (buf.length > 1 << 20) {
      stream.write(buf);
      buf = '';
    }
  }
  stream.write(buf);
  return new Promise((resolve, reject) => stream.end((e) => (e ? reject(e) : resolve())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await writeLongTable(Number(process.argv[2] || 1_000_000), process.argv[3] || 'long.csv', Number(process.argv[4] || 100));
}
