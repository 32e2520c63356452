/**
 * A built fixture is usable through the API: its accounts sign in with the printed password, and
 * a follower's home feed comes from the builder's rows (pushed feed rows merged with the pulled
 * celebrity's RECENT item), newest first, with expired cruds hidden
 * at once and removed by the TTL sweep (whose REMOVE records the fan-out consumer cleans up after).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type Stack } from '../../local/src/stack.ts';
import { operationFor, signIn, type Operation } from '../api.ts';
import { buildLargeFixture, FIXTURE_PASSWORD, LARGE, userEmail, type BuildSummary } from './index.ts';

// The celebrity (20 followers) is pulled, as the full fixture's is: the feed merges its RECENT item.
const functionVariables = { 'feed-fanout': { FANOUT_PULL_AT: '15', FANOUT_PUSH_AT: '10' } };

const SIZE = { ...LARGE, users: 12, followsPerUser: 4, cruds: 300, celebrityCruds: 6, days: 10, celebrityFollowers: 20, conversations: 30, shortLivedShare: 0.1 };

let stack: Stack;
let summary: BuildSummary;
let op: Operation;

beforeAll(async () => {
  stack = await startStack({ ports: {}, log: 'silent', functionVariables });
  summary = await buildLargeFixture(stack, { size: SIZE, signInUsers: 3 });
  const token = await signIn(stack.cognito.url, stack.cognito.clientId, { email: userEmail('user0001'), password: FIXTURE_PASSWORD });
  op = operationFor(stack.urls.graphql, token);
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const FEED = 'query($n: String) { homeFeed(limit: 50, nextToken: $n) { items { id crud { id createdAt author { handle } } } nextToken } }';
type Feed = { homeFeed: { items: { id: string; crud: { id: string; createdAt: string; author: { handle: string } } }[]; nextToken: string | null } };

async function wholeFeed(): Promise<Feed['homeFeed']['items']> {
  const all: Feed['homeFeed']['items'] = [];
  let next: string | null = null;
  do {
    const page: Feed['homeFeed'] | undefined = (await op<Feed>(FEED, { n: next })).data?.homeFeed;
    expect(page).toBeDefined();
    all.push(...page!.items);
    next = page!.nextToken;
  } while (next);
  return all;
}

it('only the requested accounts get Cognito users; the others cannot sign in', async () => {
  expect(summary.cognitoUsers).toBe(3);
  await expect(signIn(stack.cognito.url, stack.cognito.clientId, { email: userEmail('user0005'), password: FIXTURE_PASSWORD })).rejects.toThrow();
});

it("a follower's feed is newest first, live cruds only, the pulled celebrity's included", async () => {
  const me = summary.plan.users.findIndex((u) => u.handle === 'user0001');
  const followed = new Set(summary.plan.follows.filter((f) => f.follower === me).map((f) => f.followee));
  const now = Date.now();
  const expected = summary.plan.cruds
    .filter((c) => c.replyTo === undefined && (followed.has(c.author) || c.author === me) && c.expiresAt > now)
    .map((c) => c.message);
  const expired = summary.plan.cruds.filter((c) => c.replyTo === undefined && (followed.has(c.author) || c.author === me) && c.expiresAt <= now);
  expect(expired.length).toBeGreaterThan(0);
  const feed = await wholeFeed();
  const originals = feed.filter((i) => i.id === i.crud.id);
  expect(originals.length).toBe(expected.length);
  const times = feed.map((i) => i.id);
  expect([...times].sort().reverse()).toEqual(times);
  expect(originals.some((i) => i.crud.author.handle === 'celebrity')).toBe(true);
});

it('the imported index rows serve the GSI reads: userCruds, publicFeed, searchUsers, conversations', async () => {
  const now = Date.now();
  const mine = summary.plan.cruds.filter((c) => c.author === 1 && c.replyTo === undefined && c.expiresAt > now).length;
  const cruds: string[] = [];
  let next: string | null = null;
  do {
    const page: { items: { id: string }[]; nextToken: string | null } = (await op<{ userCruds: { items: { id: string }[]; nextToken: string | null } }>('query($n: String) { userCruds(handle: "user0001", limit: 50, nextToken: $n) { items { id } nextToken } }', { n: next })).data!.userCruds;
    cruds.push(...page.items.map((i) => i.id));
    next = page.nextToken;
  } while (next);
  expect(cruds.length).toBe(mine);
  const pub = await op<{ publicFeed: { items: { id: string }[] } }>('{ publicFeed(limit: 10) { items { id } } }');
  expect(pub.data!.publicFeed.items.length).toBe(10);
  const found = await op<{ searchUsers: { handle: string }[] }>('{ searchUsers(prefix: "user000", limit: 20) { handle } }');
  expect(found.data!.searchUsers.map((u) => u.handle).sort()).toEqual(['user0001', 'user0002', 'user0003', 'user0004', 'user0005', 'user0006', 'user0007', 'user0008', 'user0009']);
  const talks = summary.plan.conversations.filter((c) => c.a === 1 || c.b === 1).length;
  expect(talks).toBeGreaterThan(0);
  const inbox = await op<{ conversations: { items: unknown[] } }>('{ conversations(limit: 20) { items { id } } }');
  expect(inbox.errors).toBeUndefined();
  expect(inbox.data!.conversations.items.length).toBe(talks);
});

it('the TTL sweep removes expired cruds and the consumer clears their feed rows', async () => {
  const before = summary.plan.cruds.filter((c) => c.expiresAt <= Date.now()).length;
  expect(await stack.dynamo.ttl.sweepNow()).toBeGreaterThanOrEqual(before);
  await stack.dynamo.streams.idle();
  const res = await op<{ me: { crudsCount: number } }>('{ me { crudsCount } }');
  const me = summary.plan.users.findIndex((u) => u.handle === 'user0001');
  const live = summary.plan.cruds.filter((c) => c.author === me && c.replyTo === undefined && c.expiresAt > Date.now()).length;
  expect(res.data!.me.crudsCount).toBe(live);
}, 300_000);
