/**
 * The in-process client must be indistinguishable from the SDK client talking HTTP to the same
 * front: same outputs (binary included), same exception classes and fields, same stream records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceNotFoundException,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from './index.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

let stack: DynamoStack;
const records: StreamRecord[] = [];
const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  stack.streams.subscribe((r) => records.push(r));
  await stack.client.send(
    new PutItemCommand({
      TableName: stack.tableName,
      Item: { ...key('BIN', '1'), blob: { B: new Uint8Array([0, 1, 2, 255]) }, blobs: { BS: [new Uint8Array([1]), new Uint8Array([2, 3])] }, nested: { M: { B: { B: new Uint8Array([9]) }, S: { S: 'B' } } }, n: { N: '1.50' } },
    }),
  );
});
afterAll(() => stack.close());

/** What an SDK call produced, without the parts that differ per call (request ids). */
async function outcome(send: () => Promise<unknown>): Promise<unknown> {
  try {
    const out = (await send()) as Record<string, unknown>;
    const { $metadata, ...rest } = out;
    return { ok: rest, status: ($metadata as { httpStatusCode: number }).httpStatusCode };
  } catch (err) {
    const e = err as Error & Record<string, unknown>;
    const { $metadata, $response: _response, ...fields } = e;
    return { error: e.constructor.name, name: e.name, message: e.message, fields, status: ($metadata as { httpStatusCode?: number } | undefined)?.httpStatusCode };
  }
}

async function both(command: () => object): Promise<[unknown, unknown]> {
  const sdk = await outcome(() => stack.client.send(command() as never));
  const direct = await outcome(() => stack.inProcess.view().send(command()));
  return [sdk, direct];
}

describe('same answers as the SDK over HTTP', () => {
  it('reads: binary values come back as bytes, numbers as sent', async () => {
    const [sdk, direct] = await both(() => new GetItemCommand({ TableName: stack.tableName, Key: key('BIN', '1'), ConsistentRead: true }));
    expect(direct).toEqual(sdk);
    const item = (direct as { ok: { Item: Record<string, { B?: Uint8Array; BS?: Uint8Array[]; M?: { B: { B: Uint8Array } } }> } }).ok.Item;
    expect(item.blob.B).toBeInstanceOf(Uint8Array);
    expect([...item.blob.B!]).toEqual([0, 1, 2, 255]);
    expect(item.blobs.BS!.map((b) => [...b])).toEqual([[1], [2, 3]]);
    expect([...item.nested.M!.B.B]).toEqual([9]);
  });

  it('queries, batch reads and a missing item', async () => {
    for (const command of [
      () => new QueryCommand({ TableName: stack.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'BIN' } } }),
      () => new BatchGetItemCommand({ RequestItems: { [stack.tableName]: { Keys: [key('BIN', '1'), key('NONE', '1')] } } }),
      () => new GetItemCommand({ TableName: stack.tableName, Key: key('NONE', '1') }),
    ]) {
      const [sdk, direct] = await both(command);
      expect(direct).toEqual(sdk);
    }
  });

  it('errors: same class, name, message, fault and members', async () => {
    const cases = [
      () => new GetItemCommand({ TableName: 'no-such-table', Key: key('a', 'b') }),
      () => new UpdateItemCommand({ TableName: stack.tableName, Key: key('BIN', '1'), UpdateExpression: 'SET = broken' }),
      () => new GetItemCommand({ TableName: stack.tableName, Key: { pk: { S: 'only-half' } } }),
      () => new PutItemCommand({ TableName: stack.tableName, Item: key('BIN', '1'), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }),
      () => new DeleteItemCommand({ TableName: stack.tableName, Key: key('NONE', '1'), ConditionExpression: 'attribute_exists(pk)' }),
      () =>
        new TransactWriteItemsCommand({
          TransactItems: [
            { ConditionCheck: { TableName: stack.tableName, Key: key('BIN', '1'), ConditionExpression: 'attribute_not_exists(pk)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
            { Put: { TableName: stack.tableName, Item: key('TX', '1') } },
          ],
        }),
    ];
    const seen: string[] = [];
    for (const command of cases) {
      const [sdk, direct] = await both(command);
      expect(direct).toEqual(sdk);
      seen.push((direct as { error: string }).error);
    }
    expect(seen).toEqual([
      ResourceNotFoundException.name,
      'DynamoDBServiceException',
      'DynamoDBServiceException',
      ConditionalCheckFailedException.name,
      ConditionalCheckFailedException.name,
      TransactionCanceledException.name,
    ]);
  });

  it('writes produce the same stream records', async () => {
    const start = records.length;
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: { ...key('W', 'sdk'), b: { B: new Uint8Array([7]) } } }));
    await stack.inProcess.view().send(new PutItemCommand({ TableName: stack.tableName, Item: { ...key('W', 'direct'), b: { B: new Uint8Array([7]) } } }));
    const [a, b] = records.slice(start).map((r) => ({ eventName: r.eventName, image: { ...r.dynamodb.NewImage, sk: null } }));
    expect(b).toEqual(a);
  });
});

describe('request id and abort', () => {
  it('names the request behind a write, as the header does over HTTP', async () => {
    const start = records.length;
    await stack.inProcess.view('req-direct').send(new PutItemCommand({ TableName: stack.tableName, Item: key('R', '1') }));
    const written = records.slice(start);
    expect(stack.streams.hub.correlation.requestIds(stack.tableName, written.map((r) => r.dynamodb.SequenceNumber))).toEqual(['req-direct']);
  });

  it('a call whose request already ended never reaches the store', async () => {
    const controller = new AbortController();
    controller.abort(new Error('timed out'));
    const start = records.length;
    const sent = stack.inProcess.view('req-late', controller.signal).send(new PutItemCommand({ TableName: stack.tableName, Item: key('R', 'late') }));
    await expect(sent).rejects.toMatchObject({ name: 'AbortError', message: 'Request aborted' });
    const read = await stack.client.send(new GetItemCommand({ TableName: stack.tableName, Key: key('R', 'late') }));
    expect(read.Item).toBeUndefined();
    expect(records.length).toBe(start);
  });

  it('refuses commands it does not know rather than guessing their wire name', async () => {
    class OtherCommand {}
    await expect(stack.inProcess.view().send(new OtherCommand())).rejects.toThrow(/unsupported command OtherCommand/);
  });
});
