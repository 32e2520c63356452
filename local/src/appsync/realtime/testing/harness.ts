/**
 * Starts the real pieces for real-time tests: the engine over a small fixture schema with NONE
 * resolvers, the authenticator (API key, Lambda authorizer, IAM), the one-port TLS+HTTP listener
 * and the real-time server on it. Also a queueing WebSocket client that asserts on exact frames.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { bundleResolver, discoverResolvers } from '../../../../../definitions/resolvers.ts';
import { createAuthenticator } from '../../auth/index.ts';
import type { Authenticator } from '../../auth/types.ts';
import { createNoneDataSource } from '../../datasources/none.ts';
import { createEngine, type AppSyncEngine } from '../../engine/create-engine.ts';
import type { Engine, ExecuteResult } from '../../engine/types.ts';
import { createDualServer, type DualServer } from '../dual-server.ts';
import { attachRealtime, type RealtimeServer } from '../server.ts';
import type { RealtimeLimits, RealtimeLogger } from '../socket.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const API_KEY = 'da2-realtimetestkey0000000000';
export const IAM = { accessKeyId: 'AKIDREALTIMETEST', secretAccessKey: 'realtime-test-secret' };
const AUTHORIZER = path.relative(path.resolve(here, '../../../../..'), path.join(here, 'app/authorizer.ts')) + '#handler';

export interface Stack {
  engine: AppSyncEngine;
  authenticator: Authenticator;
  dual: DualServer;
  realtime: RealtimeServer;
  port: number;
  /** `localhost:<port>` */
  host: string;
  logs: { level: string; msg: string; obj: object }[];
  /** Runs a mutation as an API-key caller through the real authenticator and engine. */
  mutate(query: string, variables?: Record<string, unknown>): Promise<ExecuteResult>;
  close(): Promise<void>;
}

let sharedEngine: Promise<AppSyncEngine> | undefined;

/** The engine is built once per test file (bundling resolvers takes a moment). */
export function fixtureEngine(): Promise<AppSyncEngine> {
  sharedEngine ??= (async () =>
    createEngine({
      schemaSource: await readFile(path.join(here, 'app/schema.graphql'), 'utf8'),
      resolvers: discoverResolvers(path.join(here, 'app/resolvers')),
      loadCode: bundleResolver,
      dataSources: { NONE: createNoneDataSource() },
      defaultAuthMode: 'API_KEY',
      additionalAuthModes: ['AWS_LAMBDA', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS'],
    }))();
  return sharedEngine;
}

/** A Cognito-compatible token issuer (see auth/testing/jwt-issuer.ts). */
export interface UserPoolIssuer {
  issuer: string;
  jwksUri: string;
  userPoolId: string;
}

export function fixtureAuthenticator(userPool?: UserPoolIssuer): Authenticator {
  return createAuthenticator({
    providers: [
      { mode: 'API_KEY', apiKeys: [{ id: API_KEY, expires: Math.floor(Date.now() / 1000) + 86_400 }] },
      { mode: 'AWS_LAMBDA', lambda: { handler: AUTHORIZER, authorizerResultTtlInSeconds: 0 } },
      { mode: 'AWS_IAM', credentials: [{ ...IAM, accountId: '000000000000' }] },
      ...(userPool
        ? [{ mode: 'AMAZON_COGNITO_USER_POOLS' as const, userPool: { userPoolId: userPool.userPoolId, issuer: userPool.issuer, jwksUri: userPool.jwksUri, defaultAction: 'ALLOW' as const } }]
        : []),
    ],
  });
}

/** Lets a test put a gate in front of the real engine or authenticator the real-time server uses. */
export interface StackWrappers {
  engine?: (engine: Engine) => Engine;
  authenticator?: (authenticator: Authenticator) => Authenticator;
}

export async function startStack(limits?: Partial<RealtimeLimits>, userPool?: UserPoolIssuer, wrap: StackWrappers = {}): Promise<Stack> {
  const engine = await fixtureEngine();
  const authenticator = fixtureAuthenticator(userPool);
  const certDir = await mkdtemp(path.join(os.tmpdir(), 'realtime-stack-'));
  const dual = await createDualServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  }, { certDir });
  await new Promise<void>((r) => dual.server.listen(0, '127.0.0.1', r));
  const port = (dual.server.address() as AddressInfo).port;
  const host = `localhost:${port}`;
  const logs: Stack['logs'] = [];
  const log: RealtimeLogger = Object.fromEntries(
    ['debug', 'info', 'warn', 'error'].map((level) => [level, (obj: object, msg: string) => logs.push({ level, msg, obj })]),
  ) as unknown as RealtimeLogger;
  const realtime = attachRealtime({
    server: [dual.http, dual.https],
    engine: wrap.engine?.(engine) ?? engine,
    authenticator: wrap.authenticator?.(authenticator) ?? authenticator,
    graphqlHost: host,
    log,
    limits,
  });
  return {
    engine,
    authenticator,
    dual,
    realtime,
    port,
    host,
    logs,
    async mutate(query, variables) {
      const auth = await authenticator.authenticate({ headers: { 'x-api-key': API_KEY }, method: 'POST', path: '/graphql', body: '', sourceIp: '127.0.0.1' });
      if (!auth.ok) throw new Error(auth.message);
      return engine.execute({ query, variables }, { auth: auth.auth, requestId: randomUUID(), headers: {} });
    },
    async close() {
      await realtime.close();
      await new Promise((r) => dual.server.close(r));
      await rm(certDir, { recursive: true, force: true });
    },
  };
}

export const apiKeyHeader = (host: string) => ({ host, 'x-api-key': API_KEY, 'x-amz-date': '20261127T000000Z' });
export const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A WebSocket client that queues every frame and lets a test wait for the next one. */
export class FrameClient {
  readonly frames: unknown[] = [];
  private waiters: ((frame: unknown) => void)[] = [];
  closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      const w = this.waiters.shift();
      if (w) w(frame);
      else this.frames.push(frame);
    });
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** The next frame, or a rejection after `timeoutMs`. Tests read into frames freely. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- arbitrary wire JSON, asserted by the tests
  next(timeoutMs = 5_000): Promise<any> {
    if (this.frames.length) return Promise.resolve(this.frames.shift());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (f: unknown) => {
        clearTimeout(timer);
        resolve(f);
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves true when no frame arrives within `ms`. */
  async silentFor(ms: number): Promise<boolean> {
    try {
      const f = await this.next(ms);
      this.frames.unshift(f);
      return false;
    } catch {
      return true;
    }
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Opens a connection (`connect`), records it in `clients` for the suite's teardown, and completes
 * the handshake: `connection_init` → `connection_ack` → the first `ka`.
 */
export async function handshake(stack: Stack, clients: FrameClient[], options?: Parameters<typeof connect>[1]): Promise<FrameClient> {
  const c = await connect(stack, options);
  clients.push(c);
  c.send({ type: 'connection_init' });
  const ack = await c.next();
  if (ack?.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  const ka = await c.next();
  if (ka?.type !== 'ka') throw new Error(`expected ka, got ${JSON.stringify(ka)}`);
  return c;
}

/** Opens a ws:// connection with Amplify v6's subprotocols and an API-key header. */
export async function connect(stack: Stack, options: { protocols?: string[]; query?: string } = {}): Promise<FrameClient> {
  const protocols = options.protocols ?? ['graphql-ws', `header-${b64url(apiKeyHeader(stack.host))}`];
  const client = new FrameClient(new WebSocket(`ws://127.0.0.1:${stack.port}/graphql/realtime${options.query ?? ''}`, protocols));
  await client.opened;
  return client;
}

export function startFrame(id: string, query: string, variables: Record<string, unknown> = {}, authorization?: Record<string, unknown>, host = '') {
  return {
    id,
    type: 'start',
    payload: { data: JSON.stringify({ query, variables }), extensions: { authorization: authorization ?? apiKeyHeader(host) } },
  };
}
