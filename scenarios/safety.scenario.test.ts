/**
 * Block, mute and bookmarks end to end on the whole offline stack (real Cognito tokens, the
 * authorizer, resolvers and the stream consumers): every rule a block or a mute sets has its
 * negative case, enforced by the server and not only hidden by the web app.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLResult, Operation } from '../seed/api.ts';
import { castForSuite, ok, type Cast } from './testing/people.ts';

const suite = castForSuite(['andrewbrown', 'bayko', 'londo']);
const cast = (): Cast => suite.current;
const guestOp: Operation = (query, variables) => cast().guest(query, variables);
const stack = () => cast().stack;
const idle = () => cast().idle();

const A = () => cast().people.andrewbrown;
const B = () => cast().people.bayko;
const L = () => cast().people.londo;

function refused(res: GraphQLResult, pattern: RegExp): void {
  expect(res.errors?.[0]).toMatchObject({ errorType: 'Forbidden' });
  expect(res.errors?.[0].message).toMatch(pattern);
}

/** Whether the fan-out consumer wrote `eventId` into `recipientId`'s feed (the table itself, not a read that filters). */
async function feedRowExists(recipientId: string, eventId: string): Promise<boolean> {
  const res = await stack().dynamo.client.send(new GetItemCommand({ TableName: stack().dynamo.tableName, Key: { pk: { S: `FEED#${recipientId}` }, sk: { S: eventId } } }));
  return res.Item !== undefined;
}

const post = async (op: Operation, message: string): Promise<string> => (await ok(op, 'mutation C($m: String!) { createCrud(message: $m) { id } }', { m: message })).createCrud.id;
const HOME = '{ homeFeed(limit: 50) { items { crud { id } repostedBy { handle } } } }';
const homeIds = async (op: Operation): Promise<string[]> => (await ok(op, HOME)).homeFeed.items.map((i: any) => i.crud.id);
const notes = async (op: Operation): Promise<any[]> => (await ok(op, '{ notifications(limit: 50) { items { type actor { handle } crud { id } } } }')).notifications.items;

describe('block', () => {
  let aCrud: string;
  beforeAll(async () => {
    await ok(B().op, 'mutation { follow(handle: "andrewbrown") { id } }');
    await ok(A().op, 'mutation { follow(handle: "bayko") { id } }');
    await ok(B().op, 'mutation { follow(handle: "londo") { id } }');
    aCrud = await post(A().op, 'andrew before the block #blocktest');
    await idle();
    const { block } = await ok(A().op, 'mutation { block(handle: "bayko") { handle viewerBlocks viewerFollows } }');
    expect(block).toEqual({ handle: 'bayko', viewerBlocks: true, viewerFollows: false });
    await idle();
  }, 60_000);

  it('ends follows both ways, with exact counters, and lists the blocked account', async () => {
    const a = await ok(A().op, '{ user(handle: "bayko") { viewerFollows followsViewer viewerBlocks } blockedUsers { items { handle viewerBlocks } } }');
    expect(a.user).toEqual({ viewerFollows: false, followsViewer: false, viewerBlocks: true });
    expect(a.blockedUsers.items).toEqual([{ handle: 'bayko', viewerBlocks: true }]);
    const again = await ok(A().op, 'mutation { block(handle: "BAYKO") { viewerBlocks } }');
    expect(again.block.viewerBlocks).toBe(true);
  });

  it('refuses a follow either way', async () => {
    refused(await B().op('mutation { follow(handle: "andrewbrown") { id } }'), /blocks you/);
    refused(await A().op('mutation { follow(handle: "bayko") { id } }'), /you block/);
  });

  it('refuses a reply, a direct message, a like and a repost', async () => {
    refused(await B().op('mutation R($id: ID!) { replyToCrud(crudId: $id, message: "hey") { id } }', { id: aCrud }), /blocks you/);
    refused(await B().op('mutation { sendMessage(toHandle: "andrewbrown", body: "hey") { id } }'), /blocks you/);
    refused(await A().op('mutation { sendMessage(toHandle: "bayko", body: "hey") { id } }'), /you block/);
    refused(await B().op('mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: aCrud }), /blocks you/);
    refused(await B().op('mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: aCrud }), /blocks you/);
  });

  it('hides the blocker’s cruds from the blocked account: thread, profile, hashtag, public feed, replies', async () => {
    const { replyToCrud } = await ok(A().op, 'mutation { replyToCrud(crudId: "' + (await post(L().op, 'londo asks')) + '", message: "andrew answers") { id replyToId } }');
    await idle();
    const seen = await ok(B().op, `query Q($id: ID!, $p: ID!) {
      crud(id: $id) { id }
      userCruds(handle: "andrewbrown") { items { id } }
      hashtagCruds(tag: "blocktest") { items { id } }
      publicFeed(limit: 50) { items { id } }
      replies(crudId: $p) { items { id } }
    }`, { id: aCrud, p: replyToCrud.replyToId });
    expect(seen).toEqual({ crud: null, userCruds: { items: [] }, hashtagCruds: { items: [] }, publicFeed: { items: expect.not.arrayContaining([{ id: aCrud }]) }, replies: { items: [] } });
    // Both ways: the blocker does not see the blocked account's cruds either; guests see everything.
    const bCrud = await post(B().op, 'bayko after the block');
    expect((await ok(A().op, 'query Q($id: ID!) { crud(id: $id) { id } }', { id: bCrud })).crud).toBeNull();
    expect((await ok(guestOp, 'query Q($id: ID!) { crud(id: $id) { id } }', { id: aCrud })).crud).toEqual({ id: aCrud });
  });

  it('keeps the blocker’s cruds out of the blocked account’s feed, reposts by others included', async () => {
    const fresh = await post(A().op, 'andrew after the block');
    await ok(L().op, 'mutation R($id: ID!) { repostCrud(id: $id) { id } }', { id: fresh });
    await idle();
    const { repostId } = (await stack().dynamo.client.send(new GetItemCommand({ TableName: stack().dynamo.tableName, Key: { pk: { S: `CRUD#${fresh}` }, sk: { S: `REPOST#${L().id}` } } }))).Item!;
    // Fan-out skipped the blocked follower of the reposter (another follower of londo got it).
    expect(await feedRowExists(L().id, repostId.S!)).toBe(true);
    expect(await feedRowExists(B().id, repostId.S!)).toBe(false);
    expect(await homeIds(B().op)).not.toContain(fresh);
    expect(await homeIds(B().op)).not.toContain(aCrud);
  });

  it('sends no mention, like or follow notification across the block', async () => {
    const before = (await notes(A().op)).length;
    await post(B().op, 'hello @andrewbrown');
    await idle();
    expect(await notes(A().op)).toHaveLength(before);
  });

  it('unblocking lets them follow again', async () => {
    const { unblock } = await ok(A().op, 'mutation { unblock(handle: "bayko") { viewerBlocks } }');
    expect(unblock.viewerBlocks).toBe(false);
    await ok(B().op, 'mutation { follow(handle: "andrewbrown") { viewerFollows } }');
    expect((await ok(A().op, '{ blockedUsers { items { handle } } }')).blockedUsers.items).toEqual([]);
  });
});

describe('mute', () => {
  it('drops the muted account from the feed and notifications, silently; unmute restores new posts', async () => {
    await ok(L().op, 'mutation { follow(handle: "andrewbrown") { id } }');
    await idle();
    const { mute } = await ok(L().op, 'mutation { mute(handle: "andrewbrown") { viewerMutes viewerFollows } }');
    expect(mute).toEqual({ viewerMutes: true, viewerFollows: true });
    const muted = await post(A().op, 'andrew while muted @londo');
    const lCrud = await post(L().op, 'londo while muting');
    await ok(A().op, 'mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: lCrud });
    await idle();
    expect(await feedRowExists(L().id, muted)).toBe(false);
    expect(await homeIds(L().op)).not.toContain(muted);
    expect((await notes(L().op)).filter((n) => n.actor.handle === 'andrewbrown' && (n.crud?.id === lCrud || n.crud?.id === muted))).toEqual([]);
    // The muted account is not told and still sees everything.
    const a = await ok(A().op, 'query Q($id: ID!) { user(handle: "londo") { viewerMutes viewerBlocks } crud(id: $id) { id } }', { id: lCrud });
    expect(a).toEqual({ user: { viewerMutes: false, viewerBlocks: false }, crud: { id: lCrud } });
    // A muted account's cruds stay readable on their own pages.
    expect((await ok(L().op, 'query Q($id: ID!) { crud(id: $id) { id } }', { id: muted })).crud).toEqual({ id: muted });
    expect((await ok(L().op, '{ mutedUsers { items { handle viewerMutes } } }')).mutedUsers.items).toEqual([{ handle: 'andrewbrown', viewerMutes: true }]);

    await ok(L().op, 'mutation { unmute(handle: "andrewbrown") { viewerMutes } }');
    const after = await post(A().op, 'andrew after the unmute');
    await idle();
    expect(await feedRowExists(L().id, after)).toBe(true);
    expect(await homeIds(L().op)).toContain(after);
  });
});

describe('bookmarks', () => {
  it('are private, idempotent, newest first, and leave with a deleted crud', async () => {
    const one = await post(A().op, 'bookmark me');
    const two = await post(A().op, 'and me');
    const add = 'mutation B($id: ID!) { bookmarkCrud(id: $id) { id viewerHasBookmarked } }';
    expect((await ok(B().op, add, { id: one })).bookmarkCrud).toEqual({ id: one, viewerHasBookmarked: true });
    await ok(B().op, add, { id: one });
    await ok(B().op, add, { id: two });
    const LIST = '{ bookmarks(limit: 10) { items { id viewerHasBookmarked } } }';
    expect((await ok(B().op, LIST)).bookmarks.items).toEqual([{ id: two, viewerHasBookmarked: true }, { id: one, viewerHasBookmarked: true }]);
    expect((await ok(L().op, LIST)).bookmarks.items).toEqual([]);
    expect((await ok(L().op, 'query Q($id: ID!) { crud(id: $id) { viewerHasBookmarked } }', { id: one })).crud.viewerHasBookmarked).toBe(false);
    expect((await guestOp(LIST)).errors?.[0].errorType).toBe('Unauthorized');

    const page = await ok(B().op, '{ bookmarks(limit: 1) { items { id } nextToken } }');
    expect(page.bookmarks.items).toEqual([{ id: two }]);
    const next = await ok(B().op, 'query P($t: String) { bookmarks(limit: 1, nextToken: $t) { items { id } } }', { t: page.bookmarks.nextToken });
    expect(next.bookmarks.items).toEqual([{ id: one }]);

    await ok(A().op, 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: two });
    await idle();
    expect((await ok(B().op, LIST)).bookmarks.items).toEqual([{ id: one, viewerHasBookmarked: true }]);
    const { unbookmarkCrud } = await ok(B().op, 'mutation U($id: ID!) { unbookmarkCrud(id: $id) { viewerHasBookmarked } }', { id: one });
    expect(unbookmarkCrud.viewerHasBookmarked).toBe(false);
    expect((await ok(B().op, LIST)).bookmarks.items).toEqual([]);
  });
});
