/**
 * Pulled accounts in the fan-out consumer against the embedded DynamoDB (thresholds lowered to
 * pull at 3 followers, push again at 1): the switch both ways, O(1) writes per pulled post,
 * RECENT upkeep, and replays as no-ops.
 */
import { DeleteItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fanoutMode, fanoutSettings, fanoutSettingsFrom } from '../../definitions/fanout.ts';
import { crudKey, feedKey, followerKey, followsKey, pullKey, recentKey, repostKey, userKey } from '../../definitions/keys.ts';
import { handler } from './index.ts';
import { crud, event, profile, startFanoutTable } from './testing/fanout-table.ts';

let t: Awaited<ReturnType<typeof startFanoutTable>>;
beforeAll(async () => {
  t = await startFanoutTable('pulled-test');
  Object.assign(process.env, { FANOUT_PULL_AT: '3', FANOUT_PUSH_AT: '1' });
});
afterAll(() => {
  delete process.env.FANOUT_PULL_AT;
  delete process.env.FANOUT_PUSH_AT;
  return t?.dynamo.close();
});
beforeEach(async () => {
  await t.takeRecords();
});

/** Handles everything committed since the last call, twice (a replay must change nothing). */
async function consume() {
  const rs = await t.takeRecords();
  expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
  expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
  return rs;
}
const setFollowers = (id: string, n: number) =>
  t.dynamo.client.send(new UpdateItemCommand({ TableName: t.dynamo.tableName, Key: marshall(userKey(id)), UpdateExpression: 'SET followersCount = :n', ExpressionAttributeValues: marshall({ ':n': n }) }));
const unfollow = async (a: string, b: string) => {
  for (const key of [followsKey(a, b), followerKey(b, a)]) await t.dynamo.client.send(new DeleteItemCommand({ TableName: t.dynamo.tableName, Key: marshall(key) }));
};
const ids = (rows: Record<string, any>[]) => rows.map((r) => r.id as string);

describe('fanoutMode', () => {
  it('switches with hysteresis: pull at pullAt, back to push only at pushAt', () => {
    const s = { pullAt: 5000, pushAt: 4000 };
    expect(fanoutMode(4999, false, s)).toBe('push');
    expect(fanoutMode(5000, false, s)).toBe('pull');
    expect(fanoutMode(4500, true, s)).toBe('pull');
    expect(fanoutMode(4001, true, s)).toBe('pull');
    expect(fanoutMode(4000, true, s)).toBe('push');
    expect(fanoutMode(4500, false, s)).toBe('push');
  });

  it('reads thresholds from the Lambda environment, and refuses ones that would flap or make no sense', () => {
    expect(fanoutSettingsFrom({})).toEqual(fanoutSettings);
    expect(fanoutSettingsFrom({ FANOUT_PULL_AT: '3', FANOUT_PUSH_AT: '1' })).toEqual({ pullAt: 3, pushAt: 1 });
    for (const env of [{ FANOUT_PULL_AT: '3', FANOUT_PUSH_AT: '3' }, { FANOUT_PULL_AT: 'many' }, { FANOUT_PUSH_AT: '-1' }, { FANOUT_PULL_AT: '2.5' }]) {
      expect(() => fanoutSettingsFrom(env), JSON.stringify(env)).toThrow(/FANOUT_PUSH_AT/);
    }
  });
});

describe('pulled accounts', () => {
  it('becomes pulled at the threshold, then a post costs the own row and one RECENT write', async () => {
    for (const id of ['star', 's1', 's2', 's3']) await t.put(profile(id));
    const old = crud('01PULL00000000000000000001', 'star');
    await t.put(old);
    await t.follow('s1', 'star');
    await t.follow('s2', 'star');
    await setFollowers('star', 2);
    await consume();
    expect(await t.get(feedKey('s1', old.id))).toMatchObject({ backfilled: true });
    expect((await t.get(userKey('star')))?.celebrity).toBeUndefined();

    await setFollowers('star', 3);
    await t.follow('s3', 'star');
    await consume();
    const star = await t.get(userKey('star'));
    expect(star).toMatchObject({ celebrity: true });
    for (const f of ['s1', 's2', 's3']) expect(await t.get(pullKey(f, 'star'))).toMatchObject({ type: 'PULL', followerId: f, accountId: 'star' });
    expect((await t.get(pullKey('s1', 'star')))?.expiresAt).toBeUndefined();
    // Seeded with the live crud already pushed: marked so it is not announced again.
    expect((await t.get(recentKey('star')))?.entries).toEqual([expect.objectContaining({ id: old.id, backfilled: true })]);

    await t.takeRecords();
    const fresh = crud('01PULL00000000000000000002', 'star');
    await t.put(fresh);
    const rs = await t.takeRecords();
    expect(rs).toHaveLength(1);
    expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
    const written = await t.takeRecords();
    expect(await handler(event(rs))).toEqual({ batchItemFailures: [] });
    const feedWrites = written.filter((r) => r.dynamodb.Keys.pk.S?.startsWith('FEED#'));
    expect(feedWrites.map((r) => r.dynamodb.Keys.pk.S)).toEqual(['FEED#star']);
    expect(written.filter((r) => r.dynamodb.Keys.sk.S === 'RECENT')).toHaveLength(1);
    expect(await t.get(feedKey('s1', fresh.id))).toBeUndefined();
    expect(ids((await t.get(recentKey('star')))?.entries)).toEqual([fresh.id, old.id]);
  });

  it('lists reposts by a pulled account and drops entries when the repost or the crud goes', async () => {
    const other = crud('01PULL00000000000000000003', 's1');
    await t.put(other);
    await consume();
    const repost = { ...repostKey(other.id, 'star'), type: 'REPOST', crudId: other.id, userId: 'star', crudAuthorId: 's1', repostId: '01PULL00000000000000000004', createdAt: new Date().toISOString(), expiresAt: other.expiresAt };
    await t.put(repost);
    await consume();
    expect((await t.get(recentKey('star')))?.entries[0]).toMatchObject({ id: repost.repostId, crudId: other.id, reason: 'REPOST', repostedById: 'star' });
    expect(await t.get(feedKey('star', repost.repostId))).toMatchObject({ reason: 'REPOST' });
    expect(await t.get(feedKey('s2', repost.repostId))).toBeUndefined();

    await t.dynamo.client.send(new DeleteItemCommand({ TableName: t.dynamo.tableName, Key: marshall(repostKey(other.id, 'star')) }));
    await consume();
    expect(ids((await t.get(recentKey('star')))?.entries)).not.toContain(repost.repostId);

    await t.dynamo.client.send(new DeleteItemCommand({ TableName: t.dynamo.tableName, Key: marshall(crudKey('01PULL00000000000000000002')) }));
    await consume();
    expect(ids((await t.get(recentKey('star')))?.entries)).toEqual(['01PULL00000000000000000001']);
  });

  it('a new follower of a pulled account gets a PULL row, no back-filled rows; an unfollow removes it', async () => {
    await t.put(profile('s4'));
    await setFollowers('star', 4);
    await t.follow('s4', 'star');
    await consume();
    expect(await t.get(pullKey('s4', 'star'))).toBeDefined();
    expect(await t.partition('FEED#s4')).toEqual([]);
    await setFollowers('star', 3);
    await unfollow('s4', 'star');
    await consume();
    expect(await t.get(pullKey('s4', 'star'))).toBeUndefined();
    expect((await t.get(userKey('star')))?.celebrity).toBe(true);
  });

  it('goes back to push at pushAt: PULL rows and RECENT live on until pulled cruds could have expired', async () => {
    await setFollowers('star', 1);
    await unfollow('s3', 'star');
    await consume();
    expect((await t.get(userKey('star')))?.celebrity).toBe(false);
    const monthAhead = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
    for (const f of ['s1', 's2']) expect((await t.get(pullKey(f, 'star')))?.expiresAt).toBeGreaterThanOrEqual(monthAhead);
    expect(await t.get(pullKey('s3', 'star'))).toBeUndefined();
    expect((await t.get(recentKey('star')))?.expiresAt).toBeGreaterThanOrEqual(monthAhead);

    const pushed = crud('01PULL00000000000000000005', 'star');
    await t.put(pushed);
    await consume();
    expect(await t.get(feedKey('s1', pushed.id))).toMatchObject({ reason: 'FOLLOWING' });
    expect(ids((await t.get(recentKey('star')))?.entries)).not.toContain(pushed.id);
  });
});
