import { describe, expect, it } from 'vitest';
import { BIO_LIMIT, canSaveProfile, DISPLAY_NAME_LIMIT } from './edit-profile-form.tsx';

describe('profile rules', () => {
  it('takes a display name of 50 emoji (the browser maxLength would stop at 25) and refuses 51', () => {
    expect(canSaveProfile('🙂'.repeat(DISPLAY_NAME_LIMIT), '')).toBe(true);
    expect(canSaveProfile('🙂'.repeat(DISPLAY_NAME_LIMIT + 1), '')).toBe(false);
  });
  it('refuses an invisible display name', () => {
    expect(canSaveProfile('\u3164', '')).toBe(false);
    expect(canSaveProfile('\u200B ', '')).toBe(false);
  });
  it('takes an empty bio (it clears) and 160 emoji, but not an invisible-only bio or 161', () => {
    expect(canSaveProfile('Bayko', '  ')).toBe(true);
    expect(canSaveProfile('Bayko', '🙂'.repeat(BIO_LIMIT))).toBe(true);
    expect(canSaveProfile('Bayko', '🙂'.repeat(BIO_LIMIT + 1))).toBe(false);
    expect(canSaveProfile('Bayko', '\u200B')).toBe(false);
  });
});
