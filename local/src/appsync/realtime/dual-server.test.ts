import { mkdtemp, rm, stat } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { ensureCertificate } from './certificate.ts';
import { createDualServer, type DualServer } from './dual-server.ts';
import { installRealtimeWsAdapter, rewriteRealtimeUrl } from './browser-ws-adapter.ts';

let dir: string;
let dual: DualServer;
let port: number;
const wss = new WebSocketServer({ noServer: true, handleProtocols: () => 'graphql-ws' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'realtime-cert-'));
  dual = await createDualServer((req, res) => res.end(`${req.socket.constructor.name === 'TLSSocket' ? 'tls' : 'plain'} ${req.url}`), {
    certDir: dir,
  });
  for (const s of [dual.http, dual.https]) {
    s.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => ws.send(`hello ${req.url}`)));
  }
  await new Promise<void>((r) => dual.server.listen(0, '127.0.0.1', r));
  port = (dual.server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise((r) => dual.server.close(r));
  await rm(dir, { recursive: true, force: true });
});

const firstMessage = (ws: WebSocket) =>
  new Promise<string>((resolve, reject) => {
    ws.once('message', (d) => resolve(d.toString()));
    ws.once('error', reject);
  });

describe('one port, TLS and plain HTTP', () => {
  it('serves plain HTTP', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`);
    expect(await res.text()).toBe('plain /graphql');
  });

  it('serves HTTPS with the generated certificate, trusted explicitly', async () => {
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/graphql', ca: dual.certificate.cert, servername: 'localhost' }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(body).toBe('tls /graphql');
  });

  it('refuses TLS from a client that does not trust the certificate', async () => {
    const err = await new Promise<Error>((resolve) => {
      https.get({ host: '127.0.0.1', port, path: '/' }, () => resolve(new Error('connected'))).on('error', resolve);
    });
    expect(String((err as NodeJS.ErrnoException).code)).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
  });

  it('upgrades ws:// and wss:// on the same port', async () => {
    const plain = new WebSocket(`ws://127.0.0.1:${port}/graphql/realtime`, 'graphql-ws');
    expect(await firstMessage(plain)).toBe('hello /graphql/realtime');
    plain.close();
    const secure = new WebSocket(`wss://localhost:${port}/graphql/realtime`, 'graphql-ws', { ca: dual.certificate.cert });
    expect(await firstMessage(secure)).toBe('hello /graphql/realtime');
    secure.close();
  });

  it('reuses the certificate on the next start', async () => {
    const again = await ensureCertificate(dir);
    expect(again.cert).toBe(dual.certificate.cert);
    expect((await stat(again.keyPath)).mode & 0o777).toBe(0o600);
  });
});

describe('browser WebSocket URL adapter', () => {
  it('rewrites only wss://<endpoint host>/graphql/realtime for an http:// endpoint', () => {
    const ep = 'http://localhost:20002/graphql';
    expect(rewriteRealtimeUrl('wss://localhost:20002/graphql/realtime?x=1', ep)).toBe('ws://localhost:20002/graphql/realtime?x=1');
    expect(rewriteRealtimeUrl('wss://localhost:20003/graphql/realtime', ep)).toBeNull();
    expect(rewriteRealtimeUrl('wss://localhost:20002/other', ep)).toBeNull();
    expect(rewriteRealtimeUrl('wss://x.appsync-realtime-api.us-east-1.amazonaws.com/graphql', ep)).toBeNull();
    expect(rewriteRealtimeUrl('wss://localhost:20002/graphql/realtime', 'https://localhost:20002/graphql')).toBeNull();
  });

  it('wraps a WebSocket constructor so Amplify’s wss:// URL reaches the plain listener', async () => {
    const scope: { WebSocket?: typeof globalThis.WebSocket } = { WebSocket: WebSocket as unknown as typeof globalThis.WebSocket };
    const uninstall = installRealtimeWsAdapter(`http://127.0.0.1:${port}/graphql`, scope);
    const Adapted = scope.WebSocket as unknown as typeof WebSocket;
    expect(Adapted).not.toBe(WebSocket);
    const ws = new Adapted(`wss://127.0.0.1:${port}/graphql/realtime`, ['graphql-ws']);
    expect(ws).toBeInstanceOf(WebSocket);
    expect(ws.url).toBe(`ws://127.0.0.1:${port}/graphql/realtime`);
    expect(await firstMessage(ws)).toBe('hello /graphql/realtime');
    ws.close();
    uninstall();
    expect(scope.WebSocket).toBe(WebSocket);
    expect(installRealtimeWsAdapter('https://example.com/graphql', scope)).toBeTypeOf('function');
    expect(scope.WebSocket).toBe(WebSocket);
  });
});
