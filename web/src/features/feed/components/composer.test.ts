import { describe, expect, it } from 'vitest';
import { canPost, CRUD_LIMIT } from './composer.tsx';
import { EXPIRY_CHOICES } from '../../../components/ui/expiry-select.tsx';

describe('composer rules', () => {
  it('blocks empty, blank and over-limit cruds, counting emoji as one character', () => {
    expect(canPost('')).toBe(false);
    expect(canPost('   \n ')).toBe(false);
    expect(canPost('a'.repeat(CRUD_LIMIT))).toBe(true);
    expect(canPost('a'.repeat(CRUD_LIMIT + 1))).toBe(false);
    expect(canPost('🎉'.repeat(CRUD_LIMIT))).toBe(true);
    expect(canPost('🎉'.repeat(CRUD_LIMIT + 1))).toBe(false);
  });
  it('blocks cruds the server would refuse: invisible-only, NUL, lone surrogates', () => {
    for (const text of ['\u200B\u200B', '\u3164', '\u0000', 'hi\u0000', 'hi \uD83D']) expect(canPost(text), JSON.stringify(text)).toBe(false);
    expect(canPost('hi\n\tthere 👨\u200D👩\u200D👧')).toBe(true);
  });
  it('offers the original expiry choices with 7 days available', () => {
    expect(EXPIRY_CHOICES.map((c) => c.value)).toEqual(['THIRTY_DAYS', 'SEVEN_DAYS', 'THREE_DAYS', 'ONE_DAY', 'TWELVE_HOURS', 'THREE_HOURS', 'ONE_HOUR']);
  });
});
