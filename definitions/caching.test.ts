import { describe, expect, it } from 'vitest';
import { resolverCaching } from './caching.ts';
import { discoverResolvers, resolversDir } from './resolvers.ts';

describe('resolver caching configs', () => {
  it('attach to the app’s resolvers, and only to them', () => {
    const cached = discoverResolvers().filter((w) => w.caching);
    expect(Object.fromEntries(cached.map((w) => [`${w.typeName}.${w.fieldName}`, w.caching]))).toEqual(resolverCaching);
  });

  it.each([
    [{ 'Query.user': { ttlSeconds: 0, keys: [] } }, /ttlSeconds must be an integer from 1 to 3600/],
    [{ 'Query.user': { ttlSeconds: 3601, keys: [] } }, /ttlSeconds must be an integer from 1 to 3600/],
    [{ 'Query.user': { ttlSeconds: 60, keys: ['$context.args.handle'] } }, /not an entry of \$context.arguments/],
    [{ 'Query.user': { ttlSeconds: 60, keys: ['context.arguments.handle'] } }, /not an entry of \$context.arguments/],
    [{ 'Query.user': { ttlSeconds: 60, keys: ['$context.arguments.handle', '$context.arguments.handle'] } }, /repeat/],
    [{ 'Query.nothing': { ttlSeconds: 60, keys: [] } }, /no resolver/],
    [{ 'Mutation.updateProfile': { ttlSeconds: 60, keys: [] } }, /only query and field resolvers/],
  ])('refuses %j as AppSync (or Cruddur) would', (caching, error) => {
    expect(() => discoverResolvers(resolversDir, caching)).toThrow(error);
  });
});
