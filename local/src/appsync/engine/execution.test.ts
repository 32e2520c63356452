import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncEngine } from './create-engine.ts';
import { calls } from './testing/app/lambda.ts';
import { fixtureEngine, lambdaAuth, opts } from './testing/harness.ts';

let engine: AppSyncEngine;
const logs: string[] = [];
beforeAll(async () => {
  engine = await fixtureEngine(undefined, logs);
});
afterAll(() => undefined);

describe('unit resolvers and default resolution', () => {
  it('runs request → NONE → response, then default property resolution', async () => {
    const r = await engine.execute({ query: '{ getPost(id: "5") { id title views createdAt author { name email } } }' }, opts());
    expect(r).toEqual({
      data: { getPost: { id: '5', title: 'Title 5', views: 3, createdAt: '2024-01-01T00:00:00.000Z', author: { name: 'Ann', email: 'ann@example.com' } } },
    });
  });

  it('a field without a resolver on a root type is null', async () => {
    expect(await engine.execute({ query: '{ noResolver }' }, opts())).toEqual({ data: { noResolver: null } });
  });

  it('field resolvers on object types see ctx.source', async () => {
    const r = await engine.execute({ query: '{ listPosts(count: 2) { id summary } }' }, opts());
    expect(r).toEqual({ data: { listPosts: [{ id: '1', summary: 'Title 1 (1 views)' }, { id: '2', summary: 'Title 2 (2 views)' }] } });
  });

  it('builds ctx as AppSync does', async () => {
    const r = await engine.execute(
      {
        query: 'query Q($at: AWSDateTime, $tags: [String]) { echoCtx(at: $at, tags: $tags) }',
        variables: { at: '2024-02-03T04:05:06Z', tags: ['a'] },
      },
      opts(),
    );
    const ctx = JSON.parse(r.data!.echoCtx as string);
    expect(ctx).toEqual({
      arguments: { at: '2024-02-03T04:05:06Z', tags: ['a'] },
      args: { at: '2024-02-03T04:05:06Z', tags: ['a'] },
      identity: lambdaAuth.identity,
      source: null,
      request: { headers: { 'x-test': 'yes', host: 'localhost:20002' }, domainName: null },
      info: {
        fieldName: 'echoCtx',
        parentTypeName: 'Query',
        variables: { at: '2024-02-03T04:05:06Z', tags: ['a'] },
        selectionSetList: [],
        selectionSetGraphQL: '',
      },
      env: { STAGE: 'test' },
      prev: { result: null },
      stash: { seen: true },
    });
  });

  it('an unsent variable reaches the resolver as null, an omitted literal argument not at all', async () => {
    const r = await engine.execute({ query: 'query($tags: [String]) { echoCtx(tags: $tags) }' }, opts());
    expect(JSON.parse(r.data!.echoCtx as string).arguments).toEqual({ tags: null });
    const omitted = await engine.execute({ query: '{ echoCtx }' }, opts());
    expect(JSON.parse(omitted.data!.echoCtx as string).arguments).toEqual({});
  });

  it('lists selections (aliases, fragments, nesting) in ctx.info', async () => {
    const r = await engine.execute(
      {
        query: 'query Q { inspect { id ...F heading: title author { name } body } } fragment F on Post { views ... on Post { createdAt } }',
      },
      opts(),
    );
    expect(JSON.parse((r.data!.inspect as { body: string }).body)).toEqual({
      fieldName: 'inspect',
      parentTypeName: 'Query',
      variables: {},
      selectionSetList: ['id', 'views', 'createdAt', 'heading', 'author', 'author/name', 'body'],
      selectionSetGraphQL: '{\n  id\n  ...F\n  heading: title\n  author {\n    name\n  }\n  body\n}',
    });
  });
});

describe('pipeline resolvers', () => {
  const run = async (mode: string) => JSON.parse((await engine.execute({ query: `{ pipe(mode: "${mode}") }` }, opts())).data!.pipe as string);

  it('runs before → functions → after with a shared stash and ctx.prev.result', async () => {
    expect(await run('all')).toEqual({
      trail: ['before', 'first.request', 'first.response', 'second.request', 'second.response', 'after'],
      prev: { n: 2, prev: { n: 1, prev: { start: true } } },
    });
  });

  it('earlyReturn in the before handler skips every function', async () => {
    expect(await run('before')).toEqual({ trail: ['before', 'after'], prev: { from: 'before' } });
  });

  it("earlyReturn with skipTo 'NEXT' in the before handler goes on to the functions", async () => {
    const out = await run('beforeNext');
    expect(out.trail).toEqual(['before', 'first.request', 'first.response', 'second.request', 'second.response', 'after']);
    expect(out.prev.prev.prev).toEqual({ from: 'beforeNext' });
  });

  it("earlyReturn in a function's request skips its data source and response, then the next function runs", async () => {
    expect(await run('first')).toEqual({
      trail: ['before', 'first.request', 'second.request', 'second.response', 'after'],
      prev: { n: 2, prev: { from: 'first' } },
    });
  });

  it('util.error in a function aborts the whole pipeline', async () => {
    const r = await engine.execute({ query: '{ pipe(mode: "error") }' }, opts());
    expect(r).toEqual({
      data: { pipe: null },
      errors: [
        {
          path: ['pipe'],
          data: null,
          errorType: 'PipelineError',
          errorInfo: { trail: ['before', 'first.request', 'first.response', 'second.request'] },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Second failed',
        },
      ],
    });
  });

  it('util.appendError in a function lets the pipeline finish', async () => {
    const r = await engine.execute({ query: '{ pipe(mode: "append") }' }, opts());
    expect(JSON.parse(r.data!.pipe as string).trail).toEqual(['before', 'first.request', 'first.response', 'second.request', 'second.response', 'after']);
    expect(r.errors).toEqual([{ path: ['pipe'], data: null, errorType: 'Note', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'Second noted' }]);
  });

  it("earlyReturn with skipTo 'END' goes straight to the after handler", async () => {
    expect(await run('firstEnd')).toEqual({ trail: ['before', 'first.request', 'after'], prev: { from: 'firstEnd' } });
  });
});

describe('AWS_LAMBDA data source', () => {
  it('passes data source errors to ctx.error without raising them', async () => {
    expect(await engine.execute({ query: '{ dsError(raise: true, surface: false) }' }, opts())).toEqual({ data: { dsError: 'ignored Lambda:Unhandled' } });
  });

  it('raises them when the response handler calls util.error', async () => {
    const r = await engine.execute({ query: '{ dsError(raise: true, surface: true) }' }, opts());
    expect(r).toEqual({
      data: { dsError: null },
      errors: [{ path: ['dsError'], data: null, errorType: 'Lambda:Unhandled', errorInfo: null, locations: [{ line: 1, column: 3, sourceName: null }], message: 'The handler failed' }],
    });
  });

  it('invokes with the payload as the event', async () => {
    calls.length = 0;
    expect(await engine.execute({ query: '{ dsError(raise: false, surface: true) }' }, opts())).toEqual({ data: { dsError: 'handled' } });
    expect(calls).toEqual([{ fail: false }]);
  });

  it('BatchInvoke sends one event array for every item of a list', async () => {
    calls.length = 0;
    const r = await engine.execute({ query: '{ listPosts(count: 3) { id score } }' }, opts());
    expect(r).toEqual({ data: { listPosts: [{ id: '1', score: 10 }, { id: '2', score: 20 }, { id: '3', score: 30 }] } });
    expect(calls).toEqual([[{ id: '1' }, { id: '2' }, { id: '3' }]]);
  });
});

describe('document cache and logs', () => {
  it("routes resolvers' console lines to the logger with the request id and field", async () => {
    logs.length = 0;
    await engine.execute({ query: '{ warn { id } }' }, opts(lambdaAuth, 'req-log'));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^\{"requestId":"req-log","field":"Query.warn"\} .*warn requested$/);
  });

  it('parses and validates each document once', async () => {
    const query = '{ getPost(id: "cache") { id } }';
    const before = { hits: engine.documentCache.hits, misses: engine.documentCache.misses };
    await engine.execute({ query }, opts());
    await engine.execute({ query }, opts());
    expect(engine.documentCache.misses - before.misses).toBe(1);
    expect(engine.documentCache.hits - before.hits).toBe(1);
  });

  it('evicts the least recently used document beyond capacity', async () => {
    const small = await fixtureEngine({ documentCacheSize: 2 });
    for (const id of ['a', 'b', 'c']) await small.execute({ query: `{ getPost(id: "${id}") { id } }` }, opts());
    expect(small.documentCache.size).toBe(2);
    await small.execute({ query: '{ getPost(id: "a") { id } }' }, opts());
    expect(small.documentCache.misses).toBe(4);
  });
});
