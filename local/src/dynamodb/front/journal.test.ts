import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend } from '../backend.ts';
import { startEmbeddedStore, type EmbeddedStore } from '../store/embedded.ts';
import { StreamHub } from '../streams/hub.ts';
import { ItemReader } from './items.ts';
import { WriteJournal } from './journal.ts';

// Simulates a crash inside the front's commit window: a journal note is written and the store
// changed, but the process "dies" before the note is cleared; a fresh journal recovers.
let store: EmbeddedStore;
let backend: Backend;
let reader: ItemReader;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-journal-'));
const T = 'journal-table';
const keys = (pk: string) => ({ pk: { S: pk } });
const fresh = () => {
  const hub = new StreamHub({ region: 'us-east-1', dir: path.join(dir, 'streams') });
  hub.settings.apply(T, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  return { hub, journal: new WriteJournal(dir, hub) };
};

beforeAll(async () => {
  store = await startEmbeddedStore({});
  backend = createBackend({ endpoint: store.endpoint, embedded: true, region: 'us-east-1' });
  reader = new ItemReader(backend);
  await backend.json('CreateTable', {
    TableName: T,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
});
afterAll(async () => {
  backend.close();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('write journal recovery', () => {
  it('emits the missing record for a single write applied before the crash', async () => {
    const before = fresh();
    before.journal.begin([{ tableName: T, keys: keys('a') }], false);
    await backend.json('PutItem', { TableName: T, Item: { ...keys('a'), v: { N: '1' } } });
    const after = fresh();
    await after.journal.recover(backend, reader);
    const log = after.hub.log(T).readAfter(null, 10);
    expect(log.map((r) => [r.eventName, r.dynamodb.NewImage])).toEqual([['INSERT', { ...keys('a'), v: { N: '1' } }]]);
  });

  it('rolls back a transaction interrupted half-way, without records', async () => {
    const before = fresh();
    before.journal.begin(
      [
        { tableName: T, keys: keys('a'), oldImage: { ...keys('a'), v: { N: '1' } } },
        { tableName: T, keys: keys('b') },
      ],
      true,
    );
    await backend.json('PutItem', { TableName: T, Item: { ...keys('a'), v: { N: '2' } } });
    const after = fresh();
    await after.journal.recover(backend, reader);
    expect(await reader.get(T, keys('a'))).toEqual({ ...keys('a'), v: { N: '1' } });
    expect(await reader.get(T, keys('b'))).toBeUndefined();
    expect(after.hub.log(T).readAfter(null, 10)).toHaveLength(1);
  });

  it('leaves a write alone whose records were already appended', async () => {
    const before = fresh();
    before.journal.begin([{ tableName: T, keys: keys('c') }], true);
    await backend.json('PutItem', { TableName: T, Item: keys('c') });
    before.hub.commit([{ tableName: T, keys: keys('c'), newImage: keys('c') }]);
    const after = fresh();
    await after.journal.recover(backend, reader);
    expect(await reader.get(T, keys('c'))).toEqual(keys('c'));
    expect(after.hub.log(T).readAfter(null, 10).map((r) => r.dynamodb.Keys.pk.S)).toEqual(['a', 'c']);
  });
});
