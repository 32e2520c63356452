import { describe, expect, it } from 'vitest';
import { insertMention, mentionAtCaret } from './mention-at-caret.ts';

describe('mentionAtCaret', () => {
  it('finds the handle prefix typed after an "@" at the start or after a space or punctuation', () => {
    expect(mentionAtCaret('@ba', 3)).toEqual({ start: 0, query: 'ba' });
    expect(mentionAtCaret('hi @', 4)).toEqual({ start: 3, query: '' });
    expect(mentionAtCaret('hi (@lon', 8)).toEqual({ start: 4, query: 'lon' });
    expect(mentionAtCaret('hi @bay and more', 7)).toEqual({ start: 3, query: 'bay' });
  });

  it('ignores addresses, double "@", text with no "@", and a caret past a space', () => {
    expect(mentionAtCaret('mail a@b', 8)).toBeNull();
    expect(mentionAtCaret('@@bay', 5)).toBeNull();
    expect(mentionAtCaret('hello', 5)).toBeNull();
    expect(mentionAtCaret('@bay ', 5)).toBeNull();
    expect(mentionAtCaret(`@${'x'.repeat(21)}`, 22)).toBeNull();
  });
});

describe('insertMention', () => {
  it('replaces the partial handle with the chosen one and a space, caret after it', () => {
    expect(insertMention('hi @ba', { start: 3, query: 'ba' }, 'bayko')).toEqual({ text: 'hi @bayko ', caret: 10 });
    expect(insertMention('@lo there', { start: 0, query: 'lo' }, 'londo')).toEqual({ text: '@londo there', caret: 7 });
  });
});
