/**
 * Search by any word of a display name on the whole offline stack (real sign-up trigger, tokens,
 * resolvers): the name-word index is written by PostConfirmation, moved by updateProfile and
 * removed by deleteAccount (definitions/name-search.ts, docs/data-model.md "Search by name").
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../definitions/demo-users.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { createUser, goodPassword } from '../local/src/cognito/testing/helpers.ts';
import { operationFor, signIn, type Operation } from '../seed/api.ts';

let stack: Stack;
let guest: Operation;
const op: Record<string, Operation> = {};

const SEARCH = 'query S($p: String!, $l: Int) { searchUsers(prefix: $p, limit: $l) { handle } }';

async function ok<T = any>(o: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await o<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const handles = async (p: string, l = 10): Promise<string[]> => (await ok(guest, SEARCH, { p, l })).searchUsers.map((u: { handle: string }) => u.handle);
const rename = (o: Operation, name: string) => ok(o, 'mutation R($n: String!) { updateProfile(displayName: $n) { displayName } }', { n: name });

/** Signs up and confirms a fresh user (the PostConfirmation trigger writes the profile), signed in. */
async function newUser(handle: string): Promise<Operation> {
  const email = `${handle}@name-search.test`;
  await createUser(stack.cognito, email, handle);
  return operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, { email, password: goodPassword }));
}

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  guest = operationFor(stack.urls.graphql, 'guest');
  for (const handle of ['londo']) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    op[handle] = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('searchUsers matches a prefix of any word of the name', () => {
  it('finds people by their last name, case and accents folded, in a stable order', async () => {
    expect(await handles('brown')).toEqual(['altbrown', 'andrewbrown']);
    expect(await handles('BRO')).toEqual(['altbrown', 'andrewbrown']);
    expect(await handles('bayk')).toEqual(['bayko']); // handle and name word: once
    expect(await handles('mollari')).toEqual(['londo']);
    // Words after the matched one narrow it; punctuation in the query is a word break like in the name.
    expect(await handles('brown (alt')).toEqual(['altbrown']);
    expect(await handles('andrew bay')).toEqual(['bayko']);
    expect(await handles('rown')).toEqual([]); // inside a word: no match
  });

  it('a new sign-up is found by its name’s words at once, accents folded both ways', async () => {
    const zoe = await newUser('zoe_q');
    await rename(zoe, 'Zoë Quiñones-Abad');
    expect(await handles('quinones')).toEqual(['zoe_q']);
    expect(await handles('QUIÑ')).toEqual(['zoe_q']);
    expect(await handles('abad')).toEqual(['zoe_q']);
    expect(await handles('zoe quin')).toEqual(['zoe_q']);
  });

  it('respects the limit, handle matches first', async () => {
    expect(await handles('andrew', 1)).toEqual(['andrewbrown']);
    const two = await handles('andrew', 2);
    expect(two).toHaveLength(2);
    expect(two[0]).toBe('andrewbrown');
    expect(await handles('andrew', 2)).toEqual(two); // stable between calls
    expect([...(await handles('andrew', 10))].sort()).toEqual(['altbrown', 'andrewbrown', 'bayko']);
  });

  it('a rename removes the words no longer in the name, also from a longer name to a shorter one', async () => {
    await rename(op.londo, 'Ambassador Londo Mollari of Centauri Prime');
    expect(await handles('centauri')).toEqual(['londo']);
    expect(await handles('prime')).toEqual(['londo']);
    await rename(op.londo, 'Londo');
    expect(await handles('centauri')).toEqual([]);
    expect(await handles('prime')).toEqual([]);
    expect(await handles('mollari')).toEqual([]);
    expect(await handles('ambassador')).toEqual([]);
    expect(await handles('lond')).toEqual(['londo']);
    await rename(op.londo, 'Londo Mollari');
    expect(await handles('mollari')).toEqual(['londo']);
  });

  it('deleteAccount removes the name rows: the deleted user is not found by any word', async () => {
    const gone = await newUser('vir_c');
    await rename(gone, 'Vir Cotto Kellerman');
    expect(await handles('kellerman')).toEqual(['vir_c']);
    await ok(gone, 'mutation { deleteAccount }');
    expect(await handles('kellerman')).toEqual([]);
    expect(await handles('cotto')).toEqual([]);
    const rows = await stack.dynamo.client.send(
      new ScanCommand({ TableName: stack.dynamo.tableName, FilterExpression: 'begins_with(gsi2sk, :k)', ExpressionAttributeValues: { ':k': { S: 'kellerman' } } }),
    );
    expect(rows.Items).toEqual([]);
  });
});
