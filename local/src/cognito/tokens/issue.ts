/**
 * Mints Cognito-shaped tokens (Developer Guide, "Understanding the ID token" / "… access token"). The refresh token is opaque, as Amplify never decodes it; only its
 * SHA-256 is stored, linked to the `origin_jti` every token of the session carries.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PoolStore } from '../store/pool-store.ts';
import type { UserRecord } from '../store/types.ts';
import { signJwt } from './jwt.ts';
import type { PoolKeys } from './keys.ts';

export interface TokenSettings {
  issuer: string;
  clientId: string;
  accessTokenValidityMinutes: number;
  idTokenValidityMinutes: number;
  refreshTokenValidityDays: number;
}

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Attributes the ID token carries: every readable one; `email_verified` as a JSON boolean. */
function idTokenAttributes(user: UserRecord): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(user.attributes)) {
    if (name === 'sub') continue;
    claims[name] = name.endsWith('_verified') ? value === 'true' : value;
  }
  return claims;
}

/** ID + access tokens for one session (`originJti`, `authTime` in epoch seconds). */
export function mintTokens(user: UserRecord, keys: PoolKeys, settings: TokenSettings, originJti: string, authTime: number): AuthenticationResult {
  const iat = Math.floor(Date.now() / 1000);
  const eventId = randomUUID();
  const id = signJwt(
    {
      sub: user.sub,
      ...idTokenAttributes(user),
      iss: settings.issuer,
      'cognito:username': user.username,
      origin_jti: originJti,
      aud: settings.clientId,
      event_id: eventId,
      token_use: 'id',
      auth_time: authTime,
      exp: iat + settings.idTokenValidityMinutes * 60,
      iat,
      jti: randomUUID(),
    },
    keys.id,
  );
  const access = signJwt(
    {
      sub: user.sub,
      iss: settings.issuer,
      client_id: settings.clientId,
      origin_jti: originJti,
      event_id: eventId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: authTime,
      exp: iat + settings.accessTokenValidityMinutes * 60,
      iat,
      jti: randomUUID(),
      username: user.username,
    },
    keys.access,
  );
  return { AccessToken: access, IdToken: id, ExpiresIn: settings.accessTokenValidityMinutes * 60, TokenType: 'Bearer' };
}

/** A fresh sign-in: new session (origin_jti), tokens and a stored refresh token. */
export function startSession(store: PoolStore, user: UserRecord, keys: PoolKeys, settings: TokenSettings): AuthenticationResult {
  const originJti = randomUUID();
  const authTime = Math.floor(Date.now() / 1000);
  const refreshToken = randomBytes(96).toString('base64url');
  store.state.refreshTokens[hashRefreshToken(refreshToken)] = {
    username: user.username,
    clientId: settings.clientId,
    originJti,
    authTime,
    expiresAt: Date.now() + settings.refreshTokenValidityDays * 86400_000,
  };
  return { ...mintTokens(user, keys, settings, originJti, authTime), RefreshToken: refreshToken };
}
