/**
 * The unmodified aws-amplify v6 client (in Node, through the browser ws:// adapter the web app
 * uses) against the whole offline stack: Lambda-mode auth with a Cognito access token, a live home
 * feed and a live conversation — the web app's own path through Cruddur's schema and resolvers.
 */
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { demoUsers } from '../definitions/demo-users.ts';
import { installRealtimeWsAdapter } from '../local/src/appsync/realtime/browser-ws-adapter.ts';
import { startStack, type Stack } from '../local/src/stack.ts';
import { signIn } from '../seed/api.ts';

let stack: Stack;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const g = globalThis as { WebSocket?: unknown };
const originalWebSocket = g.WebSocket;
let uninstall = () => {};

type Observable = { subscribe(o: { next(v: unknown): void; error(e: unknown): void }): { unsubscribe(): void } };
const client = () => generateClient();

async function run<T = any>(handle: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = (await client().graphql({ query, variables, authMode: 'lambda', authToken: tokens[handle] } as never)) as { data: T };
  return res.data;
}

/** Subscribes as `handle`; resolves after Amplify reports the server's start_ack. */
async function subscribe(handle: string, query: string, variables: Record<string, unknown>) {
  let acked = false;
  const stop = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack') acked = true;
  });
  const events: any[] = [];
  const errors: unknown[] = [];
  const observable = client().graphql({ query, variables, authMode: 'lambda', authToken: tokens[handle] } as never) as unknown as Observable;
  const sub = observable.subscribe({ next: (v) => events.push(v), error: (e) => errors.push(e) });
  const deadline = Date.now() + 15_000;
  while (!acked && errors.length === 0) {
    if (Date.now() > deadline) throw new Error('subscription was not acknowledged');
    await new Promise((r) => setTimeout(r, 20));
  }
  stop();
  return { events, errors, unsubscribe: () => sub.unsubscribe() };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  Amplify.configure({ API: { GraphQL: { endpoint: stack.urls.graphql, region: 'us-east-1', defaultAuthMode: 'lambda' } } });
  g.WebSocket = WsWebSocket;
  uninstall = installRealtimeWsAdapter(stack.urls.graphql, g as never);
  for (const handle of ['andrewbrown', 'bayko', 'londo']) {
    tokens[handle] = await signIn(stack.cognito.url, stack.cognito.clientId, demoUsers.find((u) => u.handle === handle)!);
    ids[handle] = (await run<{ me: { id: string } }>(handle, '{ me { id } }')).me.id;
  }
}, 120_000);

afterAll(async () => {
  uninstall();
  g.WebSocket = originalWebSocket;
  await stack?.close();
});

describe('aws-amplify v6 against Cruddur', () => {
  it('a follower sees a new crud arrive live', async () => {
    await run('bayko', 'mutation { follow(handle: "andrewbrown") { id } }');
    await stack.dynamo.streams.idle();
    const s = await subscribe('bayko', 'subscription F($r: ID!) { onFeedItem(recipientId: $r) { reason crud { message author { handle } } } }', { r: ids.bayko });
    await run('andrewbrown', 'mutation { createCrud(message: "hello from amplify #amplify") { id } }');
    await until(() => s.events.length > 0);
    expect(s.events[0].data.onFeedItem).toEqual({ reason: 'FOLLOWING', crud: { message: 'hello from amplify #amplify', author: { handle: 'andrewbrown' } } });
    s.unsubscribe();
  });

  it('a direct message arrives live for the member, and a non-member’s subscription is refused', async () => {
    const first = await run<{ sendMessage: { conversationId: string } }>('andrewbrown', 'mutation { sendMessage(toHandle: "bayko", body: "first") { conversationId } }');
    const conv = first.sendMessage.conversationId;
    // Let "first" be published before subscribing: only later messages are expected live.
    await stack.dynamo.streams.idle();
    // The outsider first: Amplify closes its shared socket after an Unauthorized subscription error.
    const outsider = await subscribe('londo', 'subscription M($c: ID!) { onMessage(conversationId: $c) { body } }', { c: conv });
    expect(outsider.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(outsider.errors)).toMatch(/Unauthorized/);
    const member = await subscribe('bayko', 'subscription M($c: ID!) { onMessage(conversationId: $c) { body senderId } }', { c: conv });
    await run('andrewbrown', 'mutation M($c: ID) { sendMessage(conversationId: $c, body: "second") { id } }', { c: conv });
    await until(() => member.events.length > 0);
    expect(member.events[0].data.onMessage).toEqual({ body: 'second', senderId: ids.andrewbrown });
    member.unsubscribe();
  });
});
