/**
 * The web dev server takes ALLOWED_HOSTS like the offline stack: a rebound foreign name is
 * refused, a listed one is served. Real Vite dev server from web/vite.config.ts, port 0.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';

let vite: ViteDevServer;
let port = 0;
const saved = process.env.ALLOWED_HOSTS;

beforeAll(async () => {
  process.env.ALLOWED_HOSTS = 'lan.example';
  vite = await createServer({ configFile: path.resolve('web/vite.config.ts'), root: path.resolve('web'), logLevel: 'error', server: { port: 0, strictPort: false, host: '127.0.0.1' } });
  await vite.listen();
  port = (vite.httpServer!.address() as AddressInfo).port;
}, 60_000);
afterAll(async () => {
  await vite?.close();
  if (saved === undefined) delete process.env.ALLOWED_HOSTS;
  else process.env.ALLOWED_HOSTS = saved;
});

const statusFor = (host: string) =>
  new Promise<number>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', headers: { host: `${host}:${port}`, accept: 'text/html' }, setHost: false, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

it('serves loopback names and ALLOWED_HOSTS, refuses other names with 403', async () => {
  for (const host of ['localhost', '127.0.0.1', '[::1]', 'lan.example']) expect(await statusFor(host), host).toBe(200);
  for (const host of ['attacker.example', 'lan.example.attacker.example']) expect(await statusFor(host), host).toBe(403);
});
