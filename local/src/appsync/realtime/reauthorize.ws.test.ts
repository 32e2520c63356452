/**
 * Re-authorization of open connections: credentials that stop passing the Authenticator end
 * their subscription (`error`), or — for the handshake's — every subscription and the connection
 * (`connection_error`, close). API-key credentials are not asked again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeToken } from './testing/app/authorizer.ts';
import { apiKeyHeader, b64url, FrameClient, handshake, startFrame, startStack, type Stack } from './testing/harness.ts';

let stack: Stack;
const clients: FrameClient[] = [];
const SUB = 'subscription ($g: String) { onTicket(group: $g) { id } }';
const unauthorized = { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };

const ready = (protocols?: string[]) => handshake(stack, clients, protocols ? { protocols } : {});

beforeAll(async () => {
  stack = await startStack({ reauthorizeIntervalMs: 100 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await stack.close();
});

describe('re-authorization', () => {
  it("ends only the subscription whose token was revoked; the API-key connection and its other subscriptions live on", async () => {
    const c = await ready();
    c.send(startFrame('lambda', SUB, { g: 'ra' }, { host: stack.host, Authorization: 'allow-revoked-sub' }));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'lambda' });
    c.send(startFrame('key', SUB, { g: 'ra' }, apiKeyHeader(stack.host)));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'key' });
    expect(await c.silentFor(400)).toBe(true);

    revokeToken('allow-revoked-sub');
    expect(await c.next()).toEqual({ type: 'error', id: 'lambda', payload: { errors: [unauthorized] } });
    await stack.mutate('mutation C($input: TicketInput!) { createTicket(input: $input) { id group } }', { input: { id: 'after', group: 'ra', mandatory: 'm' } });
    expect(await c.next()).toEqual({ type: 'data', id: 'key', payload: { data: { onTicket: { id: 'after' } } } });
    expect(await c.silentFor(400)).toBe(true);
  });

  it("closes a connection whose handshake token was revoked, after an error for each subscription", async () => {
    const c = await ready(['graphql-ws', `header-${b64url({ host: stack.host, Authorization: 'allow-revoked-conn' })}`]);
    c.send(startFrame('one', SUB, { g: 'rc' }, apiKeyHeader(stack.host)));
    c.send(startFrame('two', SUB, { g: 'rc2' }, apiKeyHeader(stack.host)));
    expect([await c.next(), await c.next()]).toEqual([{ type: 'start_ack', id: 'one' }, { type: 'start_ack', id: 'two' }]);

    revokeToken('allow-revoked-conn');
    expect(await c.next()).toEqual({ type: 'error', id: 'one', payload: { errors: [unauthorized] } });
    expect(await c.next()).toEqual({ type: 'error', id: 'two', payload: { errors: [unauthorized] } });
    expect(await c.next()).toEqual({ type: 'connection_error', payload: { errors: [{ ...unauthorized, errorCode: 401 }] } });
    expect(await c.closed).toEqual({ code: 1000, reason: 'connection_error' });
    expect(stack.realtime.stats()).toMatchObject({ subscriptions: 1 });
  });
});
