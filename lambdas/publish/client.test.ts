/**
 * The SigV4 publisher against the offline API's real IAM verifier (local/src/appsync/auth) on a
 * real HTTP server: a correctly signed call is accepted, a wrong secret is refused, and transport
 * failures surface as errors the consumer retries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../local/src/appsync/auth/index.ts';
import { AppSyncHttpError, createAppSyncClient } from './client.ts';

const CREDENTIAL = { accessKeyId: 'AKIAPUBLISHTEST00001', secretAccessKey: 'publisher-test-secret' };
const authenticator = createAuthenticator({ region: 'us-east-1', providers: [{ mode: 'AWS_IAM', credentials: [{ ...CREDENTIAL, accountId: '000000000000' }] }] });

let server: http.Server;
let url: string;
let reply: ((res: http.ServerResponse) => void) | null = null;
const seen: { mode?: string; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      if (reply) return reply(res);
      const auth = await authenticator.authenticate({ headers, method: req.method ?? 'POST', path: req.url ?? '/', body, sourceIp: '127.0.0.1' });
      seen.push({ mode: auth.ok ? auth.auth.mode : undefined, body });
      res.writeHead(auth.ok ? 200 : auth.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(auth.ok ? { data: { ok: true } } : { errors: [{ errorType: auth.errorType, message: auth.message }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://localhost:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('AppSync IAM publisher', () => {
  it('signs requests the IAM verifier accepts', async () => {
    const call = createAppSyncClient({ url, region: 'us-east-1', credentials: CREDENTIAL });
    const res = await call('mutation { x }', { a: 1 });
    expect(res).toEqual({ data: { ok: true } });
    expect(seen.at(-1)).toEqual({ mode: 'AWS_IAM', body: JSON.stringify({ query: 'mutation { x }', variables: { a: 1 } }) });
  });

  it('is refused with the wrong secret, as an error the consumer retries', async () => {
    const call = createAppSyncClient({ url, region: 'us-east-1', credentials: { ...CREDENTIAL, secretAccessKey: 'wrong' } });
    await expect(call('mutation { x }', {})).rejects.toBeInstanceOf(AppSyncHttpError);
  });

  it('turns non-JSON answers and unreachable endpoints into AppSyncHttpError', async () => {
    reply = (res) => {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    };
    try {
      const call = createAppSyncClient({ url, region: 'us-east-1', credentials: CREDENTIAL });
      await expect(call('mutation { x }', {})).rejects.toThrow(/non-JSON/);
    } finally {
      reply = null;
    }
    const dead = createAppSyncClient({ url: 'http://127.0.0.1:1/graphql', region: 'us-east-1', credentials: CREDENTIAL, timeoutMs: 2000 });
    await expect(dead('mutation { x }', {})).rejects.toBeInstanceOf(AppSyncHttpError);
  });

  it('reads the endpoint from APPSYNC_URL', () => {
    const saved = process.env.APPSYNC_URL;
    delete process.env.APPSYNC_URL;
    try {
      expect(() => createAppSyncClient({ credentials: CREDENTIAL })).toThrow(/APPSYNC_URL/);
    } finally {
      if (saved !== undefined) process.env.APPSYNC_URL = saved;
    }
  });
});
