/**
 * How the offline API is configured to authorize requests: one default provider plus additional
 * providers, as AppSync's `authenticationType` + `additionalAuthenticationProviders`.
 */
import type { FunctionEnvSource } from '../../lambda-runtime/function-env.ts';

export interface ApiKeyConfig {
  /** The key clients send in `x-api-key` (AppSync's look like `da2-…`). */
  id: string;
  /** Epoch seconds; AppSync rejects a key after this instant. */
  expires: number;
}

export interface CognitoUserPoolConfig {
  userPoolId: string;
  /** Expected `iss` claim, e.g. `http://localhost:9229/local_abc` offline. */
  issuer: string;
  /** Where the pool's public keys are served (`<issuer>/.well-known/jwks.json` by default). */
  jwksUri?: string;
  /** AppSync's `appIdClientRegex`: matched against `client_id` (access) or `aud` (id token). */
  appIdClientRegex?: string;
  /** AppSync's `defaultAction`; it must be ALLOW when Cognito is an additional mode. */
  defaultAction?: 'ALLOW' | 'DENY';
}

export interface IamCredential {
  accessKeyId: string;
  secretAccessKey: string;
  /** Account id reported in `ctx.identity.accountId`. */
  accountId?: string;
  /** Principal ARN reported in `ctx.identity.userArn`. */
  userArn?: string;
  /** `ctx.identity.username` (AWS reports the principal id). */
  username?: string;
}

export interface LambdaAuthorizerConfig {
  /** `lambdas/...#handler` reference, invoked in-process. */
  handler: string;
  functionName?: string;
  /** AppSync's `authorizerResultTtlInSeconds` (0–3600). */
  authorizerResultTtlInSeconds?: number;
  /** AppSync's `identityValidationExpression`: the token must match it before the Lambda runs. */
  identityValidationExpression?: string;
  /** AppSync gives an authorizer 10 s. */
  timeoutMs?: number;
  /** The function's environment, per invocation (local/src/lambda-runtime/function-env.ts). */
  env?: FunctionEnvSource;
}

export type AuthProviderConfig =
  | { mode: 'API_KEY'; apiKeys: ApiKeyConfig[] }
  | { mode: 'AMAZON_COGNITO_USER_POOLS'; userPool: CognitoUserPoolConfig }
  | { mode: 'AWS_IAM'; credentials: IamCredential[]; region?: string }
  | { mode: 'AWS_LAMBDA'; lambda: LambdaAuthorizerConfig };

export interface AuthenticatorConfig {
  /** The first provider is AppSync's default authorization type; the rest are additional. */
  providers: AuthProviderConfig[];
  apiId?: string;
  accountId?: string;
  region?: string;
}
