/** The mutations that change what a cached resolver returns evict its entry (definitions/caching.ts). */
import { describe, expect, it } from 'vitest';
import { resolverCaching } from '../definitions/caching.ts';
import { run, user } from './lib/testing/evaluate.ts';

const profileEviction = (handle: string) => ({ typeName: 'Query', fieldName: 'user', keys: { 'context.arguments.handle': handle } });
const profile = { pk: 'USER#u1', sk: 'PROFILE', id: 'u1', handle: 'Ann', displayName: 'Ann', createdAt: 't' };

describe('cache evictions', () => {
  it('name the keys of the cached user(handle), without the `$`', () => {
    expect(resolverCaching['Query.user'].keys).toEqual(['$context.arguments.handle']);
  });

  it('updateProfile evicts the profile under its stored and its lower-case spelling', async () => {
    const ev = await run('Mutation.updateProfile/resolver.ts', 'response', { identity: user('u1', 'Ann'), stash: { current: profile } });
    expect(ev.extensions.evictions).toEqual([profileEviction('Ann'), profileEviction('ann')]);
  });

  it('publishUserChanged (an avatar set by the thumbnailer) evicts the profile', async () => {
    const ev = await run('Mutation.publishUserChanged.[NONE].ts', 'response', { args: { input: { id: 'u1', handle: 'ann', displayName: 'Ann' } }, result: {} });
    expect(ev.extensions.evictions).toEqual([profileEviction('ann')]);
  });

  it.each(['follow', 'unfollow'])('%s evicts both profiles whose counters changed', async (m) => {
    const ev = await run(`Mutation.${m}/resolver.ts`, 'response', { identity: user('u1', 'ann'), prev: { result: { id: 'u2', handle: 'bob' } } });
    expect(ev.extensions.evictions).toEqual([profileEviction('bob'), profileEviction('ann')]);
  });

  it('createCrud, deleteCrud and deleteAccount evict the caller’s profile', async () => {
    const created = await run('Mutation.createCrud/2.write.[table].ts', 'response', { identity: user('u1', 'ann'), stash: { item: { id: 'c1', authorId: 'u1', expiresAt: 1 } }, result: {} });
    const deleted = await run('Mutation.deleteCrud/resolver.ts', 'response', { identity: user('u1', 'ann'), args: { id: 'c1' } });
    const gone = await run('Mutation.deleteAccount/resolver.ts', 'response', { identity: user('u1', 'ann'), stash: { callerId: 'u1' } });
    for (const ev of [created, deleted, gone]) expect(ev.extensions.evictions).toEqual([profileEviction('ann')]);
  });
});
