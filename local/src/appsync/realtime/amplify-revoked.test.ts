/**
 * The unmodified aws-amplify v6 client when its token is revoked under an open subscription: the
 * server's UnauthorizedException `error` reaches the subscriber (Amplify logs "Subscription failed
 * due to auth error, closing WebSocket to trigger reconnection with fresh tokens"), and with that
 * subscription failed it does not reconnect.
 */
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { installRealtimeWsAdapter } from './browser-ws-adapter.ts';
import { revokeToken } from './testing/app/authorizer.ts';
import { API_KEY, startStack, type Stack } from './testing/harness.ts';

let stack: Stack;
const g = globalThis as { WebSocket?: unknown };
const originalWebSocket = g.WebSocket;

beforeAll(async () => {
  stack = await startStack({ reauthorizeIntervalMs: 100 });
  const endpoint = `http://${stack.host}/graphql`;
  Amplify.configure({ API: { GraphQL: { endpoint, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: API_KEY } } });
  g.WebSocket = WsWebSocket;
  installRealtimeWsAdapter(endpoint, g as never);
});
afterAll(async () => {
  g.WebSocket = originalWebSocket;
  await stack.close();
});

type Observable = { subscribe(o: { next(v: unknown): void; error(e: unknown): void }): { unsubscribe(): void } };

describe('aws-amplify v6 with a revoked Lambda token', () => {
  it('reports the refusal to the subscriber', async () => {
    const errors: unknown[] = [];
    const observable = generateClient().graphql({ query: 'subscription { onTicket(group: "rv") { id } }', authMode: 'lambda', authToken: 'allow-amplify-revoked' } as never) as unknown as Observable;
    const handle = observable.subscribe({ next: () => undefined, error: (e) => errors.push(e) });
    await expect.poll(() => stack.realtime.stats().subscriptions, { timeout: 10_000 }).toBe(1);
    revokeToken('allow-amplify-revoked');
    await expect.poll(() => errors.length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(errors[0])).toContain('UnauthorizedException');
    // Amplify closes the socket on the auth error; with its only subscription failed it stays closed.
    await new Promise((r) => setTimeout(r, 2000));
    expect(stack.realtime.stats()).toMatchObject({ connections: 0, subscriptions: 0 });
    handle.unsubscribe();
  }, 40_000);
});
