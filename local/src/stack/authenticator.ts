/**
 * One authorization provider per mode the app's API declares, default first, as AppSync checks them.
 */
import type { ApiDefinition } from '../app-definition.ts';
import { createAuthenticator, type AuthProviderConfig } from '../appsync/auth/index.ts';
import type { AuthMode, Authenticator } from '../appsync/auth/types.ts';
import type { CognitoHandle } from '../cognito/index.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';

/** The authenticator for `api`'s modes; a mode the offline stack cannot serve is refused at start. */
export function authenticatorFor(
  api: ApiDefinition,
  region: string,
  cognito: CognitoHandle,
  iamCredential: { accessKeyId: string; secretAccessKey: string },
  functionEnv: (handler: string) => FunctionEnv,
): Authenticator {
  const providers: Partial<Record<AuthMode, AuthProviderConfig>> = {
    AWS_LAMBDA: { mode: 'AWS_LAMBDA', lambda: { handler: api.authorizer.handler, functionName: 'authorizer', authorizerResultTtlInSeconds: api.authorizer.resultTtlSeconds, env: () => functionEnv(api.authorizer.handler) } },
    AWS_IAM: { mode: 'AWS_IAM', credentials: [{ ...iamCredential, accountId: '000000000000' }] },
    AMAZON_COGNITO_USER_POOLS: { mode: 'AMAZON_COGNITO_USER_POOLS', userPool: { userPoolId: cognito.userPoolId, issuer: cognito.issuer, jwksUri: cognito.jwksUri, appIdClientRegex: cognito.clientId } },
  };
  return createAuthenticator({
    region,
    providers: [api.defaultAuthMode, ...api.additionalAuthModes].map((mode) => {
      const provider = providers[mode];
      if (!provider) throw new Error(`the app's API: the offline stack does not serve ${mode}`);
      return provider;
    }),
  });
}
