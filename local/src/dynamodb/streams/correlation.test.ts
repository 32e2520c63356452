import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from '../index.ts';
import { REQUEST_ID_HEADER } from '../front/protocol.ts';
import { isRequestId, RequestCorrelation } from './correlation.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

describe('RequestCorrelation', () => {
  it('answers distinct ids in record order and ignores unknown records and other tables', () => {
    const c = new RequestCorrelation();
    c.note('T', ['1', '2'], 'a');
    c.note('T', ['3'], 'b');
    c.note('U', ['4'], 'c');
    expect(c.requestIds('T', ['3', '1', '2', '9', '4'])).toEqual(['b', 'a']);
    expect(c.requestIds('U', ['1', '4'])).toEqual(['c']);
  });

  it('stays bounded, forgetting the oldest links first', () => {
    const c = new RequestCorrelation(3);
    c.note('T', ['1', '2', '3', '4'], 'a');
    c.note('T', ['5'], 'b');
    expect(c.size).toBe(3);
    expect(c.requestIds('T', ['1', '2'])).toEqual([]);
    expect(c.requestIds('T', ['3', '4', '5'])).toEqual(['a', 'b']);
  });

  it('accepts request ids shaped like ids only', () => {
    expect(isRequestId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    for (const bad of ['', 'a b', 'x\ny', '{"a":1}', 'a'.repeat(129), undefined, ['a']]) expect(isRequestId(bad)).toBe(false);
  });
});

describe('the front', () => {
  let stack: DynamoStack;
  const records: StreamRecord[] = [];
  beforeAll(async () => {
    stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
    stack.streams.subscribe((r) => records.push(r));
  });
  afterAll(() => stack.close());

  /** An SDK client that sends `value` in REQUEST_ID_HEADER on every call. */
  function clientSending(value: string): DynamoDBClient {
    const client = new DynamoDBClient({ endpoint: stack.endpoint, region: stack.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    client.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers[REQUEST_ID_HEADER] = value;
        return next(args);
      },
      { step: 'build' },
    );
    return client;
  }

  it('links the records of a write to the request id its caller named, and drops malformed ones', async () => {
    const good = clientSending('req-42');
    const bad = clientSending('req 42 <script>');
    const start = records.length;
    await good.send(new PutItemCommand({ TableName: stack.tableName, Item: { pk: { S: 'F#1' }, sk: { S: 'A' } } }));
    await bad.send(new PutItemCommand({ TableName: stack.tableName, Item: { pk: { S: 'F#2' }, sk: { S: 'A' } } }));
    good.destroy();
    bad.destroy();
    const [first, second] = records.slice(start);
    const ids = (r: StreamRecord) => stack.streams.hub.correlation.requestIds(stack.tableName, [r.dynamodb.SequenceNumber]);
    expect(ids(first)).toEqual(['req-42']);
    expect(ids(second)).toEqual([]);
    // The record itself is untouched: nothing of the id in the event Lambda would receive.
    expect(JSON.stringify(first)).not.toContain('req-42');
  });
});
