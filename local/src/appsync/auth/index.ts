/**
 * `createAuthenticator(config)`: the offline twin of AppSync's request authorization, for HTTP
 * requests and real-time handshakes alike. Mode routing is in select-mode.ts; each mode has its
 * own module.
 */
import { randomUUID } from 'node:crypto';
import { authenticateApiKey } from './api-key.ts';
import { createCognitoAuthenticator, type CognitoAuthenticator } from './cognito.ts';
import type { AuthenticatorConfig } from './config.ts';
import { authFailures } from './errors.ts';
import { authenticateIam } from './iam.ts';
import { createLambdaAuthenticator, type LambdaAuthenticator } from './lambda-authorizer.ts';
import { selectMode } from './select-mode.ts';
import type { AuthMode, Authenticator } from './types.ts';

export type { AuthenticatorConfig, AuthProviderConfig, ApiKeyConfig, CognitoUserPoolConfig, IamCredential, LambdaAuthorizerConfig } from './config.ts';
export type { AuthContext, AuthMode, AuthResult, Authenticator, IncomingAuthRequest } from './types.ts';

/** Builds an Authenticator; throws on a configuration AppSync would refuse. */
export function createAuthenticator(config: AuthenticatorConfig): Authenticator {
  if (config.providers.length === 0) throw new Error('at least one authorization provider is required');
  const modes = config.providers.map((p) => p.mode);
  for (const single of ['API_KEY', 'AWS_IAM', 'AWS_LAMBDA'] as const) {
    // AppSync: API_KEY, AWS_LAMBDA and AWS_IAM may each appear once across default + additional.
    if (modes.filter((m) => m === single).length > 1) throw new Error(`${single} may be configured only once`);
  }
  const accountId = config.accountId ?? '000000000000';
  const region = config.region ?? 'us-east-1';
  const apiId = config.apiId ?? 'local';
  const enabled = new Set<AuthMode>(modes);
  const pools: CognitoAuthenticator[] = [];
  let lambda: LambdaAuthenticator | undefined;
  for (const p of config.providers) {
    if (p.mode === 'AMAZON_COGNITO_USER_POOLS') {
      if (p !== config.providers[0] && (p.userPool.defaultAction ?? 'ALLOW') !== 'ALLOW') {
        throw new Error('a Cognito user pool used as an additional mode must have defaultAction ALLOW');
      }
      pools.push(createCognitoAuthenticator(p.userPool));
    }
    if (p.mode === 'AWS_LAMBDA') lambda = createLambdaAuthenticator(p.lambda, { apiId, accountId, region });
  }
  const apiKeys = config.providers.flatMap((p) => (p.mode === 'API_KEY' ? p.apiKeys : []));
  const iamCredentials = config.providers.flatMap((p) => (p.mode === 'AWS_IAM' ? p.credentials : []));

  return {
    defaultMode: modes[0],
    modes,
    async authenticate(request) {
      const selection = selectMode(request.headers, enabled);
      switch (selection.mode) {
        case 'API_KEY':
          return authenticateApiKey(apiKeys, selection.key);
        case 'AWS_IAM':
          return authenticateIam(iamCredentials, request, { accountId });
        case 'AMAZON_COGNITO_USER_POOLS': {
          const pool = pools.find((p) => p.issuer === selection.issuer) ?? pools[0];
          return pool.authenticate(selection.token, request.sourceIp);
        }
        case 'AWS_LAMBDA':
          return lambda!.authenticate(selection.token, request, request.requestId ?? randomUUID());
        default:
          return authFailures.missing();
      }
    },
  };
}
