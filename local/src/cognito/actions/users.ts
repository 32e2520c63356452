/** Creating users and setting passwords: the only places a password is turned into stored secrets. */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../password/hash.ts';
import type { Pool } from '../pool.ts';
import { createVerifier } from '../srp/server.ts';
import type { UserRecord, UserStatus } from '../store/types.ts';
import { clearFailures } from './lockout.ts';

/** Stores the SRP verifier and a scrypt hash for `password`; never the password itself. */
export async function setPassword(pool: Pool, user: UserRecord, password: string): Promise<void> {
  user.srp = createVerifier(pool.poolName, user.username, password);
  user.passwordHash = await hashPassword(password);
  clearFailures(user);
  user.updatedAt = Date.now();
}

/** A new user; in an email-as-username pool the username is the `sub`, a UUID (given by bulk imports). */
export async function newUser(pool: Pool, attributes: Record<string, string>, password: string, status: UserStatus, sub: string = randomUUID()): Promise<UserRecord> {
  const now = Date.now();
  const user: UserRecord = {
    username: sub,
    sub,
    status,
    enabled: true,
    attributes: { sub, ...attributes, email_verified: attributes.email_verified === 'true' ? 'true' : 'false' },
    srp: { salt: '', verifier: '' },
    passwordHash: '',
    createdAt: now,
    updatedAt: now,
    failedSignIns: 0,
    codes: {},
    codeSends: [],
  };
  await setPassword(pool, user, password);
  return user;
}

/** The attributes triggers see: all strings, plus `cognito:user_status` as Cognito adds it. */
export function triggerAttributes(user: UserRecord): Record<string, string> {
  return { ...user.attributes, 'cognito:user_status': user.status };
}

/** Ends every session of a user: refresh tokens deleted, their tokens refused until they expire. */
export function revokeAllSessions(pool: Pool, username: string): void {
  const until = Date.now() + Math.max(pool.tokens.accessTokenValidityMinutes, pool.tokens.idTokenValidityMinutes) * 60_000;
  for (const [key, record] of Object.entries(pool.store.state.refreshTokens)) {
    if (record.username !== username) continue;
    pool.store.state.revokedOriginJtis[record.originJti] = until;
    delete pool.store.state.refreshTokens[key];
  }
}

export function revokeSession(pool: Pool, originJti: string): void {
  const until = Date.now() + Math.max(pool.tokens.accessTokenValidityMinutes, pool.tokens.idTokenValidityMinutes) * 60_000;
  pool.store.state.revokedOriginJtis[originJti] = until;
  for (const [key, record] of Object.entries(pool.store.state.refreshTokens)) {
    if (record.originJti === originJti) delete pool.store.state.refreshTokens[key];
  }
}
