/**
 * The API cache over the whole offline stack (real Cognito tokens, Lambda authorizer, engine,
 * resolvers, embedded DynamoDB): a cached value is shared by every caller, and every per-caller
 * field below it is still resolved for the caller who asks — whoever filled the entry. Profile
 * edits evict the cached profile at once; failures are never cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { operationFor, signIn, type Operation } from '../../../../seed/api.ts';
import { startStack, type Stack } from '../../stack.ts';

let stack: Stack;
let ann: Operation;
let bob: Operation;
let guest: Operation;
const [annUser, bobUser] = demoUsers;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const token = (u: (typeof demoUsers)[number]) => signIn(stack.cognito.url, stack.cognito.clientId, u);
  ann = operationFor(stack.urls.graphql, await token(annUser));
  bob = operationFor(stack.urls.graphql, await token(bobUser));
  guest = operationFor(stack.urls.graphql, 'guest');
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const cache = () => stack.engine.apiCache!;
/** Runs `op` and returns its data, asserting it hit (or missed) the API cache. */
async function read<T>(op: Operation, query: string, variables: Record<string, unknown>, expectHit: boolean): Promise<T> {
  const before = { hits: cache().hits, misses: cache().misses };
  const res = await op<T>(query, variables);
  expect(res.errors).toBeUndefined();
  expect({ hit: cache().hits > before.hits, miss: cache().misses > before.misses }).toEqual({ hit: expectHit, miss: !expectHit });
  return res.data!;
}

const FEED = `query F($limit: Int) { publicFeed(limit: $limit) { items { id viewerHasLiked viewerHasReposted
  author { handle viewerIsSelf viewerFollows followsViewer unreadNotificationsCount } } } }`;
type Feed = { publicFeed: { items: { id: string; viewerHasLiked: boolean | null; viewerHasReposted: boolean | null; author: Record<string, unknown> }[] } };

describe('publicFeed, cached for everyone', () => {
  let crudId: string;
  beforeAll(async () => {
    crudId = (await ann('mutation { createCrud(message: "cached #feed") { id } }')).data.createCrud.id;
    expect((await ann('mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: crudId })).errors).toBeUndefined();
    expect((await ann('mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: crudId })).errors).toBeUndefined();
    expect((await bob('mutation F($h: String!) { follow(handle: $h) { id } }', { h: annUser.handle })).errors).toBeUndefined();
  });

  it('serves the entry the liker filled to another user and a guest, each with their own likes, reposts and follows', async () => {
    const mine = (d: Feed) => d.publicFeed.items.find((c) => c.id === crudId)!;
    // Ann fills the entry: her like, repost and own-profile fields must not travel with it.
    const a = mine(await read<Feed>(ann, FEED, { limit: 7 }, false));
    expect(a).toMatchObject({ viewerHasLiked: true, viewerHasReposted: true, author: { viewerIsSelf: true, viewerFollows: false, unreadNotificationsCount: expect.any(Number) } });
    const b = mine(await read<Feed>(bob, FEED, { limit: 7 }, true));
    expect(b).toMatchObject({ viewerHasLiked: false, viewerHasReposted: false, author: { viewerIsSelf: false, viewerFollows: true, unreadNotificationsCount: null } });
    const g = mine(await read<Feed>(guest, FEED, { limit: 7 }, true));
    expect(g).toMatchObject({ viewerHasLiked: null, viewerHasReposted: null, author: { viewerIsSelf: false, viewerFollows: null, followsViewer: null, unreadNotificationsCount: null } });
  });

  it('keys on the arguments: another page size is another entry', async () => {
    await read<Feed>(guest, FEED, { limit: 6 }, false);
    await read<Feed>(guest, FEED, { limit: 6 }, true);
  });

  it('caches no failure: a refused page size runs again every time', async () => {
    for (let i = 0; i < 2; i++) {
      const before = cache().misses;
      const res = await guest(FEED, { limit: 500 });
      expect(res.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
      expect(cache().misses).toBe(before + 1);
    }
  });
});

const USER = `query U($h: String!) { user(handle: $h) { id displayName viewerIsSelf viewerFollows followsViewer unreadNotificationsCount } }`;
type User = { user: { displayName: string; viewerIsSelf: boolean; viewerFollows: boolean | null; followsViewer: boolean | null; unreadNotificationsCount: number | null } };

describe('user(handle), cached for everyone', () => {
  it('gives the owner their private count and everyone else null, from one entry', async () => {
    const own = await read<User>(ann, USER, { h: annUser.handle }, false);
    expect(own.user).toMatchObject({ viewerIsSelf: true, unreadNotificationsCount: expect.any(Number) });
    const other = await read<User>(bob, USER, { h: annUser.handle }, true);
    expect(other.user).toMatchObject({ viewerIsSelf: false, viewerFollows: true, unreadNotificationsCount: null });
    const anon = await read<User>(guest, USER, { h: annUser.handle }, true);
    expect(anon.user).toMatchObject({ viewerIsSelf: false, viewerFollows: null, followsViewer: null, unreadNotificationsCount: null });
  });

  it('gives the owner a fresh unread count through a cached profile', async () => {
    const crud = (await ann('mutation { createCrud(message: "notify me") { id } }')).data.createCrud.id;
    await stack.dynamo.streams.idle();
    // createCrud evicted Ann's profile (crudsCount): Ann fills the entry again, then gets a notification.
    const before = (await read<User>(ann, USER, { h: annUser.handle }, false)).user.unreadNotificationsCount!;
    expect((await bob('mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: crud })).errors).toBeUndefined();
    await stack.dynamo.streams.idle();
    const after = await read<User>(ann, USER, { h: annUser.handle }, true);
    expect(after.user.unreadNotificationsCount).toBe(before + 1);
  });

  it('is evicted by the profile edit, which reports apiCacheEntriesDeleted, and reads fresh at once', async () => {
    await read<User>(guest, USER, { h: annUser.handle }, true);
    const res = await ann('mutation { updateProfile(displayName: "Ann Cached") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.extensions).toEqual({ apiCacheEntriesDeleted: 1 });
    const fresh = await read<User>(guest, USER, { h: annUser.handle }, false);
    expect(fresh.user.displayName).toBe('Ann Cached');
  });

  it('adds no extensions when an eviction names no entry', async () => {
    const res = await bob('mutation { updateProfile(displayName: "Bob") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.extensions).toBeUndefined();
  });
});

describe('trendingHashtags, cached for everyone', () => {
  it('answers the second caller from the entry', async () => {
    const q = 'query T($l: Int) { trendingHashtags(limit: $l) { tag count } }';
    const first = await read<{ trendingHashtags: unknown[] }>(bob, q, { l: 3 }, false);
    expect(await read(guest, q, { l: 3 }, true)).toEqual(first);
  });
});
