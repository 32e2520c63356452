/**
 * Bad keys through the real AWS SDK v3 client: each is a 400 ValidationException with DynamoDB's
 * text, and the SDK makes exactly one attempt (a 5xx would be retried three more times).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack } from '../index.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

const EMPTY = (attr: string) => `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${attr}`;
const MISMATCH = 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N';
const SCHEMA = 'The provided key element does not match the schema';

let stack: DynamoStack;
let client: DynamoDBClient;
let sent = 0;
const T = 'cruddur-local';

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  client = new DynamoDBClient({ endpoint: stack.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  // Runs once per attempt (the finalize step sits inside the retry loop).
  client.middlewareStack.add(
    (next) => async (args) => {
      sent += 1;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'countAttempts' },
  );
});
afterAll(async () => {
  client.destroy();
  await stack.close();
});

const good = { pk: { S: 'p' }, sk: { S: 's' } };
const emptyPk = { pk: { S: '' }, sk: { S: 's' } };
const numberPk = { pk: { N: '1' }, sk: { S: 's' } };

type Send = () => Promise<unknown>;
const cases: [string, Send, string][] = [
  ['PutItem, empty key', () => client.send(new PutItemCommand({ TableName: T, Item: { ...emptyPk, v: { S: 'x' } } })), EMPTY('pk')],
  ['PutItem, key of the wrong type', () => client.send(new PutItemCommand({ TableName: T, Item: { ...numberPk, v: { S: 'x' } } })), MISMATCH],
  ['UpdateItem, empty key', () => client.send(new UpdateItemCommand({ TableName: T, Key: emptyPk, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } })), EMPTY('pk')],
  ['UpdateItem, key of the wrong type', () => client.send(new UpdateItemCommand({ TableName: T, Key: numberPk, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } })), SCHEMA],
  ['DeleteItem, empty sort key', () => client.send(new DeleteItemCommand({ TableName: T, Key: { pk: { S: 'p' }, sk: { S: '' } } })), EMPTY('sk')],
  ['DeleteItem, key of the wrong type', () => client.send(new DeleteItemCommand({ TableName: T, Key: numberPk })), SCHEMA],
  ['GetItem, empty key', () => client.send(new GetItemCommand({ TableName: T, Key: emptyPk })), EMPTY('pk')],
  ['Query, empty partition key', () => client.send(new QueryCommand({ TableName: T, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: '' } } })), EMPTY('pk')],
  ['Query, empty sort key bound', () => client.send(new QueryCommand({ TableName: T, KeyConditionExpression: 'pk = :p AND sk > :s', ExpressionAttributeValues: { ':p': { S: 'p' }, ':s': { S: '' } } })), EMPTY('sk')],
  ['BatchGetItem, empty key', () => client.send(new BatchGetItemCommand({ RequestItems: { [T]: { Keys: [good, emptyPk] } } })), EMPTY('pk')],
  ['BatchWriteItem, put with a key of the wrong type', () => client.send(new BatchWriteItemCommand({ RequestItems: { [T]: [{ PutRequest: { Item: numberPk } }] } })), SCHEMA],
  ['BatchWriteItem, delete with an empty key', () => client.send(new BatchWriteItemCommand({ RequestItems: { [T]: [{ DeleteRequest: { Key: emptyPk } }] } })), EMPTY('pk')],
  ['TransactWriteItems, put with an empty key', () => client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: T, Item: good } }, { Put: { TableName: T, Item: { pk: { S: 'q' }, sk: { S: '' } } } }] })), EMPTY('sk')],
  ['TransactWriteItems, update with a key of the wrong type', () => client.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: { TableName: T, Key: numberPk, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } } }] })), SCHEMA],
  ['TransactGetItems, empty key', () => client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: T, Key: emptyPk } }] })), EMPTY('pk')],
];

describe('key validation errors', () => {
  it.each(cases)('%s: 400 ValidationException with DynamoDB’s message, one attempt', async (_name, command, message) => {
    sent = 0;
    const err = (await command().catch((e: unknown) => e)) as { name: string; message: string; $metadata: { httpStatusCode?: number; attempts?: number } };
    expect(err).toMatchObject({ name: 'ValidationException', message, $metadata: { httpStatusCode: 400, attempts: 1 } });
    expect(sent).toBe(1);
  });

  it('writes nothing and records nothing for a rejected batch, and still serves valid keys', async () => {
    const records: unknown[] = [];
    const stop = stack.streams.subscribe((r) => records.push(r));
    await client.send(new BatchWriteItemCommand({ RequestItems: { [T]: [{ PutRequest: { Item: good } }, { DeleteRequest: { Key: emptyPk } }] } })).catch(() => undefined);
    expect((await client.send(new GetItemCommand({ TableName: T, Key: good }))).Item).toBeUndefined();
    await client.send(new PutItemCommand({ TableName: T, Item: good }));
    expect(records).toHaveLength(1);
    stop();
  });

  it('answers ResourceNotFoundException for an unknown table before looking at keys', async () => {
    await expect(client.send(new PutItemCommand({ TableName: 'no-such-table', Item: emptyPk }))).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { attempts: 1 } });
  });
});
