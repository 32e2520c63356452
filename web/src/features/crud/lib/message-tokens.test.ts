import { describe, expect, it } from 'vitest';
import { safeHref, tokenizeMessage } from './message-tokens.ts';

describe('tokenizeMessage', () => {
  it('makes http(s) URLs links, leaving sentence punctuation outside', () => {
    expect(tokenizeMessage('see https://example.com/a?b=1#top. and http://x.org!')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://example.com/a?b=1#top', href: 'https://example.com/a?b=1#top' },
      { kind: 'text', text: '. and ' },
      { kind: 'link', text: 'http://x.org', href: 'http://x.org/' },
      { kind: 'text', text: '!' },
    ]);
  });

  it('never links javascript:, data: or other schemes', () => {
    for (const text of ['javascript:alert(1)', 'click JAVASCRIPT://%0aalert(1)', 'data:text/html,<script>x</script>', 'vbscript:msgbox']) {
      expect(tokenizeMessage(text).every((t) => t.kind === 'text'), text).toBe(true);
    }
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://ok.example/')).toBe('https://ok.example/');
  });

  it('keeps mentions and hashtags, and a # or @ inside a URL stays in the URL', () => {
    expect(tokenizeMessage('@bayko #cloud https://x.com/@me#frag')).toEqual([
      { kind: 'mention', text: '@bayko', handle: 'bayko' },
      { kind: 'text', text: ' ' },
      { kind: 'hashtag', text: '#cloud', tag: 'cloud' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'https://x.com/@me#frag', href: 'https://x.com/@me#frag' },
    ]);
  });

  it('does not take an e-mail address for a mention, and gives back the text exactly', () => {
    const text = 'mail a@b.com, ping @londo. 🎉 https://e.com/(x)';
    expect(tokenizeMessage(text).map((t) => t.text).join('')).toBe(text);
    expect(tokenizeMessage('a@b.com').every((t) => t.kind === 'text')).toBe(true);
  });
});
