/** PostConfirmation against the embedded DynamoDB: one transaction, idempotent, ConfirmSignUp only. */
import { randomUUID } from 'node:crypto';
import { GetItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type DynamoStack } from '../../local/src/dynamodb/index.ts';
import { invokeHandler } from '../../local/src/lambda-runtime/invoke.ts';
import type { PostConfirmationTriggerEvent } from './event.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

let dynamo: DynamoStack;
// The function's configuration: an invoked handler sees nothing else of the host's environment.
let env: Record<string, string>;
beforeAll(async () => {
  dynamo = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  env = { TABLE_NAME: dynamo.tableName, AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: dynamo.region, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', POWERTOOLS_LOG_LEVEL: 'ERROR' };
});
afterAll(async () => {
  await dynamo?.close();
});

function event(sub: string, handle: string, triggerSource: PostConfirmationTriggerEvent['triggerSource'] = 'PostConfirmation_ConfirmSignUp'): PostConfirmationTriggerEvent {
  return {
    version: '1',
    triggerSource,
    region: 'us-east-1',
    userPoolId: 'us-east-1_CrudLocal',
    userName: sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client' },
    request: { userAttributes: { sub, email: `${handle}@example.com`, email_verified: 'true', 'cognito:user_status': 'CONFIRMED', name: `Name ${handle}`, preferred_username: handle } },
    response: {},
  };
}
const run = (e: PostConfirmationTriggerEvent) => invokeHandler('lambdas/cognito-post-confirmation/index.ts#handler', e, { functionName: 'post-confirmation', env });
const get = async (pk: string, sk: string) => {
  const { Item } = await dynamo.client.send(new GetItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true }));
  return Item && unmarshall(Item);
};

describe('PostConfirmation', () => {
  it('creates profile and handle claim; a retry is a no-op that keeps moved counters', async () => {
    const sub = randomUUID();
    expect(await run(event(sub, 'Zed'))).toMatchObject({ triggerSource: 'PostConfirmation_ConfirmSignUp' });
    const profile = await get(`USER#${sub}`, 'PROFILE');
    expect(profile).toMatchObject({ id: sub, handle: 'Zed', handleLower: 'zed', displayName: 'Name Zed', bio: '', avatarUrl: null, followersCount: 0, gsi1pk: 'HANDLE_PREFIX', gsi1sk: 'zed' });
    expect(await get('HANDLE#zed', 'HANDLE')).toEqual({ pk: 'HANDLE#zed', sk: 'HANDLE', userId: sub, handle: 'Zed' });
    // Counters move, then Cognito retries the trigger: nothing is overwritten.
    await dynamo.client.send(
      new UpdateItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: `USER#${sub}` }, sk: { S: 'PROFILE' } }, UpdateExpression: 'SET followersCount = :n', ExpressionAttributeValues: { ':n': { N: '5' } } }),
    );
    await run(event(sub, 'Zed'));
    expect(await get(`USER#${sub}`, 'PROFILE')).toMatchObject({ createdAt: profile!.createdAt, followersCount: 5 });
  });

  it('refuses a handle another user holds, writing nothing', async () => {
    const sub = randomUUID();
    await expect(run(event(sub, 'ZED'))).rejects.toThrow('Handle ZED is already taken');
    expect(await get(`USER#${sub}`, 'PROFILE')).toBeUndefined();
  });

  it('ignores PostConfirmation_ConfirmForgotPassword', async () => {
    const sub = randomUUID();
    await run(event(sub, 'forgetful', 'PostConfirmation_ConfirmForgotPassword'));
    expect(await get(`USER#${sub}`, 'PROFILE')).toBeUndefined();
    expect(await get('HANDLE#forgetful', 'HANDLE')).toBeUndefined();
  });

  it('makes profiles findable by handle prefix on gsi1', async () => {
    await run(event(randomUUID(), 'zebra'));
    const { Items } = await dynamo.client.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)',
        ExpressionAttributeValues: { ':p': { S: 'HANDLE_PREFIX' }, ':s': { S: 'ze' } },
      }),
    );
    expect(Items!.map((i) => unmarshall(i).handle).sort()).toEqual(['Zed', 'zebra']);
  });
});
