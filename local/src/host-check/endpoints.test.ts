/**
 * Every endpoint of the offline stack refuses a foreign Host (a DNS-rebinding page) before doing
 * any work, and serves loopback hosts and those in ALLOWED_HOSTS. Real stack, ephemeral ports;
 * requests go to 127.0.0.1 with the Host header a browser would send.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.ts';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  upgraded: boolean;
}

/** One request to 127.0.0.1:<port of url> with `host` as the Host header. */
function send(url: string, host: string, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: target.port, method: init.method ?? 'GET', path: init.path ?? target.pathname, headers: { ...init.headers, host }, setHost: false, agent: false });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, upgraded: false }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', upgraded: true });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

let stack: Stack;
const saved = process.env.ALLOWED_HOSTS;
beforeAll(async () => {
  process.env.ALLOWED_HOSTS = 'lan.example';
  stack = await startStack({ ports: {}, log: 'silent' });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  if (saved === undefined) delete process.env.ALLOWED_HOSTS;
  else process.env.ALLOWED_HOSTS = saved;
});

const port = (url: string) => new URL(url).port;
const hostsFor = (url: string) => ({
  served: [`localhost:${port(url)}`, `127.0.0.1:${port(url)}`, `[::1]:${port(url)}`, `app.localhost:${port(url)}`, `lan.example:${port(url)}`],
  refused: [`attacker.example:${port(url)}`, `localhost.attacker.example:${port(url)}`, `10.1.2.3:${port(url)}`],
});

/** Each endpoint: a request, what a served answer looks like, and the refusal in the service's own error shape. */
const endpoints: { name: string; url: () => string; init: () => Parameters<typeof send>[2]; served: (a: Answer) => void; refused: (a: Answer) => void }[] = [
  {
    name: 'GraphQL HTTP',
    url: () => stack.urls.graphql,
    init: () => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization: 'guest' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    served: (a) => expect(JSON.parse(a.body)).toEqual({ data: { __typename: 'Query' } }),
    refused: (a) => {
      expect(a.headers['x-amzn-errortype']).toBe('ForbiddenException');
      expect(JSON.parse(a.body)).toMatchObject({ errors: [{ errorType: 'ForbiddenException', message: expect.stringContaining('ALLOWED_HOSTS') }] });
    },
  },
  {
    name: 'explorer',
    url: () => stack.urls.explorer,
    init: () => ({}),
    served: (a) => expect(a.body).toContain('explorer-config'),
    refused: (a) => expect(JSON.parse(a.body)).toMatchObject({ errors: [{ errorType: 'ForbiddenException' }] }),
  },
  {
    name: 'real-time WebSocket upgrade',
    url: () => stack.urls.graphql.replace(/\/graphql$/, '/graphql/realtime'),
    init: () => ({ headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-protocol': 'graphql-ws' } }),
    served: (a) => expect(a).toMatchObject({ status: 101, upgraded: true }),
    refused: (a) => {
      expect(a.upgraded).toBe(false);
      expect(JSON.parse(a.body)).toMatchObject({ errors: [{ errorType: 'ForbiddenException' }] });
    },
  },
  {
    name: 'Cognito',
    url: () => `${stack.cognito.url}/${stack.cognito.userPoolId}/.well-known/jwks.json`,
    init: () => ({}),
    served: (a) => expect(JSON.parse(a.body).keys.length).toBeGreaterThan(0),
    refused: (a) => {
      expect(a.headers['x-amzn-errortype']).toBe('ForbiddenException:');
      expect(JSON.parse(a.body)).toMatchObject({ __type: 'ForbiddenException' });
    },
  },
  {
    name: 'storage',
    url: () => `${stack.storage.endpoint}/${stack.storage.bucketNames.AssetsBucket}/missing.jpg`,
    init: () => ({}),
    served: (a) => expect(a.body).toContain('<Code>NoSuchKey</Code>'),
    refused: (a) => expect(a.body).toMatch(/<Error><Code>AccessDenied<\/Code><Message>Host &apos;[^&]+&apos; is not served here/),
  },
  {
    name: 'DynamoDB front',
    url: () => stack.dynamo.endpoint + '/',
    init: () => ({
      method: 'POST',
      // The front checks only that a SigV4 header is present (like DynamoDB Local).
      headers: { 'x-amz-target': 'DynamoDB_20120810.ListTables', 'content-type': 'application/x-amz-json-1.0', authorization: 'AWS4-HMAC-SHA256 Credential=x/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' },
      body: '{}',
    }),
    served: (a) => expect(JSON.parse(a.body).TableNames).toContain(stack.dynamo.tableName),
    refused: (a) => expect(JSON.parse(a.body)).toMatchObject({ __type: 'com.amazonaws.dynamodb.v20120810#AccessDeniedException' }),
  },
];

describe.each(endpoints)('$name', (endpoint) => {
  it('serves loopback hosts and ALLOWED_HOSTS', async () => {
    for (const host of hostsFor(endpoint.url()).served) {
      const answer = await send(endpoint.url(), host, endpoint.init());
      expect(answer.status, host).toBeLessThan(endpoint.name === 'storage' ? 405 : 300);
      endpoint.served(answer);
    }
  });

  it('refuses a foreign Host with 403, without echoing its Origin', async () => {
    for (const host of hostsFor(endpoint.url()).refused) {
      const init = endpoint.init();
      const answer = await send(endpoint.url(), host, { ...init, headers: { ...init?.headers, origin: `http://${host}` } });
      expect(answer.status, host).toBe(403);
      expect(answer.headers['access-control-allow-origin'], host).toBeUndefined();
      endpoint.refused(answer);
    }
  });
});

describe('RDS Data API', () => {
  // Unsigned on purpose: a served Host reaches authentication, a foreign one never does.
  const init = { method: 'POST', path: '/Execute', headers: { 'content-type': 'application/json' }, body: '{}' };
  it('lets loopback hosts and ALLOWED_HOSTS through to authentication', async () => {
    for (const host of hostsFor(stack.urls.database!).served) {
      const answer = await send(stack.urls.database!, host, init);
      expect([answer.status, answer.headers['x-amzn-errortype']], host).toEqual([403, 'MissingAuthenticationTokenException']);
    }
  });

  it('refuses a foreign Host with 403 ForbiddenException', async () => {
    for (const host of hostsFor(stack.urls.database!).refused) {
      const answer = await send(stack.urls.database!, host, init);
      expect([answer.status, answer.headers['x-amzn-errortype']], host).toEqual([403, 'ForbiddenException']);
      expect(JSON.parse(answer.body).message).toContain('ALLOWED_HOSTS');
    }
  });
});

describe('Cognito outbox', () => {
  it('is not readable through a rebound name, even from "its own" origin', async () => {
    const host = `attacker.example:${port(stack.cognito.url)}`;
    const answer = await send(`${stack.cognito.url}/_local/outbox`, host, { path: '/_local/outbox?email=a@b.test', headers: { origin: `http://${host}` } });
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('messages');
  });
});
