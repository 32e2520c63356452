import { describe, expect, it } from 'vitest';
import { charCount, checkText, clip, codePoints, isInvisible, TEXT_LIMITS, textProblemMessage } from './text.ts';

const FAMILY = '👨\u200D👩\u200D👧\u200D👦';

describe('a character is a code point', () => {
  it('counts astral emoji once, and ZWJ sequences by their code points', () => {
    expect(charCount('😀'.repeat(240))).toBe(240);
    expect(charCount(FAMILY)).toBe(7);
    expect(charCount('🇫🇷')).toBe(2);
    expect(charCount('👍🏽')).toBe(2);
    expect(charCount('e\u0301')).toBe(2);
    expect(charCount('')).toBe(0);
  });

  it('agrees with the string iterator, lone surrogates included', () => {
    for (const s of ['abc', '😀x😀', '\uD800', 'a\uDC00b', '\uD83D\uD83D\uDE00', FAMILY, '\uDBFF\uDFFF']) {
      expect(codePoints(s)).toEqual([...s]);
    }
  });
});

describe('checkText', () => {
  it('accepts 240 emoji for a crud and refuses 241', () => {
    expect(checkText('😀'.repeat(TEXT_LIMITS.crud), TEXT_LIMITS.crud).problem).toBeNull();
    expect(checkText('😀'.repeat(TEXT_LIMITS.crud + 1), TEXT_LIMITS.crud).problem).toBe('too-long');
  });

  it('trims before counting, and refuses a huge input without splitting it', () => {
    expect(checkText(`  ${'a'.repeat(240)}\n`, 240)).toEqual({ text: 'a'.repeat(240), problem: null });
    expect(checkText('a'.repeat(10_000_000), 240).problem).toBe('too-long');
  });

  it.each([
    ['empty', ''],
    ['spaces and line breaks', ' \n\t '],
    ['zero-width spaces', '\u200B\u200B\u200B'],
    ['ZWNJ, ZWJ, word joiner and BOM', '\u200C\u200D\u2060\uFEFF'],
    ['Hangul fillers', '\u3164\u115F\u1160\uFFA0'],
    ['braille blank and ideographic space', '\u2800\u3000'],
    ['bidi controls and soft hyphens', '\u202E\u2066\u00AD'],
    ['variation selectors and tags', '\uFE0F\u{E0041}\u{E0100}'],
  ])('refuses text made only of %s as blank', (_name, text) => {
    expect(checkText(text, 240).problem).toBe('blank');
  });

  it('refuses NUL and other controls anywhere, but keeps tab and line breaks', () => {
    expect(checkText('\u0000', 240).problem).toBe('control');
    expect(checkText('hi\u0000there', 240).problem).toBe('control');
    expect(checkText('bell\u0007', 240).problem).toBe('control');
    expect(checkText('next\u0085line', 240).problem).toBe('control');
    expect(checkText('a\tb\r\nc', 240).problem).toBeNull();
  });

  it('refuses lone surrogates, high or low, and accepts pairs', () => {
    expect(checkText('\uD83D', 240).problem).toBe('malformed');
    expect(checkText('ok \uDE00', 240).problem).toBe('malformed');
    expect(checkText('\uDE00\uD83D', 240).problem).toBe('malformed');
    expect(checkText('\uD83D\uDE00', 240).problem).toBeNull();
  });

  it('keeps invisible characters inside visible text (emoji sequences need ZWJ and VS16)', () => {
    expect(checkText(FAMILY, 240)).toEqual({ text: FAMILY, problem: null });
    expect(checkText('❤\uFE0F', 240)).toEqual({ text: '❤\uFE0F', problem: null });
    expect(checkText('\u200Bhi', 240).problem).toBeNull();
  });

  it('classifies code points either side of every astral range correctly', () => {
    expect(isInvisible('\u{1D172}')).toBe(false);
    expect(isInvisible('\u{1D173}')).toBe(true);
    expect(isInvisible('\u{1D17A}')).toBe(true);
    expect(isInvisible('\u{1D17B}')).toBe(false);
    expect(isInvisible('😀')).toBe(false);
    expect(isInvisible('\uFFFD')).toBe(false);
    expect(isInvisible('ㄱ')).toBe(false);
  });
});

describe('textProblemMessage', () => {
  it('names the field and the limit', () => {
    expect(textProblemMessage('message', 'too-long', 240)).toBe('message must be at most 240 characters');
    expect(textProblemMessage('bio', 'blank', 160)).toBe('bio must not be blank');
  });
});

describe('clip', () => {
  it('keeps the first max code points and never splits a surrogate pair', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip(`${'a'.repeat(99)}😀😀`, 100)).toBe(`${'a'.repeat(99)}😀`);
    expect(clip('😀'.repeat(150), 100)).toBe('😀'.repeat(100));
    expect(checkText(clip(`${'a'.repeat(99)}😀`, 100), 100).problem).toBeNull();
  });
});
