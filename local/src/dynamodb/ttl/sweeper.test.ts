import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetItemCommand, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from '../index.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

let stack: DynamoStack;
const records: StreamRecord[] = [];
const now = () => Math.floor(Date.now() / 1000);
const key = (pk: string) => ({ pk: { S: pk }, sk: { S: 'TTL' } });

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, ttlIntervalMs: 0, ttlScanPageSize: 7 });
  stack.streams.subscribe((r) => records.push(r));
});
afterAll(() => stack.close());

async function put(pk: string, expiresAt: AttributeValue | undefined) {
  await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: { ...key(pk), ...(expiresAt ? { expiresAt } : {}) } }));
}

describe('TTL sweeper', () => {
  it('deletes only items whose Number expiresAt has passed, across scan pages, with service REMOVE records', async () => {
    for (let i = 0; i < 30; i += 1) await put(`expired-${i}`, { N: String(now() - 10 - i) });
    await put('future', { N: String(now() + 3600) });
    await put('string-ttl', { S: String(now() - 100) });
    await put('no-ttl', undefined);
    await put('ancient', { N: String(now() - 6 * 365 * 24 * 3600) });
    records.length = 0;
    expect(await stack.ttl.sweepNow()).toBe(30);
    const left = await stack.client.send(new ScanCommand({ TableName: stack.tableName }));
    expect(left.Items?.map((i) => i.pk.S).sort()).toEqual(['ancient', 'future', 'no-ttl', 'string-ttl']);
    expect(records).toHaveLength(30);
    for (const r of records) {
      expect(r.eventName).toBe('REMOVE');
      expect(r.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
      expect(r.dynamodb.OldImage?.expiresAt.N).toBeDefined();
    }
    expect(await stack.ttl.sweepNow()).toBe(0);
  });

  it('runs on its interval', async () => {
    const timed = await startDynamo({ table: cruddurTable, ttlIntervalMs: 50 });
    try {
      await timed.client.send(new PutItemCommand({ TableName: timed.tableName, Item: { ...key('soon'), expiresAt: { N: String(now() - 1) } } }));
      await expect.poll(async () => (await timed.client.send(new GetItemCommand({ TableName: timed.tableName, Key: key('soon') }))).Item, { timeout: 3000 }).toBeUndefined();
    } finally {
      await timed.close();
    }
  });

  it('paces timed sweeps between pages; sweepNow() hurries a paced sweep under way and then sweeps what it passed', async () => {
    // A share this small rests ~10,000× each page's working time: seconds or more per page.
    const paced = await startDynamo({ table: cruddurTable, ttlIntervalMs: 50, ttlScanPageSize: 5, ttlBackgroundShare: 0.0001 });
    try {
      for (let i = 0; i < 20; i += 1) {
        await paced.client.send(new PutItemCommand({ TableName: paced.tableName, Item: { ...key(`paced-${i}`), expiresAt: { N: String(now() - 5) } } }));
      }
      const left = async () => (await paced.client.send(new ScanCommand({ TableName: paced.tableName, Select: 'COUNT' }))).Count ?? 0;
      await expect.poll(left, { timeout: 5000, interval: 20 }).toBeLessThan(20);
      // Written while the paced sweep is under way: some land in pages its scan has passed.
      for (let i = 0; i < 20; i += 1) {
        await paced.client.send(new PutItemCommand({ TableName: paced.tableName, Item: { ...key(`late-${i}`), expiresAt: { N: String(now() - 5) } } }));
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(await left()).toBeGreaterThan(0);
      await paced.ttl.sweepNow();
      expect(await left()).toBe(0);
    } finally {
      await paced.close();
    }
  });
});
