/**
 * Looking inside a docx povcheck writes, for the tests: its tables (grid widths, header rows, cells with their
 * text, size, weight, spans and vertical merges) and whether every number and word fits its column.
 */
import { expect } from 'vitest';
import { textWidth, words } from '../src/render/measure.js';

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface DocxCell {
  text: string;
  /** Points. */
  size: number;
  bold: boolean;
  span: number;
  /** A cell continuing a vertical merge. */
  continued: boolean;
}

export interface DocxTable {
  grid: number[];
  rows: Array<{ header: boolean; cells: DocxCell[] }>;
}

export function docxTables(xml: string): DocxTable[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => ({
    grid: [...t[1]!.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]) / 20),
    rows: [...t[1]!.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) => ({
      header: r[0].includes('<w:tblHeader/>'),
      cells: [...r[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => ({
        text: decode([...c[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
        size: Number(/<w:sz w:val="(\d+)"/.exec(c[1]!)?.[1] ?? 22) / 2,
        bold: /<w:b\/>|<w:b w:val="true"\/>/.test(c[1]!),
        span: Number(/<w:gridSpan w:val="(\d+)"/.exec(c[1]!)?.[1] ?? 1),
        continued: /<w:vMerge w:val="continue"\/>/.test(c[1]!),
      })),
    })),
  }));
}

/** Cell margins the renderer gives (3 pt each side). */
export const PADDING = 6;
/** The cell's ½ pt rules: LibreOffice sets the text within them as well as within the margins. */
const RULES = 0.5;

/** Every body cell's number fits its column on one line, and every word of every cell fits too (inside margins and rules). */
export function expectWidthsFit(t: DocxTable): void {
  for (const row of t.rows) {
    let col = 0;
    for (const c of row.cells) {
      const width = t.grid.slice(col, col + c.span).reduce((a, b) => a + b, 0) - PADDING - RULES;
      col += c.span;
      if (c.continued || c.text === '') continue;
      if (/^[\d.,=*/+-]+$/.test(c.text)) expect(textWidth(c.text, c.size, c.bold), `"${c.text}" in ${width.toFixed(1)} pt`).toBeLessThanOrEqual(width);
      for (const w of words(c.text)) expect(textWidth(w, c.size, c.bold), `"${w}" of "${c.text}" in ${width.toFixed(1)} pt`).toBeLessThanOrEqual(width);
    }
  }
}

