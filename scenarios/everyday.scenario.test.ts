/**
 * The everyday reads of a social app on the whole offline stack (real tokens, authorizer,
 * resolvers and stream consumers): people by name, follow lists, a profile's replies, one's own
 * likes, the unread-conversations badge, and a reply's chosen expiry. Every rule has its negative case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { operationFor, signIn, type Operation } from '../seed/api.ts';

let stack: Stack;
const op: Record<string, Operation> = {};
const ids: Record<string, string> = {};
let guest: Operation;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  for (const handle of ['andrewbrown', 'bayko', 'londo']) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    op[handle] = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
    ids[handle] = (await ok(op[handle], '{ me { id } }')).me.id;
  }
  guest = operationFor(stack.urls.graphql, 'guest');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const idle = () => stack.dynamo.streams.idle();

async function ok<T = any>(o: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await o<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const SEARCH = 'query S($p: String!) { searchUsers(prefix: $p, limit: 10) { handle displayName } }';
const handles = async (o: Operation, p: string) => (await ok(o, SEARCH, { p })).searchUsers.map((u: { handle: string }) => u.handle);

describe('searchUsers by display name as well as handle', () => {
  it('finds people by the start of their name, case-insensitively, handle matches first, each once', async () => {
    expect(await handles(guest, 'londo m')).toEqual(['londo']);
    expect(await handles(guest, 'LONDO')).toEqual(['londo']);
    // "andrew" is the start of two handles' names and of andrewbrown's handle: the handle match leads.
    const andrews = await handles(guest, 'andrew');
    expect(andrews[0]).toBe('andrewbrown');
    expect([...andrews].sort()).toEqual(['altbrown', 'andrewbrown', 'bayko']);
    expect(await handles(guest, 'andrew bay')).toEqual(['bayko']);
  });

  it('a leading "@" searches handles only; a blank prefix is a ValidationError', async () => {
    expect(await handles(guest, '@andrew')).toEqual(['andrewbrown']);
    const blank = await guest(SEARCH, { p: ' @ ' });
    expect(blank.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
  });

  it('a rename moves the name key: the new name is found, the old one no longer is', async () => {
    await ok(op.londo, 'mutation { updateProfile(displayName: "Ambassador Mollari") { displayName } }');
    expect(await handles(guest, 'ambassador')).toEqual(['londo']);
    expect(await handles(guest, 'lond')).toEqual(['londo']); // still found by handle
    expect(await handles(guest, 'mollari')).toEqual(['londo']); // any word of the name (docs/data-model.md)
    await ok(op.londo, 'mutation { updateProfile(displayName: "Londo Mollari") { displayName } }');
    expect(await handles(guest, 'ambassador')).toEqual([]);
    expect(await handles(guest, 'mollari')).toEqual(['londo']);
  });
});

describe('followers and following', () => {
  const LIST = `query F($h: String!, $t: String) {
    followers(handle: $h, limit: 1, nextToken: $t) { items { handle } nextToken }
  }`;
  it('lists who follows a user and whom they follow, paginated, readable by guests', async () => {
    await ok(op.bayko, 'mutation { follow(handle: "londo") { id } }');
    await ok(op.andrewbrown, 'mutation { follow(handle: "londo") { id } }');
    const first = (await ok(guest, LIST, { h: 'LONDO' })).followers;
    expect(first.items).toHaveLength(1);
    expect(first.nextToken).toBeTruthy();
    const second = (await ok(guest, LIST, { h: 'londo', t: first.nextToken })).followers;
    expect([...first.items, ...second.items].map((u: { handle: string }) => u.handle).sort()).toEqual(['andrewbrown', 'bayko']);
    const following = await ok(guest, '{ following(handle: "bayko") { items { handle } } }');
    expect(following.following.items.map((u: { handle: string }) => u.handle)).toContain('londo');
  });

  it('drops an unfollow at once, and an unknown handle has empty lists', async () => {
    await ok(op.bayko, 'mutation { unfollow(handle: "londo") { id } }');
    const after = await ok(guest, '{ followers(handle: "londo") { items { handle } nextToken } }');
    expect(after.followers.items.map((u: { handle: string }) => u.handle)).toEqual(['andrewbrown']);
    expect(await ok(guest, '{ followers(handle: "nobody_here") { items { id } nextToken } }')).toEqual({ followers: { items: [], nextToken: null } });
  });
});

describe('a profile’s replies and the caller’s likes', () => {
  it('userReplies lists a user’s live replies newest first, with what they answer; not their top-level cruds', async () => {
    const parent = (await ok(op.andrewbrown, 'mutation { createCrud(message: "Parent for replies", expiresIn: ONE_DAY) { id } }')).createCrud;
    const r1 = (await ok(op.bayko, `mutation { replyToCrud(crudId: "${parent.id}", message: "First reply") { id } }`)).replyToCrud;
    const r2 = (await ok(op.bayko, `mutation { replyToCrud(crudId: "${parent.id}", message: "Second reply") { id } }`)).replyToCrud;
    const page = await ok(guest, '{ userReplies(handle: "bayko") { items { id replyTo { id author { handle } } } } }');
    expect(page.userReplies.items.map((c: { id: string }) => c.id).slice(0, 2)).toEqual([r2.id, r1.id]);
    expect(page.userReplies.items[0].replyTo).toEqual({ id: parent.id, author: { handle: 'andrewbrown' } });
    const mine = await ok(guest, '{ userReplies(handle: "andrewbrown") { items { id } } }');
    expect(mine.userReplies.items.map((c: { id: string }) => c.id)).not.toContain(parent.id);
  });

  it('likedCruds lists the caller’s likes, most recent first; an unlike removes it; guests are refused', async () => {
    const a = (await ok(op.andrewbrown, 'mutation { createCrud(message: "Like me first") { id } }')).createCrud;
    const b = (await ok(op.andrewbrown, 'mutation { createCrud(message: "Like me second") { id } }')).createCrud;
    await ok(op.londo, `mutation { likeCrud(id: "${a.id}") { id } }`);
    await ok(op.londo, `mutation { likeCrud(id: "${b.id}") { id } }`);
    const LIKED = '{ likedCruds(limit: 10) { items { id viewerHasLiked } } }';
    const liked = (await ok(op.londo, LIKED)).likedCruds.items;
    expect(liked.slice(0, 2)).toEqual([{ id: b.id, viewerHasLiked: true }, { id: a.id, viewerHasLiked: true }]);
    expect((await ok(op.bayko, LIKED)).likedCruds.items.map((c: { id: string }) => c.id)).not.toContain(a.id);
    await ok(op.londo, `mutation { unlikeCrud(id: "${b.id}") { id } }`);
    expect((await ok(op.londo, LIKED)).likedCruds.items.map((c: { id: string }) => c.id)).not.toContain(b.id);
    const refused = await guest(LIKED);
    expect(refused.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('unreadConversationsCount', () => {
  const COUNT = '{ me { unreadConversationsCount } }';
  it('counts conversations with messages from others until read; private to its owner', async () => {
    const before = (await ok(op.andrewbrown, COUNT)).me.unreadConversationsCount;
    const sent = (await ok(op.londo, 'mutation { sendMessage(toHandle: "andrewbrown", body: "Hello there") { conversationId } }')).sendMessage;
    await ok(op.londo, 'mutation { sendMessage(toHandle: "andrewbrown", body: "Twice, one conversation") { id } }');
    await idle();
    expect((await ok(op.andrewbrown, COUNT)).me.unreadConversationsCount).toBe(before + 1);
    // The sender has nothing unread from this; another viewer of the profile gets null.
    expect((await ok(op.londo, COUNT)).me.unreadConversationsCount).toBe(0);
    expect((await ok(op.londo, '{ user(handle: "andrewbrown") { unreadConversationsCount } }')).user.unreadConversationsCount).toBeNull();
    await ok(op.andrewbrown, `mutation { markConversationRead(conversationId: "${sent.conversationId}") { id } }`);
    expect((await ok(op.andrewbrown, COUNT)).me.unreadConversationsCount).toBe(before);
  });
});

describe('replies choose their expiry', () => {
  const HOUR = 3600;
  const expiresIn = async (message: string, parentExpiry: string, replyExpiry?: string) => {
    const parent = (await ok(op.andrewbrown, `mutation { createCrud(message: "${message}", expiresIn: ${parentExpiry}) { id expiresAt } }`)).createCrud;
    const arg = replyExpiry ? `, expiresIn: ${replyExpiry}` : '';
    const reply = (await ok(op.bayko, `mutation { replyToCrud(crudId: "${parent.id}", message: "re"${arg}) { expiresAt } }`)).replyToCrud;
    return { reply: (Date.parse(reply.expiresAt) - Date.now()) / 1000, parent: Date.parse(parent.expiresAt) };
  };
  it('a shorter expiry is kept; a longer one is capped at the parent’s; none means the parent’s', async () => {
    const short = await expiresIn('Lives a week', 'SEVEN_DAYS', 'ONE_HOUR');
    expect(short.reply).toBeGreaterThan(HOUR - 60);
    expect(short.reply).toBeLessThanOrEqual(HOUR + 1);
    const capped = await expiresIn('Lives a day', 'ONE_DAY', 'THIRTY_DAYS');
    expect(capped.reply).toBeLessThanOrEqual(24 * HOUR + 1);
    expect(capped.reply).toBeGreaterThan(24 * HOUR - 60);
    const inherited = await expiresIn('Lives three hours', 'THREE_HOURS');
    expect(inherited.reply).toBeLessThanOrEqual(3 * HOUR + 1);
    expect(inherited.reply).toBeGreaterThan(3 * HOUR - 60);
  });
});
