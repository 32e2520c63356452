/**
 * Cognito's lockout for wrong passwords (Developer Guide, "Lockout behavior for failed sign-in
 * attempts"): after 5 failures each further one locks for 2^(n−5) s, up to about 15 minutes;
 * attempts during a lock are refused without counting. Sign-in and ChangePassword share the
 * counters; unknown names keep theirs in a decoy record, so they lock exactly as users do.
 */
import { CognitoError, incorrectCredentials } from '../errors.ts';
import type { Pool } from '../pool.ts';
import type { LockState } from '../store/types.ts';

/** Failures allowed before the first lock. */
export const freeFailures = 5;
/** The longest lock, in seconds. */
const maxLockSeconds = 900;

/** What sign-in answers during a lock (amazon-cognito-identity-js #479, aws-amplify/amplify-js #1234). */
export const passwordAttemptsExceeded = () => new CognitoError('NotAuthorizedException', 'Password attempts exceeded');

/** Throws `refuse()` while `subject` is locked. */
export function assertNotLocked(pool: Pool, subject: LockState, refuse: () => CognitoError = passwordAttemptsExceeded): void {
  if (subject.lockedUntil !== undefined && subject.lockedUntil > pool.now()) throw refuse();
}

/** Counts a wrong password, locking from the fifth on, saves, and throws `error()`. */
export async function recordFailure(pool: Pool, subject: LockState, error: () => CognitoError = incorrectCredentials): Promise<never> {
  subject.failedSignIns += 1;
  if (subject.failedSignIns >= freeFailures) {
    subject.lockedUntil = pool.now() + Math.min(maxLockSeconds, 2 ** (subject.failedSignIns - freeFailures)) * 1000;
  }
  await pool.store.save();
  throw error();
}

/** A right password ends the count. */
export function clearFailures(subject: LockState): void {
  subject.failedSignIns = 0;
  delete subject.lockedUntil;
}
