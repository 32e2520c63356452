import { describe, expect, it } from 'vitest';
import { consumeCode, issueCode, maxCodeAttempts, maxCodeSendsPerHour } from './codes.ts';
import type { UserRecord } from './store/types.ts';

const user = (): UserRecord => ({
  username: 'u',
  sub: 'u',
  status: 'UNCONFIRMED',
  enabled: true,
  attributes: {},
  srp: { salt: '', verifier: '' },
  passwordHash: '',
  createdAt: 0,
  updatedAt: 0,
  failedSignIns: 0,
  codes: {},
  codeSends: [],
});

describe('one-time codes', () => {
  it('stores only a hash and consumes a code once', () => {
    const u = user();
    const code = issueCode(u, 'signup');
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(u)).not.toContain(`"${code}"`);
    consumeCode(u, 'signup', code);
    expect(() => consumeCode(u, 'signup', code)).toThrow(expect.objectContaining({ type: 'ExpiredCodeException' }));
  });

  it('keeps purposes apart and expires codes (reset: 1 hour)', () => {
    const u = user();
    const now = Date.now();
    const code = issueCode(u, 'reset', now);
    expect(() => consumeCode(u, 'signup', code, now)).toThrow(expect.objectContaining({ type: 'ExpiredCodeException' }));
    expect(() => consumeCode(u, 'reset', code, now + 3600_001)).toThrow(expect.objectContaining({ type: 'ExpiredCodeException' }));
  });

  it('burns a code after too many wrong guesses and limits sends', () => {
    const u = user();
    const now = Date.now();
    const code = issueCode(u, 'signup', now);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < maxCodeAttempts; i++) expect(() => consumeCode(u, 'signup', wrong, now)).toThrow(expect.objectContaining({ type: 'CodeMismatchException' }));
    expect(() => consumeCode(u, 'signup', code, now)).toThrow(expect.objectContaining({ type: 'LimitExceededException' }));
    for (let i = 1; i < maxCodeSendsPerHour; i++) issueCode(u, 'signup', now);
    expect(() => issueCode(u, 'signup', now)).toThrow(expect.objectContaining({ type: 'LimitExceededException' }));
    expect(() => issueCode(u, 'signup', now + 3600_001)).not.toThrow();
  });
});
