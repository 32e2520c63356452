/**
 * AMAZON_COGNITO_USER_POOLS mode: verify an ID or access token from the configured pool
 * (signature against the pool's JWKS, issuer, expiry, `token_use`, app client via
 * `appIdClientRegex`) and shape `ctx.identity` as AppSync does (developer guide,
 * "resolver-context-reference-js", identity for Amazon Cognito user pools).
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { JwtExpiredError, JwtParseError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { CognitoUserPoolConfig } from './config.ts';
import { authFailures } from './errors.ts';
import { HttpOrHttpsFetcher } from './jwks-fetcher.ts';
import type { AuthResult } from './types.ts';

export interface CognitoAuthenticator {
  readonly issuer: string;
  authenticate(token: string, sourceIp: string): Promise<AuthResult>;
}

export function createCognitoAuthenticator(pool: CognitoUserPoolConfig): CognitoAuthenticator {
  const clientPattern = pool.appIdClientRegex ? new RegExp(`^(?:${pool.appIdClientRegex})$`) : undefined;
  const verifier = JwtVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri ?? `${pool.issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
      audience: null,
      customJwtCheck: ({ payload }) => {
        const use = payload.token_use;
        if (use !== 'id' && use !== 'access') throw new Error('token_use must be id or access');
        const client = use === 'access' ? payload.client_id : payload.aud;
        if (clientPattern && (typeof client !== 'string' || !clientPattern.test(client))) throw new Error('client not allowed');
      },
    },
    { jwksCache: new SimpleJwksCache({ fetcher: new HttpOrHttpsFetcher() }) },
  );

  return {
    issuer: pool.issuer,
    async authenticate(token, sourceIp) {
      let claims: Record<string, unknown>;
      try {
        claims = (await verifier.verify(token)) as Record<string, unknown>;
      } catch (err) {
        if (err instanceof JwtExpiredError) return authFailures.expiredJwt();
        if (err instanceof JwtParseError) return authFailures.unparsableJwt();
        return authFailures.denied();
      }
      const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : null;
      const username = (claims.token_use === 'access' ? claims.username : claims['cognito:username']) ?? claims.sub;
      return {
        ok: true,
        auth: {
          mode: 'AMAZON_COGNITO_USER_POOLS',
          identity: {
            sub: claims.sub,
            issuer: claims.iss,
            username,
            claims,
            sourceIp: [sourceIp],
            defaultAuthStrategy: pool.defaultAction ?? 'ALLOW',
            groups,
          },
          cognitoGroups: groups ?? [],
        },
      };
    },
  };
}
