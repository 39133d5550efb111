import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it('escapes the characters that can open a tag, an entity or end an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes an ampersand first so existing entities are not left ambiguous', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });

  it('leaves ordinary text, umlauts and an empty string alone', () => {
    expect(escapeHtml('Bestätigen Sie Ihre Anfrage RD-7K3M')).toBe('Bestätigen Sie Ihre Anfrage RD-7K3M');
    expect(escapeHtml('')).toBe('');
  });

  it('escapes every occurrence, not just the first', () => {
    expect(escapeHtml('<<>>')).toBe('&lt;&lt;&gt;&gt;');
  });
});
