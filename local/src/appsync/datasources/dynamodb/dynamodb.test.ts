import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type DynamoStack, type StreamRecord } from '../../../dynamodb/index.ts';
import type { DataSource, DataSourceResponse } from '../types.ts';
import { createDynamoDbDataSource } from './index.ts';
import { table as cruddurTable } from '../../../../../definitions/table.ts';

// The stack's data source calls the store in process; the SDK path (an endpoint in another
// process) must answer the same, so every case runs through both.
describe.each(['sdk', 'in-process'] as const)('through the %s client', (mode) => {
  let stack: DynamoStack;
  let ds: DataSource;
  const records: StreamRecord[] = [];
  const info = { requestId: 'req-1', context: {} };
  const call = (request: unknown): Promise<DataSourceResponse> => ds.invoke(request, info);
  const key = (pk: string, sk: string) => ({ pk: { S: pk }, sk: { S: sk } });

  beforeAll(async () => {
    stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0 });
    stack.streams.subscribe((r) => records.push(r));
    ds = createDynamoDbDataSource({ name: 'table', client: stack.client, tableName: stack.tableName, aliases: [cruddurTable.logicalName], ...(mode === 'in-process' ? { inProcess: stack.inProcess } : {}) });
  });
  afterAll(() => stack.close());

  describe('single-item operations', () => {
    it('PutItem accepts JSON numbers in N values and returns plain JSON', async () => {
      const out = await call({
        operation: 'PutItem',
        key: key('U#1', 'PROFILE'),
        attributeValues: { handle: { S: 'ann' }, followers: { N: 3 }, tags: { SS: ['a', 'b'] }, scores: { NS: [1, 2.5] }, meta: { M: { ok: { BOOL: true }, none: { NULL: true }, list: { L: [{ N: 7 }, { S: 'x' }] } } } },
      });
      expect(out).toEqual({
        result: { pk: 'U#1', sk: 'PROFILE', handle: 'ann', followers: 3, tags: ['a', 'b'], scores: [1, 2.5], meta: { ok: true, none: null, list: [7, 'x'] } },
      });
      expect(records.at(-1)).toMatchObject({ eventName: 'INSERT', dynamodb: { NewImage: { followers: { N: '3' } } } });
    });

    it('GetItem returns the item, null when absent, and honours projection', async () => {
      expect((await call({ operation: 'GetItem', key: key('U#1', 'PROFILE'), consistentRead: true })).result).toMatchObject({ handle: 'ann', followers: 3 });
      expect(await call({ operation: 'GetItem', key: key('U#404', 'PROFILE') })).toEqual({ result: null });
      const projected = await call({ operation: 'GetItem', key: key('U#1', 'PROFILE'), projection: { expression: '#h, followers', expressionNames: { '#h': 'handle' } } });
      expect(projected.result).toEqual({ handle: 'ann', followers: 3 });
    });

    it('UpdateItem returns the whole new item', async () => {
      const out = await call({
        operation: 'UpdateItem',
        key: key('U#1', 'PROFILE'),
        update: { expression: 'SET #f = #f + :one', expressionNames: { '#f': 'followers' }, expressionValues: { ':one': { N: 1 } } },
      });
      expect(out.result).toMatchObject({ pk: 'U#1', handle: 'ann', followers: 4 });
    });

    it('DeleteItem returns the deleted item', async () => {
      await call({ operation: 'PutItem', key: key('TMP', '1'), attributeValues: { v: { S: 'bye' } } });
      expect((await call({ operation: 'DeleteItem', key: key('TMP', '1') })).result).toEqual({ pk: 'TMP', sk: '1', v: 'bye' });
    });
  });

  describe('condition handling', () => {
    const claim = (owner: string, version: number) => ({
      operation: 'PutItem',
      key: key('HANDLE#ann', 'HANDLE'),
      attributeValues: { owner: { S: owner }, version: { N: version } },
      condition: { expression: 'attribute_not_exists(pk)', equalsIgnore: ['version'] },
    });

    it('treats a retried write whose result already exists as a success', async () => {
      expect((await call(claim('U#1', 1))).error).toBeUndefined();
      // Same intended item → success (idempotent), ignoring `version` as equalsIgnore says.
      expect(await call(claim('U#1', 2))).toEqual({ result: { pk: 'HANDLE#ann', sk: 'HANDLE', owner: 'U#1', version: 1 } });
    });

    it('rejects with DynamoDB:ConditionalCheckFailedException and the current item as data', async () => {
      const out = await call(claim('U#2', 1));
      expect(out).toEqual({
        result: null,
        error: { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed', data: { pk: 'HANDLE#ann', sk: 'HANDLE', owner: 'U#1', version: 1 } },
      });
    });

    it('a conditional delete of an already-deleted item succeeds; a failing update rejects', async () => {
      const del = { operation: 'DeleteItem', key: key('GONE', '1'), condition: { expression: 'attribute_exists(pk)' } };
      expect(await call(del)).toEqual({ result: null });
      const upd = await call({ operation: 'UpdateItem', key: key('U#1', 'PROFILE'), update: { expression: 'SET handle = :h', expressionValues: { ':h': { S: 'bob' } } }, condition: { expression: 'handle = :x', expressionValues: { ':x': { S: 'zed' } } } });
      expect(upd.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(upd.error?.data).toMatchObject({ handle: 'ann' });
    });
  });

  describe('Query and Scan', () => {
    beforeAll(async () => {
      for (let i = 0; i < 5; i += 1) {
        await call({ operation: 'PutItem', key: key('FEED#u', `2026-01-0${i + 1}#c${i}`), attributeValues: { n: { N: i }, gsi1pk: { S: 'AUTHOR#a' }, gsi1sk: { S: `t${i}` } } });
      }
    });

    it('pages with an opaque nextToken until null', async () => {
      const seen: unknown[] = [];
      let nextToken: string | null = null;
      let pages = 0;
      do {
        const out = await call({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'FEED#u' } } }, limit: 2, nextToken });
        const r = out.result as { items: { n: number }[]; nextToken: string | null; scannedCount: number };
        seen.push(...r.items.map((i) => i.n));
        expect(r.scannedCount).toBe(r.items.length);
        if (r.nextToken) {
          const decoded = Buffer.from(r.nextToken, 'base64').toString('utf8');
          expect(decoded).not.toContain('FEED#u');
          expect(decoded).not.toContain('2026-01');
        }
        nextToken = r.nextToken;
        pages += 1;
      } while (nextToken);
      expect(seen).toEqual([0, 1, 2, 3, 4]);
      expect(pages).toBe(3);
    });

    it('rejects a forged nextToken', async () => {
      const forged = Buffer.from(JSON.stringify({ version: 1, token: Buffer.from('{"pk":{"S":"x"}}').toString('base64') })).toString('base64');
      const out = await call({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: { ':pk': { S: 'FEED#u' } } }, nextToken: forged });
      expect(out.error).toMatchObject({ message: 'Invalid nextToken' });
    });

    it('supports scanIndexForward, filter, select and indexes', async () => {
      const out = await call({
        operation: 'Query',
        index: 'gsi1',
        query: { expression: 'gsi1pk = :a AND begins_with(gsi1sk, :t)', expressionValues: { ':a': { S: 'AUTHOR#a' }, ':t': { S: 't' } } },
        filter: { expression: 'n >= :min', expressionValues: { ':min': { N: 2 } } },
        scanIndexForward: false,
        select: 'ALL_ATTRIBUTES',
      });
      const r = out.result as { items: { n: number }[]; scannedCount: number; nextToken: null };
      expect(r.items.map((i) => i.n)).toEqual([4, 3, 2]);
      expect(r.scannedCount).toBe(5);
      expect(r.nextToken).toBeNull();
    });

    it('Scan with filter and parallel segments', async () => {
      const all: unknown[] = [];
      for (const segment of [0, 1]) {
        const out = await call({ operation: 'Scan', filter: { expression: 'begins_with(pk, :p)', expressionValues: { ':p': { S: 'FEED#' } } }, totalSegments: 2, segment });
        all.push(...(out.result as { items: { n: number }[] }).items.map((i) => i.n));
      }
      expect(all.sort()).toEqual([0, 1, 2, 3, 4]);
    });
  });

  describe('batch operations (logical table name maps to the physical table)', () => {
    it('BatchPutItem, BatchGetItem (request order, null for missing), BatchDeleteItem', async () => {
      const put = await call({ operation: 'BatchPutItem', tables: { CruddurTable: [{ ...key('B', '1'), v: { N: 1 } }, { ...key('B', '2'), v: { N: 2 } }] } });
      expect(put).toEqual({ result: { data: { CruddurTable: [{ pk: 'B', sk: '1', v: 1 }, { pk: 'B', sk: '2', v: 2 }] }, unprocessedItems: { CruddurTable: [] } } });
      const get = await call({ operation: 'BatchGetItem', tables: { CruddurTable: { keys: [key('B', '2'), key('B', 'missing'), key('B', '1')], consistentRead: true } } });
      expect(get).toEqual({ result: { data: { CruddurTable: [{ pk: 'B', sk: '2', v: 2 }, null, { pk: 'B', sk: '1', v: 1 }] }, unprocessedKeys: { CruddurTable: [] } } });
      const del = await call({ operation: 'BatchDeleteItem', tables: { [stack.tableName]: [key('B', '1')] } });
      expect(del).toEqual({ result: { data: { [stack.tableName]: [{ pk: 'B', sk: '1' }] }, unprocessedKeys: { [stack.tableName]: [] } } });
      expect(records.at(-1)).toMatchObject({ eventName: 'REMOVE', dynamodb: { Keys: key('B', '1') } });
    });

    it('an unknown table is DynamoDB:ResourceNotFoundException', async () => {
      const out = await call({ operation: 'BatchGetItem', tables: { NoSuchTable: { keys: [key('a', 'b')] } } });
      expect(out.error?.type).toBe('DynamoDB:ResourceNotFoundException');
    });
  });

  describe('transactions', () => {
    it('TransactWriteItems returns keys in order and produces stream records', async () => {
      const before = records.length;
      const out = await call({
        operation: 'TransactWriteItems',
        transactItems: [
          { table: 'CruddurTable', operation: 'PutItem', key: key('CRUD#1', 'LIKE#u'), attributeValues: { at: { N: 1 } }, condition: { expression: 'attribute_not_exists(pk)' } },
          { table: 'CruddurTable', operation: 'UpdateItem', key: key('CRUD#1', 'CRUD'), update: { expression: 'ADD likes :one', expressionValues: { ':one': { N: 1 } } } },
          { table: 'CruddurTable', operation: 'ConditionCheck', key: key('U#1', 'PROFILE'), condition: { expression: 'attribute_exists(pk)' } },
        ],
      });
      expect(out).toEqual({ result: { keys: [{ pk: 'CRUD#1', sk: 'LIKE#u' }, { pk: 'CRUD#1', sk: 'CRUD' }, { pk: 'U#1', sk: 'PROFILE' }], cancellationReasons: null } });
      expect(records.slice(before).map((r) => `${r.eventName}:${r.dynamodb.Keys.sk.S}`)).toEqual(['INSERT:LIKE#u', 'INSERT:CRUD']);
    });

    it('a cancelled transaction gives cancellationReasons with the current item', async () => {
      const out = await call({
        operation: 'TransactWriteItems',
        transactItems: [
          { table: 'CruddurTable', operation: 'PutItem', key: key('CRUD#1', 'LIKE#u'), attributeValues: { at: { N: 2 } }, condition: { expression: 'attribute_not_exists(pk)' } },
          { table: 'CruddurTable', operation: 'DeleteItem', key: key('CRUD#1', 'CRUD'), condition: { expression: 'likes > :ten', expressionValues: { ':ten': { N: 10 } }, returnValuesOnConditionCheckFailure: false } },
          { table: 'CruddurTable', operation: 'UpdateItem', key: key('CRUD#2', 'CRUD'), update: { expression: 'SET a = :a', expressionValues: { ':a': { N: 1 } } } },
        ],
      });
      expect(out.error).toMatchObject({ type: 'DynamoDB:TransactionCanceledException' });
      expect(out.error?.message).toContain('Transaction cancelled');
      expect(out.result).toEqual({
        keys: null,
        cancellationReasons: [
          { type: 'ConditionalCheckFailed', message: 'The conditional request failed', item: { pk: 'CRUD#1', sk: 'LIKE#u', at: 1 } },
          { type: 'ConditionalCheckFailed', message: 'The conditional request failed' },
          { type: 'None', message: null },
        ],
      });
    });

    it('TransactGetItems returns items in order with null for missing', async () => {
      const out = await call({ operation: 'TransactGetItems', transactItems: [{ table: 'CruddurTable', key: key('CRUD#1', 'CRUD') }, { table: 'CruddurTable', key: key('nope', 'nope') }] });
      expect(out).toEqual({ result: { items: [{ pk: 'CRUD#1', sk: 'CRUD', likes: 1 }, null], cancellationReasons: null } });
    });
  });

  describe('errors', () => {
    it('DynamoDB validation errors surface as DynamoDB:ValidationException', async () => {
      const out = await call({ operation: 'UpdateItem', key: key('U#1', 'PROFILE'), update: { expression: 'SET = broken' } });
      expect(out.error?.type).toBe('DynamoDB:ValidationException');
    });

    it('malformed request objects are MappingTemplate errors; Sync is refused honestly', async () => {
      expect((await call({ operation: 'Explode' })).error?.type).toBe('MappingTemplate');
      expect((await call(null)).error?.type).toBe('MappingTemplate');
      expect((await call({ operation: 'GetItem', key: { pk: 'not-typed' } })).error?.type).toBe('MappingTemplate');
      expect((await call({ operation: 'PutItem', key: key('a', 'b'), attributeValues: { n: { N: {} } } })).error?.type).toBe('MappingTemplate');
      expect((await call({ operation: 'Sync', limit: 10 })).error).toMatchObject({ type: 'MappingTemplate', message: expect.stringContaining('versioned data source') });
    });
  });
});
