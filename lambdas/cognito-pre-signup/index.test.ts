/** PreSignUp against the embedded DynamoDB: malformed and taken handles are refused. */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type DynamoStack } from '../../local/src/dynamodb/index.ts';
import { invokeHandler } from '../../local/src/lambda-runtime/invoke.ts';
import type { PreSignUpTriggerEvent } from './event.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

let dynamo: DynamoStack;
// The function's configuration: an invoked handler sees nothing else of the host's environment.
let env: Record<string, string>;
beforeAll(async () => {
  dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  env = { TABLE_NAME: dynamo.tableName, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: dynamo.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', POWERTOOLS_LOG_LEVEL: 'ERROR' };
  await dynamo.client.send(new PutItemCommand({ TableName: dynamo.tableName, Item: { pk: { S: 'HANDLE#taken' }, sk: { S: 'HANDLE' }, userId: { S: 'u1' }, handle: { S: 'Taken' } } }));
});
afterAll(async () => {
  await dynamo?.close();
});

const event = (handle: string | undefined, name = 'X'): PreSignUpTriggerEvent => ({
  version: '1',
  triggerSource: 'PreSignUp_SignUp',
  region: 'us-east-1',
  userPoolId: 'us-east-1_CrudLocal',
  userName: 'u2',
  callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
  request: { userAttributes: { email: 'x@example.com', name, ...(handle === undefined ? {} : { preferred_username: handle }) }, validationData: {}, clientMetadata: {} },
  response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
});
const run = (e: PreSignUpTriggerEvent) => invokeHandler('lambdas/cognito-pre-signup/index.ts#handler', e, { functionName: 'pre-signup', env });

describe('PreSignUp', () => {
  it('passes a free, well-formed handle without auto-confirming', async () => {
    expect(await run(event('fresh_one'))).toMatchObject({ response: { autoConfirmUser: false, autoVerifyEmail: false } });
  });

  it('refuses a taken handle case-insensitively', async () => {
    await expect(run(event('TAKEN'))).rejects.toThrow('Handle TAKEN is already taken');
  });

  it('refuses malformed handles', async () => {
    for (const handle of [undefined, '', 'ab', 'has space', 'way_too_long_handle_xyz', 'émile', 'a#b']) {
      await expect(run(event(handle))).rejects.toThrow('Handle must be 3 to 20 letters, digits or underscores');
    }
  });

  it('refuses a name that could not be a display name, and takes 50 emoji', async () => {
    await expect(run(event('fresh_two', '\u3164'))).rejects.toThrow('Name must not be blank');
    await expect(run(event('fresh_two', '\u200B\u200B'))).rejects.toThrow('Name must not be blank');
    await expect(run(event('fresh_two', 'Lon\u0000do'))).rejects.toThrow('Name must not contain control characters');
    await expect(run(event('fresh_two', '🙂'.repeat(51)))).rejects.toThrow('Name must be at most 50 characters');
    expect(await run(event('fresh_two', '🙂'.repeat(50)))).toMatchObject({ response: { autoConfirmUser: false } });
  });
});
