/**
 * Which resolvers AppSync's server-side cache may answer, declared once: `discoverResolvers`
 * attaches each entry to its resolver's wiring, so the offline engine (local/src/appsync/cache/)
 * and the cloud API (`cachingConfig` in infra/src/stacks/api-stack.ts) cache exactly the same fields
 * with the same keys and TTLs. The API-wide settings (behaviour, instance type, default TTL,
 * encryption) live in `api.cache` (definitions/api.ts).
 *
 * AppSync's rules ("Configuring server-side caching", API reference `CachingConfig`):
 * - `ttlSeconds` 1–3,600.
 * - `keys` are entries of `$context.arguments`, `$context.source` and `$context.identity`; with no
 *   keys AppSync uses the three maps whole. `extensions.evictFromApiCache(type, field, {...})` must
 *   name the same keys, without the `$`, in the same order (resolvers/lib/cache-eviction.ts).
 * - A cached resolver's *value* is reused; the field resolvers below it still run per request.
 *   So a cached value must not depend on the caller unless a key names the caller: the
 *   per-caller fields (viewerHasLiked, viewerFollows, viewerIsSelf, unreadNotificationsCount …)
 *   are field resolvers and are never part of these values (docs/caching.md).
 */
export interface CachingConfig {
  /** Seconds an entry lives (1–3,600). */
  ttlSeconds: number;
  /** `$context.arguments.x`, `$context.source.x`, `$context.identity.x.y`, in key order. */
  keys: string[];
}

/** `Type.field` → its caching config. Only resolvers listed here are cached (PER_RESOLVER_CACHING). */
export const resolverCaching: Readonly<Record<string, CachingConfig>> = {
  // The guests' front page. Short: a new crud shows up within 10 s without an eviction per page
  // size and token (docs/caching.md, "Freshness").
  'Query.publicFeed': { ttlSeconds: 10, keys: ['$context.arguments.limit', '$context.arguments.nextToken'] },
  // A profile's public fields; profile edits evict it (Mutation.updateProfile, publishUserChanged).
  'Query.user': { ttlSeconds: 60, keys: ['$context.arguments.handle'] },
  // An aggregate over 6-hour buckets: a minute of staleness is invisible.
  'Query.trendingHashtags': { ttlSeconds: 60, keys: ['$context.arguments.limit'] },
};
