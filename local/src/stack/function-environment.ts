/**
 * What the app's functions see offline: the stack's endpoints as the SDK's standard
 * `AWS_ENDPOINT_URL_<SERVICE>` overrides, the table's physical name, the region, the stack's
 * IAM key pair, and whatever the app adds (`AppDefinition.functionEnvironment`). In-process
 * Lambdas read configuration from the environment, as in AWS, so it lands in `process.env`.
 */
import type { AppDefinition, FunctionEnvironmentContext } from '../app-definition.ts';

/** The environment every in-process function of `app` gets, before the user pool is up. */
export function functionEnvironment(app: AppDefinition, context: FunctionEnvironmentContext): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_S3: context.storage.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    TABLE_NAME: context.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: context.dynamoEndpoint,
    AWS_ENDPOINT_URL_RDS_DATA: context.dataApi.endpoint,
    AWS_REGION: context.region,
    // CloudWatch EMF lines would only clutter a terminal; X-Ray disables itself outside Lambda.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    AWS_ACCESS_KEY_ID: context.credential.accessKeyId,
    AWS_SECRET_ACCESS_KEY: context.credential.secretAccessKey,
    ...app.functionEnvironment?.(context),
  };
}

/**
 * Puts `env` into `process.env`. A session token or expiry left by the developer's own AWS
 * tooling would be sent (or judged) with the stack's key pair: they are dropped.
 */
export function applyFunctionEnvironment(env: Record<string, string>): void {
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_CREDENTIAL_EXPIRATION;
  Object.assign(process.env, env);
}

/** The user pool's coordinates, for authorizers and triggers; the SDK's Cognito calls go to the local pool. */
export function userPoolEnvironment(cognito: { userPoolId: string; clientId: string; issuer: string; jwksUri: string; url: string }): Record<string, string> {
  return {
    USER_POOL_ID: cognito.userPoolId,
    USER_POOL_CLIENT_ID: cognito.clientId,
    COGNITO_ISSUER: cognito.issuer,
    COGNITO_JWKS_URI: cognito.jwksUri,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.url,
  };
}
