/** The per-page safety lookup (safety-lookup.ts) through the pipeline steps that use it. */
import { describe, expect, it } from 'vitest';
import { guest, run, S, TABLE, user } from './testing/evaluate.ts';

const HOME_FIRST = 'Query.homeFeed/7.hidden.[table].ts';
const HOME_LAST = 'Query.homeFeed/9.hidden3.[table].ts';
const keysOf = (value: unknown) => (value as { tables: Record<string, { keys: { pk: { S: string }; sk: { S: string } }[] }> }).tables[TABLE].keys;

describe('safety lookup', () => {
  it('reads the caller’s rows for the page’s distinct authors and reposters only, caller excluded', async () => {
    const stash = { cruds: [{ authorId: 'a' }, { authorId: 'me' }, { authorId: 'a' }], rows: [{ repostedById: 'r' }, { repostedById: null }] };
    const ev = await run(HOME_FIRST, 'request', { identity: user('me'), stash });
    expect(ev.value).toMatchObject({ operation: 'BatchGetItem' });
    expect(keysOf(ev.value).map((k) => k.sk.S)).toEqual([
      'SAFETY#BLOCKS#a', 'SAFETY#BLOCKEDBY#a', 'SAFETY#MUTES#a', 'SAFETY#BLOCKS#r', 'SAFETY#BLOCKEDBY#r', 'SAFETY#MUTES#r',
    ]);
    expect(keysOf(ev.value).every((k) => k.pk.S === 'USER#me')).toBe(true);
  });

  it('splits a full page into batches of at most 100 keys, and skips a batch with nothing to read', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `u${i}`);
    const stash = { cruds: ids.map((authorId) => ({ authorId })), rows: ids.map((id) => ({ repostedById: `re${id}` })) };
    const first = await run(HOME_FIRST, 'request', { identity: user('me'), stash });
    expect(keysOf(first.value)).toHaveLength(100);
    const planned = first.stash!.safetyKeys as unknown[];
    expect(planned).toHaveLength(300);
    const last = await run(HOME_LAST, 'request', { identity: user('me'), stash: first.stash });
    expect(keysOf(last.value)).toHaveLength(100);
    expect(keysOf(last.value)[99]).toEqual({ pk: S('USER#me'), sk: S('SAFETY#MUTES#reu49') });
    const small = await run(HOME_FIRST, 'request', { identity: user('me'), stash: { cruds: [{ authorId: 'a' }], rows: [] } });
    const none = await run(HOME_LAST, 'request', { identity: user('me'), stash: small.stash });
    expect(none.earlyReturn).toBeDefined();
  });

  it('hides nobody for guests, without a read', async () => {
    const ev = await run('CrudConnection.items/1.hidden.[table].ts', 'request', { identity: guest, stash: { cruds: [{ authorId: 'a' }] } });
    expect(ev.earlyReturn).toBeDefined();
    expect(ev.stash!.hidden).toEqual({});
  });

  it('hides the accounts whose rows exist, and fails closed on keys DynamoDB left unprocessed', async () => {
    const result = {
      data: { [TABLE]: [null, { pk: 'USER#me', sk: 'SAFETY#BLOCKEDBY#a' }, null] },
      unprocessedKeys: { [TABLE]: [{ pk: 'USER#me', sk: 'SAFETY#MUTES#b' }] },
    };
    const ev = await run(HOME_FIRST, 'response', { identity: user('me'), stash: { hidden: {} }, result });
    expect(ev.stash!.hidden).toEqual({ a: true, b: true });
  });

  it('refuses a page larger than its pipeline’s batches', async () => {
    const cruds = Array.from({ length: 51 }, (_, i) => ({ authorId: `u${i}` }));
    const ev = await run('CrudConnection.items/1.hidden.[table].ts', 'request', { identity: user('me'), stash: { cruds } });
    expect(ev.error).toMatchObject({ errorType: 'InternalFailure' });
  });
});
