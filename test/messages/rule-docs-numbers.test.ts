/**
 * `explain --lang en` writes its figures as English readers read them (2,704 / 10,580 × 100 = 25.56): Vietnamese
 * ones (2.704 / 10.580 × 100 = 25,56) read as small decimals. Only a cell's text quoted as typed ("giảm 2,06%",
 * `16,5`) keeps the file's format.
 */
import { describe, expect, it } from 'vitest';
import { ruleDocs } from '../../src/messages/rule-docs.js';
import { RULE_IDS } from '../../src/rules/index.js';

const VIETNAMESE_FIGURE = /(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+|\d+,\d{1,2})(?![\w.,]*\d)/;
const unquoted = (text: string) => text.replace(/`[^`]*`|"[^"]*"|“[^”]*”/g, '');

describe('the English rule documentation', () => {
  it('writes its figures in English', () => {
    const docs = ruleDocs('en');
    const found: string[] = [];
    for (const { id } of RULE_IDS) {
      const doc = docs[id] as unknown as Record<string, unknown>;
      for (const [field, text] of Object.entries(doc)) {
        if (typeof text !== 'string') continue;
        const m = VIETNAMESE_FIGURE.exec(unquoted(text));
        if (m) found.push(`${id}.${field}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
