/**
 * What the authorizer's tests run against: the embedded DynamoDB, the offline pool with the real
 * triggers (profiles), the authorizer's environment pointing at both, and `authorize(token)`
 * invoking the production handler the way the offline engine does.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { userPool } from '../../../definitions/user-pool.ts';
import { startCognito, type CognitoHandle } from '../../../local/src/cognito/index.ts';
import { lambdaEnvFor } from '../../../local/src/cognito/testing/helpers.ts';
import { startDynamo, type DynamoStack } from '../../../local/src/dynamodb/index.ts';
import { invokeHandler } from '../../../local/src/lambda-runtime/invoke.ts';
import type { AppSyncAuthorizerResult } from '../index.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

export interface AuthorizerWorld {
  dynamo: DynamoStack;
  pool: CognitoHandle;
  /** The authorizer's configuration, what `authorize` invokes it with (a test may change a value before the first call). */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** An invoked handler sees only its configuration, never this process's environment. */
const configuration: Record<string, string> = {};

/** Starts the table and pool (keys under `dataDir` when given) and sets the authorizer's configuration. */
export async function startAuthorizerWorld(dataDir?: string): Promise<AuthorizerWorld> {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  const pool = await startCognito({ definition: userPool, dataDir, print: false, triggers: userPool.triggers, env: lambdaEnvFor(dynamo) });
  // The triggers get theirs per invocation from the pool.
  Object.assign(configuration, {
    ...lambdaEnvFor(dynamo),
    USER_POOL_ID: pool.userPoolId,
    USER_POOL_CLIENT_ID: pool.clientId,
    COGNITO_ISSUER: pool.issuer,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: pool.url,
    SCHEMA_PATH: path.resolve('schema.graphql'),
  });
  return {
    dynamo,
    pool,
    env: configuration,
    async close() {
      await pool.close();
      await dynamo.close();
    },
  };
}

export const authorize = (authorizationToken: string) =>
  invokeHandler(
    'lambdas/authorizer/index.ts#handler',
    {
      authorizationToken,
      requestContext: { apiId: 'local', accountId: '000000000000', requestId: randomUUID(), queryString: '{ me { id } }', variables: {} },
      requestHeaders: { authorization: authorizationToken },
    },
    { functionName: 'authorizer', env: configuration },
  ) as Promise<AppSyncAuthorizerResult>;
