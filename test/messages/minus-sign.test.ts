/**
 * One minus sign for a negative figure in every message: the hyphen-minus `formatPlain` keeps (`chênh lệch -270`,
 * `= -9,62`), as the table's cells and the JSON report's `expected` / `actual` hold it. U+2212 is only the operator
 * of `a − b`; the rule documentation wrote `−100–100` where the findings write `-40`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFmt, renderMessage } from '../../src/messages/index.js';
import { signed, unsigned } from '../../src/messages/number-format.js';
import { ruleDocs } from '../../src/messages/rule-docs.js';
import { RULE_IDS } from '../../src/rules/index.js';
import { checkBytes, checkCsv, FIXTURES } from '../helpers.js';

/** U+2212 before a digit: a minus sign, not the operator (which has a space after it). */
const MINUS_SIGN = /\u2212\d/;

describe('the minus sign of a negative figure', () => {
  it.each(['vi', 'en'] as const)('is the hyphen-minus in the %s rule documentation (explain)', (lang) => {
    const docs = ruleDocs(lang);
    const found: string[] = [];
    for (const { id } of RULE_IDS) {
      for (const [field, text] of Object.entries(docs[id] as unknown as Record<string, unknown>)) if (typeof text === 'string' && MINUS_SIGN.test(text)) found.push(`${id}.${field}`);
    }
    expect(found).toEqual([]);
    expect(docs.range.checks).toContain('-100–100');
  });

  it.each(['vi', 'en'] as const)('is the hyphen-minus in the %s findings, beside the operator of a − b', async (lang) => {
    const seed = readFileSync(join(FIXTURES, 'tuyen-quang-2020.csv'), 'utf8').replace(/^\uFEFF/, '');
    const results = [
      checkBytes(readFileSync(join(FIXTURES, 'planted', 'rate-as-share.csv'))),
      checkBytes(readFileSync(join(FIXTURES, 'planted', 'households-total-typo.csv'))),
      await checkCsv(seed.replace('4;Số hộ nghèo giảm trong năm;Hộ;4.188;', '4;Số hộ nghèo giảm trong năm;Hộ;-4.188;')),
    ];
    const texts = results.flatMap((r) => r.findings.map((f) => renderMessage(f.msg, makeFmt(lang))));
    expect(texts.filter((t) => MINUS_SIGN.test(t))).toEqual([]);
    const negative = texts.filter((t) => /(?:^|[\s(=])-\d/.test(t));
    expect(negative.length).toBeGreaterThan(1);
    expect(texts.join('\n')).toMatch(/ − 9[.,]74 = -9[.,]622 → -9[.,]62 /);
    // A negative figure after an operator is in brackets: `24.814 − (-4.188)`, not `24.814 − -4.188`.
    expect(texts.filter((t) => /[−+] -\d/.test(t))).toEqual([]);
    expect(texts.join('\n')).toMatch(/24[.,]814 − \(-4[.,]188\) = 29[.,]002/);
  });

  it('Fmt.term brackets a negative figure only', () => {
    const f = makeFmt('vi');
    expect([f.term('-4188'), f.term('4188'), f.term('-0.25'), f.term('0')]).toEqual(['(-4.188)', '4.188', '(-0,25)', '0']);
  });

  it('one helper writes a signed figure, one strips the sign', () => {
    expect([signed('1481'), signed('-270'), signed('0')]).toEqual(['+1481', '-270', '+0']);
    expect([unsigned('-0.16'), unsigned('0.16')]).toEqual(['0.16', '0.16']);
  });
});
