/**
 * Whether units listed under a parent are its parts, by what their names say, for the lists the table does not
 * give whole (cut short by dots, an excerpt, one unit named under it): a row printed under a total for comparison
 * (its region, the country, another province, last year, the plan) is read as one unit named under it, and is no
 * part of it. Used by the sums of such lists (sum.ts) and by the households a part's rates imply (implied.ts).
 */
import type { Annex, Unit } from '../model/annex.js';
import { adminLevel } from '../shape/structure.js';
import { regionNamed, regionOfProvince } from '../shape/regions.js';
import { foldKey } from '../shape/normalize.js';
import { levelOfTotal } from '../shape/aliases.js';

/**
 * Whether the units are the parent's parts, by what their names say. `named`: each name must say so (one unit named
 * under a total may be a row printed for comparison): a block or an area of it (`Khu vực …`, `Thành thị`,
 * `Nông thôn`), a lower administrative level than its own (`Huyện …` under `Toàn tỉnh` or `Tỉnh …`, `Xã …` under
 * `Toàn huyện`; under a total whose name says no level, `Tổng cộng`, a district or lower), a province of the region
 * as the list of regions has it. `not-contradicted` (a list cut short by dots, an excerpt: several units named as
 * parts): no name may say otherwise (a region, the country, the same level or higher, another region's province).
 * Never a list with a name twice (years read as one list) or a unit bearing the parent's name.
 */
export function knownParts(annex: Annex, parent: Unit, parts: readonly number[], proof: 'named' | 'not-contradicted'): boolean {
  const names = parts.map((u) => annex.units.at(u)!.name);
  if (names.includes(parent.name) || new Set(names).size < names.length) return false;
  const region = regionNamed(parent.name);
  const level = region !== undefined ? 0 : levelOfTotal(parent.name) ?? adminLevel(parent.name);
  return parts.every((u, i) => {
    if (annex.units.roleOf(u) === 'block' || AREA.test(foldKey(names[i]!))) return true;
    const verdict = partByName(names[i]!, region, level);
    return verdict === 'part' || (verdict === undefined && proof === 'not-contradicted');
  });
}

/**
 * What a name says of a unit under a parent (a region's index, or a level: the country 0 … a commune 3): `part`
 * (a lower level, a province of the region), `not` (a region, a total, the same level or higher, a province of
 * another region), undefined when it says nothing (`Bắc Trà My`, `Kế hoạch giao`).
 */
function partByName(name: string, region: number | undefined, level: number | undefined): 'part' | 'not' | undefined {
  // A region is a part of the country only (its provinces are not a region's parts' parts here).
  if (regionNamed(name) !== undefined) return region === undefined && level === 0 ? 'part' : 'not';
  if (levelOfTotal(name) !== undefined) return 'not';
  const province = regionOfProvince(name);
  if (region !== undefined) return province === undefined ? undefined : province === region ? 'part' : 'not';
  const own = adminLevel(name) ?? (province !== undefined ? 1 : undefined);
  if (own === undefined) return undefined;
  return (level === undefined ? own >= 2 : own > level) ? 'part' : 'not';
}

/**
 * An area of the parent (`Khu vực thành thị`, `Khu vực miền núi`, `Nông thôn`): a partition of it. Not `Vùng …`,
 * which names the country's regions too (`Vùng Đồng bằng sông Cửu Long` under a province is its region).
 */
const AREA = /^(?:khu vuc|thanh thi|nong thon)\b/;
