import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../auth/index.ts';
import { startTestIssuer, type TestIssuer } from '../auth/testing/jwt-issuer.ts';
import { signAppSyncRequest } from '../auth/testing/sigv4-client.ts';
import { createLogger } from '../../observability/logger.ts';
import { createGraphqlHandler } from './handler.ts';
import { createEchoEngine } from './testing/echo-engine.ts';

const fixtures = 'local/src/appsync/auth/testing/authorizers.ts';
const creds = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };
const logLines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
    cb();
  },
});

let server: Server;
let base: string;
let host: string;
let issuer: TestIssuer;
const engine = createEchoEngine();

beforeAll(async () => {
  issuer = await startTestIssuer();
  const authenticator = createAuthenticator({
    providers: [
      { mode: 'AWS_LAMBDA', lambda: { handler: `${fixtures}#allow`, authorizerResultTtlInSeconds: 0 } },
      { mode: 'AMAZON_COGNITO_USER_POOLS', userPool: { userPoolId: issuer.userPoolId, issuer: issuer.issuer, appIdClientRegex: issuer.clientId } },
      { mode: 'AWS_IAM', credentials: [creds] },
      { mode: 'API_KEY', apiKeys: [{ id: 'da2-valid', expires: Date.now() / 1000 + 3600 }, { id: 'da2-expired', expires: 1 }] },
    ],
  });
  const handler = createGraphqlHandler({
    engine,
    authenticator,
    logger: createLogger({ destination: sink, level: 'info' }),
    maxBodyBytes: 4096,
    explorer: (_req, res) => res.end('explorer'),
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await issuer.close();
});

const whoami = JSON.stringify({ query: 'query Who { whoami }', operationName: 'Who' });
const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('auth modes over HTTP', () => {
  it('API key: accepted, identity null; unknown/expired → 401 with AppSync body', async () => {
    const ok = await post(whoami, { 'x-api-key': 'da2-valid' });
    expect(ok.status).toBe(200);
    expect(JSON.parse((await ok.json()).data.whoami)).toMatchObject({ mode: 'API_KEY', identity: null });
    for (const key of ['da2-nope', 'da2-expired']) {
      const res = await post(whoami, { 'x-api-key': key });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
      expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
    }
  });

  it('no credentials → 401 "Valid authorization header not provided."', async () => {
    const res = await post(whoami);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' }] });
  });

  it('Cognito: valid token accepted; forged and expired rejected', async () => {
    const ok = await post(whoami, { authorization: issuer.accessToken() });
    expect(JSON.parse((await ok.json()).data.whoami)).toMatchObject({ mode: 'AMAZON_COGNITO_USER_POOLS', identity: { username: 'alice' } });
    const forged = issuer.sign({ sub: 'x', iss: issuer.issuer, token_use: 'access', client_id: issuer.clientId, exp: Date.now() / 1000 + 60 }, issuer.foreignKey);
    expect((await post(whoami, { authorization: forged })).status).toBe(401);
    const expired = await post(whoami, { authorization: issuer.accessToken({ exp: 1 }) });
    expect(await expired.json()).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] });
  });

  it('Lambda: authorizer identity reaches the engine; deny → 401', async () => {
    const ok = await post(whoami, { authorization: 'guest' });
    const body = JSON.parse((await ok.json()).data.whoami);
    expect(body).toMatchObject({ mode: 'AWS_LAMBDA', identity: { resolverContext: { token: 'guest' } } });
    expect(engine.calls.at(-1)!.auth.deniedFields).toEqual(['Mutation.deleteEverything', 'Query.secret']);
    expect((await post(whoami, { authorization: 'deny-me' })).status).toBe(401);
  });

  it('IAM: a SigV4-signed request is accepted; a tampered one is 403', async () => {
    const headers = await signAppSyncRequest({ host, path: '/graphql', body: whoami, ...creds });
    const ok = await post(whoami, headers);
    expect(ok.status).toBe(200);
    expect(JSON.parse((await ok.json()).data.whoami)).toMatchObject({ mode: 'AWS_IAM', identity: { username: 'AKIDLOCAL' } });
    const bad = await post(whoami.replace('Who', 'Wha'), headers);
    expect(bad.status).toBe(403);
    expect((await bad.json()).errors[0].errorType).toBe('InvalidSignatureException');
  });
});

describe('request handling', () => {
  const key = { 'x-api-key': 'da2-valid' };

  it('returns x-amzn-RequestId and passes the same id to the engine', async () => {
    const res = await post(whoami, key);
    const id = res.headers.get('x-amzn-requestid');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse((await res.json()).data.whoami).requestId).toBe(id);
  });

  it('answers malformed requests with AppSync 400 bodies', async () => {
    const empty = await post('', key);
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is empty.' }] });
    for (const body of ['meow', '{}', '{}}', '[]', '{"query": 5}', '{"query":"{ whoami }","variables":[1]}', '{"query":"{ whoami }","operationName":3}']) {
      const res = await post(body, key);
      expect(res.status, body).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] });
    }
  });

  it('refuses a body that is not UTF-8 with 400 before auth or execution, instead of reading U+FFFD', async () => {
    const calls = engine.calls.length;
    const json = Buffer.from(JSON.stringify({ query: '{ whoami }', variables: { m: 'XX' } }));
    const at = json.indexOf('XX');
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const body = Buffer.concat([json.subarray(0, at), Buffer.from(bad), json.subarray(at + 2)]);
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...key }, body });
      expect(res.status, String(bad)).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('MalformedHttpRequestException');
      expect(await res.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Request body is not valid UTF-8.' }] });
    }
    expect(engine.calls.length).toBe(calls);
    // Well-formed multi-byte text still reads.
    const ok = await post(JSON.stringify({ query: '{ whoami }', variables: { m: '😀é'.repeat(500) } }), key);
    expect(ok.status).toBe(200);
  });

  it('refuses a GET query string whose %-escapes are not UTF-8, and still reads a stray %', async () => {
    const calls = engine.calls.length;
    for (const bad of ['%FF', '%C3', '%ED%A0%80']) {
      const res = await fetch(`${base}/graphql?query=${encodeURIComponent('{ whoami }')}&variables=${encodeURIComponent('{"m":"')}${bad}${encodeURIComponent('"}')}`, { headers: key });
      expect(res.status, bad).toBe(400);
      expect(await res.json()).toEqual({ errors: [{ errorType: 'MalformedHttpRequestException', message: 'Query string is not valid UTF-8.' }] });
    }
    expect(engine.calls.length).toBe(calls);
    const ok = await fetch(`${base}/graphql?query=${encodeURIComponent('{ whoami }')}&variables=${encodeURIComponent('{"m":"100')}%${encodeURIComponent(' é😀"}')}`, { headers: key });
    expect(ok.status).toBe(200);
  });

  it('checks the body before auth, and auth before execution', async () => {
    const calls = engine.calls.length;
    expect((await post('meow')).status).toBe(400);
    expect((await post(whoami)).status).toBe(401);
    expect(engine.calls.length).toBe(calls);
  });

  it('returns GraphQL errors with 200 and serves GET queries', async () => {
    const res = await post(JSON.stringify({ query: '{ fail }' }), key);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { fail: null }, errors: [{ message: 'boom', path: ['fail'] }] });
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ whoami }')}`, { headers: key });
    expect(get.status).toBe(200);
  });

  it('rejects bodies over the limit with 413 and survives', async () => {
    const res = await post(JSON.stringify({ query: `{ whoami } #${'x'.repeat(8000)}` }), key);
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].errorType).toBe('BadRequestException');
    // Chunked, undeclared length.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/graphql`, { method: 'POST', headers: { 'x-api-key': 'da2-valid' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      for (let i = 0; i < 10; i++) req.write('x'.repeat(1000));
      req.end();
    }).catch(() => 413);
    expect(chunked).toBe(413);
    expect((await post(whoami, key)).status).toBe(200);
  });

  it('turns an engine crash into a 500 and keeps serving', async () => {
    const res = await post(JSON.stringify({ query: '{ crash }' }), key);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ errors: [{ errorType: 'InternalFailure', message: 'An internal failure occurred.' }] });
    expect((await post(whoami, key)).status).toBe(200);
  });

  it('405 for other methods, 404 elsewhere, explorer on GET /', async () => {
    expect((await fetch(`${base}/graphql`, { method: 'PUT', body: 'x' })).status).toBe(405);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect(await (await fetch(`${base}/`)).text()).toBe('explorer');
  });

  it('logs one structured line per request with operation, auth mode, duration, errors and request id', async () => {
    const res = await post(whoami, key);
    const id = res.headers.get('x-amzn-requestid');
    await res.text();
    await new Promise((r) => setTimeout(r, 20));
    const lines = logLines.filter((l) => l.requestId === id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'graphql request', method: 'POST', path: '/graphql', status: 200, operationName: 'Who', authMode: 'API_KEY', errorCount: 0 });
    expect(typeof lines[0].durationMs).toBe('number');
  });
});

describe('CORS', () => {
  it('answers a preflight from the web app origin', async () => {
    const res = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('adds CORS headers to actual requests from allowed origins', async () => {
    const res = await post(whoami, { 'x-api-key': 'da2-valid', origin: 'http://localhost:5173' });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-RequestId');
  });

  it('allows same-origin requests (the explorer page) whatever the allowlist', async () => {
    const res = await post(whoami, { 'x-api-key': 'da2-valid', origin: base });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(base);
  });

  it('refuses other origins, preflight or not', async () => {
    const pre = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const calls = engine.calls.length;
    expect((await post(whoami, { 'x-api-key': 'da2-valid', origin: 'http://evil.test' })).status).toBe(403);
    expect(engine.calls.length).toBe(calls);
  });
});
