/**
 * Durability: every write acknowledged to a client survives `kill -9` of the process that
 * served it — items, and the stream records of those writes — and event source mappings resume
 * from their persisted checkpoints.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { startDynamo, startEventSourceMappings } from './index.ts';
import type { StreamTestScript } from './streams/testing/consumers.ts';
import { table as cruddurTable } from '../../../definitions/table.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cruddur-dynamo-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function startChild(dataDir: string): Promise<{ child: ChildProcess; endpoint: string; tableName: string }> {
  const script = fileURLToPath(new URL('./testing/child-stack.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, ...JSON.parse(line) }));
  });
}

const key = (i: number) => ({ pk: { S: `durable-${i}` }, sk: { S: 'X' } });

describe('restart after kill -9', () => {
  it('keeps every acknowledged write and its stream record', async () => {
    const dataDir = tmp();
    const { child, endpoint, tableName } = await startChild(dataDir);
    const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const N = 40;
    for (let i = 0; i < N; i += 1) await client.send(new PutItemCommand({ TableName: tableName, Item: { ...key(i), n: { N: String(i) } } }));
    await client.send(new UpdateItemCommand({ TableName: tableName, Key: key(0), UpdateExpression: 'SET n = :v', ExpressionAttributeValues: { ':v': { N: '100' } } }));
    await client.send(
      new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: tableName, Item: { ...key(1000), n: { N: '1' } } } }, { Delete: { TableName: tableName, Key: key(1) } }] }),
    );
    // The last write was acknowledged; kill without any chance to flush or close.
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    client.destroy();

    const stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
    try {
      const get = async (i: number) => (await stack.client.send(new GetItemCommand({ TableName: tableName, Key: key(i), ConsistentRead: true }))).Item;
      expect((await get(0))?.n).toEqual({ N: '100' });
      expect(await get(1)).toBeUndefined();
      expect((await get(N - 1))?.n).toEqual({ N: String(N - 1) });
      expect((await get(1000))?.n).toEqual({ N: '1' });
      for (let i = 2; i < N; i += 1) expect(await get(i)).toBeDefined();

      const log = stack.streams.hub.log(tableName).readAfter(null, 1000);
      expect(log).toHaveLength(N + 3);
      expect(log.slice(-3).map((r) => `${r.eventName}:${r.dynamodb.Keys.pk.S}`)).toEqual(['MODIFY:durable-0', 'INSERT:durable-1000', 'REMOVE:durable-1']);
      // Sequence numbers continue after the restart.
      await stack.client.send(new PutItemCommand({ TableName: tableName, Item: key(2000) }));
      const after = stack.streams.hub.log(tableName).readAfter(log[log.length - 1].dynamodb.SequenceNumber, 10);
      expect(after).toHaveLength(1);
      expect(BigInt(after[0].dynamodb.SequenceNumber)).toBeGreaterThan(BigInt(log[log.length - 1].dynamodb.SequenceNumber));
    } finally {
      await stack.close();
    }
  });

  it('event source mappings resume from their checkpoint after a restart', async () => {
    const dataDir = tmp();
    const g = globalThis as { __streamTest?: StreamTestScript };
    const consumer = {
      name: 'resume-consumer',
      handler: 'local/src/dynamodb/streams/testing/consumers.ts#handler',
      batchSize: 10,
      maximumBatchingWindowInSeconds: 0,
      maximumRetryAttempts: -1,
      bisectBatchOnFunctionError: false,
      reportBatchItemFailures: false,
      startingPosition: 'TRIM_HORIZON' as const,
    };
    let stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
    g.__streamTest = { calls: [] };
    let mappings = startEventSourceMappings(stack, [consumer]);
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: key(1) }));
    await stack.streams.idle();
    await mappings.close();
    // Written while the mapping is down: delivered after the restart, exactly once.
    await stack.client.send(new PutItemCommand({ TableName: stack.tableName, Item: key(2) }));
    await stack.close();

    stack = await startDynamo({ table: cruddurTable, dataDir, ttlIntervalMs: 0 });
    try {
      mappings = startEventSourceMappings(stack, [consumer]);
      await stack.streams.idle();
      expect(g.__streamTest.calls.map((c) => c.Records.map((r) => r.dynamodb.Keys.pk.S))).toEqual([['durable-1'], ['durable-2']]);
      await mappings.close();
    } finally {
      await stack.close();
    }
  });
});
