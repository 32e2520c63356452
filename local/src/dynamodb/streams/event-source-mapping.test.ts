import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteItemCommand, DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { StreamConsumerDefinition } from '../../../../definitions/stream-consumers.ts';
import { startDynamo, startEventSourceMappings, type DynamoStack, type EventSourceMappings } from '../index.ts';
import type { StreamTestScript } from './testing/consumers.ts';
import type { StreamRecord } from './record.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

let stack: DynamoStack;
let mappings: EventSourceMappings | undefined;
const HANDLER = 'local/src/dynamodb/streams/testing/consumers.ts#handler';
const g = globalThis as { __streamTest?: StreamTestScript };

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
});
afterEach(async () => {
  await mappings?.close();
  mappings = undefined;
});
afterAll(() => stack.close());

let n = 0;
function consumer(overrides: Partial<StreamConsumerDefinition>): StreamConsumerDefinition {
  n += 1;
  return {
    name: `test-consumer-${n}`,
    handler: HANDLER,
    batchSize: 100,
    maximumBatchingWindowInSeconds: 0,
    maximumRetryAttempts: -1,
    bisectBatchOnFunctionError: false,
    reportBatchItemFailures: false,
    startingPosition: 'LATEST',
    ...overrides,
  };
}

function run(def: StreamConsumerDefinition, respond?: StreamTestScript['respond']): StreamTestScript {
  g.__streamTest = { calls: [], respond };
  mappings = startEventSourceMappings(stack, [def], { retryBaseMs: 1, retryMaxMs: 5 });
  return g.__streamTest;
}

const item = (pk: string) => ({ pk: { S: pk }, sk: { S: 'S' } });
const pks = (event: { Records: StreamRecord[] }) => event.Records.map((r) => r.dynamodb.Keys.pk.S);

async function batchPut(prefix: string, count: number): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  await stack.client.send(new BatchWriteItemCommand({ RequestItems: { [stack.tableName]: names.map((pk) => ({ PutRequest: { Item: item(pk) } })) } }));
  return names;
}

describe('event source mapping', () => {
  it('delivers {Records} batches of at most batchSize, in commit order', async () => {
    const s = run(consumer({ batchSize: 3 }));
    const names = await batchPut('order', 7);
    await stack.streams.idle();
    expect(s.calls.map((c) => c.Records.length)).toEqual([3, 3, 1]);
    expect(s.calls.flatMap(pks)).toEqual(names);
    expect(Object.keys(s.calls[0])).toEqual(['Records']);
    expect(s.calls[0].Records[0]).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { StreamViewType: 'NEW_AND_OLD_IMAGES' } });
  });

  it('gathers records for up to maximumBatchingWindowInSeconds', async () => {
    const s = run(consumer({ batchSize: 10, maximumBatchingWindowInSeconds: 1 }));
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('window-1') }));
    await new Promise((r) => setTimeout(r, 100));
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('window-2') }));
    await stack.streams.idle();
    expect(s.calls.map(pks)).toEqual([['window-1', 'window-2']]);
  });

  it('TRIM_HORIZON starts at the oldest retained record, LATEST at the tip', async () => {
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('before-mapping') }));
    const s = run(consumer({ startingPosition: 'TRIM_HORIZON', batchSize: 1000 }));
    await stack.streams.idle();
    const seen = s.calls.flatMap(pks);
    expect(seen[0]).toBe('s-before-any');
    expect(seen).toContain('before-mapping');
    await mappings!.close();
    const latest = run(consumer({ startingPosition: 'LATEST' }));
    await stack.streams.idle();
    expect(latest.calls).toEqual([]);
  });

  it('ReportBatchItemFailures: checkpoints before the first failed record and retries from it', async () => {
    let failedOnce = false;
    const s = run(consumer({ reportBatchItemFailures: true }), (event) => {
      if (failedOnce) return { batchItemFailures: [] };
      failedOnce = true;
      // Report the 3rd and 2nd record: retry must start at the lower one (the 2nd).
      return { batchItemFailures: [{ itemIdentifier: event.Records[2].dynamodb.SequenceNumber }, { itemIdentifier: event.Records[1].dynamodb.SequenceNumber }] };
    });
    const names = await batchPut('partial', 4);
    await stack.streams.idle();
    expect(s.calls.map(pks)).toEqual([names, names.slice(1)]);
    expect(mappings!.failures).toEqual([]);
  });

  it('ReportBatchItemFailures: an unknown itemIdentifier fails the whole batch', async () => {
    let calls = 0;
    const s = run(consumer({ reportBatchItemFailures: true }), () => (++calls === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-a-sequence-number' }] } : {}));
    const names = await batchPut('bad-id', 2);
    await stack.streams.idle();
    expect(s.calls.map(pks)).toEqual([names, names]);
  });

  it('without ReportBatchItemFailures a batchItemFailures response is a success', async () => {
    const s = run(consumer({}), (event) => ({ batchItemFailures: [{ itemIdentifier: event.Records[0].dynamodb.SequenceNumber }] }));
    await batchPut('ignored-failures', 2);
    await stack.streams.idle();
    expect(s.calls).toHaveLength(1);
  });

  it('bisects a failing batch down to the poison record, which goes to the failure destination', async () => {
    const s = run(consumer({ batchSize: 4, bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 }), (event) => {
      if (pks(event).includes('bisect-2')) throw new Error('poison');
      return undefined;
    });
    await batchPut('bisect', 4);
    await stack.streams.idle();
    expect(s.calls.map(pks)).toEqual([
      ['bisect-0', 'bisect-1', 'bisect-2', 'bisect-3'],
      ['bisect-0', 'bisect-1'],
      ['bisect-2', 'bisect-3'],
      ['bisect-2'],
      ['bisect-3'],
    ]);
    const poison = s.calls[3].Records[0];
    expect(mappings!.failures).toHaveLength(1);
    expect(mappings!.failures[0]).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 1, functionArn: expect.stringMatching(/^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:test-consumer-\d+$/) },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      DDBStreamBatchInfo: { startSequenceNumber: poison.dynamodb.SequenceNumber, endSequenceNumber: poison.dynamodb.SequenceNumber, batchSize: 1, streamArn: poison.eventSourceARN },
    });
  });

  it('retries maximumRetryAttempts times, then discards the batch and moves on', async () => {
    const s = run(consumer({ maximumRetryAttempts: 2 }), (event) => {
      if (pks(event).includes('retry-0')) throw new Error('always failing');
      return undefined;
    });
    await batchPut('retry', 2);
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('after-discard') }));
    await stack.streams.idle();
    expect(s.calls.map(pks).slice(0, 3)).toEqual([
      ['retry-0', 'retry-1'],
      ['retry-0', 'retry-1'],
      ['retry-0', 'retry-1'],
    ]);
    expect(s.calls.slice(3).flatMap(pks)).toEqual(['after-discard']);
    expect(mappings!.failures).toHaveLength(1);
    expect(mappings!.failures[0].requestContext.approximateInvokeCount).toBe(3);
    expect(mappings!.failures[0].DDBStreamBatchInfo.batchSize).toBe(2);
    expect(mappings!.failures[0].DDBStreamBatchInfo.shardId).toMatch(/^shardId-/);
    expect(new Date(mappings!.failures[0].DDBStreamBatchInfo.approximateArrivalOfFirstRecord).getTime()).toBeGreaterThan(0);
  });

  it('applies filter patterns before batching', async () => {
    const s = run(consumer({ filterPatterns: [{ eventName: ['REMOVE'] }, { eventName: ['INSERT'], dynamodb: { Keys: { pk: { S: [{ prefix: 'keep' }] } } } }] }));
    await batchPut('keep', 2);
    await batchPut('drop', 2);
    await stack.client.send(new DeleteItemCommand({ TableName: stack.tableName, Key: item('drop-0') }));
    await stack.streams.idle();
    expect(s.calls.flatMap((c) => c.Records.map((r) => `${r.eventName}:${r.dynamodb.Keys.pk.S}`))).toEqual(['INSERT:keep-0', 'INSERT:keep-1', 'REMOVE:drop-0']);
  });

  it('a Lambda using a default SDK client writes through the endpoint from its environment, producing records', async () => {
    g.__streamTest = { calls: [] };
    // The table's name reaches the function as its configuration declares it, nothing else of the host's.
    mappings = startEventSourceMappings(stack, [consumer({ handler: 'local/src/dynamodb/streams/testing/consumers.ts#fanOut' })], { env: () => ({ TABLE_NAME: stack.tableName }) });
    const seen: string[] = [];
    const stop = stack.streams.subscribe((r) => seen.push(`${r.eventName}:${r.dynamodb.Keys.pk.S}:${r.dynamodb.Keys.sk.S}`));
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: { pk: { S: 'CRUD#42' }, sk: { S: 'CRUD' } } }));
    await stack.streams.idle();
    stop();
    expect(seen).toEqual(['INSERT:CRUD#42:CRUD', 'INSERT:FEED#reader:CRUD#42']);
  });

  it('idle() waits for records written by consumers themselves', async () => {
    const s = run(consumer({}), async (event) => {
      for (const r of event.Records) {
        const pk = String(r.dynamodb.Keys.pk.S);
        if (pk.startsWith('chain-') && pk.length < 12) await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item(pk + 'x') }));
      }
    });
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('chain-') }));
    await stack.streams.idle();
    expect(s.calls.flatMap(pks)).toEqual(['chain-', 'chain-x', 'chain-xx', 'chain-xxx', 'chain-xxxx', 'chain-xxxxx', 'chain-xxxxxx']);
  });

  it('logs each invocation with the handler context.awsRequestId (fresh per retry) and the records\' request ids', async () => {
    const lines: Record<string, unknown>[] = [];
    g.__streamTest = { calls: [], awsRequestIds: [], respond: (_e, call) => (call === 1 ? Promise.reject(new Error('first try fails')) : undefined) };
    const s = g.__streamTest;
    mappings = startEventSourceMappings(stack, [consumer({})], { retryBaseMs: 1, retryMaxMs: 5, log: (obj) => lines.push(obj as Record<string, unknown>) });
    // Noted synchronously as the record is committed, as the front does, before any delivery can start.
    const stop = stack.streams.subscribe((r) => stack.streams.hub.correlation.note(stack.tableName, [r.dynamodb.SequenceNumber], 'gql-req-1'));
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('logged-1') }));
    stop();
    await stack.streams.idle();
    expect(s.awsRequestIds).toHaveLength(2);
    expect(new Set(s.awsRequestIds).size).toBe(2);
    const [failed, ok] = lines.filter((l) => l.msg === 'stream batch failed' || l.msg === 'stream batch');
    expect(failed).toMatchObject({ msg: 'stream batch failed', lambdaRequestId: s.awsRequestIds![0], requestIds: ['gql-req-1'] });
    expect(ok).toMatchObject({ msg: 'stream batch', lambdaRequestId: s.awsRequestIds![1], requestIds: ['gql-req-1'], ok: true });
  });
});

// Written before any mapping exists, so TRIM_HORIZON must still deliver it.
beforeAll(async () => {
  await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: item('s-before-any') }));
});
