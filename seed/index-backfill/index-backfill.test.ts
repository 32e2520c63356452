/**
 * The index backfill on the whole offline stack: rows put back into the shape they had before the
 * name-word, likes and replies indexes existed are invisible to the API; after the backfill the API
 * finds them; a second run changes nothing.
 */
import { DeleteItemCommand, GetItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../definitions/demo-users.ts';
import { likeKey, userKey } from '../../definitions/keys.ts';
import { startStack, type Stack } from '../../local/src/stack.ts';
import { scanTable, normalizeItems } from '../large/testing/normalize-table.ts';
import { operationFor, signIn, type Operation } from '../api.ts';
import { backfillIndexes } from './index.ts';

let stack: Stack;
let guest: Operation;
const op: Record<string, Operation> = {};
const ids: Record<string, string> = {};

async function ok<T = any>(o: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await o<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const search = async (p: string): Promise<string[]> =>
  (await ok(guest, 'query S($p: String!) { searchUsers(prefix: $p) { handle } }', { p })).searchUsers.map((u: { handle: string }) => u.handle);
const liked = async (): Promise<string[]> => (await ok(op.andrewbrown, '{ likedCruds { items { id } } }')).likedCruds.items.map((c: { id: string }) => c.id);
const replies = async (): Promise<string[]> =>
  (await ok(guest, '{ userReplies(handle: "andrewbrown") { items { id } } }')).userReplies.items.map((c: { id: string }) => c.id);

const send = (input: ConstructorParameters<typeof UpdateItemCommand>[0]) => stack.dynamo.client.send(new UpdateItemCommand(input));

/** Deletes a user's name rows, as if the profile had been written before they existed. */
async function dropNameRows(userId: string): Promise<void> {
  const rows = await stack.dynamo.client.send(
    new QueryCommand({ TableName: stack.dynamo.tableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)', ExpressionAttributeValues: marshall({ ':pk': `USER#${userId}`, ':sk': 'NAMEWORD#' }) }),
  );
  expect(rows.Items?.length).toBeGreaterThan(0);
  for (const r of rows.Items ?? []) await stack.dynamo.client.send(new DeleteItemCommand({ TableName: stack.dynamo.tableName, Key: { pk: r.pk, sk: r.sk } }));
}

let crudId: string;
let replyId: string;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  guest = operationFor(stack.urls.graphql, 'guest');
  for (const handle of ['andrewbrown', 'bayko']) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    op[handle] = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
    ids[handle] = (await ok(op[handle], '{ me { id } }')).me.id;
  }
  ids.londo = (await ok(guest, '{ user(handle: "londo") { id } }')).user.id;
  crudId = (await ok(op.bayko, 'mutation { createCrud(message: "An old crud") { id } }')).createCrud.id;
  await ok(op.andrewbrown, 'mutation L($id: ID!) { likeCrud(id: $id) { id } }', { id: crudId });
  replyId = (await ok(op.andrewbrown, 'mutation R($id: ID!) { replyToCrud(crudId: $id, message: "An old reply") { id } }', { id: crudId })).replyToCrud.id;
  await stack.dynamo.streams.idle();

  // The old shapes: a profile from before search by name (no name key at all), one from decision
  // 034 (its own gsi2 name key, no name rows), a like without gsi1, a reply without gsi3.
  const TableName = stack.dynamo.tableName;
  await dropNameRows(ids.bayko);
  await dropNameRows(ids.londo);
  await send({ TableName, Key: marshall(userKey(ids.londo)), UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk', ExpressionAttributeValues: marshall({ ':pk': 'NAME_PREFIX', ':sk': `londo mollari#${ids.londo}` }) });
  await send({ TableName, Key: marshall(likeKey(crudId, ids.andrewbrown)), UpdateExpression: 'REMOVE gsi1pk, gsi1sk' });
  await send({ TableName, Key: marshall({ pk: `CRUD#${replyId}`, sk: 'CRUD' }), UpdateExpression: 'REMOVE gsi3pk, gsi3sk' });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('backfill:indexes', () => {
  it('makes rows written before the indexes findable, and a second run changes nothing', async () => {
    // Before: found neither by a later name word nor in the likes and replies lists.
    expect(await search('mollari')).toEqual([]);
    expect(await search('andrew bay')).toEqual([]);
    expect(await search('londo m')).toEqual(['londo']); // the 034 key still serves its own prefix
    expect(await liked()).not.toContain(crudId);
    expect(await replies()).not.toContain(replyId);

    const first = await backfillIndexes(stack.dynamo.client, stack.dynamo.tableName);
    expect(first).toMatchObject({ names: 2, likes: 1, replies: 1, skipped: 0 });

    expect(await search('mollari')).toEqual(['londo']);
    expect(await search('andrew bay')).toEqual(['bayko']);
    expect(await search('bayk')).toEqual(['bayko']);
    expect(await liked()).toContain(crudId);
    expect(await replies()).toContain(replyId);
    const londo = unmarshall((await stack.dynamo.client.send(new GetItemCommand({ TableName: stack.dynamo.tableName, Key: marshall(userKey(ids.londo)) }))).Item!);
    expect(londo.gsi2pk).toBeUndefined(); // the profile's old name key is gone: one shape

    await stack.dynamo.streams.idle();
    const before = normalizeItems(await scanTable(stack.dynamo.client, stack.dynamo.tableName));
    const second = await backfillIndexes(stack.dynamo.client, stack.dynamo.tableName);
    expect(second).toMatchObject({ names: 0, likes: 0, replies: 0, skipped: 0 });
    expect(normalizeItems(await scanTable(stack.dynamo.client, stack.dynamo.tableName))).toEqual(before);
  }, 120_000);
});
