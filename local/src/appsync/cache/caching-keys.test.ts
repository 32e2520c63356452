import { describe, expect, it } from 'vitest';
import { entryNamer, evictionName } from './caching-keys.ts';

const maps = (args: unknown, source: unknown = null, identity: unknown = null) => ({ arguments: args, source, identity });

describe('entry names', () => {
  const name = entryNamer('Query.user', { ttlSeconds: 60, keys: ['$context.arguments.handle', '$context.identity.resolverContext.sub'] });

  it('depend on the named values only, in key order', () => {
    const a = name(maps({ handle: 'ann', other: 1 }, { x: 1 }, { resolverContext: { sub: 's1' } }));
    expect(name(maps({ handle: 'ann', other: 2 }, { x: 2 }, { resolverContext: { sub: 's1' } }))).toBe(a);
    expect(name(maps({ handle: 'ann' }, null, { resolverContext: { sub: 's2' } }))).not.toBe(a);
    expect(name(maps({ handle: 'Ann' }, null, { resolverContext: { sub: 's1' } }))).not.toBe(a);
  });

  it('treat an absent value as null, as AppSync passes an unsupplied argument', () => {
    expect(name(maps({}, null, null))).toBe(name(maps({ handle: null }, null, { resolverContext: {} })));
  });

  it('are named by an eviction with the same keys, without `$`, in the same order', () => {
    const entry = name(maps({ handle: 'ann' }, null, { resolverContext: { sub: 's1' } }));
    expect(evictionName('Query', 'user', { 'context.arguments.handle': 'ann', 'context.identity.resolverContext.sub': 's1' })).toBe(entry);
    // Another order, a missing key, a number for a string, or another field name no entry.
    expect(evictionName('Query', 'user', { 'context.identity.resolverContext.sub': 's1', 'context.arguments.handle': 'ann' })).not.toBe(entry);
    expect(evictionName('Query', 'user', { 'context.arguments.handle': 'ann' })).not.toBe(entry);
    expect(evictionName('Query', 'me', { 'context.arguments.handle': 'ann', 'context.identity.resolverContext.sub': 's1' })).not.toBe(entry);
    expect(evictionName('Query', 'user', null)).toBeUndefined();
    expect(evictionName('Query', 'user', ['ann'])).toBeUndefined();
  });

  it('use the arguments, source and identity whole when a resolver names no keys', () => {
    const whole = entryNamer('Crud.author', { ttlSeconds: 5, keys: [] });
    expect(whole(maps({}, { authorId: 'a' }, null))).not.toBe(whole(maps({}, { authorId: 'b' }, null)));
    expect(whole(maps({}, { authorId: 'a' }, { resolverContext: { sub: '1' } }))).not.toBe(whole(maps({}, { authorId: 'a' }, { resolverContext: { sub: '2' } })));
  });
});
