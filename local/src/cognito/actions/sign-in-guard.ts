/**
 * What happens once the password proved right: the user's status decides between tokens, a
 * NEW_PASSWORD_REQUIRED challenge, or an error. Wrong passwords are lockout.ts's business.
 */
import { randomBytes } from 'node:crypto';
import { CognitoError } from '../errors.ts';
import type { Pool } from '../pool.ts';
import type { UserRecord } from '../store/types.ts';
import { startSession } from '../tokens/issue.ts';
import { clearFailures } from './lockout.ts';

/** Sessions for NEW_PASSWORD_REQUIRED: opaque, single use, 3 minutes. */
const challengeSessions = new Map<string, { username: string; poolId: string; expiresAt: number }>();

/** The user a NEW_PASSWORD_REQUIRED session belongs to, if it is still valid. */
export function peekChallengeSession(pool: Pool, session: string): string | undefined {
  const state = challengeSessions.get(session);
  if (!state || state.poolId !== pool.userPoolId || state.expiresAt < Date.now()) return undefined;
  return state.username;
}

/** Ends a session once its challenge is answered. */
export function endChallengeSession(session: string): void {
  challengeSessions.delete(session);
}

/** Called once the password proved right: returns Cognito's InitiateAuth/RespondToAuthChallenge output. */
export async function completeSignIn(pool: Pool, user: UserRecord): Promise<Record<string, unknown>> {
  clearFailures(user);
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  if (user.status === 'UNCONFIRMED') {
    await pool.store.save();
    throw new CognitoError('UserNotConfirmedException', 'User is not confirmed.');
  }
  if (user.status === 'RESET_REQUIRED') throw new CognitoError('PasswordResetRequiredException', 'Password reset required for the user');
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    if ((user.temporaryPasswordExpiresAt ?? Infinity) < Date.now()) {
      throw new CognitoError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
    }
    const now = Date.now();
    for (const [key, state] of challengeSessions) if (state.expiresAt < now) challengeSessions.delete(key);
    const session = randomBytes(48).toString('base64');
    challengeSessions.set(session, { username: user.username, poolId: pool.userPoolId, expiresAt: Date.now() + 180_000 });
    const { sub: _sub, email_verified: _ev, ...visible } = user.attributes;
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: session,
      ChallengeParameters: { USER_ID_FOR_SRP: user.username, requiredAttributes: '[]', userAttributes: JSON.stringify(visible) },
    };
  }
  const result = startSession(pool.store, user, pool.keys, pool.tokens);
  await pool.store.save();
  return { ChallengeParameters: {}, AuthenticationResult: result };
}
