import { beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncEngine } from './create-engine.ts';
import type { InvalidationEvent, MutationEvent, PreparedSubscription } from './types.ts';
import { apiKeyAuth, fixtureEngine, iamAuth, lambdaAuth, opts } from './testing/harness.ts';

let engine: AppSyncEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

async function prepared(query: string, auth = lambdaAuth, variables?: Record<string, unknown>): Promise<PreparedSubscription> {
  const p = await engine.prepareSubscription({ query, variables }, opts(auth));
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.subscription;
}

describe('prepareSubscription', () => {
  it('returns the field, its non-null arguments and the mutations it follows', async () => {
    const s = await prepared('subscription S($t: String) { onCreatePost(title: $t) { id title } }', lambdaAuth, { t: 'hello' });
    expect(s.fieldName).toBe('onCreatePost');
    expect(s.args).toEqual({ title: 'hello' });
    expect(s.mutations).toEqual(['createPost', 'failCreate']);
    expect(s.filter).toBeUndefined();
    const all = await prepared('subscription { onCreatePost { id } }');
    expect(all.args).toEqual({});
  });

  it('refuses a subscription field its auth mode may not read', async () => {
    const p = await engine.prepareSubscription({ query: 'subscription { onCreatePost { id } }' }, opts(iamAuth));
    expect(p).toEqual({
      ok: false,
      errors: [{ path: ['onCreatePost'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 16, sourceName: null }], message: 'Not Authorized to access onCreatePost on type Subscription' }],
    });
  });

  it('runs the subscription resolver: util.unauthorized() refuses', async () => {
    const p = await engine.prepareSubscription({ query: 'subscription { onGuarded(id: "someone-else") { id } }' }, opts());
    expect(p.ok).toBe(false);
    expect(!p.ok && p.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'Not Authorized to access onGuarded on type Subscription' });
  });

  it('captures the enhanced and invalidation filters the resolver sets', async () => {
    const s = await prepared('subscription { onGuarded(id: "u1") { id } }');
    const expected = { filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: 'u1' }] }] };
    expect(s.filter).toEqual(expected);
    expect(s.invalidationFilter).toEqual(expected);
    expect(s.args).toEqual({ id: 'u1' });
  });

  it('rejects invalid documents, several root fields, and non-subscription operations', async () => {
    const bad = await engine.prepareSubscription({ query: 'subscription { onCreatePost { nope } }' }, opts());
    expect(bad).toEqual({
      ok: false,
      errors: [{ path: null, locations: [{ line: 1, column: 31, sourceName: null }], message: "Validation error of type FieldUndefined: Field 'nope' in type 'Post' is undefined @ 'onCreatePost/nope'" }],
    });
    const two = await engine.prepareSubscription({ query: 'subscription { onCreatePost { id } onGuarded(id: "u1") { id } }' }, opts());
    expect(two.ok).toBe(false);
    expect(!two.ok && two.errors[0].message).toBe('Anonymous Subscription must select only one top level field.');
    const query = await engine.prepareSubscription({ query: '{ noResolver }' }, opts());
    expect(query).toEqual({ ok: false, errors: [{ message: "Operation 'query' is not a subscription", errorType: 'BadRequestException' }] });
  });
});

describe('render', () => {
  it("applies the subscriber's selection set; fields the mutation did not select are null", async () => {
    const s = await prepared('subscription { onCreatePost { id title body } }');
    expect(s.render({ id: 'p1', title: 'Hi' })).toEqual({ data: { onCreatePost: { id: 'p1', title: 'Hi', body: null } } });
  });

  it('a missing non-null field is an error that nulls the event', async () => {
    const s = await prepared('subscription { onCreatePost { id views } }');
    expect(s.render({ id: 'p1' })).toEqual({
      data: { onCreatePost: null },
      errors: [{ path: ['onCreatePost', 'views'], locations: null, message: "Cannot return null for non-nullable type: 'Int' within parent 'Post' (/onCreatePost/views)" }],
    });
  });

  it("applies the subscriber's auth mode to nested fields", async () => {
    const s = await prepared('subscription { onCreatePost { id author { name } } }', apiKeyAuth);
    expect(s.render({ id: 'p1', author: { name: 'Ann' } })).toEqual({
      data: { onCreatePost: { id: 'p1', author: { name: null } } },
      errors: [{ path: ['onCreatePost', 'author', 'name'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: [{ line: 1, column: 43, sourceName: null }], message: 'Not Authorized to access name on type Author' }],
    });
  });

  it('honours aliases and does not run field resolvers at delivery', async () => {
    const s = await prepared('subscription { onCreatePost { heading: title summary } }');
    expect(s.render({ title: 'T', summary: 'from payload' })).toEqual({ data: { onCreatePost: { heading: 'T', summary: 'from payload' } } });
  });

  it('groups subscriptions that render identically', async () => {
    const q = 'subscription S($t: String) { onCreatePost(title: $t) { id } }';
    const a = await prepared(q, lambdaAuth, { t: 'x' });
    const b = await prepared(q, { mode: 'AWS_LAMBDA', identity: { resolverContext: { sub: 'other' } } }, { t: 'x' });
    const c = await prepared(q, lambdaAuth, { t: 'y' });
    const d = await prepared(q, apiKeyAuth, { t: 'x' });
    const e = await prepared(q, { ...lambdaAuth, deniedFields: ['Post.body'] }, { t: 'x' });
    expect(a.groupKey).toBe(b.groupKey);
    expect(new Set([a.groupKey, c.groupKey, d.groupKey, e.groupKey]).size).toBe(4);
  });
});

describe('mutation events', () => {
  const collect = async (query: string, variables?: Record<string, unknown>, auth = lambdaAuth) => {
    const events: MutationEvent[] = [];
    const off = engine.onMutation((e) => events.push(e));
    const result = await engine.execute({ query, variables }, opts(auth, 'req-m'));
    off();
    return { events, result };
  };

  it("publishes the mutation's result after the mutation's own selection set, keyed by field name", async () => {
    const { events, result } = await collect('mutation { made: createPost(title: "Hi") { id heading: title } }');
    expect(result).toEqual({ data: { made: { id: 'p-Hi', heading: 'Hi' } } });
    expect(events).toEqual([{ mutationField: 'createPost', payload: { id: 'p-Hi', title: 'Hi' }, requestId: 'req-m' }]);
    const s = await prepared('subscription { onCreatePost { id title body views } }', apiKeyAuth);
    expect(s.render(events[0].payload)).toEqual({
      data: { onCreatePost: null },
      errors: [{ path: ['onCreatePost', 'views'], locations: null, message: "Cannot return null for non-nullable type: 'Int' within parent 'Post' (/onCreatePost/views)" }],
    });
  });

  it('fragments in the mutation contribute to the payload', async () => {
    const { events } = await collect('mutation { createPost(title: "F") { ...P author { name } } } fragment P on Post { id views }');
    expect(events[0].payload).toEqual({ id: 'p-F', views: 0, author: { name: 'Ann' } });
  });

  it('mutations that return errors still broadcast', async () => {
    const { events, result } = await collect('mutation { failCreate(title: "W") { id title } }');
    expect(result.errors).toHaveLength(1);
    expect(events).toEqual([{ mutationField: 'failCreate', payload: { id: 'f-1', title: 'W' }, requestId: 'req-m' }]);
  });

  it('queries and unsubscribed mutations publish nothing', async () => {
    expect((await collect('{ getPost(id: "1") { id } }')).events).toEqual([]);
    expect((await collect('mutation { invalidate(ids: []) }')).events).toEqual([]);
  });
});

describe('invalidation', () => {
  const collect = async (ids: number[]) => {
    const events: InvalidationEvent[] = [];
    const off = engine.onInvalidation((e) => events.push(e));
    const result = await engine.execute({ query: 'mutation($ids: [Int!]!) { invalidate(ids: $ids) }', variables: { ids } }, opts());
    off();
    return { events, result };
  };

  it('emits one event per unique invalidateSubscriptions call', async () => {
    const { events, result } = await collect([1, 2, 2]);
    expect(result).toEqual({ data: { invalidate: true } });
    expect(events).toEqual([
      { subscriptionField: 'onGuarded', payload: { id: '1' } },
      { subscriptionField: 'onGuarded', payload: { id: '2' } },
    ]);
  });

  it('refuses more than five per request', async () => {
    const { events, result } = await collect([1, 2, 3, 4, 5, 6]);
    expect(events).toEqual([]);
    expect(result.errors).toEqual([
      { message: 'extensions.invalidateSubscriptions was called 6 times; at most 5 unique calls are allowed per request', errorType: 'BadRequestException' },
    ]);
  });
});
