/**
 * Hybrid fan-out on the whole offline stack (real tokens, authorizer, resolvers, stream consumers,
 * publisher, real-time endpoint), with the thresholds lowered so the demo users cross them:
 * pulled at 2 followers, pushed again at 1. After the follows below, bayko (followed by
 * andrewbrown and londo) and andrewbrown (by altbrown and londo) are pulled; altbrown (followed by
 * andrewbrown) is pushed.
 */
import { GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { crudKey, feedKey, userKey } from '../definitions/keys.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { operationFor, signIn, type Operation } from '../seed/api.ts';
import { RealtimeClient } from './testing/subscriber.ts';

let stack: Stack;
interface Person {
  id: string;
  op: Operation;
  rt: RealtimeClient;
}
const people: Record<string, Person> = {};
const FOLLOWS = [
  ['andrewbrown', 'bayko'],
  ['andrewbrown', 'altbrown'],
  ['londo', 'bayko'],
  ['altbrown', 'andrewbrown'],
  ['londo', 'andrewbrown'],
];
const clients: RealtimeClient[] = [];

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent', functionVariables: { 'feed-fanout': { FANOUT_PULL_AT: '2', FANOUT_PUSH_AT: '1' } } });
  for (const handle of ['andrewbrown', 'altbrown', 'bayko', 'londo']) {
    const token = await signIn(stack.cognito.url, stack.cognito.clientId, demoUsers.find((d) => d.handle === handle)!);
    const op = operationFor(stack.urls.graphql, token);
    const me = await op<{ me: { id: string } }>('{ me { id } }');
    const rt = await RealtimeClient.connect(stack.urls.graphql, token);
    clients.push(rt);
    people[handle] = { id: me.data!.me.id, op, rt };
  }
  for (const [who, whom] of FOLLOWS) await ok(people[who].op, 'mutation F($h: String!) { follow(handle: $h) { id } }', { h: whom });
  await stack.dynamo.streams.idle();
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await stack?.close();
});

const idle = () => stack.dynamo.streams.idle();
const WAIT = 20_000;

async function ok<T = any>(op: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await op<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}
const post = async (handle: string, message: string): Promise<string> =>
  (await ok<{ createCrud: { id: string } }>(people[handle].op, 'mutation C($m: String!) { createCrud(message: $m) { id } }', { m: message })).createCrud.id;
const raw = async (key: { pk: string; sk: string }) => {
  const res = await stack.dynamo.client.send(new GetItemCommand({ TableName: stack.dynamo.tableName, Key: marshall(key), ConsistentRead: true }));
  return res.Item ? unmarshall(res.Item) : undefined;
};
const pulled = async (handle: string) => (await raw(userKey(people[handle].id)))?.celebrity === true;

const PAGE = 'query H($limit: Int, $next: String) { homeFeed(limit: $limit, nextToken: $next) { items { id reason crud { id author { handle } } repostedBy { handle } } nextToken } }';
interface FeedItem {
  id: string;
  reason: string;
  crud: { id: string; author: { handle: string } };
}
/** Every page of a home feed at page size `limit`. */
async function wholeFeed(handle: string, limit: number): Promise<FeedItem[]> {
  const items: FeedItem[] = [];
  let next: string | null = null;
  for (let i = 0; i < 200; i += 1) {
    const data: { homeFeed: { items: FeedItem[]; nextToken: string | null } } = await ok(people[handle].op, PAGE, { limit, next });
    items.push(...data.homeFeed.items);
    next = data.homeFeed.nextToken;
    if (!next) return items;
  }
  throw new Error('homeFeed did not end');
}
const crudIds = (items: FeedItem[]) => items.map((i) => i.crud.id);

const CELEB_SUB = 'subscription { onCelebrityFeedItem { id recipientId reason crud { id message author { handle } } repostedBy { handle } } }';
const FEED_SUB = 'subscription F($r: ID!) { onFeedItem(recipientId: $r) { id crud { id } } }';

describe('hybrid fan-out on the offline stack', () => {
  it('the follows crossed the threshold: andrewbrown and bayko are pulled, altbrown is pushed', async () => {
    await idle();
    expect(await pulled('andrewbrown')).toBe(true);
    expect(await pulled('bayko')).toBe(true);
    expect(await pulled('altbrown')).toBe(false);
  });

  it('a pulled post writes no follower rows, reaches followers live in one shared event, and not a non-follower', async () => {
    const londoLive = await people.londo.rt.subscribe(CELEB_SUB, {});
    const londoPushed = await people.londo.rt.subscribe(FEED_SUB, { r: people.londo.id });
    const andrewLive = await people.andrewbrown.rt.subscribe(CELEB_SUB, {});
    // altbrown follows a pulled account (andrewbrown), but not bayko: the filter must keep bayko out.
    const altLive = await people.altbrown.rt.subscribe(CELEB_SUB, {});
    const id = await post('bayko', 'a pulled post');
    const expected = { recipientId: people.bayko.id, reason: 'FOLLOWING', crud: { id, message: 'a pulled post', author: { handle: 'bayko' } } };
    expect(await londoLive.next(WAIT)).toMatchObject(expected);
    expect(await andrewLive.next(WAIT)).toMatchObject(expected);
    await idle();
    expect(altLive.events).toEqual([]);
    expect(londoPushed.events).toEqual([]);
    expect(await raw(feedKey(people.londo.id, id))).toBeUndefined();
    expect(await raw(feedKey(people.bayko.id, id))).toMatchObject({ reason: 'OWN' });

    expect((await wholeFeed('londo', 50))[0]).toMatchObject({ id, reason: 'FOLLOWING', crud: { id } });
    expect(crudIds(await wholeFeed('altbrown', 50))).not.toContain(id);
  });

  it('merges pushed and pulled rows ordered, complete and without duplicates, at every page size', async () => {
    const ids = [await post('altbrown', 'pushed one'), await post('bayko', 'pulled one'), await post('andrewbrown', 'own one')];
    const altCrud = await post('altbrown', 'pushed two, reposted by a pulled account');
    await ok(people.bayko.op, 'mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: altCrud });
    await idle();
    const all = await wholeFeed('andrewbrown', 50);
    const eventIds = all.map((i) => i.id);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect([...eventIds].sort().reverse()).toEqual(eventIds);
    for (const handle of ['andrewbrown', 'altbrown', 'bayko']) {
      const own = await ok(people.andrewbrown.op, 'query U($h: String!) { userCruds(handle: $h, limit: 50) { items { id } } }', { h: handle });
      for (const c of own.userCruds.items) expect(crudIds(all), `${handle}'s crud ${c.id}`).toContain(c.id);
    }
    for (const id of [...ids, altCrud]) expect(crudIds(all)).toContain(id);
    expect(all.find((i) => i.reason === 'REPOST' && i.crud.id === altCrud)).toBeDefined();
    for (const limit of [1, 2, 3, 7]) expect(await wholeFeed('andrewbrown', limit), `limit ${limit}`).toEqual(all);
  });

  it('hides a pulled crud once deleted or expired', async () => {
    const gone = await post('bayko', 'deleted soon');
    const expiring = await post('bayko', 'expires soon');
    await idle();
    expect(crudIds(await wholeFeed('londo', 50))).toEqual(expect.arrayContaining([gone, expiring]));
    await ok(people.bayko.op, 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: gone });
    expect(crudIds(await wholeFeed('londo', 50))).not.toContain(gone);
    await stack.dynamo.client.send(
      new UpdateItemCommand({
        TableName: stack.dynamo.tableName,
        Key: marshall(crudKey(expiring)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: marshall({ ':past': Math.floor(Date.now() / 1000) - 1 }),
      }),
    );
    expect(crudIds(await wholeFeed('londo', 50))).not.toContain(expiring);
    await idle();
    const recent = await raw({ pk: `USER#${people.bayko.id}`, sk: 'RECENT' });
    expect(recent?.entries.map((e: { id: string }) => e.id)).not.toContain(gone);
  });

  it('crossing down and back up keeps every feed complete and each crud once', async () => {
    const before = crudIds(await wholeFeed('andrewbrown', 50));
    await ok(people.londo.op, 'mutation { unfollow(handle: "bayko") { id } }');
    await idle();
    expect(await pulled('bayko')).toBe(false);
    expect(crudIds(await wholeFeed('andrewbrown', 50))).toEqual(before);

    const andrewPushed = await people.andrewbrown.rt.subscribe(FEED_SUB, { r: people.andrewbrown.id });
    const pushed = await post('bayko', 'pushed again');
    expect(await andrewPushed.next(WAIT)).toMatchObject({ crud: { id: pushed } });
    await idle();
    expect(await raw(feedKey(people.andrewbrown.id, pushed))).toMatchObject({ reason: 'FOLLOWING' });
    expect(crudIds(await wholeFeed('andrewbrown', 50))).toEqual([pushed, ...before]);

    await ok(people.londo.op, 'mutation { follow(handle: "bayko") { id } }');
    await idle();
    expect(await pulled('bayko')).toBe(true);
    const andrew = await wholeFeed('andrewbrown', 3);
    expect(crudIds(andrew)).toEqual([pushed, ...before]);
    const londo = await wholeFeed('londo', 2);
    expect(crudIds(londo).filter((id) => id === pushed)).toHaveLength(1);
    expect(new Set(londo.map((i) => i.id)).size).toBe(londo.length);
  });

  it('a mute or block ends the subscriber’s open onCelebrityFeedItem; the next start leaves the account out', async () => {
    const ended = (sub: { completed: Promise<void> }) => Promise.race([sub.completed.then(() => 'complete'), new Promise((r) => setTimeout(() => r('still open'), WAIT))]);
    const londoLive = await people.londo.rt.subscribe(CELEB_SUB, {});
    const andrewLive = await people.andrewbrown.rt.subscribe(CELEB_SUB, {});
    await ok(people.londo.op, 'mutation { mute(handle: "bayko") { id } }');
    expect(await ended(londoLive)).toBe('complete');
    const londoAgain = await people.londo.rt.subscribe(CELEB_SUB, {});
    const muted = await post('bayko', 'posted while londo mutes bayko');
    expect(await andrewLive.next(WAIT)).toMatchObject({ crud: { id: muted } });
    await idle();
    expect(londoAgain.events).toEqual([]);
    expect(londoLive.events).toEqual([]);

    await ok(people.londo.op, 'mutation { unmute(handle: "bayko") { id } }');
    expect(await ended(londoAgain)).toBe('complete');
    const londoUnmuted = await people.londo.rt.subscribe(CELEB_SUB, {});
    const heard = await post('bayko', 'posted after the unmute');
    expect(await londoUnmuted.next(WAIT)).toMatchObject({ crud: { id: heard } });

    // A block ends both sides' subscriptions (the blocked account may follow the blocker too).
    const baykoLive = await people.bayko.rt.subscribe(CELEB_SUB, {});
    await ok(people.andrewbrown.op, 'mutation { block(handle: "bayko") { id } }');
    expect(await ended(andrewLive)).toBe('complete');
    expect(await ended(baykoLive)).toBe('complete');
    await idle();
    await ok(people.andrewbrown.op, 'mutation { unblock(handle: "bayko") { id } }');
  }, 120_000);

  it('keeps the auth rules: guests can neither subscribe nor read a home feed; foreign cursors are refused', async () => {
    const guestRt = await RealtimeClient.connect(stack.urls.graphql, 'guest');
    clients.push(guestRt);
    await expect(guestRt.subscribe(CELEB_SUB, {})).rejects.toThrow(/Unauthorized/);
    const guest = operationFor(stack.urls.graphql, 'guest');
    expect((await guest('{ homeFeed { items { id } } }')).errors?.[0]?.errorType).toBe('Unauthorized');
    const bad = await people.londo.op(PAGE, { limit: 5, next: 'not-a-cursor' });
    expect(bad.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
  });
});
