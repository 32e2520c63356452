/** Refresh: InitiateAuth REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken (Amplify ≥ 6.15.4 uses only the latter). */
import { CognitoError } from '../errors.ts';
import type { Action, Pool } from '../pool.ts';
import { hashRefreshToken, mintTokens, type AuthenticationResult } from '../tokens/issue.ts';
import { requireClient, requireString } from './input.ts';

const invalidRefresh = () => new CognitoError('NotAuthorizedException', 'Invalid Refresh Token');

/** New ID and access tokens for the same session (same origin_jti and auth_time). */
export async function refreshTokens(pool: Pool, clientId: string, refreshToken: string): Promise<AuthenticationResult> {
  const key = hashRefreshToken(refreshToken);
  const record = Object.hasOwn(pool.store.state.refreshTokens, key) ? pool.store.state.refreshTokens[key] : undefined;
  if (!record || record.clientId !== clientId) throw invalidRefresh();
  if (record.expiresAt < Date.now()) throw new CognitoError('NotAuthorizedException', 'Refresh Token has expired');
  if (Object.hasOwn(pool.store.state.revokedOriginJtis, record.originJti)) throw new CognitoError('NotAuthorizedException', 'Refresh Token has been revoked');
  const user = pool.store.user(record.username);
  if (!user) throw new CognitoError('UserNotFoundException', 'User does not exist.');
  if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
  return mintTokens(user, pool.keys, pool.tokens, record.originJti, record.authTime);
}

export const getTokensFromRefreshToken: Action = async (pool, input) => {
  const clientId = requireClient(pool, input);
  const token = requireString(input, 'RefreshToken');
  return { AuthenticationResult: await refreshTokens(pool, clientId, token) };
};
