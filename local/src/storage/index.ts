/**
 * The offline S3: an HTTP endpoint serving the app's buckets (`AppDefinition.buckets`) with S3's REST
 * API subset the avatar pipeline uses (see docs/storage.md), SigV4-verified against the local
 * credential, persisted under `<dataDir>/storage/` and notifying the thumbnail Lambda (isolated in
 * its own processes, as its definition declares).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BucketDefinition } from '../app-definition.ts';
import { corsRuleFor, type CorsRule } from './cors.ts';
import type { FunctionEnv } from '../lambda-runtime/function-env.ts';
import { createNotifier } from './events.ts';
import { diskStore } from './disk-store.ts';
import { memoryStore } from './object-store.ts';
import { createStorageHandler, type BucketConfig } from './server.ts';
import type { StorageCredential } from './sigv4.ts';
import type { HostCheck } from '../host-check/host-check.ts';

export type { S3Event, S3EventRecord } from './events.ts';

export interface StartStorageOptions {
  /** 0 (default) = ephemeral; `npm start` uses STORAGE_PORT or 4569. */
  port?: number;
  host?: string;
  /** Objects persist under `<dataDir>/storage/<bucket>/…`; in memory when absent. */
  dataDir?: string;
  region: string;
  /** The credentials SigV4 signatures are checked against (the stack's local IAM credential). */
  credentials: StorageCredential[];
  /** Browser origins allowed to PUT/GET (the web app's). */
  corsOrigins: string[];
  /** The environment each notified function is invoked with (by function name). */
  functionEnv?: (functionName: string) => FunctionEnv;
  /** Buckets to serve (the app's). */
  buckets: BucketDefinition[];
  /** Cache-Control served for a public bucket's objects stored without one (offline stand-in for the CDN's). */
  publicCacheControl?: string;
  /** Deliver object-created events to the buckets' notification handlers (default true). */
  notifications?: boolean;
  maxObjectBytes?: number;
  /** Retry back-off of failed event deliveries. */
  retryDelaysMs?: number[];
  log?: (obj: object, msg: string) => void;
  /** Which Host headers are served (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
}

export interface StorageHandle {
  /** `http://localhost:<port>`: the S3 endpoint (AWS_ENDPOINT_URL_S3). */
  endpoint: string;
  port: number;
  /** Logical name → physical bucket name. */
  bucketNames: Record<string, string>;
  /** The public base URL of a bucket's objects, `<endpoint>/<bucket>` (offline CloudFront). */
  publicBaseUrl(logicalName: string): string;
  /** Resolves when every event delivery started so far has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startStorage(options: StartStorageOptions): Promise<StorageHandle> {
  const definitions = options.buckets;
  const log = options.log ?? (() => undefined);
  const buckets: BucketConfig[] = definitions.map((b) => ({
    name: b.localName,
    publicRead: b.publicRead,
    ...(b.publicRead && options.publicCacheControl ? { defaultCacheControl: options.publicCacheControl } : {}),
  }));
  const notifier = createNotifier({
    region: options.region,
    log,
    retryDelaysMs: options.retryDelaysMs,
    functionEnv: options.functionEnv,
    targets:
      options.notifications === false
        ? []
        : definitions.flatMap((b) => (b.notification ? [{ ...b.notification, bucket: b.localName }] : [])),
  });
  const cors: CorsRule[] = definitions.flatMap((b) => (b.cors ? [corsRuleFor(b.cors, options.corsOrigins)] : []));
  const handler = createStorageHandler({
    store: options.dataDir ? diskStore(path.join(options.dataDir, 'storage')) : memoryStore(),
    buckets,
    credentials: options.credentials,
    cors,
    notifier,
    maxObjectBytes: options.maxObjectBytes ?? 64 * 1024 * 1024,
    log,
    hostCheck: options.hostCheck,
  });
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = `http://localhost:${port}`;
  const bucketNames = Object.fromEntries(definitions.map((b) => [b.logicalName, b.localName]));
  return {
    endpoint,
    port,
    bucketNames,
    publicBaseUrl: (logicalName) => `${endpoint}/${bucketNames[logicalName]}`,
    idle: () => notifier.idle(),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notifier.idle();
      await notifier.close();
    },
  };
}
