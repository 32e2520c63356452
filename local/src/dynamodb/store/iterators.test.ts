import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../backend.ts';
import { startEmbeddedStore, type EmbeddedStore } from './embedded.ts';

const TABLE = 'iterator-check';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Resolves once the store has closed what it opened (closing is asynchronous). */
async function settled(store: EmbeddedStore): Promise<number> {
  for (let i = 0; i < 200 && store.iterators.open > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
  return store.iterators.open;
}

describe.each([
  ['in memory (memory-level)', false],
  ['on disk (classic-level)', true],
])('LevelDB iterators of the embedded store, %s', (_name, onDisk) => {
  let store: EmbeddedStore;
  let backend: Backend;

  beforeAll(async () => {
    let dir: string | undefined;
    if (onDisk) {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-iterators-'));
      dirs.push(dir);
    }
    store = await startEmbeddedStore({ path: dir });
    backend = createBackend({ endpoint: store.endpoint, embedded: true, region: 'us-east-1' });
    await backend.json('CreateTable', {
      TableName: TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'g'].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        { IndexName: 'by-g', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      ],
    });
    // CreateTable answers CREATING; the table turns ACTIVE a moment later (later still on a busy machine).
    while ((await backend.json<{ Table: { TableStatus: string } }>('DescribeTable', { TableName: TABLE })).Table.TableStatus !== 'ACTIVE') {
      await new Promise((r) => setTimeout(r, 10));
    }
    for (let i = 0; i < 12; i += 1) {
      await backend.json('PutItem', { TableName: TABLE, Item: { pk: { S: 'feed' }, sk: { S: `s${String(i).padStart(3, '0')}` }, g: { S: 'g' } } });
    }
  });
  afterAll(async () => {
    backend.close();
    await store.close();
  });

  it('closes the iterator of every Query that stops early at Limit', async () => {
    const before = store.iterators.opened;
    for (let i = 0; i < 60; i += 1) {
      const page = await backend.json<{ Items: unknown[]; LastEvaluatedKey?: unknown }>('Query', {
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'feed' } },
        ScanIndexForward: i % 2 === 0,
        Limit: 5,
      });
      expect(page.Items).toHaveLength(5);
      expect(page.LastEvaluatedKey).toBeDefined();
    }
    expect(store.iterators.opened - before).toBeGreaterThanOrEqual(60);
    expect(await settled(store)).toBe(0);
  });

  it('closes iterators of index queries, scans, full reads and ListTables', async () => {
    const before = store.iterators.opened;
    for (let i = 0; i < 20; i += 1) {
      await backend.json('Query', { TableName: TABLE, IndexName: 'by-g', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'g' } }, Limit: 3 });
      await backend.json('Scan', { TableName: TABLE, Limit: 4 });
      await backend.json('Scan', { TableName: TABLE, FilterExpression: 'sk = :none', ExpressionAttributeValues: { ':none': { S: 'x' } } });
      await backend.json('Query', { TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: 'feed' } } });
      await backend.json('ListTables', { Limit: 1 });
    }
    expect(store.iterators.opened - before).toBeGreaterThanOrEqual(100);
    expect(await settled(store)).toBe(0);
  });
});
