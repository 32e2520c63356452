/** The demo data, seeded through the API of a whole offline stack (Insights included), and seeded only once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { createSeedApi, type SeedApi } from './api.ts';
import { seedDemoData } from './demo-data.ts';
import { demoDialogue } from './dialogue.ts';

let stack: Stack;
let api: SeedApi;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  api = createSeedApi({ graphqlUrl: stack.urls.graphql, cognitoUrl: stack.cognito.url, clientId: stack.cognito.clientId, users: demoUsers });
}, 120_000);
afterAll(() => stack?.close());

describe('seedDemoData', () => {
  it('seeds follows, cruds, likes, replies and the andrewbrown–bayko conversation, once', async () => {
    const summary = await seedDemoData(api);
    expect(summary).toEqual({ skipped: false, cruds: 5, follows: 6, likes: 6, replies: 3, messages: demoDialogue.length });
    await stack.dynamo.streams.idle();

    const bayko = api.asUser('bayko');
    const home = await bayko('{ homeFeed(limit: 50) { items { reason crud { message author { handle } } } } }');
    expect(home.errors).toBeUndefined();
    expect(home.data.homeFeed.items.map((i: any) => i.crud.message)).toContain('This was imported as seed data! Welcome to #cruddur, the #serverless micro-blog.');

    const andrew = api.asUser('andrewbrown');
    const me = await andrew('{ me { followersCount followingCount crudsCount unreadNotificationsCount } conversations { items { unreadCount peer { handle } lastMessage { body } } } }');
    expect(me.data.me).toMatchObject({ followersCount: 3, followingCount: 2, crudsCount: 2 });
    expect(me.data.me.unreadNotificationsCount).toBeGreaterThan(0);
    expect(me.data.conversations.items).toEqual([{ unreadCount: 1, peer: { handle: 'bayko' }, lastMessage: { body: demoDialogue.at(-1)!.body } }]);

    const trending = await andrew('{ trendingHashtags(limit: 1) { tag count } }');
    expect(trending.data.trendingHashtags).toEqual([{ tag: 'cloud', count: 4 }]);

    // Insights come from the same activity, through the stream into Postgres (decision 023).
    const insights = await andrew('{ myInsights(days: 7) { totals { cruds likes reposts replies newFollowers unfollows } topCruds { crudId } } }');
    expect(insights.errors).toBeUndefined();
    expect(insights.data.myInsights.totals).toEqual({ cruds: 2, likes: 3, reposts: 1, replies: 2, newFollowers: 3, unfollows: 0 });
    expect(insights.data.myInsights.topCruds).toHaveLength(3);

    expect((await seedDemoData(api)).skipped).toBe(true);
  });
});
