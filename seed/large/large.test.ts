/**
 * The bulk builder writes the table the product would have: a small plan played through the
 * public API (Cognito sign-up, GraphQL mutations, stream consumers) and the same plan built by
 * the builder give the same items, ids and times aside. That fixture accounts sign in and the
 * builder's rows serve the API's reads (large.sign-in.test.ts: the authorizer is configured
 * once per process, for one user pool).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../local/src/stack.ts';
import { buildLargeFixture, makePlan, type FixtureSize } from './index.ts';
import { normalizeItems, scanTable } from './testing/normalize-table.ts';
import { playThroughApi } from './testing/play-through-api.ts';

const SMALL: FixtureSize = {
  users: 5,
  followsPerUser: 2,
  cruds: 14,
  celebrityCruds: 2,
  days: 0.0005,
  celebrityFollowers: 6,
  conversations: 2,
  messagesPerConversation: 3,
  replyShare: 0.3,
  likesPerCrud: 1,
  repostShare: 0.4,
  // The API cannot create an expired crud; expiry is covered by the large-size checks below.
  shortLivedShare: 0,
  mentionShare: 0.4,
  seed: 7,
};

// Thresholds low enough that the small plan's celebrity (6 followers) is pulled, as the large
// fixture's (10,000) is with the deployed ones: both fan-out paths are compared.
const functionVariables = { 'feed-fanout': { FANOUT_PULL_AT: '5', FANOUT_PUSH_AT: '4' } };

const stacks: Stack[] = [];
afterAll(async () => {
  for (const s of stacks) await s.close();
});

describe('large fixture builder', () => {
  const plan = makePlan(SMALL);
  let viaApi: string[];
  let viaBuilder: string[];
  let built: Stack;

  beforeAll(async () => {
    const api = await startStack({ ports: {}, log: 'silent', functionVariables });
    stacks.push(api);
    await playThroughApi(api, plan);
    viaApi = normalizeItems(await scanTable(api.dynamo.client, api.dynamo.tableName));

    built = await startStack({ ports: {}, log: 'silent', functionVariables });
    stacks.push(built);
    const summary = await buildLargeFixture(built, { plan, size: SMALL });
    expect(summary.built).toBe(true);
    viaBuilder = normalizeItems(await scanTable(built.dynamo.client, built.dynamo.tableName));
  }, 600_000);

  it('the plan exercises every kind of row', () => {
    const kinds = new Set(viaApi.map((i) => JSON.parse(i).type ?? JSON.parse(i).sk));
    for (const k of ['PROFILE', 'HANDLE', 'FOLLOWS', 'FOLLOWER', 'CRUD', 'FEED', 'LIKE', 'REPOST', 'NOTIF', 'TAGGED', 'TREND', 'MARKER', 'MSG', 'MEMBER', 'CONV', 'PULL', 'RECENT', 'NAMEWORD']) expect(kinds).toContain(k);
    expect(plan.cruds.some((c) => c.replyTo !== undefined)).toBe(true);
  });

  it('gives the same items as the public API path', () => {
    const missing = viaApi.filter((i) => !viaBuilder.includes(i));
    const extra = viaBuilder.filter((i) => !viaApi.includes(i));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    expect(viaBuilder).toEqual(viaApi);
  });

  it('does not build twice into the same table', async () => {
    const again = await buildLargeFixture(built, { size: SMALL });
    expect(again.built).toBe(false);
  });
});
