/**
 * AppSync's real-time protocol on the wire: a raw `ws` client against the real engine,
 * authenticator and one-port listener, asserting exact frames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { signAppSyncRequest } from '../auth/testing/sigv4-client.ts';
import { API_KEY, apiKeyHeader, b64url, connect, FrameClient, IAM, startFrame, startStack, type Stack } from './testing/harness.ts';

const SUB = 'subscription S($g: String) { onTicket(group: $g) { id title } }';
const CREATE = 'mutation C($input: TicketInput!) { createTicket(input: $input) { id group severity title tags owner { name } } }';
const ACK = { type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } };
const UNSUPPORTED = { type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] } };

let stack: Stack;
const clients: FrameClient[] = [];
const open = async (options?: Parameters<typeof connect>[1]) => {
  const c = await connect(stack, options);
  clients.push(c);
  return c;
};
const ready = async (options?: Parameters<typeof connect>[1]) => {
  const c = await open(options);
  c.send({ type: 'connection_init' });
  expect(await c.next()).toEqual(ACK);
  expect(await c.next()).toEqual({ type: 'ka' });
  return c;
};
const create = (input: Record<string, unknown>) => stack.mutate(CREATE, { input: { mandatory: 'm', ...input } });

beforeAll(async () => {
  stack = await startStack({ maxSubscriptionsPerConnection: 3 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await stack.close();
});

describe('handshake', () => {
  it('accepts Amplify v6 subprotocol auth and selects graphql-ws', async () => {
    const c = await ready();
    expect(c.ws.protocol).toBe('graphql-ws');
  });

  it('accepts ?header=&payload=e30= auth', async () => {
    const q = `?header=${encodeURIComponent(Buffer.from(JSON.stringify(apiKeyHeader(stack.host))).toString('base64'))}&payload=e30=`;
    const c = await ready({ protocols: ['graphql-ws'], query: q });
    expect(c.ws.protocol).toBe('graphql-ws');
  });

  it('answers a handshake without subprotocol with NoProtocolError and closes', async () => {
    const c = await open({ protocols: [] });
    expect(await c.next()).toEqual({ type: 'connection_error', payload: { errors: [{ message: 'NoProtocolError', errorCode: 400 }] } });
    expect((await c.closed).code).toBe(1000);
  });

  it('rejects a wrong API key with UnauthorizedException 401 on connection_init', async () => {
    const c = await open({ protocols: ['graphql-ws', `header-${b64url({ ...apiKeyHeader(stack.host), 'x-api-key': 'da2-wrong' })}`] });
    c.send({ type: 'connection_init' });
    const frame = await c.next();
    expect(frame.type).toBe('connection_error');
    expect(frame.payload.errors[0]).toMatchObject({ errorType: 'UnauthorizedException', errorCode: 401 });
    await c.closed;
  });

  it('rejects an undecodable header with BadRequestException', async () => {
    const c = await open({ protocols: ['graphql-ws', 'header-bm90IGpzb24'] });
    c.send({ type: 'connection_init' });
    expect(await c.next()).toEqual({
      type: 'connection_error',
      payload: { errors: [{ errorType: 'BadRequestException', message: 'Unable to decode the authorization header', errorCode: 400 }] },
    });
  });

  it('authenticates with the Lambda authorizer', async () => {
    await ready({ protocols: ['graphql-ws', `header-${b64url({ host: stack.host, Authorization: 'allow-ana' })}`] });
    const denied = await open({ protocols: ['graphql-ws', `header-${b64url({ host: stack.host, Authorization: 'nope' })}`] });
    denied.send({ type: 'connection_init' });
    expect((await denied.next()).payload.errors[0].errorType).toBe('UnauthorizedException');
  });

  it('authenticates IAM: /connect signed over {} and each start signed over its data', async () => {
    const realtimeHeaders = { accept: 'application/json, text/javascript', 'content-encoding': 'amz-1.0', 'content-type': 'application/json; charset=UTF-8' };
    const sign = (path: string, body: string) => signAppSyncRequest({ host: stack.host, path, body, ...IAM, extraHeaders: realtimeHeaders });
    const c = await ready({ protocols: ['graphql-ws', `header-${b64url(await sign('/graphql/connect', '{}'))}`] });
    const data = JSON.stringify({ query: SUB, variables: { g: 'iam' } });
    c.send({ id: 'iam-1', type: 'start', payload: { data, extensions: { authorization: await sign('/graphql', data) } } });
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'iam-1' });
    // A signature over a different body is refused.
    c.send({ id: 'iam-2', type: 'start', payload: { data, extensions: { authorization: await sign('/graphql', '{}') } } });
    const err = await c.next();
    expect(err).toMatchObject({ type: 'error', id: 'iam-2' });
    expect(err.payload.errors[0].errorType).toMatch(/Exception/);
    // So is a connect signed for the wrong path.
    const bad = await open({ protocols: ['graphql-ws', `header-${b64url(await sign('/graphql', '{}'))}`] });
    bad.send({ type: 'connection_init' });
    expect((await bad.next()).type).toBe('connection_error');
  });

  it('also serves wss:// on the same port', async () => {
    const ws = new WebSocket(`wss://localhost:${stack.port}/graphql/realtime`, ['graphql-ws', `header-${b64url(apiKeyHeader(stack.host))}`], {
      ca: stack.dual.certificate.cert,
    });
    const c = new FrameClient(ws);
    clients.push(c);
    await c.opened;
    c.send({ type: 'connection_init' });
    expect(await c.next()).toEqual(ACK);
  });
});

describe('subscription lifecycle', () => {
  it('start → start_ack, mutation → data, stop → complete, then silence', async () => {
    const c = await ready();
    c.send(startFrame('s1', SUB, { g: 'life' }, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 's1' });
    await create({ id: 't1', group: 'life', title: 'hello' });
    expect(await c.next()).toEqual({ type: 'data', id: 's1', payload: { data: { onTicket: { id: 't1', title: 'hello' } } } });
    c.send({ type: 'stop', id: 's1' });
    expect(await c.next()).toEqual({ type: 'complete', id: 's1' });
    await create({ id: 't2', group: 'life', title: 'again' });
    expect(await c.silentFor(300)).toBe(true);
  });

  it('works without connection_init (optional per the current docs)', async () => {
    const c = await open();
    c.send(startFrame('s1', SUB, { g: 'noinit' }, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 's1' });
  });

  it('serves subscriptions in different auth modes on one connection', async () => {
    const c = await ready();
    c.send(startFrame('lambda', SUB, { g: 'mixed' }, { host: stack.host, Authorization: 'allow-bo' }));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'lambda' });
    c.send(startFrame('denied', SUB, { g: 'mixed' }, { host: stack.host, Authorization: 'nope' }));
    expect(await c.next()).toMatchObject({ type: 'error', id: 'denied', payload: { errors: [{ errorType: 'UnauthorizedException' }] } });
    c.send(startFrame('bad-key', SUB, { g: 'mixed' }, { ...apiKeyHeader(stack.host), 'x-api-key': 'da2-nope' }));
    expect(await c.next()).toMatchObject({ type: 'error', id: 'bad-key', payload: { errors: [{ errorType: 'UnauthorizedException' }] } });
  });

  it('refuses a start without extensions.authorization', async () => {
    const c = await ready();
    c.send({ id: 'x', type: 'start', payload: { data: JSON.stringify({ query: SUB }) } });
    expect(await c.next()).toEqual({
      type: 'error',
      id: 'x',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    });
  });

  it('reports GraphQL validation errors for the start', async () => {
    const c = await ready();
    c.send(startFrame('v', 'subscription { onTicket { nope } }', {}, undefined, stack.host));
    const frame = await c.next();
    expect(frame).toMatchObject({ type: 'error', id: 'v' });
    expect(frame.payload.errors[0].message).toMatch(/nope/);
  });

  it('drops a connection’s subscriptions when it closes', async () => {
    const before = stack.realtime.stats().subscriptions;
    const c = await ready();
    c.send(startFrame('gone', SUB, { g: 'gone' }, undefined, stack.host));
    await c.next();
    expect(stack.realtime.stats().subscriptions).toBe(before + 1);
    c.close();
    await c.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(stack.realtime.stats().subscriptions).toBe(before);
  });
});

describe('bad input never crashes the server', () => {
  it('answers bad JSON, unknown types and binary frames with UnsupportedOperation, and keeps serving', async () => {
    const c = await ready();
    c.send('{not json');
    expect(await c.next()).toEqual(UNSUPPORTED);
    c.send({ type: 'subscribe', id: 'a', payload: {} });
    expect(await c.next()).toEqual(UNSUPPORTED);
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await c.next()).toEqual(UNSUPPORTED);
    c.send({ type: 'start', id: 'm', payload: { data: 'not json', extensions: { authorization: apiKeyHeader(stack.host) } } });
    expect(await c.next()).toMatchObject({ type: 'error', id: 'm', payload: { errors: [{ errorType: 'BadRequestException' }] } });
    c.send({ type: 'start', id: 'm2', payload: {} });
    expect(await c.next()).toMatchObject({ type: 'error', id: 'm2', payload: { errors: [{ errorType: 'BadRequestException' }] } });
    c.send(startFrame('ok', SUB, { g: 'after-garbage' }, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'ok' });
  });

  it('closes a connection that sends a text frame that is not UTF-8 with 1007, and keeps serving', async () => {
    // RFC 6455 §8.1: invalid UTF-8 in a text frame fails the connection; 1007 is its close code (§7.4.1).
    const c = await ready();
    const closed = new Promise<number>((resolve) => c.ws.once('close', (code) => resolve(code)));
    c.ws.send(Buffer.from([0x7b, 0xff, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    await ready();
  });

  it('answers stop for an unknown id with complete', async () => {
    const c = await ready();
    c.send({ type: 'stop', id: 'never-started' });
    expect(await c.next()).toEqual({ type: 'complete', id: 'never-started' });
  });

  it('rejects a duplicate id with DuplicatedOperationError', async () => {
    const c = await ready();
    c.send(startFrame('dup', SUB, { g: 'dup' }, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'dup' });
    c.send(startFrame('dup', SUB, { g: 'dup' }, undefined, stack.host));
    expect(await c.next()).toEqual({
      type: 'error',
      id: 'dup',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id dup' }] },
    });
  });

  it('enforces subscriptions per connection', async () => {
    const c = await ready();
    for (const id of ['a', 'b', 'c']) {
      c.send(startFrame(id, SUB, { g: 'max' }, undefined, stack.host));
      expect(await c.next()).toEqual({ type: 'start_ack', id });
    }
    c.send(startFrame('d', SUB, { g: 'max' }, undefined, stack.host));
    expect(await c.next()).toEqual({
      type: 'error',
      id: 'd',
      payload: { errors: [{ errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 3 subscriptions reached' }] },
    });
    c.send({ type: 'stop', id: 'a' });
    expect(await c.next()).toEqual({ type: 'complete', id: 'a' });
    c.send(startFrame('d', SUB, { g: 'max' }, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'd' });
  });

  it('does not deliver payloads over 240 KB, logs them, and still delivers smaller ones', async () => {
    const c = await ready();
    c.send(startFrame('big', 'subscription { onTicket(group: "big") { id title } }', {}, undefined, stack.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'big' });
    const pad = (n: number) => 'x'.repeat(n);
    await create({ id: 'huge', group: 'big', title: 't', padding: pad(250_000) });
    expect(await c.silentFor(300)).toBe(true);
    expect(stack.logs.some((l) => l.level === 'warn' && /240 KB/.test(l.msg))).toBe(true);
    // 244,440 B delivered in AWS's observation; our frame payload here is just under the cap.
    await create({ id: 'fits', group: 'big', title: 't', padding: pad(245_760 - 100) });
    const frame = await c.next();
    expect(frame.payload.data.onTicket.id).toBe('fits');
  });
});

describe('slow consumers', () => {
  let slow: Stack;
  beforeAll(async () => {
    slow = await startStack({ maxBufferedBytes: 256 * 1024 });
  });
  afterAll(() => slow.close());

  it('drops a client that stops reading instead of buffering without bound', async () => {
    const c = await connect(slow);
    clients.push(c);
    c.send({ type: 'connection_init' });
    await c.next();
    await c.next();
    c.send(startFrame('slow', 'subscription { onTicket(group: "slow") { id title } }', {}, undefined, slow.host));
    expect(await c.next()).toEqual({ type: 'start_ack', id: 'slow' });
    (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const before = slow.realtime.stats().connections;
    // Loopback kernel buffers absorb several MB before anything queues in the process.
    const dropped = () => slow.logs.some((l) => /not reading/.test(l.msg));
    for (let i = 0; i < 300 && !dropped(); i++) {
      await slow.mutate(CREATE, { input: { id: `p${i}`, group: 'slow', title: 'y'.repeat(200_000), mandatory: 'm' } });
    }
    for (let i = 0; i < 100 && slow.realtime.stats().connections === before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(slow.realtime.stats().connections).toBe(before - 1);
    expect(slow.realtime.stats().subscriptions).toBe(0);
    expect(slow.logs.some((l) => /not reading/.test(l.msg))).toBe(true);
  });
});

describe('timers', () => {
  let fast: Stack;
  beforeAll(async () => {
    fast = await startStack({ keepAliveIntervalMs: 100, initTimeoutMs: 300 });
  });
  afterAll(() => fast.close());

  it('sends ka on the configured cadence to acknowledged connections', async () => {
    const c = await connect(fast);
    clients.push(c);
    c.send({ type: 'connection_init' });
    expect(await c.next()).toEqual(ACK);
    const started = Date.now();
    for (let i = 0; i < 4; i++) expect(await c.next(1_000)).toEqual({ type: 'ka' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(150);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('closes a connection that sends nothing within the connection timeout', async () => {
    const c = await connect(fast);
    clients.push(c);
    const { code } = await c.closed;
    expect(code).toBe(1000);
    expect(fast.realtime.stats().connections).toBeGreaterThanOrEqual(0);
  });

  it('keeps a connection that initialised', async () => {
    const c = await connect(fast);
    clients.push(c);
    c.send({ type: 'connection_init' });
    expect(await c.next()).toEqual(ACK);
    await new Promise((r) => setTimeout(r, 500));
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });
});

void API_KEY;
