/**
 * Closes the LevelDB iterators dynalite opens, and counts the open ones.
 *
 * dynalite 4.0.0 (db/index.js) turns `db.values()`/`db.keys()` iterators into Readable streams
 * whose `destroy()` calls `iterator.return()`. abstract-level 3 iterators (memory-level,
 * classic-level) have no `return()`; they are released only by `close()`. So no Query, Scan or
 * ListTables ever released its iterator — neither when the stream ran to its end nor when
 * `queryTable` stopped reading early at `Limit` — and the database kept every one of them (and,
 * for memory-level, the snapshot of the tree it read) until the process ran out of heap.
 * See docs/decisions/015-embedded-store-iterators-and-validation.md.
 *
 * The fix gives each iterator the `return()` dynalite calls (delegating to `close()`), so
 * dynalite's own stream teardown — at the end of the data and on early termination — releases it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface LevelIterator {
  close(): Promise<void>;
  return?: () => Promise<void>;
}
interface LevelDatabase {
  values(options?: unknown): LevelIterator;
  keys(options?: unknown): LevelIterator;
  iterator(options?: unknown): LevelIterator;
}
interface DynaliteStore {
  db: LevelDatabase;
  recreate(): void;
}

/** How many LevelDB iterators of one store are open right now. */
export interface IteratorGauge {
  readonly open: number;
  /** Iterators opened since the store started. */
  readonly opened: number;
}

type Create = (options: object) => DynaliteStore;
/** The hooked factory keeps the gauges, so a second copy of this module (test isolation) shares them. */
type HookedCreate = Create & { gauges: WeakMap<object, Gauge>; stores: WeakMap<object, object> };
const dynaliteDb = require('dynalite/db') as { create: Create | HookedCreate };

class Gauge implements IteratorGauge {
  open = 0;
  opened = 0;
}

/** Wraps an iterator factory so each iterator is counted and closable the way dynalite closes it. */
function track(db: LevelDatabase, method: 'values' | 'keys' | 'iterator', gauge: Gauge): void {
  const create = db[method].bind(db);
  db[method] = (options?: unknown) => {
    const iterator = create(options);
    const close = iterator.close.bind(iterator);
    let counted = true;
    gauge.open += 1;
    gauge.opened += 1;
    iterator.close = () =>
      close().finally(() => {
        if (counted) gauge.open -= 1;
        counted = false;
      });
    iterator.return = () => iterator.close();
    return iterator;
  };
}

function instrument(store: DynaliteStore, gauge: Gauge): void {
  for (const method of ['values', 'keys', 'iterator'] as const) track(store.db, method, gauge);
  // dynalite rebuilds its store (a new database) when its server is closed and reopened.
  const recreate = store.recreate.bind(store);
  store.recreate = () => {
    recreate();
    instrument(store, gauge);
  };
}

function hook(): HookedCreate {
  if ('stores' in dynaliteDb.create) return dynaliteDb.create;
  const original = dynaliteDb.create;
  const gauges = new WeakMap<object, Gauge>();
  const stores = new WeakMap<object, object>();
  const create = Object.assign((options: object): DynaliteStore => {
    const store = original(options);
    const gauge = new Gauge();
    gauges.set(options, gauge);
    stores.set(options, store);
    instrument(store, gauge);
    return store;
  }, { gauges, stores });
  dynaliteDb.create = create;
  return create;
}

const hooked = hook();

/**
 * The gauge of the store dynalite created from `options` (dynalite hands its options object to
 * `db.create` as is), or `undefined` if it created none.
 */
export function iteratorGauge(options: object): IteratorGauge | undefined {
  return hooked.gauges.get(options);
}

/** The store object dynalite created from `options` (for the bulk import, store/bulk-import.ts). */
export function dynaliteStoreOf(options: object): object | undefined {
  return hooked.stores.get(options);
}
