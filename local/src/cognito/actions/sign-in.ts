/** InitiateAuth and RespondToAuthChallenge: USER_SRP_AUTH, USER_PASSWORD_AUTH, refresh; PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED. */
import { createHash } from 'node:crypto';
import { CognitoError, incorrectCredentials, invalidParameter } from '../errors.ts';
import { verifyPassword } from '../password/hash.ts';
import { checkPassword } from '../password/policy.ts';
import type { Action, ActionInput, Pool } from '../pool.ts';
import { assertNotLocked, completeSignIn, endChallengeSession, peekChallengeSession, recordFailure } from './sign-in-guard.ts';
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

/** A stable stand-in USER_ID_FOR_SRP for unknown names, so probing does not reveal who exists. */
function decoyUserId(pool: Pool, name: string): string {
  const h = createHash('sha256').update(`${pool.userPoolId}:${name.toLowerCase()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
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
    const user = pool.store.findBySignInName(name);
    if (!user && !pool.definition.client.preventUserExistenceErrors) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    assertNotLocked(user);
    const userId = user?.username ?? decoyUserId(pool, name);
    const challenge = pool.srp.begin(params.SRP_A, userId, user?.srp);
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
    const user = pool.store.findBySignInName(name);
    if (!user && !pool.definition.client.preventUserExistenceErrors) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    assertNotLocked(user);
    if (!user || !(await verifyPassword(params.PASSWORD, user.passwordHash))) return recordFailure(pool, user);
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
    const issuedFor = pool.srp.userFor(secretBlock);
    const user = issuedFor ? pool.store.user(issuedFor) : undefined;
    // USERNAME must name the user the challenge was issued to (by username or email).
    const named = responses.USERNAME ? pool.store.findBySignInName(responses.USERNAME) : undefined;
    if (!issuedFor || (responses.USERNAME !== issuedFor && named?.username !== issuedFor)) {
      pool.srp.verify({ PASSWORD_CLAIM_SECRET_BLOCK: secretBlock }); // burns the challenge
      throw incorrectCredentials();
    }
    assertNotLocked(user);
    const verified = pool.srp.verify(responses);
    if (!verified || !user) return recordFailure(pool, user);
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
