/**
 * The real-time client, as GraphiQL's Observable, against a raw `ws` peer: for what the real
 * server never does (malformed frames, dropping the socket, foreign ids) and for exact frame
 * order. Against the real server: `connection.test.ts` and the explorer's `subscriptions.test.ts`.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { decodeHeaderJson } from '../realtime/handshake.ts';
import { subscribeRealtime, type SubscriptionResult } from './observable.ts';
import { encodeAuthHeader, realtimeUrlFor } from './url.ts';

type Peer = (socket: WebSocket, frames: unknown[], protocols: string[]) => void;

let server: WebSocketServer;
let url: string;
let peer: Peer = () => {};

beforeAll(async () => {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => 'graphql-ws' });
  server.on('connection', (socket, req) => {
    const frames: unknown[] = [];
    socket.on('message', (raw: RawData) => frames.push(JSON.parse(raw.toString())));
    peer(socket, frames, String(req.headers['sec-websocket-protocol']).split(/,\s*/));
  });
  await new Promise((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/realtime`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const auth = { Authorization: 'guest', host: 'localhost:1' };
const Ctor = WebSocket as unknown as typeof globalThis.WebSocket;
const ack = JSON.stringify({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });

function run(query = 'subscription { s }', ackTimeoutMs?: number) {
  const results: SubscriptionResult[] = [];
  let completed = false;
  const sub = subscribeRealtime({ url, auth, query, WebSocket: Ctor, ackTimeoutMs }).subscribe({
    next: (r) => results.push(r),
    error: (e) => results.push({ errors: [String(e)] }),
    complete: () => (completed = true),
  });
  return { results, sub, isCompleted: () => completed };
}

/** Waits until `predicate` holds (polling; the peer runs in this process). */
async function until(predicate: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('realtime client helpers', () => {
  it('derives ws:// for http:// and wss:// for https://, on the same host and path', () => {
    expect(realtimeUrlFor('/graphql', 'http://localhost:20002/')).toBe('ws://localhost:20002/graphql/realtime');
    expect(realtimeUrlFor('https://api.example.com/graphql/?x=1')).toBe('wss://api.example.com/graphql/realtime');
  });

  it('encodes the auth JSON as unpadded base64url that the server decodes back (non-ASCII included)', () => {
    const header = { Authorization: 'tök+/?~~~', host: 'localhost:20002' };
    const encoded = encodeAuthHeader(header);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeHeaderJson(encoded)).toEqual(header);
  });
});

describe('realtime client against a raw peer', () => {
  it('offers graphql-ws + header-, sends connection_init, starts only after the ack, ignores other ids', async () => {
    let seen: { frames: unknown[]; protocols: string[]; socket?: WebSocket } = { frames: [], protocols: [] };
    peer = (socket, frames, protocols) => {
      seen = { frames, protocols, socket };
      socket.on('message', () => {
        if (frames.length === 1) socket.send(ack);
      });
    };
    const { results, sub } = run();
    await until(() => seen.frames.length === 2);
    expect(seen.protocols).toEqual(['graphql-ws', `header-${encodeAuthHeader(auth)}`]);
    expect(seen.frames[0]).toEqual({ type: 'connection_init' });
    const start = seen.frames[1] as { id: string };
    expect(start).toEqual({ type: 'start', id: start.id, payload: { data: JSON.stringify({ query: 'subscription { s }', variables: {} }), extensions: { authorization: auth } } });
    seen.socket!.send(JSON.stringify({ type: 'data', id: 'other', payload: { data: { s: 0 } } }));
    seen.socket!.send(JSON.stringify({ type: 'data', id: start.id, payload: { data: { s: 1 } } }));
    await until(() => results.length === 1);
    expect(results).toEqual([{ data: { s: 1 } }]);
    sub.unsubscribe();
    await until(() => seen.frames.length === 3);
    expect(seen.frames[2]).toEqual({ type: 'stop', id: start.id });
  });

  it('unsubscribing before the ack closes without a start', async () => {
    let closed = false;
    let frames: unknown[] = [];
    peer = (socket, f) => {
      frames = f;
      socket.on('close', () => (closed = true));
    };
    const { sub } = run();
    await until(() => frames.length === 1);
    sub.unsubscribe();
    await until(() => closed);
    expect(frames).toEqual([{ type: 'connection_init' }]);
  });

  it('turns a malformed server frame into a GraphQL error and completes', async () => {
    peer = (socket) => socket.on('message', () => socket.send('{"type":"data","id":"x"}'));
    const { results, isCompleted } = run();
    await until(isCompleted);
    expect(results).toEqual([{ data: null, errors: [{ message: 'Malformed frame from the server: data needs payload.data' }] }]);
  });

  it('reports a connection the server drops', async () => {
    peer = (socket) => socket.on('message', () => socket.close(1011, 'bye'));
    const { results, isCompleted } = run();
    await until(isCompleted);
    expect(results).toEqual([{ data: null, errors: [{ message: 'Real-time connection closed (code 1011: bye).' }] }]);
  });

  it('gives up on a missing connection_ack, a missing start_ack, and a silent connection', async () => {
    peer = () => {};
    const noAck = run(undefined, 100);
    await until(noAck.isCompleted);
    expect(noAck.results).toEqual([{ data: null, errors: [{ message: 'No connection_ack from the server within 100 ms; connection closed.' }] }]);

    peer = (socket) => socket.on('message', () => socket.send(ack));
    const noStartAck = run(undefined, 100);
    await until(noStartAck.isCompleted);
    expect(noStartAck.results).toEqual([{ data: null, errors: [{ message: 'No start_ack from the server within 100 ms.' }] }]);

    // connectionTimeoutMs from the ack bounds the silence after start_ack; a `ka` resets it.
    peer = (socket, frames) =>
      socket.on('message', () => {
        if (frames.length === 1) socket.send(JSON.stringify({ type: 'connection_ack', payload: { connectionTimeoutMs: 150 } }));
        else {
          const { id } = frames[1] as { id: string };
          socket.send(JSON.stringify({ type: 'start_ack', id }));
          setTimeout(() => socket.send('{"type":"ka"}'), 100);
        }
      });
    const started = Date.now();
    const silent = run(undefined, 1_000);
    await until(silent.isCompleted);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(silent.results).toEqual([{ data: null, errors: [{ message: 'No keep-alive from the server within 150 ms; connection closed.' }] }]);
  });
});
