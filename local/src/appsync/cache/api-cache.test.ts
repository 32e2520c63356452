import { describe, expect, it } from 'vitest';
import type { CachingConfig } from '../../../../definitions/caching.ts';
import { ApiCache } from './api-cache.ts';

const config: CachingConfig = { ttlSeconds: 60, keys: ['$context.arguments.id'] };
const newCache = (resolvers: Record<string, CachingConfig> = { 'Query.item': config }, maxBytes?: number) =>
  new ApiCache({ behavior: 'PER_RESOLVER_CACHING', resolvers: new Map(Object.entries(resolvers)), maxBytes });

/** A resolver call for `id` that counts its runs. */
function call(id: string, value: unknown = { id, n: 1 }, opts: { failed?: boolean; reject?: boolean } = {}) {
  const runs = { count: 0 };
  return {
    runs,
    call: {
      maps: { arguments: { id }, source: null, identity: null },
      run: async () => {
        runs.count++;
        if (opts.reject) throw new Error('field error');
        return value;
      },
      failed: () => opts.failed === true,
    },
  };
}

describe('ApiCache', () => {
  it('answers a repeated call from the entry without running the resolver, as a fresh copy', async () => {
    const cache = newCache();
    const first = call('1');
    const a = (await cache.through('Query.item', first.call)) as { n: number };
    a.n = 99;
    const again = call('1');
    expect(await cache.through('Query.item', again.call)).toEqual({ id: '1', n: 1 });
    expect([first.runs.count, again.runs.count, cache.hits, cache.misses]).toEqual([1, 0, 1, 1]);
    const other = call('2');
    await cache.through('Query.item', other.call);
    expect(other.runs.count).toBe(1);
  });

  it('caches null results, but never a failure', async () => {
    const cache = newCache();
    await cache.through('Query.item', call('none', null).call);
    expect((await cache.through('Query.item', call('none').call))).toBeNull();
    await cache.through('Query.item', call('3', { id: '3' }, { failed: true }).call);
    await expect(cache.through('Query.item', call('4', null, { reject: true }).call)).rejects.toThrow('field error');
    const retry3 = call('3');
    const retry4 = call('4');
    await cache.through('Query.item', retry3.call);
    await cache.through('Query.item', retry4.call);
    expect([retry3.runs.count, retry4.runs.count]).toEqual([1, 1]);
  });

  it('expires an entry after its resolver’s TTL', async () => {
    const cache = newCache({ 'Query.item': { ttlSeconds: 1, keys: ['$context.arguments.id'] } });
    await cache.through('Query.item', call('1').call);
    await new Promise((r) => setTimeout(r, 1_100));
    const later = call('1');
    await cache.through('Query.item', later.call);
    expect(later.runs.count).toBe(1);
  });

  it('deletes what evictions name and counts it', async () => {
    const cache = newCache();
    await cache.through('Query.item', call('1').call);
    await cache.through('Query.item', call('2').call);
    const deleted = cache.evict([
      { typeName: 'Query', fieldName: 'item', keys: { 'context.arguments.id': '1' } },
      { typeName: 'Query', fieldName: 'item', keys: { 'context.arguments.id': '1' } },
      { typeName: 'Query', fieldName: 'item', keys: { 'context.arguments.id': 2 } },
      { typeName: 'Query', fieldName: 'item', keys: 'not an object' },
    ]);
    expect(deleted).toBe(1);
    expect(cache.entries).toBe(1);
    cache.flush();
    expect(cache.entries).toBe(0);
  });

  it('stays under its byte cap: least recently used entries go, oversized values are not kept', async () => {
    const maxBytes = 64 * 1024;
    const cache = newCache(undefined, maxBytes);
    const big = 'x'.repeat(1000);
    for (let i = 0; i < 200; i++) await cache.through('Query.item', call(String(i), { big }).call);
    expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
    expect(cache.entries).toBeLessThan(200);
    const newest = call('199');
    await cache.through('Query.item', newest.call);
    expect(newest.runs.count).toBe(0);
    const oldest = call('0');
    await cache.through('Query.item', oldest.call);
    expect(oldest.runs.count).toBe(1);
    // Larger than an eighth of the cap: served, never stored.
    await cache.through('Query.item', call('huge', { big: 'y'.repeat(maxBytes / 8) }).call);
    const huge = call('huge');
    await cache.through('Query.item', huge.call);
    expect(huge.runs.count).toBe(1);
  });

  it('refuses behaviours it does not emulate', () => {
    expect(() => new ApiCache({ behavior: 'FULL_REQUEST_CACHING', resolvers: new Map() })).toThrow(/not emulated offline/);
  });
});
