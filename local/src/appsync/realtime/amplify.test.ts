/**
 * The UNMODIFIED aws-amplify v6 client in Node against the offline real-time endpoint.
 * Node 20 has no global WebSocket, so, as a Node user of Amplify does, the test installs `ws`'s.
 * Two ways to reach the endpoint Amplify derives (`wss://<host:port>/graphql/realtime` from an
 * `http://` endpoint), both documented in docs/realtime.md:
 *  - TLS on the same port, with the generated certificate trusted (here: `ca` passed by a tiny
 *    WebSocket subclass; in a plain Node process `NODE_EXTRA_CA_CERTS` does the same);
 *  - the browser adapter, which rewrites that one wss:// URL to ws://.
 */
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { installRealtimeWsAdapter } from './browser-ws-adapter.ts';
import { decodeJWT } from 'aws-amplify/auth';
import { startTestIssuer, type TestIssuer } from '../auth/testing/jwt-issuer.ts';
import { API_KEY, IAM, startStack, type Stack } from './testing/harness.ts';

const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group severity title tags owner { name } } }';
let stack: Stack;
let issuer: TestIssuer;
let endpoint: string;
const g = globalThis as { WebSocket?: unknown };
const originalWebSocket = g.WebSocket;

beforeAll(async () => {
  issuer = await startTestIssuer();
  stack = await startStack(undefined, issuer);
  endpoint = `http://${stack.host}/graphql`;
  Amplify.configure(
    { API: { GraphQL: { endpoint, region: 'us-east-1', defaultAuthMode: 'apiKey', apiKey: API_KEY } } },
    {
      Auth: {
        // Static IAM credentials, as a backend Node process using Amplify would supply them.
        credentialsProvider: {
          getCredentialsAndIdentityId: async () => ({ credentials: { ...IAM } }),
          clearCredentialsAndIdentityId: () => {},
        },
        // A signed-in Cognito user, as Amplify's token provider hands tokens to the API category.
        tokenProvider: { getTokens: async () => ({ accessToken: decodeJWT(issuer.accessToken()) }) },
      },
    },
  );
});

afterAll(async () => {
  g.WebSocket = originalWebSocket;
  await stack.close();
  await issuer.close();
});

/** What Amplify hands to `next`: a GraphQL result keyed by subscription field. */
type Event = { data: Record<string, { id: string } & Record<string, unknown>> };
type Sub = { events: Event[]; errors: unknown[]; unsubscribe(): void };
type Observable = { subscribe(o: { next(v: unknown): void; error(e: unknown): void }): { unsubscribe(): void } };

/**
 * Subscribes through Amplify and resolves once Amplify reports the server's start_ack on its Hub
 * (`api` channel, "Subscription ack"). Tests subscribe one at a time, so the next ack is ours.
 */
async function subscribe(query: string, variables: Record<string, unknown> = {}, auth: Record<string, unknown> = {}): Promise<Sub> {
  let acked = false;
  const stopListening = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack') acked = true;
  });
  const client = generateClient();
  const events: Event[] = [];
  const errors: unknown[] = [];
  const observable = client.graphql({ query, variables, ...auth } as never) as unknown as Observable;
  const handle = observable.subscribe({ next: (v) => events.push(v as Event), error: (e) => errors.push(e) });
  const deadline = Date.now() + 10_000;
  while (!acked && errors.length === 0) {
    if (Date.now() > deadline) throw new Error('subscription was not acknowledged');
    await new Promise((r) => setTimeout(r, 20));
  }
  stopListening();
  return { events, errors, unsubscribe: () => handle.unsubscribe() };
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
const create = (input: Record<string, unknown>) => stack.mutate(CREATE, { input: { mandatory: 'm', ...input } });

describe.each([
  [
    'wss:// with the local certificate trusted',
    () => {
      const cert = stack.dual.certificate.cert;
      g.WebSocket = class extends WsWebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { ca: cert });
        }
      };
    },
  ],
  [
    'the browser ws:// adapter',
    () => {
      g.WebSocket = WsWebSocket;
      installRealtimeWsAdapter(endpoint, g as never);
    },
  ],
])('aws-amplify v6 over %s', (_name, install) => {
  beforeAll(() => install());

  it('API key: receives what the mutation published, shaped by its own selection set', async () => {
    const s = await subscribe('subscription S($g: String) { onTicket(group: $g) { id title owner { name } } }', { g: 'amp' });
    await create({ id: 'a1', group: 'amp', title: 'hello', ownerName: 'ana' });
    await create({ id: 'a2', group: 'elsewhere', title: 'not for us' });
    await settle();
    expect(s.errors).toEqual([]);
    expect(s.events.map((e) => e.data)).toEqual([{ onTicket: { id: 'a1', title: 'hello', owner: { name: 'ana' } } }]);
    s.unsubscribe();
    await settle();
    await create({ id: 'a3', group: 'amp' });
    await settle();
    expect(s.events).toHaveLength(1);
  });

  it('Lambda authorizer: an authorized token subscribes (refusals: protocol.ws.test.ts)', async () => {
    const ok = await subscribe('subscription { onTicket(group: "lam") { id } }', {}, { authMode: 'lambda', authToken: 'allow-bo' });
    await create({ id: 'l1', group: 'lam' });
    await settle();
    expect(ok.events.map((e) => e.data.onTicket.id)).toEqual(['l1']);
    ok.unsubscribe();
  });

  it('IAM: SigV4-signed handshake and start', async () => {
    const s = await subscribe('subscription { onTicket(group: "iam") { id } }', {}, { authMode: 'iam' });
    await create({ id: 'i1', group: 'iam' });
    await settle();
    expect(s.errors).toEqual([]);
    expect(s.events.map((e) => e.data.onTicket.id)).toEqual(['i1']);
    s.unsubscribe();
  });

  it('Cognito user pool: the access token authenticates handshake and start', async () => {
    const s = await subscribe('subscription { onTicket(group: "pool") { id } }', {}, { authMode: 'userPool' });
    await create({ id: 'u1', group: 'pool' });
    await settle();
    expect(s.errors).toEqual([]);
    expect(s.events.map((e) => e.data.onTicket.id)).toEqual(['u1']);
    s.unsubscribe();
  });

  it('enhanced filters (client arguments not applied) and invalidation', async () => {
    const severe = await subscribe('subscription { onSevereTicket(group: "whatever") { id } }');
    const grp = await subscribe('subscription { onGroupTicket(group: "ampg") { id } }');
    await create({ id: 'e1', group: 'x', severity: 9, tags: ['sec'] });
    await create({ id: 'e2', group: 'ampg', severity: 1 });
    await settle();
    expect(severe.events.map((e) => e.data.onSevereTicket.id)).toEqual(['e1']);
    expect(grp.events.map((e) => e.data.onGroupTicket.id)).toEqual(['e2']);
    const subsBefore = stack.realtime.stats().subscriptions;
    await stack.mutate('mutation { closeGroup(group: "ampg") }');
    await settle();
    expect(stack.realtime.stats().subscriptions).toBe(subsBefore - 1);
    await create({ id: 'e3', group: 'ampg', severity: 9, tags: ['ops'] });
    await settle();
    expect(grp.events).toHaveLength(1);
    expect(severe.events.map((e) => e.data.onSevereTicket.id)).toEqual(['e1', 'e3']);
    severe.unsubscribe();
    grp.unsubscribe();
  });

  it('a resolver refusal reaches the observer as an error', async () => {
    const client = generateClient();
    const errors: unknown[] = [];
    const observable = client.graphql({ query: 'subscription { onDenied { id } }' }) as unknown as Observable;
    const sub = observable.subscribe({ next: () => {}, error: (e: unknown) => errors.push(e) });
    const deadline = Date.now() + 10_000;
    while (errors.length === 0 && Date.now() < deadline) await settle(20);
    expect(JSON.stringify(errors[0])).toMatch(/Unauthorized/);
    sub.unsubscribe();
  });
});
