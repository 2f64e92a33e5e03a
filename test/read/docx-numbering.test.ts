/**
 * Word's automatic list numbers (read/docx-numbering.ts): the labels Word shows before numbered paragraphs, which
 * are not in their text, counted as Word counts them.
 */
import { describe, expect, it } from 'vitest';
import { listNumbers, numberingHandlers, type NumberingDefinitions } from '../../src/read/docx-numbering.js';
import { streamXml } from '../../src/read/xml-stream.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, format: string, text: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;

function numbers(body: string) {
  const defs: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };
  streamXml(Buffer.from(`<?xml version="1.0"?><w:numbering ${W}>${body}</w:numbering>`), numberingHandlers(defs));
  return listNumbers(defs);
}

describe('list numbers', () => {
  const plan = `<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.')}${lvl(1, 'decimal', '%2.')}${lvl(2, 'decimal', '%2.%3.')}${lvl(3, 'lowerLetter', '%4)')}</w:abstractNum>
    <w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '-')}${lvl(1, 'bullet', '\uf0b7')}</w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`;

  it('an outline numbered I., 1., 1.1., a) as a plan numbers its sections; deeper levels restart', () => {
    const n = numbers(plan);
    const seq = [0, 1, 1, 2, 2, 3, 3, 0, 1, 2].map((l) => n.label('1', l));
    expect(seq).toEqual(['I.', '1.', '2.', '2.1.', '2.2.', 'a)', 'b)', 'II.', '1.', '1.1.']);
  });

  it('bullets are the dash they show (the money hierarchy reads "- " items); a symbol-font bullet is •', () => {
    const n = numbers(plan);
    expect([n.label('2', 0), n.label('2', 1)]).toEqual(['-', '•']);
  });

  it('a list restarted at another number (startOverride), lists of one abstract list continuing each other, unknown lists', () => {
    const n = numbers(plan);
    expect([n.label('1', 0), n.label('1', 1), n.label('3', 1), n.label('1', 1)]).toEqual(['I.', '1.', '5.', '6.']);
    expect(n.label('9', 0)).toBeUndefined();
    expect(numbers(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'upperRoman', '%1.', 2)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`).label('1', 0)).toBe('II.');
  });
});

describe('a hostile numbering part', () => {
  it('cannot make labels of megabytes: the level text and letter numbers are cut', () => {
    const n = numbers(`<w:abstractNum w:abstractNumId="0">${lvl(0, 'lowerLetter', '%1'.repeat(1_000), 999_999)}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`);
    const label = n.label('1', 0)!;
    expect(label.length).toBeLessThanOrEqual(32 * 8);
    expect(label.startsWith('mmmmmmmm')).toBe(true);
  });
});
