/** InitiateAuth and RespondToAuthChallenge: USER_SRP_AUTH, USER_PASSWORD_AUTH, refresh; PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED. */
import { CognitoError, incorrectCredentials, invalidParameter } from '../errors.ts';
import { verifyPassword } from '../password/hash.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action, ActionInput, Pool } from '../pool.ts';
import type { LockState, UserRecord } from '../store/types.ts';
import { assertNotLocked, recordFailure } from './lockout.ts';
import { completeSignIn, endChallengeSession, peekChallengeSession } from './sign-in-guard.ts';
import { requireClient, requireString } from './input.ts';
import { refreshTokens } from './refresh.ts';
import { setPassword } from './users.ts';

const authFlows = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'];

function parameters(input: ActionInput, member: string): Record<string, string> {
  const value = input[member];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

function requireFlowEnabled(pool: Pool, flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH'): void {
  if (!pool.definition.client.authFlows.includes(flow)) throw invalidParameter(`${flow} flow not enabled for this client`);
}

/**
 * The user `name` signs in as, or — when existence errors are hidden — undefined with the decoy
 * record whose lockout counters stand in for the user's. Without hiding, unknown names get
 * UserNotFoundException, as Cognito's LEGACY setting does.
 */
function signInSubject(pool: Pool, name: string): { user: UserRecord | undefined; lock: LockState } {
  const user = pool.store.findBySignInName(name);
  if (user) return { user, lock: user };
  if (!pool.definition.client.preventUserExistenceErrors) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  return { user, lock: pool.decoys.record(name) };
}

export const initiateAuth: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const flow = requireString(input, 'AuthFlow');
  const params = parameters(input, 'AuthParameters');
  if (!authFlows.includes(flow)) {
    throw invalidParameter(`1 validation error detected: Value '${flow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${authFlows.join(', ')}]`);
  }
  if (flow === 'USER_SRP_AUTH') {
    requireFlowEnabled(pool, 'USER_SRP_AUTH');
    const name = params.USERNAME;
    if (!name) throw invalidParameter('Missing required parameter USERNAME');
    if (!params.SRP_A || !/^[0-9a-fA-F]+$/.test(params.SRP_A)) throw invalidParameter('Missing required parameter SRP_A');
    // A is below N (768 hex digits); anything much longer is not an SRP value, only work for us.
    if (params.SRP_A.length > 1024) throw invalidParameter('SRP_A is not valid');
    const { user, lock } = signInSubject(pool, name);
    assertNotLocked(pool, lock);
    // Derived for users too (and dropped), so both paths do the same hashing before B.
    const decoyId = pool.decoys.srpUserId(name);
    const decoyVerifier = pool.decoys.srpVerifier(name);
    const userId = user?.username ?? decoyId;
    const challenge = pool.srp.begin(params.SRP_A, { userIdForSrp: userId, signInName: name, real: !!user }, user?.srp ?? decoyVerifier);
    if (!challenge) throw invalidParameter('SRP_A is not valid');
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { ...challenge, USERNAME: userId, USER_ID_FOR_SRP: userId },
    };
  }
  if (flow === 'USER_PASSWORD_AUTH') {
    requireFlowEnabled(pool, 'USER_PASSWORD_AUTH');
    const name = params.USERNAME;
    if (!name) throw invalidParameter('Missing required parameter USERNAME');
    if (!params.PASSWORD) throw invalidParameter('Missing required parameter PASSWORD');
    const { user, lock } = signInSubject(pool, name);
    assertNotLocked(pool, lock);
    // Unknown names pay for the same scrypt check against a decoy hash that nothing matches.
    const matches = await verifyPassword(params.PASSWORD, user?.passwordHash ?? pool.decoys.passwordHash(name));
    if (!user || !matches) return recordFailure(pool, lock);
    return completeSignIn(pool, user);
  }
  if (flow === 'REFRESH_TOKEN_AUTH' || flow === 'REFRESH_TOKEN') {
    requireFlowEnabled(pool, 'REFRESH_TOKEN_AUTH');
    if (!params.REFRESH_TOKEN) throw invalidParameter('Missing required parameter REFRESH_TOKEN');
    // Without rotation Cognito returns no new refresh token here.
    return { ChallengeParameters: {}, AuthenticationResult: await refreshTokens(pool, clientId, params.REFRESH_TOKEN) };
  }
  if (flow === 'CUSTOM_AUTH') throw invalidParameter('Custom auth lambda trigger is not configured for the user pool.');
  if (flow === 'USER_AUTH') throw invalidParameter('USER_AUTH flow not enabled for this client');
  throw invalidParameter(`Auth flow not supported for this client: ${flow}`);
};

export const respondToAuthChallenge: Action = async (pool, input) => {
  requireClient(pool, input);
  const name = requireString(input, 'ChallengeName');
  const responses = parameters(input, 'ChallengeResponses');
  if (name === 'PASSWORD_VERIFIER') {
    const secretBlock = responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '';
    const issuedTo = pool.srp.subjectOf(secretBlock);
    const user = issuedTo?.real ? pool.store.user(issuedTo.userIdForSrp) : undefined;
    // USERNAME must name whom the challenge was issued to: its user id, or a name that resolves to it.
    const named = responses.USERNAME ? pool.store.findBySignInName(responses.USERNAME) : undefined;
    const sameName = !!issuedTo && !issuedTo.real && responses.USERNAME?.trim().toLowerCase() === issuedTo.signInName.trim().toLowerCase();
    if (!issuedTo || (responses.USERNAME !== issuedTo.userIdForSrp && named?.username !== issuedTo.userIdForSrp && !sameName)) {
      pool.srp.verify({ PASSWORD_CLAIM_SECRET_BLOCK: secretBlock }); // burns the challenge
      throw incorrectCredentials();
    }
    // A user deleted since the challenge counts against the name, like any unknown one.
    const lock = user ?? pool.decoys.record(issuedTo.signInName);
    assertNotLocked(pool, lock);
    const verified = pool.srp.verify(responses);
    if (!verified || !user) return recordFailure(pool, lock);
    return completeSignIn(pool, user);
  }
  if (name === 'NEW_PASSWORD_REQUIRED') {
    const session = requireString(input, 'Session');
    const username = peekChallengeSession(pool, session);
    const user = username ? pool.store.user(username) : undefined;
    if (!user || user.status !== 'FORCE_CHANGE_PASSWORD') throw new CognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.');
    if (responses.USERNAME && pool.store.findBySignInName(responses.USERNAME)?.username !== user.username) {
      throw new CognitoError('NotAuthorizedException', 'Invalid session for the user.');
    }
    // A weak new password leaves the session usable, so the user can try another one.
    const password = checkPassword(responses.NEW_PASSWORD, pool.definition.passwordPolicy, 'NEW_PASSWORD');
    endChallengeSession(session);
    await setPassword(pool, user, password);
    user.status = 'CONFIRMED';
    delete user.temporaryPasswordExpiresAt;
    return completeSignIn(pool, user);
  }
  throw invalidParameter(`Unsupported challenge: ${name}`);
};
