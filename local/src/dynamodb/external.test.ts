/**
 * `DYNAMODB_ENDPOINT` mode: the stack uses another DynamoDB API instead of an embedded store.
 * The "external" API here is a second stack's front (a full DynamoDB-compatible endpoint), so the
 * test needs no network; the stack under test still records streams for writes through it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DescribeTableCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from './index.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

let store: DynamoStack;
let stack: DynamoStack;
const records: StreamRecord[] = [];
const key = (pk: string) => ({ pk: { S: pk }, sk: { S: 'E' } });

beforeAll(async () => {
  store = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0, tableName: 'unused-here' });
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
  try {
    stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0, tableName: 'cruddur-external' });
  } finally {
    delete process.env.DYNAMODB_ENDPOINT;
  }
  stack.streams.subscribe((r) => records.push(r));
});
afterAll(async () => {
  await stack.close();
  await store.close();
});

describe('external DynamoDB endpoint', () => {
  it('creates the table in the external store and writes there', async () => {
    const { Table } = await store.client.send(new DescribeTableCommand({ TableName: 'cruddur-external' }));
    expect(Table?.GlobalSecondaryIndexes).toHaveLength(3);
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: { ...key('x'), expiresAt: { N: String(Math.floor(Date.now() / 1000) - 10) } } }));
    expect((await store.client.send(new GetItemCommand({ TableName: stack.tableName, Key: key('x') }))).Item).toBeDefined();
    expect(records.map((r) => r.eventName)).toEqual(['INSERT']);
  });

  it('forwards transactions and records their changes', async () => {
    records.length = 0;
    await stack.client.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: stack.tableName, Item: key('y') } }, { Update: { TableName: stack.tableName, Key: key('x'), UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: '1' } } } }] }),
    );
    expect(records.map((r) => `${r.eventName}:${r.dynamodb.Keys.pk.S}`)).toEqual(['INSERT:y', 'MODIFY:x']);
    const err = await stack.client
      .send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: stack.tableName, Item: key('y'), ConditionExpression: 'attribute_not_exists(pk)' } }] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionCanceledException);
    expect(records).toHaveLength(2);
  });

  it('sweeps TTL through the external API with service REMOVE records', async () => {
    records.length = 0;
    expect(await stack.ttl.sweepNow()).toBe(1);
    expect(records).toMatchObject([{ eventName: 'REMOVE', dynamodb: { Keys: key('x') }, userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } }]);
  });
});
