/**
 * Evictions from AppSync's server-side cache, named from definitions/caching.ts so a mutation names
 * exactly the keys, in exactly the order, the cached resolver uses. AppSync applies evictions from
 * mutations only (extensions-js, evictFromApiCache).
 */
import { extensions } from '@aws-appsync/utils';
import { resolverCaching } from '../../definitions/caching.ts';

/** Evicts the entry of cached resolver `typeField` whose caching keys have `values`, in key order. */
export function evict(typeField: string, values: unknown[]): void {
  const config = resolverCaching[typeField];
  const parts = typeField.split('.');
  const keys: Record<string, unknown> = {};
  // Eviction names a key without its `$`: '$context.arguments.handle' → 'context.arguments.handle'.
  config.keys.forEach((key, i) => {
    keys[key.slice(1)] = values[i];
  });
  extensions.evictFromApiCache(parts[0], parts[1], keys);
}

/**
 * Evicts the cached `user(handle)` of a profile whose public fields or counters changed. The entry
 * is keyed on the handle as the reader spelled it; the web app asks with the stored spelling, and
 * links typed in other cases age out within the TTL (docs/caching.md, "Freshness").
 */
export function evictProfile(handle: string | null | undefined): void {
  if (!handle) return;
  evict('Query.user', [handle]);
  const lower = handle.toLowerCase();
  if (lower !== handle) evict('Query.user', [lower]);
}
