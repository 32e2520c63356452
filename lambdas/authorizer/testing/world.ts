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
  close(): Promise<void>;
}

/** Starts the table and pool (keys under `dataDir` when given) and sets the authorizer's env. */
export async function startAuthorizerWorld(dataDir?: string): Promise<AuthorizerWorld> {
  const dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  const pool = await startCognito({ definition: userPool, dataDir, print: false, triggers: userPool.triggers, env: lambdaEnvFor(dynamo) });
  // The tests call the authorizer's handler directly, outside any offline invocation, so its
  // environment is this process's (the triggers get theirs per invocation from the pool).
  Object.assign(process.env, {
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
    { functionName: 'authorizer' },
  ) as Promise<AppSyncAuthorizerResult>;
