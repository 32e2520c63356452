/**
 * Verifies access tokens presented to self-service actions (GetUser, GlobalSignOut, …) the way
 * Cognito does: signature against the pool's own keys, issuer, expiry, `token_use: access`, and
 * the session not revoked. Uses aws-jwt-verify with the JWKS cached up front (no HTTP).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { JwtExpiredError } from 'aws-jwt-verify/error';
import { CognitoError } from '../errors.ts';
import type { PoolStore } from '../store/pool-store.ts';
import type { UserRecord } from '../store/types.ts';
import type { PoolKeys } from './keys.ts';

export interface VerifiedAccess {
  user: UserRecord;
  originJti: string;
  clientId: string;
}

export type AccessTokenVerifier = (token: unknown) => VerifiedAccess;

export function createAccessTokenVerifier(issuer: string, keys: PoolKeys, store: PoolStore): AccessTokenVerifier {
  const verifier = JwtVerifier.create({
    issuer,
    audience: null,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'access', clientId: null }),
  });
  // Only the access key: an ID token signed with the ID key must not pass here.
  verifier.cacheJwks({ keys: [{ ...keys.access.publicJwk }] });
  return (token) => {
    if (typeof token !== 'string' || token.length === 0) throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    let payload;
    try {
      payload = verifier.verifySync(token);
    } catch (err) {
      if (err instanceof JwtExpiredError) throw new CognitoError('NotAuthorizedException', 'Access Token has expired');
      throw new CognitoError('NotAuthorizedException', 'Invalid Access Token');
    }
    const originJti = String(payload.origin_jti ?? '');
    if (!originJti || Object.hasOwn(store.state.revokedOriginJtis, originJti)) {
      throw new CognitoError('NotAuthorizedException', 'Access Token has been revoked');
    }
    const user = store.user(String(payload.username ?? ''));
    if (!user || user.sub !== payload.sub) throw new CognitoError('UserNotFoundException', 'User does not exist.');
    if (!user.enabled) throw new CognitoError('NotAuthorizedException', 'User is disabled.');
    return { user, originJti, clientId: String(payload.client_id) };
  };
}
