/**
 * The data source names the GraphQL request behind each write to the front, which links the
 * resulting stream records to it (for stream consumers' logs) without touching the records.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from '../../../dynamodb/index.ts';
import type { DataSource } from '../types.ts';
import { createDynamoDbDataSource } from './index.ts';
import { table as cruddurTable } from '../../../../../definitions/table.ts';

let stack: DynamoStack;
let ds: DataSource;
const records: StreamRecord[] = [];
const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });
const invoke = (request: unknown, requestId: string) => ds.invoke(request, { requestId, context: {} });
const requestIdsOf = (rs: StreamRecord[]) => stack.streams.hub.correlation.requestIds(stack.tableName, rs.map((r) => r.dynamodb.SequenceNumber));

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
  stack.streams.subscribe((r) => records.push(r));
  ds = createDynamoDbDataSource({ name: 'table', client: stack.client, tableName: stack.tableName, aliases: [cruddurTable.logicalName] });
});
afterAll(() => stack.close());

it('links single, batch and transactional writes to the invoking request, and only those', async () => {
  const start = records.length;
  await invoke({ operation: 'PutItem', key: key('R#1', 'A'), attributeValues: { v: { N: 1 } } }, 'req-put');
  const afterPut = records.length;
  await invoke({ operation: 'BatchPutItem', tables: { CruddurTable: [{ ...key('R#2', 'A') }, { ...key('R#2', 'B') }] } }, 'req-batch');
  const afterBatch = records.length;
  await invoke(
    {
      operation: 'TransactWriteItems',
      transactItems: [
        { table: 'CruddurTable', operation: 'UpdateItem', key: key('R#1', 'A'), update: { expression: 'ADD v :one', expressionValues: { ':one': { N: 1 } } } },
        { table: 'CruddurTable', operation: 'DeleteItem', key: key('R#2', 'B') },
      ],
    },
    'req-tx',
  );
  const afterTx = records.length;
  // The same SDK client used outside any data-source invocation sends no request id.
  await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: key('R#3', 'A') }));

  expect(records.length - start).toBe(6);
  expect(requestIdsOf(records.slice(start, afterPut))).toEqual(['req-put']);
  expect(requestIdsOf(records.slice(afterPut, afterBatch))).toEqual(['req-batch']);
  expect(requestIdsOf(records.slice(afterBatch, afterTx))).toEqual(['req-tx']);
  expect(records.slice(afterBatch, afterTx).map((r) => r.eventName)).toEqual(['MODIFY', 'REMOVE']);
  expect(requestIdsOf(records.slice(afterTx))).toEqual([]);
  expect(requestIdsOf(records.slice(start))).toEqual(['req-put', 'req-batch', 'req-tx']);
});

it('keeps concurrent invocations apart', async () => {
  const start = records.length;
  const ids = Array.from({ length: 8 }, (_, i) => `req-c${i}`);
  await Promise.all(ids.map((id, i) => invoke({ operation: 'PutItem', key: key('C#1', String(i)), attributeValues: { who: { S: id } } }, id)));
  const written = records.slice(start);
  expect(written).toHaveLength(8);
  for (const r of written) expect(requestIdsOf([r])).toEqual([r.dynamodb.NewImage!.who.S]);
});
