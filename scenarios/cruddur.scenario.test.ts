/**
 * Cruddur end to end on the whole offline stack (HTTP + WebSocket, real Cognito tokens, the real
 * authorizer, resolvers, stream consumers and publisher): two or three signed-in users post,
 * follow, like, reply, message and get everything live; every rule has its negative case.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { operationFor, signIn, type Operation } from '../seed/api.ts';
import { RealtimeClient } from './testing/subscriber.ts';

let stack: Stack;
interface Person {
  id: string;
  handle: string;
  token: string;
  op: Operation;
  rt: RealtimeClient;
}
const people: Record<string, Person> = {};
let guestOp: Operation;
const clients: RealtimeClient[] = [];

const idle = () => stack.dynamo.streams.idle();

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  for (const handle of ['andrewbrown', 'bayko', 'londo']) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    const token = await signIn(stack.cognito.url, stack.cognito.clientId, u);
    const op = operationFor(stack.urls.graphql, token);
    const me = await op<{ me: { id: string } }>('{ me { id } }');
    const rt = await RealtimeClient.connect(stack.urls.graphql, token);
    clients.push(rt);
    people[handle] = { id: me.data!.me.id, handle, token, op, rt };
  }
  guestOp = operationFor(stack.urls.graphql, 'guest');
}, 120_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await stack?.close();
});

const A = () => people.andrewbrown;
const B = () => people.bayko;
const L = () => people.londo;

async function ok<T = any>(op: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await op<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const CRUD = 'id message likesCount repliesCount repostsCount hashtags mentions viewerHasLiked author { handle }';
const FEED_SUB = `subscription F($r: ID!) { onFeedItem(recipientId: $r) { id recipientId reason crud { id message author { handle } } repostedBy { handle } } }`;
const NOTIF_SUB = `subscription N($r: ID!) { onNotification(recipientId: $r) { id type recipientId actor { handle } crud { id } read } }`;
const MSG_SUB = `subscription M($c: ID!) { onMessage(conversationId: $c) { id conversationId body sender { handle } recipientId } }`;
const INBOX_SUB = `subscription I($r: ID!) { onInboxMessage(recipientId: $r) { id conversationId body } }`;
const CHANGED_SUB = `subscription C($id: ID!) { onCrudChanged(id: $id) { id likesCount repliesCount repostsCount deleted } }`;
const HOME = `query { homeFeed(limit: 50) { items { id reason crud { id message } repostedBy { handle } } nextToken } }`;

describe('feed fan-out', () => {
  it('delivers a followed user’s new crud live and into the home feed; not to non-followers', async () => {
    await ok(B().op, 'mutation { follow(handle: "andrewbrown") { handle followersCount viewerFollows } }');
    await idle();
    const bFeed = await B().rt.subscribe(FEED_SUB, { r: B().id });
    const aFeed = await A().rt.subscribe(FEED_SUB, { r: A().id });
    const lFeed = await L().rt.subscribe(FEED_SUB, { r: L().id });
    const { createCrud } = await ok(A().op, `mutation { createCrud(message: "Live from the feed #scenario", expiresIn: ONE_DAY) { ${CRUD} } }`);
    expect(createCrud).toMatchObject({ likesCount: 0, hashtags: ['scenario'], viewerHasLiked: false, author: { handle: 'andrewbrown' } });

    const toB = await bFeed.next();
    expect(toB).toMatchObject({ recipientId: B().id, reason: 'FOLLOWING', crud: { id: createCrud.id, message: 'Live from the feed #scenario', author: { handle: 'andrewbrown' } } });
    expect(await aFeed.next()).toMatchObject({ recipientId: A().id, reason: 'OWN', crud: { id: createCrud.id } });
    await idle();
    expect(lFeed.events).toHaveLength(0);

    const bHome = await ok(B().op, HOME);
    expect(bHome.homeFeed.items.map((i: any) => i.crud.id)).toContain(createCrud.id);
    const lHome = await ok(L().op, HOME);
    expect(lHome.homeFeed.items.map((i: any) => i.crud.id)).not.toContain(createCrud.id);
  });

  it('back-fills on follow and removes on unfollow', async () => {
    const { createCrud } = await ok(B().op, 'mutation { createCrud(message: "bayko before londo follows") { id } }');
    await idle();
    expect((await ok(L().op, HOME)).homeFeed.items.map((i: any) => i.crud.id)).not.toContain(createCrud.id);
    await ok(L().op, 'mutation { follow(handle: "BAYKO") { handle } }');
    await idle();
    expect((await ok(L().op, HOME)).homeFeed.items.map((i: any) => i.crud.id)).toContain(createCrud.id);
    await ok(L().op, 'mutation { unfollow(handle: "bayko") { handle } }');
    await idle();
    expect((await ok(L().op, HOME)).homeFeed.items.map((i: any) => i.crud.id)).not.toContain(createCrud.id);
  });

  it('puts reposts into the reposter’s followers’ feeds with reason REPOST', async () => {
    const { createCrud } = await ok(L().op, 'mutation { createCrud(message: "londo says something repostable") { id } }');
    await ok(A().op, 'mutation { follow(handle: "bayko") { id } }');
    await idle();
    const aFeed = await A().rt.subscribe(FEED_SUB, { r: A().id });
    const { repostCrud } = await ok(B().op, `mutation R($id: ID!) { repostCrud(id: $id) { repostsCount viewerHasReposted } }`, { id: createCrud.id });
    expect(repostCrud).toEqual({ repostsCount: 1, viewerHasReposted: true });
    await ok(B().op, `mutation R($id: ID!) { repostCrud(id: $id) { repostsCount } }`, { id: createCrud.id });
    const event = await aFeed.next();
    expect(event).toMatchObject({ reason: 'REPOST', repostedBy: { handle: 'bayko' }, crud: { id: createCrud.id } });
    const c = await ok(guestOp, `query Q($id: ID!) { crud(id: $id) { repostsCount viewerHasReposted } }`, { id: createCrud.id });
    expect(c.crud).toEqual({ repostsCount: 1, viewerHasReposted: null });
  });
});

describe('likes, replies, mentions and notifications', () => {
  it('notifies the author live, once, and keeps counters exact under repeats', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "like me") { id } }');
    await idle();
    const aNotes = await A().rt.subscribe(NOTIF_SUB, { r: A().id });
    const guestRt = await RealtimeClient.connect(stack.urls.graphql, 'guest');
    clients.push(guestRt);
    const changes = await guestRt.subscribe(CHANGED_SUB, { id: createCrud.id });
    const like = `mutation L($id: ID!) { likeCrud(id: $id) { likesCount viewerHasLiked } }`;
    expect((await ok(B().op, like, { id: createCrud.id })).likeCrud).toEqual({ likesCount: 1, viewerHasLiked: true });
    expect((await ok(B().op, like, { id: createCrud.id })).likeCrud).toEqual({ likesCount: 1, viewerHasLiked: true });
    const listed = await ok(B().op, '{ publicFeed(limit: 50) { items { id viewerHasLiked viewerHasReposted author { handle } } } }');
    expect(listed.publicFeed.items.find((c: any) => c.id === createCrud.id)).toEqual({ id: createCrud.id, viewerHasLiked: true, viewerHasReposted: false, author: { handle: 'andrewbrown' } });
    const note = await aNotes.next();
    expect(note).toMatchObject({ type: 'LIKE', recipientId: A().id, actor: { handle: 'bayko' }, crud: { id: createCrud.id }, read: false });
    expect(await changes.next()).toEqual({ id: createCrud.id, likesCount: 1, repliesCount: 0, repostsCount: 0, deleted: false });
    await idle();
    expect(aNotes.events).toHaveLength(0);
    const me = await ok(A().op, '{ me { unreadNotificationsCount } notifications(limit: 5) { items { type read actor { handle } } } }');
    expect(me.me.unreadNotificationsCount).toBeGreaterThanOrEqual(1);
    expect(me.notifications.items[0]).toEqual({ type: 'LIKE', read: false, actor: { handle: 'bayko' } });
    await ok(A().op, 'mutation { markNotificationsRead }');
    const after = await ok(A().op, '{ me { unreadNotificationsCount } notifications(limit: 5) { items { read } } }');
    expect(after.me.unreadNotificationsCount).toBe(0);
    expect(after.notifications.items.every((n: any) => n.read)).toBe(true);

    const unlike = `mutation U($id: ID!) { unlikeCrud(id: $id) { likesCount viewerHasLiked } }`;
    expect((await ok(B().op, unlike, { id: createCrud.id })).unlikeCrud).toEqual({ likesCount: 0, viewerHasLiked: false });
    expect((await ok(B().op, unlike, { id: createCrud.id })).unlikeCrud).toEqual({ likesCount: 0, viewerHasLiked: false });
  });

  it('counts replies, lists them oldest first, and notifies the author (REPLY) and mentioned users (MENTION)', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "what do you think?") { id } }');
    await idle();
    const lNotes = await L().rt.subscribe(NOTIF_SUB, { r: L().id });
    const r1 = await ok(B().op, `mutation Y($id: ID!) { replyToCrud(crudId: $id, message: "first, cc @londo") { id replyTo { id } } }`, { id: createCrud.id });
    expect(r1.replyToCrud.replyTo.id).toBe(createCrud.id);
    await ok(L().op, `mutation Y($id: ID!) { replyToCrud(crudId: $id, message: "second") { id } }`, { id: createCrud.id });
    expect(await lNotes.next()).toMatchObject({ type: 'MENTION', actor: { handle: 'bayko' }, crud: { id: r1.replyToCrud.id } });
    await idle();
    const q = await ok(guestOp, `query Q($id: ID!) { crud(id: $id) { repliesCount } replies(crudId: $id) { items { message author { handle } } } }`, { id: createCrud.id });
    expect(q.crud.repliesCount).toBe(2);
    expect(q.replies.items.map((r: any) => r.message)).toEqual(['first, cc @londo', 'second']);
    const notes = await ok(A().op, '{ notifications(limit: 10) { items { type actor { handle } } } }');
    expect(notes.notifications.items.filter((n: any) => n.type === 'REPLY').map((n: any) => n.actor.handle).sort()).toEqual(['bayko', 'londo']);
    // Replies stay out of profile and public feeds (the original mixed them in).
    const pub = await ok(guestOp, '{ publicFeed(limit: 50) { items { id } } }');
    expect(pub.publicFeed.items.map((c: any) => c.id)).not.toContain(r1.replyToCrud.id);
  });

  it('ranks trending hashtags and lists a tag’s cruds', async () => {
    for (const m of ['#zeta one', '#zeta two #Yota', '#ZETA three']) await ok(L().op, `mutation M($m: String!) { createCrud(message: $m) { id } }`, { m });
    await idle();
    const t = await ok(guestOp, '{ trendingHashtags(limit: 2) { tag count } hashtagCruds(tag: "#Zeta") { items { message } } }');
    expect(t.trendingHashtags[0]).toEqual({ tag: 'zeta', count: 3 });
    expect(t.hashtagCruds.items.map((c: any) => c.message)).toEqual(['#ZETA three', '#zeta two #Yota', '#zeta one']);
  });
});

describe('direct messages', () => {
  it('delivers live only to members, reuses one conversation per pair, counts unread', async () => {
    const aMsgs = await A().rt.subscribe(INBOX_SUB, { r: A().id });
    const first = await ok(B().op, 'mutation { sendMessage(toHandle: "AndrewBrown", body: "hello andrew") { id conversationId sender { handle } } }');
    const conv = first.sendMessage.conversationId;
    expect(await aMsgs.next()).toMatchObject({ conversationId: conv, body: 'hello andrew' });

    const aConv = await A().rt.subscribe(MSG_SUB, { c: conv });
    const bConv = await B().rt.subscribe(MSG_SUB, { c: conv });
    await expect(L().rt.subscribe(MSG_SUB, { c: conv })).rejects.toThrow(/Unauthorized/);

    const again = await ok(A().op, 'mutation { sendMessage(toHandle: "bayko", body: "hi bayko") { conversationId } }');
    expect(again.sendMessage.conversationId).toBe(conv);
    expect(await aConv.next()).toMatchObject({ body: 'hi bayko', sender: { handle: 'andrewbrown' }, recipientId: A().id });
    expect(await bConv.next()).toMatchObject({ body: 'hi bayko', recipientId: B().id });
    await idle();
    expect(aConv.events).toHaveLength(0);

    const lRead = await L().op('query Q($c: ID!) { messages(conversationId: $c) { items { body } } }', { c: conv });
    expect(lRead.errors?.[0]?.errorType).toBe('Unauthorized');
    const lSend = await L().op('mutation S($c: ID!) { sendMessage(conversationId: $c, body: "let me in") { id } }', { c: conv });
    expect(lSend.errors?.[0]?.errorType).toBe('Unauthorized');
    expect((await ok(L().op, 'query Q($c: ID!) { conversation(id: $c) { id } }', { c: conv })).conversation).toBeNull();

    const inbox = await ok(B().op, '{ conversations { items { id unreadCount peer { handle } lastMessage { body } members { handle } } } }');
    expect(inbox.conversations.items[0]).toMatchObject({ id: conv, unreadCount: 1, peer: { handle: 'andrewbrown' }, lastMessage: { body: 'hi bayko' } });
    expect(inbox.conversations.items[0].members.map((m: any) => m.handle).sort()).toEqual(['andrewbrown', 'bayko']);
    const read = await ok(B().op, 'mutation R($c: ID!) { markConversationRead(conversationId: $c) { unreadCount } }', { c: conv });
    expect(read.markConversationRead.unreadCount).toBe(0);

    const page1 = await ok(A().op, 'query Q($c: ID!) { messages(conversationId: $c, limit: 1) { items { body } nextToken } }', { c: conv });
    expect(page1.messages.items.map((m: any) => m.body)).toEqual(['hi bayko']);
    const page2 = await ok(A().op, 'query Q($c: ID!, $t: String) { messages(conversationId: $c, limit: 1, nextToken: $t) { items { body } } }', { c: conv, t: page1.messages.nextToken });
    expect(page2.messages.items.map((m: any) => m.body)).toEqual(['hello andrew']);
    const oldest = await ok(A().op, 'query Q($c: ID!) { messages(conversationId: $c, order: OLDEST_FIRST) { items { body } } }', { c: conv });
    expect(oldest.messages.items.map((m: any) => m.body)).toEqual(['hello andrew', 'hi bayko']);
  });

  it('rejects bad messages with ValidationError and writes nothing', async () => {
    for (const [vars, field] of [
      [{ to: 'bayko', b: '   ' }, 'blank'],
      [{ to: 'bayko', b: 'x'.repeat(1025) }, 'too long'],
      [{ to: 'andrewbrown', b: 'me to me' }, 'self'],
    ] as const) {
      const res = await A().op('mutation S($to: String, $b: String!) { sendMessage(toHandle: $to, body: $b) { id } }', vars);
      expect(res.errors?.[0]?.errorType, field).toBe('ValidationError');
    }
  });
});

describe('expiry', () => {
  it('hides an expired crud from every read at once, and TTL clean-up fixes counters and feeds', async () => {
    const before = await ok(A().op, '{ me { crudsCount } }');
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "ephemeral #gone", expiresIn: ONE_HOUR) { id } }');
    await idle();
    expect((await ok(A().op, '{ me { crudsCount } }')).me.crudsCount).toBe(before.me.crudsCount + 1);
    // Time passes: the crud's expiresAt moves into the past (TTL has not run yet).
    await stack.dynamo.client.send(
      new UpdateItemCommand({
        TableName: stack.dynamo.tableName,
        Key: { pk: { S: `CRUD#${createCrud.id}` }, sk: { S: 'CRUD' } },
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': { N: String(Math.floor(Date.now() / 1000) - 1) } },
      }),
    );
    const reads = await ok(B().op, `query Q($id: ID!) { crud(id: $id) { id } homeFeed(limit: 50) { items { crud { id } } } publicFeed(limit: 50) { items { id } } userCruds(handle: "andrewbrown", limit: 50) { items { id } } hashtagCruds(tag: "gone") { items { id } } }`, { id: createCrud.id });
    expect(reads.crud).toBeNull();
    expect(reads.homeFeed.items.map((i: any) => i.crud.id)).not.toContain(createCrud.id);
    expect(reads.publicFeed.items.map((c: any) => c.id)).not.toContain(createCrud.id);
    expect(reads.userCruds.items.map((c: any) => c.id)).not.toContain(createCrud.id);
    expect(reads.hashtagCruds.items).toEqual([]);
    const like = await B().op('mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: createCrud.id });
    expect(like.errors?.[0]?.errorType).toBe('NotFound');

    await stack.dynamo.ttl.sweepNow();
    await idle();
    expect((await ok(A().op, '{ me { crudsCount } }')).me.crudsCount).toBe(before.me.crudsCount);
  });
});

describe('authorization', () => {
  it('lets guests read public data and nothing else', async () => {
    const pub = await guestOp('{ publicFeed(limit: 1) { items { id author { handle } viewerHasLiked } } user(handle: "bayko") { handle viewerFollows viewerIsSelf } }');
    expect(pub.errors).toBeUndefined();
    expect(pub.data.user).toEqual({ handle: 'bayko', viewerFollows: null, viewerIsSelf: false });
    for (const q of ['{ me { id } }', '{ homeFeed { items { id } } }', '{ notifications { items { id } } }', '{ conversations { items { id } } }', 'mutation { createCrud(message: "guest post") { id } }', 'mutation { follow(handle: "bayko") { id } }']) {
      const res = await guestOp(q);
      expect(res.errors?.[0]?.errorType, q).toBe('Unauthorized');
    }
    const guestRt = await RealtimeClient.connect(stack.urls.graphql, 'guest');
    clients.push(guestRt);
    await expect(guestRt.subscribe(FEED_SUB, { r: A().id })).rejects.toThrow(/Unauthorized/);
  });

  it('refuses a subscription to someone else’s feed or notifications', async () => {
    await expect(L().rt.subscribe(FEED_SUB, { r: A().id })).rejects.toThrow(/Unauthorized/);
    await expect(L().rt.subscribe(NOTIF_SUB, { r: A().id })).rejects.toThrow(/Unauthorized/);
    await expect(L().rt.subscribe(INBOX_SUB, { r: A().id })).rejects.toThrow(/Unauthorized/);
  });

  it('keeps the publish mutations IAM-only', async () => {
    const res = await L().op(
      'mutation P($i: PublishFeedItemInput!) { publishFeedItem(input: $i) { id } }',
      { i: { id: 'x', recipientId: A().id, crudId: 'x', reason: 'OWN', createdAt: '2026-01-01T00:00:00Z' } },
    );
    expect(res.errors?.[0]?.errorType).toBe('Unauthorized');
  });

  it('lets only the author delete a crud, and cleans up behind a delete', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "delete me") { id } }');
    await ok(B().op, 'mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: createCrud.id });
    const denied = await B().op('mutation D($id: ID!) { deleteCrud(id: $id) }', { id: createCrud.id });
    expect(denied.errors?.[0]?.errorType).toBe('Unauthorized');
    const before = (await ok(A().op, '{ me { crudsCount } }')).me.crudsCount;
    expect((await ok(A().op, 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: createCrud.id })).deleteCrud).toBe(createCrud.id);
    await idle();
    expect((await ok(A().op, '{ me { crudsCount } }')).me.crudsCount).toBe(before - 1);
    expect((await ok(B().op, HOME)).homeFeed.items.map((i: any) => i.crud.id)).not.toContain(createCrud.id);
  });
});
