/**
 * What a block or a mute hides on every read path that loads a crud or a person for the caller (a
 * reply's parent, likes, bookmarks, notifications, search, a profile), and that the answers stay
 * exact with more than 1,000 block and mute rows — on the whole offline stack (real tokens, the
 * authorizer, resolvers, stream consumers). The live feed of pulled accounts is covered in
 * hybrid-fanout.scenario.test.ts.
 */
import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { safetyKey, type SafetyRelation } from '../definitions/keys.ts';
import type { Operation } from '../seed/api.ts';
import { castForSuite, ok, type Cast } from './testing/people.ts';

const suite = castForSuite(['andrewbrown', 'bayko', 'londo', 'altbrown']);
const cast = (): Cast => suite.current;
const guestOp: Operation = (query, variables) => cast().guest(query, variables);
const idle = () => cast().idle();
const A = () => cast().people.andrewbrown;
const B = () => cast().people.bayko;
const L = () => cast().people.londo;
const T = () => cast().people.altbrown;

const post = async (op: Operation, message: string): Promise<string> => (await ok(op, 'mutation C($m: String!) { createCrud(message: $m) { id } }', { m: message })).createCrud.id;
const reply = async (op: Operation, crudId: string, message: string): Promise<string> =>
  (await ok(op, 'mutation R($id: ID!, $m: String!) { replyToCrud(crudId: $id, message: $m) { id } }', { id: crudId, m: message })).replyToCrud.id;
const notes = async (op: Operation): Promise<{ type: string; actor: { handle: string } }[]> =>
  (await ok(op, '{ notifications(limit: 50) { items { type actor { handle } crud { id } } } }')).notifications.items;
const searched = async (op: Operation, prefix: string): Promise<string[]> =>
  (await ok(op, 'query S($p: String!) { searchUsers(prefix: $p) { handle } }', { p: prefix })).searchUsers.map((u: { handle: string }) => u.handle);
const homeIds = async (op: Operation): Promise<string[]> => (await ok(op, '{ homeFeed(limit: 50) { items { crud { id } } } }')).homeFeed.items.map((i: { crud: { id: string } }) => i.crud.id);

/** Writes `count` rows `SAFETY#<relation>#-filler-<n>` into `userId`'s partition (they sort before every real id). */
async function fillerRows(userId: string, relation: SafetyRelation, count: number): Promise<void> {
  const { client, tableName } = cast().stack.dynamo;
  const rows = Array.from({ length: count }, (_, n) => {
    const other = `-filler-${String(n).padStart(5, '0')}`;
    return { ...safetyKey(userId, relation, other), type: relation === 'MUTES' ? 'MUTE' : 'BLOCKED', userId, targetId: other, createdAt: new Date().toISOString() };
  });
  for (let i = 0; i < rows.length; i += 25) {
    const put = rows.slice(i, i + 25).map((item) => ({ PutRequest: { Item: marshall(item) } }));
    const res = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: put } }));
    expect(res.UnprocessedItems?.[tableName] ?? []).toEqual([]);
  }
}

describe('a block hides the other account on every path that loads a crud by id', () => {
  it('a reply’s parent, liked and bookmarked cruds: gone for both sides, still there for guests', async () => {
    const parent = await post(L().op, 'londo’s parent crud');
    const answer = await reply(B().op, parent, 'bayko answers');
    await ok(B().op, 'mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: parent });
    await ok(L().op, 'mutation K($id: ID!) { bookmarkCrud(id: $id) { id } }', { id: answer });
    const READ = `query Q($r: ID!) { crud(id: $r) { replyToId replyTo { id } } userReplies(handle: "bayko") { items { id replyTo { id } } }
      likedCruds { items { id } } bookmarks { items { id } } }`;
    const before = await ok(B().op, READ, { r: answer });
    expect(before.crud.replyTo).toEqual({ id: parent });
    await idle();

    await ok(L().op, 'mutation { block(handle: "bayko") { id } }');
    await idle();
    const blocked = await ok(B().op, READ, { r: answer });
    expect(blocked.crud).toEqual({ replyToId: parent, replyTo: null });
    expect(blocked.userReplies.items).toEqual([{ id: answer, replyTo: null }]);
    expect(blocked.likedCruds.items).toEqual([]);
    expect((await ok(L().op, READ, { r: answer })).bookmarks.items).toEqual([]);
    // The blocker does not get the blocked account's reply, nor (as its author) the parent through it.
    expect((await ok(L().op, READ, { r: answer })).crud).toBeNull();
    const guest = await guestOp(READ.replace(/likedCruds[^}]*}[^}]*}\s*bookmarks[^}]*}[^}]*}/, ''), { r: answer });
    expect(guest.data?.crud).toEqual({ replyToId: parent, replyTo: { id: parent } });
  });
});

describe('what a blocked account sees of the blocker', () => {
  it('the profile, saying so, but no search suggestion; the blocker still finds them to unblock', async () => {
    const PROFILE = 'query P($h: String!) { user(handle: $h) { handle viewerIsBlockedBy viewerBlocks viewerFollows } }';
    expect((await ok(B().op, PROFILE, { h: 'londo' })).user).toEqual({ handle: 'londo', viewerIsBlockedBy: true, viewerBlocks: false, viewerFollows: false });
    expect((await ok(L().op, PROFILE, { h: 'bayko' })).user).toEqual({ handle: 'bayko', viewerIsBlockedBy: false, viewerBlocks: true, viewerFollows: false });
    expect((await ok(A().op, PROFILE, { h: 'londo' })).user).toMatchObject({ viewerIsBlockedBy: false });
    expect((await guestOp(PROFILE, { h: 'londo' })).data?.user).toMatchObject({ viewerIsBlockedBy: null });
    expect(await searched(B().op, 'lon')).not.toContain('londo');
    expect(await searched(B().op, '@lon')).not.toContain('londo');
    expect(await searched(A().op, 'lon')).toContain('londo');
    expect(await searched(L().op, 'bay')).toContain('bayko');
  });
});

describe('a mute or block silences notifications written before it', () => {
  it('drops the muted actor’s mention until unmuted; a block drops it too', async () => {
    await post(A().op, 'hello @altbrown');
    await idle();
    const fromAndrew = async () => (await notes(T().op)).filter((n) => n.actor.handle === 'andrewbrown');
    expect(await fromAndrew()).toHaveLength(1);
    await ok(T().op, 'mutation { mute(handle: "andrewbrown") { id } }');
    expect(await fromAndrew()).toEqual([]);
    await ok(T().op, 'mutation { unmute(handle: "andrewbrown") { id } }');
    expect(await fromAndrew()).toHaveLength(1);
    await ok(A().op, 'mutation { block(handle: "altbrown") { id } }');
    expect(await fromAndrew()).toEqual([]);
    await ok(A().op, 'mutation { unblock(handle: "altbrown") { id } }');
    await idle();
  });
});

describe('more than 1,000 block and mute rows', () => {
  it('a user blocked by 1,001 others, and one muting 1,001 others, still get exact answers', async () => {
    const lCrud = await post(L().op, 'londo, visible to andrew until the block');
    await ok(A().op, 'mutation { follow(handle: "altbrown") { id } }');
    await idle();
    const tCrud = await post(T().op, 'altbrown, pushed to andrew before the mute');
    await fillerRows(A().id, 'BLOCKEDBY', 1001);
    await fillerRows(A().id, 'MUTES', 1001);
    await idle();
    expect((await ok(A().op, 'query Q($id: ID!) { crud(id: $id) { id } }', { id: lCrud })).crud).toEqual({ id: lCrud });
    expect(await homeIds(A().op)).toContain(tCrud);

    await ok(L().op, 'mutation { block(handle: "andrewbrown") { id } }');
    await ok(A().op, 'mutation { mute(handle: "altbrown") { id } }');
    await idle();
    const seen = await ok(A().op, 'query Q($id: ID!) { crud(id: $id) { id } userCruds(handle: "londo") { items { id } } }', { id: lCrud });
    expect(seen).toEqual({ crud: null, userCruds: { items: [] } });
    expect(await searched(A().op, 'lon')).not.toContain('londo');
    // A row pushed before the mute leaves the home feed; the muted account's mention notifies nobody.
    expect(await homeIds(A().op)).not.toContain(tCrud);
    await post(T().op, 'altbrown, muted, mentions @andrewbrown');
    await idle();
    expect((await notes(A().op)).filter((n) => n.actor.handle === 'altbrown')).toEqual([]);
  });
});
