/**
 * The backfill against the embedded DynamoDB and a real Postgres (PGlite): a history written to
 * the table reaches the same figures through the stream (the live path) and through a backfill
 * into an empty database; a backfill over the live path changes nothing.
 */
import { DeleteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamo, type DynamoStack, type StreamRecord } from '../../local/src/dynamodb/index.ts';
import { backfill } from './backfill.ts';
import { applyRecords } from './step.ts';
import { figuresOf } from './testing/figures.ts';
import { pgliteInsights, resetInsights, type TestDatabase } from './testing/pglite-database.ts';
import { items, ulidAt } from './testing/records.ts';
import { table as cruddurTable } from '../../definitions/table.ts';

let dynamo: DynamoStack;
let t: TestDatabase;
const records: StreamRecord[] = [];

beforeAll(async () => {
  [dynamo, t] = await Promise.all([startDynamo({ table: cruddurTable, ttlIntervalMs: 0, tableName: 'backfill-test' }), pgliteInsights()]);
  dynamo.streams.subscribe((r) => records.push(r));
});
afterAll(async () => {
  await dynamo?.close();
  await t?.close();
});

const put = (item: Record<string, unknown>) => dynamo.client.send(new PutItemCommand({ TableName: dynamo.tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
const del = (item: Record<string, unknown>) => dynamo.client.send(new DeleteItemCommand({ TableName: dynamo.tableName, Key: marshall({ pk: item.pk, sk: item.sk }) }));
const at = (s: string) => new Date(`2026-11-2${s}Z`);

describe('insights backfill', () => {
  it('reaches the live path’s figures from the table alone, and adds nothing on top of it', async () => {
    const [me, b, c] = ['u-me', 'u-b', 'u-c'];
    for (const [id, handle] of [[me, 'me'], [b, 'bee'], [c, 'cee']]) await put(items.profile(id, handle, at('0T08:00:00')));
    const c1 = items.crud(ulidAt(at('0T10:00:00'), 1), me, at('0T10:00:00'), 'one #cloud', { hashtags: ['cloud'] });
    const c2 = items.crud(ulidAt(at('1T10:00:00'), 2), me, at('1T10:00:00'), 'two #cloud #aws', { hashtags: ['cloud', 'aws'] });
    const gone = items.crud(ulidAt(at('1T11:00:00'), 3), me, at('1T11:00:00'), 'gone #aws', { hashtags: ['aws'] });
    const reply = items.crud(ulidAt(at('1T12:00:00'), 4), b, at('1T12:00:00'), 'reply', { replyToId: String(c1.id) });
    const unliked = items.like(c1, c, at('0T12:00:00'));
    for (const item of [c1, c2, gone, reply, items.like(c1, b, at('0T11:00:00')), unliked, items.like(c2, c, at('1T13:00:00')), items.repost(c2, b, at('1T14:00:00'), ulidAt(at('1T14:00:00'), 5)), items.follows(b, me, at('0T09:00:00')), items.follows(c, me, at('1T09:00:00'))]) {
      await put(item);
    }
    await del(unliked);
    await del(gone);
    await dynamo.streams.idle();

    const options = { db: t.db, maxHoldSeconds: 60, onSkip: () => {} };
    expect(await applyRecords(records as unknown as DynamoDBRecord[], options)).toBeNull();
    const live = await figuresOf(t.pg, me);
    expect(live.daily.map((d) => [d.cruds, d.likes, d.reposts, d.replies, d.newFollowers])).toEqual([
      [1, 1, 0, 0, 1],
      [1, 1, 1, 1, 1],
    ]);

    // Over the live path: nothing changes (sequence number 0 never overwrites the stream's rows).
    await backfill({ dynamo: dynamo.client, tableName: dynamo.tableName, db: t.db });
    expect(await figuresOf(t.pg, me)).toEqual(live);

    // Into an empty database: the same figures, except what only the stream knew (the deleted
    // crud's tombstone and the unlike's row, neither of which counts).
    await resetInsights(t.pg);
    t.db.calls = 0;
    const result = await backfill({ dynamo: dynamo.client, tableName: dynamo.tableName, db: t.db, chunkSize: 4 });
    const rebuilt = await figuresOf(t.pg, me);
    expect({ ...rebuilt, texts: [] }).toEqual({ ...live, texts: [] });
    expect(rebuilt.texts).toEqual(live.texts.filter((r) => r.id !== gone.id));
    expect(result.applied).toBe(3 + 3 + 2 + 1 + 2);
    expect(t.db.calls).toBe(Math.ceil(result.applied / 4));
  });
});
