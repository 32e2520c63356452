/**
 * The offline DynamoDB: an embedded store (dynalite; in memory, or LevelDB under
 * `<dataDir>/dynamodb`) — or any DynamoDB API named by `DYNAMODB_ENDPOINT` — behind a front that
 * adds streams, transactions and TTL. See docs/decisions/004-dynamodb-store-and-streams.md.
 */
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../app-definition.ts';
import { createBackend } from './backend.ts';
import { inProcessClient, type InProcessClient } from './in-process-client.ts';
import { startEmbeddedStore, type EmbeddedStore } from './store/embedded.ts';
import type { IteratorGauge } from './store/iterators.ts';
import { startFront } from './front/server.ts';
import type { HostCheck } from '../host-check/host-check.ts';
import { StreamHub } from './streams/hub.ts';
import type { AttributeMap, StreamRecord } from './streams/record.ts';
import { ensureTable } from './table-setup.ts';
import { rebuildIfIndexesMissing } from './table-rebuild.ts';
import { TtlSweeper } from './ttl/sweeper.ts';

export type { StreamRecord } from './streams/record.ts';
export type { FailureRecord } from './streams/failure-destination.ts';
export { startEventSourceMappings, type EventSourceMappings, type EventSourceMappingsOptions } from './streams/mappings.ts';

export interface StartDynamoOptions {
  /** The app's table: keys, indexes, stream and TTL settings. */
  table: TableDefinition;
  /** Root data dir (`.cruddur`); the store lives in `<dataDir>/dynamodb`. In memory when absent. */
  dataDir?: string;
  /** Physical table name (default `cruddur-local`). */
  tableName?: string;
  /** Port of the DynamoDB endpoint (default 0: ephemeral). */
  port?: number;
  region?: string;
  /** TTL sweep interval (default 60 s; 0 disables the timer, `ttl.sweepNow()` still works). */
  ttlIntervalMs?: number;
  /** Items per TTL scan page (default 500). */
  ttlScanPageSize?: number;
  /** Largest share of wall-clock time the timed TTL sweep may work (default 0.25; ttl/sweeper.ts). */
  ttlBackgroundShare?: number;
  /** External DynamoDB API instead of the embedded store (default `process.env.DYNAMODB_ENDPOINT`). */
  externalEndpoint?: string;
  /** Which Host headers the front serves (default: loopback + ALLOWED_HOSTS). */
  hostCheck?: HostCheck;
}

export interface DynamoStack {
  /** The DynamoDB endpoint every client (SDK, Lambdas via AWS_ENDPOINT_URL_DYNAMODB) must use. */
  endpoint: string;
  /** An SDK client for `endpoint`. */
  client: DynamoDBClient;
  /** The same API without HTTP, for callers in this process (in-process-client.ts). */
  inProcess: InProcessClient;
  tableName: string;
  region: string;
  streams: {
    /** Every committed record, of every table, as it is committed. */
    subscribe(listener: (record: StreamRecord) => void): () => void;
    /** Resolves once no write is in flight and every event source mapping has caught up. */
    idle(): Promise<void>;
    /** @internal used by startEventSourceMappings. */
    hub: StreamHub;
    /** @internal event source mappings register so `idle()` waits for them and `close()` stops them. */
    register(consumer: { readonly idle: boolean; close(): Promise<void> }): () => void;
    /** @internal where mappings keep checkpoints and failure messages (absent in memory). */
    dir?: string;
  };
  ttl: { sweepNow(): Promise<number> };
  /**
   * Bulk-loads items (DynamoDB JSON) into the app's table without stream records, like DynamoDB's
   * import from S3: for fixtures whose derived rows are built with them. Keys must be new.
   */
  importItems(items: AttributeMap[]): Promise<void>;
  /** The embedded store's open LevelDB iterators (absent with an external endpoint); for soak checks. */
  storeIterators?: IteratorGauge;
  close(): Promise<void>;
}

/** Starts the store, the front and the TTL sweeper, and makes sure the app's table exists. */
export async function startDynamo(options: StartDynamoOptions): Promise<DynamoStack> {
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const tableName = options.tableName ?? 'cruddur-local';
  const external = options.externalEndpoint ?? process.env.DYNAMODB_ENDPOINT;
  const root = options.dataDir ? path.resolve(options.dataDir, 'dynamodb') : undefined;
  const streamsDir = root ? path.join(root, 'streams') : undefined;

  let store: EmbeddedStore | undefined;
  if (!external) store = await startEmbeddedStore({ path: root ? path.join(root, 'store') : undefined });
  const credentials = process.env.AWS_ACCESS_KEY_ID
    ? { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '', sessionToken: process.env.AWS_SESSION_TOKEN }
    : undefined;
  const backend = createBackend({ endpoint: external ?? store!.endpoint, embedded: !external, inProcess: store?.call, region, credentials });
  const hub = new StreamHub({ region, dir: streamsDir });
  const front = await startFront({ backend, hub, port: options.port, stateDir: root, hostCheck: options.hostCheck });
  const client = new DynamoDBClient({ endpoint: front.endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const inProcess = inProcessClient(front.call, region);

  const sweeper = new TtlSweeper({
    backend,
    hub,
    exclusive: front.exclusive,
    journal: front.journal,
    keySchema: (t) => front.reader.keySchema(t),
    intervalMs: options.ttlIntervalMs,
    pageSize: options.ttlScanPageSize,
    backgroundShare: options.ttlBackgroundShare,
    tables: async () => {
      if (backend.embedded) return front.ttl.enabled();
      const d = await backend.json<{ TimeToLiveDescription?: { TimeToLiveStatus?: string; AttributeName?: string } }>('DescribeTimeToLive', { TableName: tableName });
      return d.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' ? [{ tableName, attributeName: d.TimeToLiveDescription.AttributeName! }] : [];
    },
  });

  try {
    if (backend.embedded) await rebuildIfIndexesMissing(backend, tableName, options.table, root);
    await ensureTable(client, tableName, options.table);
  } catch (err) {
    client.destroy();
    inProcess.close();
    await front.close();
    backend.close();
    await store?.close();
    throw err;
  }
  sweeper.start();

  const consumers = new Set<{ readonly idle: boolean; close(): Promise<void> }>();
  const settled = () => front.writesIdle() && !sweeper.busy && [...consumers].every((c) => c.idle);

  return {
    endpoint: front.endpoint,
    client,
    inProcess,
    tableName,
    region,
    streams: {
      subscribe: (listener) => hub.subscribe(listener),
      async idle() {
        // Consumers write too, so only two settled observations in a row mean "drained".
        let calm = 0;
        while (calm < 2) {
          await new Promise((r) => setTimeout(r, 5));
          calm = settled() ? calm + 1 : 0;
        }
      },
      hub,
      register(consumer) {
        consumers.add(consumer);
        return () => consumers.delete(consumer);
      },
      dir: streamsDir,
    },
    ttl: { sweepNow: () => sweeper.sweepNow() },
    async importItems(items) {
      if (store) return front.exclusive(() => store.importItems(tableName, items));
      // An external DynamoDB API: BatchWriteItem straight to it (past the front, so no records).
      for (let i = 0; i < items.length; i += 25) {
        let pending: unknown[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        for (let round = 0; pending.length > 0; round += 1) {
          if (round >= 8) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
          const res = await backend.json<{ UnprocessedItems?: Record<string, unknown[]> }>('BatchWriteItem', { RequestItems: { [tableName]: pending } });
          pending = res.UnprocessedItems?.[tableName] ?? [];
        }
      }
    },
    storeIterators: store?.iterators,
    async close() {
      await Promise.all([...consumers].map((c) => c.close()));
      await sweeper.close();
      client.destroy();
      inProcess.close();
      await front.close();
      backend.close();
      await store?.close();
    },
  };
}
