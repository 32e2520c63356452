/**
 * Access-token verification with aws-jwt-verify. `CognitoJwtVerifier` derives the issuer from the
 * pool id and cannot be pointed at another issuer, so — following the maintainers' advice for
 * emulators (awslabs/aws-jwt-verify #147) — this uses the generic `JwtVerifier` with Cognito's own
 * claim checks (`validateCognitoJwtFields`: token_use = access, client_id = ours). Cloud and offline
 * differ only in the issuer and JWKS URI; the fetcher speaks https and, for the local pool, http.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { NonRetryableFetchError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { AuthorizerConfig } from './config.ts';

/** Global fetch handles both schemes; non-200 is final, as in the library's own fetcher. */
const fetcher = {
  async fetch(uri: string): Promise<ArrayBuffer> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(3000) });
    if (response.status !== 200) throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    return response.arrayBuffer();
  },
};

export interface AccessClaims {
  sub: string;
  username: string;
  exp: number;
}

export type AccessTokenVerifier = (token: string) => Promise<AccessClaims>;

export function createAccessTokenVerifier(config: AuthorizerConfig): AccessTokenVerifier {
  const verifier = JwtVerifier.create(
    {
      issuer: config.issuer,
      audience: null,
      jwksUri: config.jwksUri,
      customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: 'access', clientId: config.clientId }),
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  return async (token) => {
    const payload = await verifier.verify(token);
    if (typeof payload.sub !== 'string' || typeof payload.username !== 'string' || typeof payload.exp !== 'number') {
      throw new Error('access token lacks sub, username or exp');
    }
    return { sub: payload.sub, username: payload.username, exp: payload.exp };
  };
}
