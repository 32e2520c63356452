/**
 * One-time codes (sign-up confirmation, password reset, attribute verification): 6 digits, stored
 * hashed, expiring, with a cap on wrong guesses and on how often new codes can be sent.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { codeMismatch, expiredCode, limitExceeded } from './errors.ts';
import type { CodeHolder, CodePurpose } from './store/types.ts';

/** Cognito: sign-up and attribute codes last 24 hours, password reset codes 1 hour. */
const lifetimeMs: Record<CodePurpose, number> = { signup: 24 * 3600_000, reset: 3600_000, verify_email: 24 * 3600_000 };
/** Wrong guesses allowed per code before it is burned. */
export const maxCodeAttempts = 5;
/** Codes a user can be sent per rolling hour. */
export const maxCodeSendsPerHour = 5;

const digest = (code: string) => createHash('sha256').update(code).digest();

/** Makes a new code for `purpose`, replacing any previous one; throws LimitExceeded on a send flood. */
export function issueCode(user: CodeHolder, purpose: CodePurpose, now = Date.now()): string {
  user.codeSends = user.codeSends.filter((t) => t > now - 3600_000);
  if (user.codeSends.length >= maxCodeSendsPerHour) throw limitExceeded();
  user.codeSends.push(now);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  user.codes[purpose] = { hash: digest(code).toString('hex'), expiresAt: now + lifetimeMs[purpose], failedAttempts: 0 };
  return code;
}

/**
 * Gives `holder` a code for `purpose` that was never sent, unless it has one: what a decoy needs
 * to answer like a user whose sign-up left a code behind. Does not count as a send.
 */
export function unsentCode(holder: CodeHolder, purpose: CodePurpose, now = Date.now()): void {
  holder.codes[purpose] ??= { hash: createHash('sha256').update(randomBytes(32)).digest('hex'), expiresAt: now + lifetimeMs[purpose], failedAttempts: 0 };
}

/**
 * Checks and consumes a code. Throws CodeMismatch for a wrong code, ExpiredCode for an expired or
 * missing one, LimitExceeded once too many wrong guesses burned it. The caller saves the store
 * either way, so failed attempts count across restarts.
 */
export function consumeCode(user: CodeHolder, purpose: CodePurpose, code: unknown, now = Date.now()): void {
  const record = user.codes[purpose];
  if (!record) throw expiredCode();
  if (record.failedAttempts >= maxCodeAttempts) throw limitExceeded();
  if (record.expiresAt < now) {
    delete user.codes[purpose];
    throw expiredCode();
  }
  const given = digest(typeof code === 'string' ? code.trim() : '');
  if (!timingSafeEqual(given, Buffer.from(record.hash, 'hex'))) {
    record.failedAttempts += 1;
    throw codeMismatch();
  }
  delete user.codes[purpose];
}
