/** What the rows above a table's header say about it: the unit a one-unit table is about. */
import { cellText, type Cell, type Grid } from '../model/grid.js';

/** A total named in the rows above the header (`Chỉ tiêu toàn Tỉnh`, `Cả nước`): its words and cell. */
export function titleTotal(grid: Grid, above: number): { name: string; cell: Cell } | undefined {
  for (let r = 0; r < above; r++) {
    for (const cell of grid.rows[r] ?? []) {
      const m = /\b(toàn tỉnh|toàn huyện|toàn thành phố|toàn thị xã|toàn xã|toàn quốc|cả nước|toàn vùng)\b/iu.exec(cellText(cell).normalize('NFC'));
      if (m) return { name: m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase(), cell };
    }
  }
  return undefined;
}
