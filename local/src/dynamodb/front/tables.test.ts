/**
 * Stream settings per table through the real SDK client: what CreateTable/DescribeTable/
 * UpdateTable report, and which records (with which images) writes then produce.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  type StreamSpecification,
} from '@aws-sdk/client-dynamodb';
import { startDynamo, type DynamoStack, type StreamRecord } from '../index.ts';
import { table as cruddurTable } from '../../../../definitions/table.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-stream-settings-'));
let stack: DynamoStack;
let records: StreamRecord[] = [];
const key = { pk: { S: 'k' } };

beforeAll(async () => {
  stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
  stack.streams.subscribe((r) => records.push(r));
});
afterAll(async () => {
  await stack.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const describeTable = async (TableName: string) => (await stack.client.send(new DescribeTableCommand({ TableName }))).Table!;

async function create(TableName: string, StreamSpecification?: StreamSpecification) {
  const out = await stack.client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification,
    }),
  );
  // CreateTable answers CREATING, as DynamoDB does; wait for ACTIVE before writing.
  while ((await describeTable(TableName)).TableStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 10));
  return out.TableDescription!;
}

/** INSERT, MODIFY, REMOVE of one item; returns the records they produced. */
async function writeThrice(TableName: string): Promise<StreamRecord[]> {
  records = [];
  await stack.client.send(new PutItemCommand({ TableName, Item: { ...key, v: { N: '1' } } }));
  await stack.client.send(new UpdateItemCommand({ TableName, Key: key, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } }));
  await stack.client.send(new DeleteItemCommand({ TableName, Key: key }));
  return records;
}

const images = (r: StreamRecord) => [r.eventName, r.dynamodb.Keys, r.dynamodb.OldImage?.v?.N ?? null, r.dynamodb.NewImage?.v?.N ?? null, r.dynamodb.StreamViewType];

describe('tables without a stream', () => {
  it('report no stream and produce no records', async () => {
    const created = await create('no-stream');
    expect(created.StreamSpecification).toBeUndefined();
    expect(created.LatestStreamArn).toBeUndefined();
    const described = await describeTable('no-stream');
    expect(described).not.toHaveProperty('StreamSpecification');
    expect(described).not.toHaveProperty('LatestStreamArn');
    expect(await writeThrice('no-stream')).toEqual([]);
  });
});

describe('tables with a stream', () => {
  it('report StreamSpecification, LatestStreamArn and LatestStreamLabel on CreateTable and DescribeTable', async () => {
    const created = await create('keys-only', { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(created.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect(created.LatestStreamLabel).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    expect(created.LatestStreamArn).toBe(`arn:aws:dynamodb:${stack.region}:000000000000:table/keys-only/stream/${created.LatestStreamLabel}`);
    const described = await describeTable('keys-only');
    expect(described).toMatchObject({ StreamSpecification: created.StreamSpecification, LatestStreamArn: created.LatestStreamArn, LatestStreamLabel: created.LatestStreamLabel });
  });

  it.each([
    ['KEYS_ONLY', [null, null], [null, null], [null, null]],
    ['NEW_IMAGE', [null, '1'], [null, '2'], [null, null]],
    ['OLD_IMAGE', [null, null], ['1', null], ['2', null]],
    ['NEW_AND_OLD_IMAGES', [null, '1'], ['1', '2'], ['2', null]],
  ] as const)('%s records carry the documented images', async (viewType, insert, modify, remove) => {
    const table = `view-${viewType.toLowerCase().replace(/_/g, '-')}`;
    await create(table, { StreamEnabled: true, StreamViewType: viewType });
    const got = await writeThrice(table);
    expect(got.map(images)).toEqual([
      ['INSERT', key, ...insert, viewType],
      ['MODIFY', key, ...modify, viewType],
      ['REMOVE', key, ...remove, viewType],
    ]);
    for (const r of got) expect(r.eventSourceARN).toBe((await describeTable(table)).LatestStreamArn);
  });
});

describe('UpdateTable StreamSpecification', () => {
  it('enables and disables a stream with DynamoDB’s errors for impossible changes', async () => {
    await create('toggled');
    const send = (spec: Record<string, unknown>) => stack.client.send(new UpdateTableCommand({ TableName: 'toggled', StreamSpecification: spec as unknown as StreamSpecification }));
    await expect(send({ StreamEnabled: false })).rejects.toMatchObject({ name: 'ValidationException', message: 'Table has no stream to disable: TableName: toggled' });
    await expect(send({ StreamEnabled: true })).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required',
    });

    const enabled = await send({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
    expect(enabled.TableDescription).toMatchObject({ TableName: 'toggled', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } });
    expect((await writeThrice('toggled')).map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    await expect(send({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' })).rejects.toMatchObject({ message: 'Table already has an enabled stream: TableName: toggled' });
    await expect(send({ StreamEnabled: false, StreamViewType: 'KEYS_ONLY' })).rejects.toMatchObject({
      message: 'One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified',
    });

    await send({ StreamEnabled: false });
    const disabled = await describeTable('toggled');
    // After disabling, DynamoDB omits StreamSpecification but still names the latest stream.
    expect(disabled).not.toHaveProperty('StreamSpecification');
    expect(disabled.LatestStreamArn).toBe(enabled.TableDescription?.LatestStreamArn);
    expect(await writeThrice('toggled')).toEqual([]);
  });

  it('rejects an invalid view type on CreateTable and forgets a deleted table’s stream', async () => {
    await expect(create('bad-view', { StreamEnabled: true, StreamViewType: 'EVERYTHING' as never })).rejects.toMatchObject({ name: 'ValidationException' });
    await create('recreated', { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    await stack.client.send(new DeleteTableCommand({ TableName: 'recreated' }));
    while (await describeTable('recreated').catch(() => null)) await new Promise((r) => setTimeout(r, 10));
    const again = await create('recreated');
    expect(again.StreamSpecification).toBeUndefined();
    expect(await writeThrice('recreated')).toEqual([]);
  });

  it('keeps the settings across a restart', async () => {
    await stack.close();
    stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
    stack.streams.subscribe((r) => records.push(r));
    expect((await describeTable('keys-only')).StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    expect((await describeTable('cruddur-local')).StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect((await writeThrice('no-stream')).length).toBe(0);
    expect((await writeThrice('keys-only')).length).toBe(3);
  });
});
