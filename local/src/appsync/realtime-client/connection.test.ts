/**
 * The real-time client against the real offline server (engine, authenticator and real-time
 * server over a fixture schema; `../realtime/testing/harness.ts`): several subscriptions on one
 * connection, a refused start, a refused handshake, stop → complete, and close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_KEY, startStack, type Stack } from '../realtime/testing/harness.ts';
import { connectRealtime } from './connection.ts';
import { nodeWebSocket } from './node-socket.ts';
import { RealtimeError, type RealtimeResult } from './types.ts';
import { authHeaderFor, realtimeUrlFor } from './url.ts';

let stack: Stack;
let graphqlUrl: string;
const WebSocket = nodeWebSocket();
const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group title } }';

beforeAll(async () => {
  stack = await startStack();
  graphqlUrl = `http://${stack.host}/graphql`;
});
afterAll(() => stack?.close());

const open = (credential: { Authorization: string } | { 'x-api-key': string }) =>
  connectRealtime({ url: realtimeUrlFor(graphqlUrl), auth: authHeaderFor(graphqlUrl, credential), WebSocket });

/** Collects one subscription's results, errors and completion. */
function recorder() {
  const seen = { results: [] as RealtimeResult[], errors: [] as unknown[], completed: false };
  return { seen, observer: { next: (r: RealtimeResult) => seen.results.push(r), error: (e: unknown) => seen.errors.push(e), complete: () => (seen.completed = true) } };
}

describe('realtime client against the offline server', () => {
  it('multiplexes subscriptions on one connection and routes each event to its own', async () => {
    const connection = open({ 'x-api-key': API_KEY });
    const a = recorder();
    const b = recorder();
    const subA = connection.subscribe({ query: 'subscription S($g: String) { onTicket(group: $g) { id title } }', variables: { g: 'a' } }, a.observer);
    const subB = connection.subscribe({ query: 'subscription { onTicket(group: "b") { id } }' }, b.observer);
    await connection.ready;
    await Promise.all([subA.acknowledged, subB.acknowledged]);
    expect(subA.id).not.toBe(subB.id);

    await stack.mutate(CREATE, { input: { id: '1', group: 'a', title: 'for a' } });
    await stack.mutate(CREATE, { input: { id: '2', group: 'b', title: 'for b' } });
    await expect.poll(() => a.seen.results.length + b.seen.results.length, { timeout: 10_000 }).toBe(2);
    expect(a.seen.results).toEqual([{ data: { onTicket: { id: '1', title: 'for a' } } }]);
    expect(b.seen.results).toEqual([{ data: { onTicket: { id: '2' } } }]);

    await subA.stop();
    expect(a.seen).toMatchObject({ completed: true, errors: [] });
    await stack.mutate(CREATE, { input: { id: '3', group: 'a' } });
    await stack.mutate(CREATE, { input: { id: '4', group: 'b' } });
    await expect.poll(() => b.seen.results.length, { timeout: 10_000 }).toBe(2);
    expect(a.seen.results).toHaveLength(1);
    connection.close();
  });

  it('reports a refused start as AppSync error entries, and keeps the connection for others', async () => {
    const connection = open({ Authorization: 'allow-tester' });
    const denied = recorder();
    const refused = connection.subscribe({ query: 'subscription { onDenied { id } }' }, denied.observer);
    const error = await refused.acknowledged.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RealtimeError);
    expect((error as RealtimeError).errors[0]).toMatchObject({ errorType: 'Unauthorized' });
    expect(denied.seen.errors).toEqual([(error as RealtimeError).errors]);

    const ok = connection.subscribe({ query: 'subscription { onTicket(group: "c") { id } }' }, recorder().observer);
    await expect(ok.acknowledged).resolves.toBeUndefined();
    connection.close();
  });

  it('rejects ready and every subscription with the handshake refusal', async () => {
    const connection = open({ Authorization: 'deny-me' });
    const sub = recorder();
    connection.subscribe({ query: 'subscription { onTicket { id } }' }, sub.observer);
    const error = (await connection.ready.then(() => undefined, (e: unknown) => e)) as RealtimeError;
    expect(error.errors[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
    expect(sub.seen.errors).toEqual([error.errors]);
    // A subscription made after the failure hears the same, at once.
    const late = recorder();
    connection.subscribe({ query: 'subscription { onTicket { id } }' }, late.observer);
    expect(late.seen.errors).toEqual([error.errors]);
  });
});
