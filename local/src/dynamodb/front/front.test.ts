import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
  UpdateItemCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from '../index.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

let stack: DynamoStack;
let records: StreamRecord[] = [];
const T = () => stack.tableName;
const key = (pk: string, sk = 'A') => ({ pk: { S: pk }, sk: { S: sk } });

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  stack.streams.subscribe((r) => records.push(r));
});
afterAll(() => stack.close());

function take(): StreamRecord[] {
  const out = records;
  records = [];
  return out;
}

describe('table from definitions/table.ts', () => {
  it('has the key schema, three GSIs and TTL on expiresAt', async () => {
    const { Table } = await stack.client.send(new DescribeTableCommand({ TableName: T() }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
    const ttl = await stack.client.send(new DescribeTimeToLiveCommand({ TableName: T() }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('rejects enabling TTL twice and unknown tables like DynamoDB', async () => {
    await expect(
      stack.client.send(new UpdateTimeToLiveCommand({ TableName: T(), TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(stack.client.send(new DescribeTimeToLiveCommand({ TableName: 'nope-table' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('stream records from SDK writes', () => {
  it('INSERT, MODIFY, REMOVE with images, keys and increasing sequence numbers', async () => {
    take();
    await stack.client.send(new PutItemCommand({ TableName: T(), Item: { ...key('s1'), n: { N: '1' } } }));
    const upd = await stack.client.send(
      new UpdateItemCommand({ TableName: T(), Key: key('s1'), UpdateExpression: 'SET n = n + :one, m = :m', ExpressionAttributeValues: { ':one': { N: '1' }, ':m': { S: 'x' } }, ReturnValues: 'UPDATED_OLD' }),
    );
    // The client's ReturnValues is honoured even though the front reads both images.
    expect(upd.Attributes).toEqual({ n: { N: '1' } });
    const del = await stack.client.send(new DeleteItemCommand({ TableName: T(), Key: key('s1'), ReturnValues: 'ALL_OLD' }));
    expect(del.Attributes).toEqual({ ...key('s1'), n: { N: '2' }, m: { S: 'x' } });
    const [ins, mod, rem] = take();
    expect(ins).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: stack.region,
      dynamodb: { Keys: key('s1'), NewImage: { ...key('s1'), n: { N: '1' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(ins.dynamodb.OldImage).toBeUndefined();
    expect(ins.eventSourceARN).toMatch(new RegExp(`^arn:aws:dynamodb:${stack.region}:\\d{12}:table/${T()}/stream/\\d{4}-\\d\\d-\\d\\dT`));
    expect(ins.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(ins.dynamodb.SizeBytes).toBeGreaterThan(0);
    expect(Math.abs(ins.dynamodb.ApproximateCreationDateTime - Date.now() / 1000)).toBeLessThan(5);
    expect(mod).toMatchObject({ eventName: 'MODIFY', dynamodb: { OldImage: { n: { N: '1' } }, NewImage: { n: { N: '2' }, m: { S: 'x' } } } });
    expect(rem).toMatchObject({ eventName: 'REMOVE', dynamodb: { OldImage: { n: { N: '2' } } } });
    expect(rem.dynamodb.NewImage).toBeUndefined();
    expect(rem.userIdentity).toBeUndefined();
    const seqs = [ins, mod, rem].map((r) => BigInt(r.dynamodb.SequenceNumber));
    expect(seqs[0] < seqs[1] && seqs[1] < seqs[2]).toBe(true);
  });

  it('writes no record when nothing changed or the write failed', async () => {
    await stack.client.send(new PutItemCommand({ TableName: T(), Item: { ...key('same'), v: { S: 'a' } } }));
    take();
    await stack.client.send(new PutItemCommand({ TableName: T(), Item: { ...key('same'), v: { S: 'a' } } }));
    await stack.client.send(new DeleteItemCommand({ TableName: T(), Key: key('never-existed') }));
    await expect(
      stack.client.send(new PutItemCommand({ TableName: T(), Item: { ...key('same'), v: { S: 'b' } }, ConditionExpression: 'attribute_not_exists(pk)' })),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(take()).toEqual([]);
  });

  it('returns the current item with a failed condition when ReturnValuesOnConditionCheckFailure is ALL_OLD', async () => {
    const err = await stack.client
      .send(new DeleteItemCommand({ TableName: T(), Key: key('same'), ConditionExpression: 'v = :b', ExpressionAttributeValues: { ':b': { S: 'b' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }))
      .catch((e: unknown) => e as { name: string; Item?: unknown });
    expect(err).toMatchObject({ name: 'ConditionalCheckFailedException', Item: { ...key('same'), v: { S: 'a' } } });
  });

  it('records every item of a BatchWriteItem', async () => {
    take();
    await stack.client.send(
      new BatchWriteItemCommand({
        RequestItems: { [T()]: [{ PutRequest: { Item: { ...key('b1'), v: { N: '1' } } } }, { PutRequest: { Item: key('b2') } }, { DeleteRequest: { Key: key('same') } }] },
      }),
    );
    expect(take().map((r) => [r.eventName, r.dynamodb.Keys.pk.S])).toEqual([
      ['INSERT', 'b1'],
      ['INSERT', 'b2'],
      ['REMOVE', 'same'],
    ]);
  });

  it('emits records from concurrent writers in commit order, one per write', async () => {
    take();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.client.send(new UpdateItemCommand({ TableName: T(), Key: key('counter'), UpdateExpression: 'ADD c :one', ExpressionAttributeValues: { ':one': { N: '1' } } })),
      ),
    );
    const got = take();
    expect(got).toHaveLength(20);
    // Each record's old image is the previous record's new image: no interleaving.
    got.forEach((r, i) => {
      expect(r.dynamodb.NewImage?.c).toEqual({ N: String(i + 1) });
      if (i > 0) expect(r.dynamodb.OldImage).toEqual(got[i - 1].dynamodb.NewImage);
    });
  });
});

describe('transactions (emulated for the embedded store)', () => {
  it('applies all actions atomically and records each changed item', async () => {
    await stack.client.send(new PutItemCommand({ TableName: T(), Item: { ...key('t-a'), n: { N: '1' } } }));
    take();
    await stack.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: T(), Item: { ...key('t-b'), v: { S: 'new' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
          { Update: { TableName: T(), Key: key('t-a'), UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
          { ConditionCheck: { TableName: T(), Key: key('b1'), ConditionExpression: 'v = :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
        ],
      }),
    );
    const got = take();
    expect(got.map((r) => [r.eventName, r.dynamodb.Keys.pk.S])).toEqual([
      ['INSERT', 't-b'],
      ['MODIFY', 't-a'],
    ]);
    expect(got[1].dynamodb.NewImage?.n).toEqual({ N: '2' });
  });

  it('cancels with per-item reasons, returns ALL_OLD items, and changes nothing', async () => {
    take();
    const err = await stack.client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Delete: { TableName: T(), Key: key('t-b') } },
            { ConditionCheck: { TableName: T(), Key: key('t-a'), ConditionExpression: 'n = :z', ExpressionAttributeValues: { ':z': { N: '0' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
            { Put: { TableName: T(), Item: key('t-c'), ConditionExpression: 'attribute_exists(pk)' } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionCanceledException);
    const e = err as TransactionCanceledException;
    expect(e.message).toBe('Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed]');
    expect(e.CancellationReasons).toEqual([
      { Code: 'None' },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { ...key('t-a'), n: { N: '2' } } },
      { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
    ]);
    expect((await stack.client.send(new GetItemCommand({ TableName: T(), Key: key('t-b') }))).Item).toBeDefined();
    expect(take()).toEqual([]);
  });

  it('rolls back earlier actions when a later one fails in the store', async () => {
    take();
    const err = await stack.client
      .send(
        new TransactWriteItemsCommand({
          TransactItems: [
            { Put: { TableName: T(), Item: { ...key('t-d'), v: { S: 'tmp' } } } },
            { Update: { TableName: T(), Key: key('t-b'), UpdateExpression: 'SET v = v + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } },
          ],
        }),
      )
      .catch((e: unknown) => e);
    expect((err as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['None', 'ValidationError']);
    expect((await stack.client.send(new GetItemCommand({ TableName: T(), Key: key('t-d') }))).Item).toBeUndefined();
    expect(take()).toEqual([]);
  });

  it('rejects two actions on one item and unknown tables', async () => {
    await expect(
      stack.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: T(), Item: key('x') } }, { Delete: { TableName: T(), Key: key('x') } }] })),
    ).rejects.toMatchObject({ name: 'ValidationException', message: 'Transaction request cannot include multiple operations on one item' });
    await expect(stack.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'missing-table', Item: key('x') } }] }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('TransactGetItems returns items in order, empty for missing ones', async () => {
    const out = await stack.client.send(new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: T(), Key: key('t-a') } }, { Get: { TableName: T(), Key: key('nope') } }] }));
    expect(out.Responses).toEqual([{ Item: { ...key('t-a'), n: { N: '2' } } }, {}]);
  });
});

describe('bad requests', () => {
  async function raw(headers: Record<string, string>, body: string) {
    const res = await fetch(stack.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', ...headers }, body });
    return { status: res.status, body: await res.json() };
  }
  const auth = { authorization: 'AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x', 'x-amz-date': '20260101T000000Z' };

  it('answers with AWS-shaped errors and keeps serving', async () => {
    expect(await raw({ 'x-amz-target': 'DynamoDB_20120810.GetItem' }, '{}')).toMatchObject({ status: 400, body: { __type: 'com.amazon.coral.service#MissingAuthenticationTokenException' } });
    expect(await raw({ ...auth, 'x-amz-target': 'DynamoDB_20120810.PutItem' }, '{not json')).toMatchObject({ status: 400, body: { __type: 'com.amazon.coral.service#SerializationException' } });
    expect(await raw({ ...auth, 'x-amz-target': 'DynamoDB_20120810.DescribeStream' }, '{}')).toMatchObject({ status: 400, body: { __type: 'com.amazon.coral.service#UnknownOperationException' } });
    expect(await raw({ ...auth, 'x-amz-target': 'DynamoDB_20120810.PutItem' }, JSON.stringify({ TableName: T(), Item: { pk: { S: 'only-pk' } } }))).toMatchObject({
      status: 400,
      body: { __type: 'com.amazon.coral.validate#ValidationException' },
    });
    expect(await raw({ ...auth, 'x-amz-target': 'DynamoDB_20120810.TransactWriteItems' }, JSON.stringify({ TransactItems: [] }))).toMatchObject({
      status: 400,
      body: { __type: 'com.amazon.coral.validate#ValidationException' },
    });
    const ok = await stack.client.send(new GetItemCommand({ TableName: T(), Key: key('t-a') }));
    expect(ok.Item).toBeDefined();
  });
});
