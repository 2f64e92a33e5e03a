import { describe, expect, it } from 'vitest';
import { escapeHtml, html, htmlId, joinHtml, raw, toHtml } from '../../src/render/html-escape.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
  });

  it('leaves Vietnamese text and numbers alone', () => {
    expect(escapeHtml('Số hộ nghèo cuối năm: 4.693 → 14,34%')).toBe('Số hộ nghèo cuối năm: 4.693 → 14,34%');
  });

  it('escapes an already escaped entity again (text is text)', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('the html template tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = '<script>alert(1)</script>';
    const out = html`<th title="${'" onmouseover="alert(1)'}">${name}</th>`.value;
    expect(out).toBe('<th title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt;</th>');
    expect(out).not.toContain('<script>');
  });

  it('keeps nested templates and raw() markup as markup, and concatenates arrays', () => {
    const items = ['a<b', 'c'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`${raw('<br>')}`.value).toBe('<br>');
  });

  it('writes nothing for undefined, null and false, and numbers as text', () => {
    expect(html`[${undefined}${null}${false}${0}${12.5}]`.value).toBe('[012.5]');
    expect(toHtml(['<', raw('<'), 1])).toBe('&lt;<1');
    expect(joinHtml(['x', html`<i>y</i>`], raw(', ').value).value).toBe('x, <i>y</i>');
  });
});

describe('htmlId', () => {
  it('gives id-safe, distinct ids', () => {
    expect(htmlId('c0', 'I6')).toBe('c0-I6');
    expect(htmlId('c0', 'Sheet 1!I6')).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(htmlId('c0', 'a_b')).not.toBe(htmlId('c0', 'a b'));
    expect(htmlId('c0', '<x>"')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
