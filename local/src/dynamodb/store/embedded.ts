/**
 * The embedded store: dynalite (Node.js, Apache-2.0) listening on loopback only. In memory
 * (memory-level) without a path; on disk with one — dynalite 4 opens `level` 10, i.e.
 * classic-level's LevelDB native binding (prebuilt for linux-x64), in `<dataDir>/dynamodb/store`.
 * LevelDB appends every write to its log file before dynalite answers (`sync: false`: the bytes
 * reach the OS page cache), which is what makes an acknowledged write survive `kill -9`.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { inProcessCaller, type StoreResponse } from './in-process.ts';
import { dynaliteStoreOf, iteratorGauge, type IteratorGauge } from './iterators.ts';
import { bulkImport, type DynaliteStore } from './bulk-import.ts';
import type { AttributeMap } from '../streams/record.ts';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export interface EmbeddedStore {
  endpoint: string;
  /** The store's open LevelDB iterators (each Query, Scan and ListTables opens one and must close it). */
  iterators: IteratorGauge;
  /** The same API as `endpoint`, called in process (no socket): what the front uses. */
  call(operation: string, body: string): Promise<StoreResponse>;
  /** Writes items straight into the store: no stream records (store/bulk-import.ts). */
  importItems(tableName: string, items: AttributeMap[]): Promise<void>;
  close(): Promise<void>;
}

export async function startEmbeddedStore(options: { path?: string }): Promise<EmbeddedStore> {
  // Table state changes are instant offline: tests and `start` never wait on CREATING.
  const dynaliteOptions = { path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
  const server = dynalite(dynaliteOptions);
  const iterators = iteratorGauge(dynaliteOptions);
  if (!iterators) throw new Error('dynalite did not create its store through dynalite/db (unexpected dynalite version)');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    iterators,
    call: inProcessCaller(server),
    importItems: (tableName, items) => bulkImport(dynaliteStoreOf(dynaliteOptions) as DynaliteStore, tableName, items),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
