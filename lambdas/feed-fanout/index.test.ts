/**
 * The fan-out consumer against the embedded DynamoDB: writes go through the store, the stream
 * records it commits (exact Lambda shapes, TTL deletions included) are handed to the handler,
 * and replays prove every step idempotent.
 */
import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crudKey, feedKey, followsKey, likeKey, trendBucket, trendKey, userKey } from '../../definitions/keys.ts';
import { handler } from './index.ts';
import { crud, event, profile, startFanoutTable } from './testing/fanout-table.ts';

let t: Awaited<ReturnType<typeof startFanoutTable>>;
beforeAll(async () => {
  t = await startFanoutTable('fanout-test');
  await t.takeRecords();
});
afterAll(() => t?.dynamo.close());
beforeEach(async () => {
  await t.takeRecords();
});

const put = (item: Record<string, unknown>) => t.put(item);
const get = (key: { pk: string; sk: string }) => t.get(key);
const partition = (pk: string) => t.partition(pk);
const follow = (a: string, b: string) => t.follow(a, b);
const takeRecords = () => t.takeRecords();

describe('fanout consumer', () => {
  it('fans a new crud out to the author and followers, indexes its tags, and replays as a no-op', async () => {
    for (const id of ['a', 'f1', 'f2', 'x']) await put(profile(id));
    await follow('f1', 'a');
    await follow('f2', 'a');
    await takeRecords();
    const created = crud('01CRUD0000000000000000000A', 'a');
    await put(created);
    const rs = await takeRecords();
    expect(rs.map((r) => r.eventName)).toEqual(['INSERT']);
    expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
    expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });

    expect(await get(feedKey('a', '01CRUD0000000000000000000A'))).toMatchObject({ reason: 'OWN', crudId: '01CRUD0000000000000000000A', sourceUserId: 'a' });
    expect(await get(feedKey('f1', '01CRUD0000000000000000000A'))).toMatchObject({ reason: 'FOLLOWING' });
    expect(await get(feedKey('f2', '01CRUD0000000000000000000A'))).toMatchObject({ reason: 'FOLLOWING' });
    expect(await get(feedKey('x', '01CRUD0000000000000000000A'))).toBeUndefined();
    expect(await get({ pk: 'TAG#tag', sk: '01CRUD0000000000000000000A' })).toMatchObject({ type: 'TAGGED', crudId: '01CRUD0000000000000000000A' });
    const trends = (await partition(trendKey(trendBucket(Date.parse(created.createdAt as string) / 1000), 'tag').pk)).filter((t) => t.tag === 'tag');
    expect(trends.map((t) => t.count)).toEqual([1]);
  });

  it('notifies a liked author once (with the unread counter), never the liker about themselves', async () => {
    await put(profile('author'));
    await put(profile('fan'));
    const c = crud('01CRUD0000000000000000000B', 'author');
    await put(c);
    await takeRecords();
    const likeRow = (userId: string) => ({ ...likeKey(c.id, userId), type: 'LIKE', crudId: c.id, userId, crudAuthorId: 'author', createdAt: '2026-11-27T10:00:00.123Z', expiresAt: c.expiresAt });
    await put(likeRow('fan'));
    await put(likeRow('author'));
    const rs = await takeRecords();
    await handler(event(rs));
    await handler(event(rs));
    const notes = await partition('NOTIF#author');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'LIKE', actorId: 'fan', crudId: c.id, sk: `${Date.parse('2026-11-27T10:00:00.123Z')}#LIKE#fan#${c.id}` });
    expect((await get(userKey('author')))?.unreadNotificationsCount).toBe(1);
  });

  it('back-fills on follow and removes the followee’s rows on unfollow', async () => {
    await put(profile('writer'));
    await put(profile('reader'));
    await put(crud('01CRUD0000000000000000000C', 'writer'));
    await put(crud('01CRUD0000000000000000000D', 'writer', { expiresAt: Math.floor(Date.now() / 1000) - 5 }));
    await takeRecords();
    await follow('reader', 'writer');
    await handler(event(await takeRecords()));
    const feed = await partition('FEED#reader');
    expect(feed.map((r) => r.crudId)).toEqual(['01CRUD0000000000000000000C']);
    expect(feed[0]).toMatchObject({ reason: 'FOLLOWING', sourceUserId: 'writer', backfilled: true });

    await t.dynamo.client.send(new DeleteItemCommand({ TableName: t.dynamo.tableName, Key: marshall(followsKey('reader', 'writer')) }));
    await handler(event(await takeRecords()));
    expect(await partition('FEED#reader')).toEqual([]);
  });

  it('on a TTL expiry: decrements crudsCount exactly once and removes feed rows, likes and tag rows', async () => {
    await put(profile('ttl-author'));
    await put(profile('ttl-follower'));
    await follow('ttl-follower', 'ttl-author');
    const c = crud('01CRUD0000000000000000000E', 'ttl-author');
    await put(c);
    await put({ ...likeKey(c.id, 'ttl-follower'), type: 'LIKE', crudId: c.id, userId: 'ttl-follower', crudAuthorId: 'ttl-author', createdAt: c.createdAt, expiresAt: c.expiresAt + 3600 });
    await handler(event(await takeRecords()));
    expect(await get(feedKey('ttl-follower', c.id))).toBeDefined();

    await t.dynamo.client.send(
      new UpdateItemCommand({ TableName: t.dynamo.tableName, Key: marshall(crudKey(c.id)), UpdateExpression: 'SET expiresAt = :p', ExpressionAttributeValues: marshall({ ':p': Math.floor(Date.now() / 1000) - 1 }) }),
    );
    await takeRecords();
    await t.dynamo.ttl.sweepNow();
    const rs = (await takeRecords()).filter((r) => r.eventName === 'REMOVE' && r.dynamodb.Keys.pk.S === `CRUD#${c.id}`);
    expect(rs[0]?.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    await handler(event(rs));
    await handler(event(rs));
    expect((await get(userKey('ttl-author')))?.crudsCount).toBe(0);
    expect(await get(feedKey('ttl-follower', c.id))).toBeUndefined();
    expect(await get(feedKey('ttl-author', c.id))).toBeUndefined();
    expect(await get(likeKey(c.id, 'ttl-follower'))).toBeUndefined();
    expect(await get({ pk: 'TAG#tag', sk: c.id })).toBeUndefined();
  });

  it('does not touch counters when a request (not TTL) deleted the crud', async () => {
    await put(profile('del-author'));
    const c = crud('01CRUD0000000000000000000F', 'del-author');
    await put(c);
    await handler(event(await takeRecords()));
    await t.dynamo.client.send(new DeleteItemCommand({ TableName: t.dynamo.tableName, Key: marshall(crudKey(c.id)) }));
    const rs = await takeRecords();
    expect(rs[0].userIdentity).toBeUndefined();
    await handler(event(rs));
    expect((await get(userKey('del-author')))?.crudsCount).toBe(1);
    expect(await get(feedKey('del-author', c.id))).toBeUndefined();
  });

  it('reports the first failing record as a partial batch failure and stops there', async () => {
    await put(crud('01CRUD0000000000000000000G', 'nobody'));
    await put(crud('01CRUD0000000000000000000H', 'nobody'));
    const rs = await takeRecords();
    const table = process.env.TABLE_NAME;
    process.env.TABLE_NAME = 'no-such-table';
    try {
      const res = await handler(event(rs));
      expect(res).toEqual({ batchItemFailures: [{ itemIdentifier: rs[0].dynamodb.SequenceNumber }] });
    } finally {
      process.env.TABLE_NAME = table;
    }
    expect(await get(feedKey('nobody', '01CRUD0000000000000000000G'))).toBeUndefined();
    expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
    expect(await get(feedKey('nobody', '01CRUD0000000000000000000H'))).toBeDefined();
  });
});
