/**
 * AppSync's server-side cache, offline: the API cache (`CreateApiCache`) with per-resolver
 * opt-in (`cachingConfig` on the resolver's wiring).
 *
 * What is emulated ("Configuring server-side caching and API payload compression"; extensions-js):
 * - PER_RESOLVER_CACHING: only resolvers with a caching config are cached, each with its own TTL
 *   (1–3,600 s) and keys. A hit skips the resolver and its data sources; the field resolvers below
 *   it still run for each request, with the cached value as `ctx.source`.
 * - Values are stored serialised, as in ElastiCache: a hit is a fresh copy nothing can alter.
 * - A resolver that fails (a field error, `util.appendError`, a timeout) stores nothing.
 * - `extensions.evictFromApiCache` takes effect from mutations only, once the mutation has run;
 *   when it deleted entries the response carries `extensions.apiCacheEntriesDeleted`.
 * - Encryption flags and the instance type have no offline meaning. FULL_REQUEST_CACHING and
 *   OPERATION_LEVEL_CACHING are not emulated: createApiCache refuses them rather than pretend.
 *
 * Memory is bounded: an LRU over the serialised bytes (`maxBytes`), and no entry larger than an
 * eighth of it, so no client can grow the cache past its cap by asking for large pages.
 */
import { LRUCache } from 'lru-cache';
import type { CachingConfig } from '../../app-definition.ts';
import { entryNamer, evictionName, type KeyMaps } from './caching-keys.ts';

export type CachingBehavior = 'FULL_REQUEST_CACHING' | 'PER_RESOLVER_CACHING' | 'OPERATION_LEVEL_CACHING';

export interface ApiCacheOptions {
  behavior: CachingBehavior;
  /** Per-resolver configs by `Type.field`. */
  resolvers: ReadonlyMap<string, CachingConfig>;
  /** Offline cap on the serialised values and their names (default 64 MiB). */
  maxBytes?: number;
}

/** One `extensions.evictFromApiCache` call as the runtime records it. */
export interface Eviction {
  typeName: string;
  fieldName: string;
  keys: unknown;
}

/** The resolver call a cache lookup stands in front of. */
export interface CachedCall {
  maps: KeyMaps;
  /** Runs the resolver; resolves to its value or rejects with its field error. */
  run: () => Promise<unknown>;
  /** Whether the run ended in a way AppSync does not cache (appended errors, a timeout). */
  failed: () => boolean;
}

export interface ApiCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly entries: number;
  readonly bytes: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export class ApiCache implements ApiCacheStats {
  hits = 0;
  misses = 0;
  private readonly lru: LRUCache<string, string>;
  private readonly namers = new Map<string, { ttlMs: number; name: (maps: KeyMaps) => string }>();

  constructor(options: ApiCacheOptions) {
    if (options.behavior !== 'PER_RESOLVER_CACHING') {
      throw new Error(`API caching behavior ${options.behavior} is not emulated offline; use PER_RESOLVER_CACHING`);
    }
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.lru = new LRUCache<string, string>({
      maxSize: maxBytes,
      maxEntrySize: Math.floor(maxBytes / 8),
      // UTF-16 code units: what the strings cost in V8, near enough.
      sizeCalculation: (value, key) => (value.length + key.length) * 2,
    });
    for (const [typeField, config] of options.resolvers) {
      this.namers.set(typeField, { ttlMs: config.ttlSeconds * 1000, name: entryNamer(typeField, config) });
    }
  }

  /** Whether `Type.field` is cached. */
  caches(typeField: string): boolean {
    return this.namers.has(typeField);
  }

  /** Answers `call` from the cache, or runs it and keeps a successful value for the resolver's TTL. */
  async through(typeField: string, call: CachedCall): Promise<unknown> {
    const namer = this.namers.get(typeField)!;
    const name = namer.name(call.maps);
    const hit = this.lru.get(name);
    if (hit !== undefined) {
      this.hits++;
      return JSON.parse(hit) as unknown;
    }
    this.misses++;
    const value = (await call.run()) ?? null;
    if (!call.failed()) this.lru.set(name, JSON.stringify(value), { ttl: namer.ttlMs });
    return value;
  }

  /** Applies a mutation's evictions; returns how many entries they deleted. */
  evict(evictions: readonly Eviction[]): number {
    let deleted = 0;
    for (const e of evictions) {
      const name = evictionName(e.typeName, e.fieldName, e.keys);
      if (name !== undefined && this.lru.delete(name)) deleted++;
    }
    return deleted;
  }

  /** `FlushApiCache`. */
  flush(): void {
    this.lru.clear();
  }

  get entries(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.calculatedSize;
  }
}
