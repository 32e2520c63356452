/**
 * Text through the whole offline stack over HTTP (real Cognito token, authorizer, engine, resolvers,
 * embedded DynamoDB): what definitions/text.ts allows is stored and read back unchanged; what it
 * refuses, and bodies that are not UTF-8, write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../../definitions/demo-users.ts';
import { operationFor, signIn, type Operation } from '../../../../seed/api.ts';
import { startStack, type Stack } from '../../stack.ts';

let stack: Stack;
let token: string;
let op: Operation;

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  const u = demoUsers.find((d) => d.handle === 'andrewbrown')!;
  token = await signIn(stack.cognito.url, stack.cognito.clientId, u);
  op = operationFor(stack.urls.graphql, token);
}, 120_000);
afterAll(async () => {
  await stack?.close();
});

const CREATE = 'mutation C($m: String!) { createCrud(message: $m) { id message } }';
const crudsCount = async () => (await op<{ me: { crudsCount: number } }>('{ me { crudsCount } }')).data!.me.crudsCount;

describe('crud text over HTTP', () => {
  it('stores 240 emoji (a family emoji counts 7) and reads them back unchanged', async () => {
    const message = `${'😀'.repeat(233)}👨\u200D👩\u200D👧\u200D👦`;
    const res = await op(CREATE, { m: message });
    expect(res.errors).toBeUndefined();
    const { id } = res.data.createCrud;
    const read = await op('query Q($id: ID!) { crud(id: $id) { message } }', { id });
    expect(read.data.crud.message).toBe(message);
  });

  it('refuses 241 emoji, invisible-only text, NUL and a lone surrogate (a JSON \\ud83d escape), writing nothing', async () => {
    const before = await crudsCount();
    for (const [m, reason] of [
      ['😀'.repeat(241), 'too-long'],
      ['\u200B\u3164\u2060', 'blank'],
      ['\u0000', 'control'],
      ['ok \uD83D', 'malformed'],
    ] as const) {
      const res = await op(CREATE, { m });
      expect(res.errors?.[0], reason).toMatchObject({ errorType: 'ValidationError', errorInfo: { field: 'message', reason } });
    }
    expect(await crudsCount()).toBe(before);
  });

  it('answers a body that is not UTF-8 with 400 MalformedHttpRequestException and writes nothing', async () => {
    const before = await crudsCount();
    const json = Buffer.from(JSON.stringify({ query: CREATE, variables: { m: 'caf__' } }));
    const at = json.indexOf('__');
    const body = Buffer.concat([json.subarray(0, at), Buffer.from([0xc3, 0x28]), json.subarray(at + 2)]);
    const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is not valid UTF-8.' }] });
    expect(await crudsCount()).toBe(before);
  });
});
