import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TEXT_LIMITS } from '../../../../definitions/text.ts';
import { CharCounter, charsLeft, isSendable } from './char-counter.tsx';

const FAMILY = '👨\u200D👩\u200D👧\u200D👦';
const shown = (text: string, limit: number) => renderToStaticMarkup(<CharCounter text={text} limit={limit} />).replace(/<[^>]+>/g, '');

describe('CharCounter counts as the server does', () => {
  it('shows 0 left for 240 emoji, and -1 (over) for 241', () => {
    expect(shown('😀'.repeat(240), TEXT_LIMITS.crud)).toBe('Characters left: 0');
    expect(isSendable('😀'.repeat(240), TEXT_LIMITS.crud)).toBe(true);
    expect(renderToStaticMarkup(<CharCounter text={'😀'.repeat(241)} limit={TEXT_LIMITS.crud} />)).toContain('char-counter over');
    expect(isSendable('😀'.repeat(241), TEXT_LIMITS.crud)).toBe(false);
  });

  it('shows 60 left for 100 emoji in a bio, and counts a family emoji as seven', () => {
    expect(charsLeft('🙂'.repeat(100), TEXT_LIMITS.bio)).toBe(60);
    expect(charsLeft(FAMILY, TEXT_LIMITS.displayName)).toBe(43);
  });

  it('does not count the spaces the server trims', () => {
    expect(charsLeft(`  ${'a'.repeat(10)}\n`, 20)).toBe(10);
  });

  it('refuses text that is blank once invisible characters are set aside', () => {
    for (const blank of ['', '   ', '\u200B\u200B', '\u3164', '\u2800', '\uFEFF\u2060']) expect(isSendable(blank, 240)).toBe(false);
    expect(isSendable(FAMILY, 240)).toBe(true);
  });

  it('names a character the server refuses instead of a count', () => {
    expect(shown('hi\u0000', 240)).toBe('Unsupported character');
    expect(shown('hi \uD83D', 240)).toBe('Unsupported character');
    expect(isSendable('hi\u0000', 240)).toBe(false);
  });
});
