/** The list pipelines' request objects, step by step (what each function asks DynamoDB for). */
import { describe, expect, it } from 'vitest';
import { guest, N, run, S, TABLE, user } from './lib/testing/evaluate.ts';
import { MAX_NAME_WORDS } from '../definitions/name-search.ts';

const now = () => Math.floor(Date.now() / 1000);

describe('homeFeed pipeline', () => {
  it('1. reads the pulled accounts the caller follows, at most 50, hiding expired links', async () => {
    const ev = await run('Query.homeFeed/1.pulls.[table].ts', 'request', { identity: user('me'), stash: { callerId: 'me' } });
    expect(ev.value).toMatchObject({
      operation: 'Query',
      query: { expression: '#pk = :pk AND begins_with(#sk, :sk)', expressionValues: { ':pk': S('USER#me'), ':sk': S('PULL#') } },
      limit: 50,
      filter: { expression: 'attribute_not_exists(#exp) OR #exp > :now' },
    });
  });

  it('2. reads the pulled accounts’ RECENT items in one BatchGetItem; none followed skips the read', async () => {
    const ev = await run('Query.homeFeed/2.recent.[table].ts', 'request', { stash: { pulledIds: ['p1', 'p2'] } });
    expect(ev.value).toEqual({
      operation: 'BatchGetItem',
      tables: { [TABLE]: { keys: [{ pk: S('USER#p1'), sk: S('RECENT') }, { pk: S('USER#p2'), sk: S('RECENT') }], consistentRead: false } },
    });
    const none = await run('Query.homeFeed/2.recent.[table].ts', 'request', { stash: { pulledIds: [] } });
    expect(none.earlyReturn).toBeDefined();
  });

  it('3. queries the caller’s feed partition newest first below the cursor, without a filter that could stall it', async () => {
    const first = await run('Query.homeFeed/3.feedRows.[table].ts', 'request', { stash: { callerId: 'me', limit: 5, before: null } });
    expect(first.value).toEqual({
      operation: 'Query',
      query: { expression: '#pk = :pk', expressionNames: { '#pk': 'pk' }, expressionValues: { ':pk': S('FEED#me') } },
      scanIndexForward: false,
      limit: 5,
    });
    const later = await run('Query.homeFeed/3.feedRows.[table].ts', 'request', { stash: { callerId: 'me', limit: 5, before: '01J0000000000000000000000Z' } });
    expect(later.value).toMatchObject({
      query: { expression: '#pk = :pk AND #sk < :before', expressionValues: { ':pk': S('FEED#me'), ':before': S('01J0000000000000000000000Z') } },
    });
  });

  it('rejects a limit above 50 and a nextToken that is not one of its own', async () => {
    const ev = await run('Query.homeFeed/resolver.ts', 'request', { args: { limit: 51 }, identity: user('me') });
    expect(ev.error).toMatchObject({ errorType: 'ValidationError', message: 'limit must be between 1 and 50' });
    const ok = await run('Query.homeFeed/resolver.ts', 'request', { args: { limit: 50, nextToken: 'feed1.01J0000000000000000000000Z' }, identity: user('me') });
    expect(ok.error).toBeUndefined();
    expect(ok.stash).toMatchObject({ limit: 50, before: '01J0000000000000000000000Z' });
    for (const bad of ['tok', 'feed1.01j0000000000000000000000z', 'feed1.01J00', 'feed1.01J0000000000000000000000U']) {
      const r = await run('Query.homeFeed/resolver.ts', 'request', { args: { nextToken: bad }, identity: user('me') });
      expect(r.error, bad).toMatchObject({ errorType: 'ValidationError' });
    }
  });

  it('4. reads each distinct crud once in one BatchGetItem, and keeps only live ones', async () => {
    const rows = [{ crudId: 'c1' }, { crudId: 'c2' }, { crudId: 'c1' }];
    const req = await run('Query.homeFeed/4.cruds.[table].ts', 'request', { stash: { rows } });
    expect(req.value).toEqual({
      operation: 'BatchGetItem',
      tables: { [TABLE]: { keys: [{ pk: S('CRUD#c1'), sk: S('CRUD') }, { pk: S('CRUD#c2'), sk: S('CRUD') }], consistentRead: false } },
    });
    const c1 = { id: 'c1', authorId: 'a', message: 'm', createdAt: 'x', expiresAt: now() + 60 };
    const c2 = { id: 'c2', authorId: 'a', message: 'm', createdAt: 'x', expiresAt: now() - 60 };
    const res = await run('Query.homeFeed/4.cruds.[table].ts', 'response', { stash: { rows }, result: { data: { [TABLE]: [c1, c2] }, unprocessedKeys: { [TABLE]: [] } } });
    expect((res.stash.cruds as { id: string }[]).map((c) => c.id)).toEqual(['c1']);
  });

  it('4. skips the read for an empty page', async () => {
    const ev = await run('Query.homeFeed/4.cruds.[table].ts', 'request', { stash: { rows: [] } });
    expect(ev.earlyReturn).toBeDefined();
  });

  it('5. reads the distinct authors in one BatchGetItem', async () => {
    const cruds = [{ id: 'c1', authorId: 'a' }, { id: 'c2', authorId: 'b' }, { id: 'c3', authorId: 'a' }];
    const ev = await run('Query.homeFeed/5.authors.[table].ts', 'request', { stash: { cruds } });
    expect(ev.value).toEqual({
      operation: 'BatchGetItem',
      tables: { [TABLE]: { keys: [{ pk: S('USER#a'), sk: S('PROFILE') }, { pk: S('USER#b'), sk: S('PROFILE') }], consistentRead: false } },
    });
  });

  it('6. reads the caller’s like and repost rows in one BatchGetItem; guests skip it', async () => {
    const cruds = [{ id: 'c1', authorId: 'a' }];
    const info = { selectionSetList: ['items', 'items/crud', 'items/crud/id', 'items/crud/viewerHasLiked'] };
    const ev = await run('Query.homeFeed/6.viewerEdges.[table].ts', 'request', { identity: user('me'), stash: { cruds }, info });
    expect(ev.value).toEqual({
      operation: 'BatchGetItem',
      tables: { [TABLE]: { keys: [{ pk: S('CRUD#c1'), sk: S('LIKE#me') }, { pk: S('CRUD#c1'), sk: S('REPOST#me') }], consistentRead: false } },
    });
    const g = await run('CrudConnection.items/2.viewerEdges.[table].ts', 'request', { identity: guest, stash: { cruds }, info });
    expect(g.earlyReturn).toBeDefined();
    // A query that selects neither viewer field reads no edges at all.
    const unselected = await run('Query.homeFeed/6.viewerEdges.[table].ts', 'request', {
      identity: user('me'),
      stash: { cruds },
      info: { selectionSetList: ['items', 'items/crud', 'items/crud/likesCount'] },
    });
    expect(unselected.earlyReturn).toBeDefined();
  });

  it('assembles feed items with hydrated cruds, dropping rows whose crud is gone', async () => {
    const stash = {
      rows: [
        { sk: 'c2', crudId: 'c2', recipientId: 'me', reason: 'FOLLOWING', createdAt: 't2' },
        { sk: 'c1', crudId: 'c1', recipientId: 'me', reason: 'OWN', createdAt: 't1' },
      ],
      cruds: [{ id: 'c1', authorId: 'a' }],
      authors: { a: { id: 'a', handle: 'a' } },
      edges: { 'LIKE#c1': true },
      nextToken: 'next',
    };
    const ev = await run('Query.homeFeed/resolver.ts', 'response', { identity: user('me'), stash });
    expect(ev.value).toEqual({
      items: [
        {
          id: 'c1',
          recipientId: 'me',
          crudId: 'c1',
          reason: 'OWN',
          repostedById: null,
          createdAt: 't1',
          crud: { id: 'c1', authorId: 'a', author: { id: 'a', handle: 'a' }, viewerHasLiked: true, viewerHasReposted: false },
        },
      ],
      nextToken: 'next',
    });
  });
});

describe('field resolvers short-cut hydrated parents', () => {
  it('Crud.author returns a hydrated author without a read', async () => {
    const ev = await run('Crud.author.[table].ts', 'request', { source: { id: 'c1', authorId: 'a', author: { id: 'a' } } });
    expect(ev.earlyReturn?.value).toEqual({ id: 'a' });
  });

  it('Crud.author reads the profile otherwise', async () => {
    const ev = await run('Crud.author.[table].ts', 'request', { source: { id: 'c1', authorId: 'a' } });
    expect(ev.value).toEqual({ operation: 'GetItem', key: { pk: S('USER#a'), sk: S('PROFILE') }, consistentRead: false });
  });

  it('Crud.viewerHasLiked is null for guests without a read', async () => {
    const ev = await run('Crud.viewerHasLiked.[table].ts', 'request', { identity: guest, source: { id: 'c1' } });
    expect(ev.earlyReturn?.value).toBeNull();
  });
});

describe('trendingHashtags', () => {
  it('sums the two buckets and ranks by count, then tag', async () => {
    const bucket = Math.floor(now() / 21600);
    const r1 = await run('Query.trendingHashtags/1.currentBucket.[table].ts', 'request', {});
    expect((r1.value as any).query.expressionValues[':pk']).toEqual(S(`TRENDS#${bucket}`));
    const r2 = await run('Query.trendingHashtags/2.previousBucket.[table].ts', 'request', {});
    expect((r2.value as any).query.expressionValues[':pk']).toEqual(S(`TRENDS#${bucket - 1}`));
    const s1 = await run('Query.trendingHashtags/1.currentBucket.[table].ts', 'response', {
      stash: { trends: [] },
      result: { items: [{ tag: 'aws', count: 2 }, { tag: 'b5', count: 1 }] },
    });
    const s2 = await run('Query.trendingHashtags/2.previousBucket.[table].ts', 'response', {
      stash: s1.stash,
      result: { items: [{ tag: 'b5', count: 2 }, { tag: 'cloud', count: 3 }] },
    });
    const out = await run('Query.trendingHashtags/resolver.ts', 'response', { stash: { ...s2.stash, limit: 2 } });
    expect(out.value).toEqual([
      { tag: 'b5', count: 3 },
      { tag: 'cloud', count: 3 },
    ]);
  });
});

describe('likeCrud write', () => {
  it('puts the like (only if new) and bumps the live crud’s counter in one transaction', async () => {
    const crudItem = { id: 'c1', authorId: 'a', expiresAt: now() + 600 };
    const ev = await run('Mutation.likeCrud/2.write.[table].ts', 'request', { identity: user('me'), stash: { callerId: 'me', crudItem } });
    const tx = (ev.value as any).transactItems;
    expect(tx[0]).toMatchObject({ table: TABLE, operation: 'PutItem', key: { pk: S('CRUD#c1'), sk: S('LIKE#me') }, condition: { expression: 'attribute_not_exists(#pk)' } });
    expect(tx[0].attributeValues).toMatchObject({ type: S('LIKE'), userId: S('me'), crudAuthorId: S('a'), expiresAt: N(crudItem.expiresAt) });
    expect(tx[1]).toMatchObject({
      operation: 'UpdateItem',
      key: { pk: S('CRUD#c1'), sk: S('CRUD') },
      update: { expression: 'ADD #c :by', expressionNames: { '#c': 'likesCount' }, expressionValues: { ':by': N(1) } },
      condition: { expression: 'attribute_exists(#pk) AND #exp > :now' },
    });
  });

  it('treats an existing like as success (idempotent) but a gone crud as NotFound', async () => {
    const cancelled = (codes: string[]) => ({
      error: { type: 'DynamoDB:TransactionCanceledException', message: 'Transaction cancelled' },
      result: { keys: null, cancellationReasons: codes.map((type) => ({ type, message: null })) },
    });
    const again = await run('Mutation.likeCrud/2.write.[table].ts', 'response', cancelled(['ConditionalCheckFailed', 'None']));
    expect(again.error).toBeUndefined();
    const gone = await run('Mutation.likeCrud/2.write.[table].ts', 'response', cancelled(['None', 'ConditionalCheckFailed']));
    expect(gone.error?.errorType).toBe('NotFound');
    const conflict = await run('Mutation.likeCrud/2.write.[table].ts', 'response', cancelled(['TransactionConflict', 'None']));
    expect(conflict.error?.errorType).toBe('DynamoDB:TransactionCanceledException');
  });
});

describe('follow / sendMessage validation', () => {
  it('follow: cannot follow yourself; unknown handle is NotFound', async () => {
    const self = await run('Mutation.follow/1.target.[table].ts', 'response', { stash: { callerId: 'me' }, result: { userId: 'me' } });
    expect(self.error?.errorType).toBe('ValidationError');
    const unknown = await run('Mutation.follow/1.target.[table].ts', 'response', { stash: { callerId: 'me' }, result: null });
    expect(unknown.error?.errorType).toBe('NotFound');
  });

  it('sendMessage: exactly one of conversationId and toHandle', async () => {
    for (const args of [{ body: 'x' }, { body: 'x', conversationId: 'a_b', toHandle: 'b' }]) {
      const ev = await run('Mutation.sendMessage/resolver.ts', 'request', { identity: user('a'), args });
      expect(ev.error?.errorType).toBe('ValidationError');
    }
  });

  it('sendMessage(toHandle): derives the pair’s conversation id', async () => {
    const ev = await run('Mutation.sendMessage/1.peer.[table].ts', 'response', { args: { toHandle: 'Bayko' }, stash: { callerId: 'zed' }, result: { userId: 'amy' } });
    expect(ev.stash).toMatchObject({ peerId: 'amy', conversationId: 'amy_zed' });
  });

  it('updateProfile: display name 1–50, bio ≤ 160; a new name drops the profile’s old gsi2 name key', async () => {
    for (const args of [{ displayName: '  ' }, { displayName: 'x'.repeat(51) }, { bio: 'x'.repeat(161) }]) {
      const ev = await run('Mutation.updateProfile/resolver.ts', 'request', { identity: user('me'), args });
      expect(ev.error?.errorType, JSON.stringify(args)).toBe('ValidationError');
    }
    const ok = await run('Mutation.updateProfile/resolver.ts', 'request', { identity: user('me'), args: { displayName: ' Ana  María ', bio: '' } });
    expect(ok.stash.update).toEqual({
      expression: 'SET #dn = :dn, #bio = :bio REMOVE gsi2pk, gsi2sk',
      expressionNames: { '#dn': 'displayName', '#bio': 'bio' },
      expressionValues: { ':dn': S('Ana  María'), ':bio': S('') },
    });
    const bioOnly = await run('Mutation.updateProfile/resolver.ts', 'request', { identity: user('me'), args: { bio: 'hi' } });
    expect((bioOnly.stash.update as { expression: string }).expression).toBe('SET #bio = :bio');
  });

  it('updateProfile: a new name rewrites the name-search rows in the profile’s transaction', async () => {
    const update = { expression: 'SET #dn = :dn', expressionNames: { '#dn': 'displayName' }, expressionValues: { ':dn': S('José  Ruiz') } };
    const ev = await run('Mutation.updateProfile/2.write.[table].ts', 'request', { identity: user('me'), stash: { callerId: 'me', displayName: 'José  Ruiz', update } });
    const items = (ev.value as any).transactItems;
    expect(items).toHaveLength(1 + MAX_NAME_WORDS);
    expect(items.map((i: any) => `${i.operation} ${i.key.sk.S}`)).toEqual([
      'UpdateItem PROFILE',
      'PutItem NAMEWORD#0',
      'PutItem NAMEWORD#1',
      ...Array.from({ length: MAX_NAME_WORDS - 2 }, (_, i) => `DeleteItem NAMEWORD#${i + 2}`),
    ]);
    expect(items[1].attributeValues.gsi2sk).toEqual(S('jose ruiz#me'));
    expect(items[2].attributeValues.gsi2sk).toEqual(S('ruiz#me'));
    const bioOnly = await run('Mutation.updateProfile/2.write.[table].ts', 'request', { identity: user('me'), stash: { callerId: 'me', update } });
    expect((bioOnly.value as any).operation).toBe('UpdateItem');
  });
});

describe('CrudConnection.items', () => {
  const c1 = { id: 'c1', authorId: 'a', author: { id: 'a', handle: 'a' } };
  const c2 = { id: 'c2', authorId: 'a' };
  const source = { items: [c1, c2], nextToken: null };

  it('reads the caller’s edges for the page it is given, below the (cacheable) list', async () => {
    const req = await run('CrudConnection.items/resolver.ts', 'request', { identity: user('me'), source });
    expect(req.stash.cruds).toEqual(source.items);
  });

  it('decorates the items with the caller’s likes and reposts; without edges (guests) they pass unchanged', async () => {
    const res = await run('CrudConnection.items/resolver.ts', 'response', { identity: user('me'), source, stash: { cruds: source.items, edges: { 'LIKE#c1': true, 'REPOST#c2': true } } });
    expect(res.value).toEqual([
      { ...c1, viewerHasLiked: true, viewerHasReposted: false },
      { ...c2, viewerHasLiked: false, viewerHasReposted: true },
    ]);
    const anon = await run('CrudConnection.items/resolver.ts', 'response', { identity: guest, source, stash: { cruds: source.items } });
    expect(anon.value).toEqual([c1, c2]);
  });

  it('the crud-page pipelines return nothing that depends on the caller', async () => {
    const stash = { cruds: [c2], authors: { a: { id: 'a', handle: 'a' } }, nextToken: null };
    for (const file of ['Query.publicFeed/resolver.ts', 'Query.userCruds/resolver.ts', 'Query.replies/resolver.ts', 'Query.hashtagCruds/resolver.ts']) {
      const ev = await run(file, 'response', { identity: user('me'), stash });
      expect(ev.value, file).toEqual({ items: [{ ...c2, author: { id: 'a', handle: 'a' } }], nextToken: null });
    }
  });
});
