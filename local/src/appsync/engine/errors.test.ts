import { beforeAll, describe, expect, it } from 'vitest';
import type { AppSyncEngine } from './create-engine.ts';
import { fixtureEngine, opts } from './testing/harness.ts';

let engine: AppSyncEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

const loc = (line: number, column: number) => [{ line, column, sourceName: null }];

describe('resolver errors', () => {
  it('util.error aborts the field; data is filtered by the selection set, errorInfo is not', async () => {
    const r = await engine.execute({ query: '{ fail(kind: "response") { id heading: title } }' }, opts());
    expect(r).toEqual({
      data: { fail: null },
      errors: [{ path: ['fail'], data: { id: '1', heading: 'T' }, errorType: 'Custom', errorInfo: { code: 42 }, locations: loc(1, 3), message: 'Boom' }],
    });
  });

  it('util.error in the request handler', async () => {
    const r = await engine.execute({ query: '{ fail(kind: "request") { id } }' }, opts());
    expect(r.errors).toEqual([{ path: ['fail'], data: null, errorType: 'RequestError', errorInfo: null, locations: loc(1, 3), message: 'Refused in request' }]);
  });

  it('util.appendError keeps the value and adds an entry', async () => {
    const r = await engine.execute({ query: '{ warn { id views } }' }, opts());
    expect(r).toEqual({
      data: { warn: { id: '7', views: 7 } },
      errors: [{ path: ['warn'], data: { id: '7', views: 7 }, errorType: 'Warning', errorInfo: { hint: 'x' }, locations: loc(1, 3), message: 'Careful' }],
    });
  });

  it('util.unauthorized()', async () => {
    const r = await engine.execute({ query: '{ denyMe { id } }' }, opts());
    expect(r).toEqual({
      data: { denyMe: null },
      errors: [{ path: ['denyMe'], data: null, errorType: 'Unauthorized', errorInfo: null, locations: loc(1, 3), message: 'Not Authorized to access denyMe on type Query' }],
    });
  });

  it('a runtime error in resolver code gives errorType Code with its position', async () => {
    const r = await engine.execute({ query: '{ crash }' }, opts());
    expect(r.data).toEqual({ crash: null });
    expect(r.errors).toHaveLength(1);
    expect(r.errors![0]).toMatchObject({ path: ['crash'], errorType: 'Code', locations: loc(1, 3) });
    expect(r.errors![0].message).toMatch(/Query\.crash\.\[NONE\]\.ts:\d+:\d+: TypeError: Cannot read properties of undefined \(reading 'deep'\)$/);
  });

  it('a null non-null root field nulls data, with graphql-java wording', async () => {
    const r = await engine.execute({ query: '{ failRequired { id } noResolver }' }, opts());
    expect(r).toEqual({
      data: null,
      errors: [
        { path: ['failRequired'], data: null, errorType: 'Required', errorInfo: null, locations: loc(1, 3), message: 'Required thing failed' },
      ],
    });
  });

  it('a missing non-null nested value nulls the nearest nullable parent', async () => {
    const r = await engine.execute({ query: '{ partial { id views } }' }, opts());
    expect(r).toEqual({
      data: { partial: [{ id: '1', views: 1 }, null] },
      errors: [{ path: ['partial', 1, 'views'], locations: null, message: "Cannot return null for non-nullable type: 'Int' within parent 'Post' (/partial[1]/views)" }],
    });
  });

  it('scalar output validation errors', async () => {
    const r = await engine.execute({ query: '{ badDate { id createdAt } }' }, opts());
    expect(r).toEqual({
      data: { badDate: { id: '9', createdAt: null } },
      errors: [{ path: ['badDate', 'createdAt'], locations: null, message: "Can't serialize value (/badDate/createdAt) : Unable to serialize `2020-05-23T06:4:37.000Z` as a valid DateTime Object." }],
    });
  });
});

describe('request errors', () => {
  it('validation errors name graphql-java error types and the field path', async () => {
    const r = await engine.execute({ query: '{ getPost(id: "1") { id nope } }' }, opts());
    expect(r).toEqual({
      data: null,
      errors: [{ path: null, locations: loc(1, 25), message: "Validation error of type FieldUndefined: Field 'nope' in type 'Post' is undefined @ 'getPost/nope'" }],
    });
  });

  it('missing arguments and sub-selections', async () => {
    const r = await engine.execute({ query: '{ getPost { id } listPosts(count: 1) }' }, opts());
    expect(r.errors!.map((e) => e.message)).toEqual([
      "Validation error of type MissingFieldArgument: Missing field argument id @ 'getPost'",
      "Validation error of type SubSelectionRequired: Sub selection required for type [Post] of field listPosts @ 'listPosts'",
    ]);
  });

  it('variables that fail scalar validation', async () => {
    const r = await engine.execute({ query: 'query($at: AWSDateTime) { echoCtx(at: $at) }', variables: { at: '2019' } }, opts());
    expect(r).toEqual({
      data: null,
      errors: [{ path: null, locations: loc(1, 7), message: "Variable 'at' has an invalid value. Unable to parse `2019` as a valid DateTime Object." }],
    });
  });

  it('literals that fail scalar validation', async () => {
    const r = await engine.execute({ query: '{ echoCtx(at: "2019") }' }, opts());
    expect(r.data).toBeNull();
    expect(r.errors![0].message).toBe("Validation error of type WrongType: argument 'at' with value 'StringValue{value='2019'}' is not a valid 'AWSDateTime' @ 'echoCtx'");
  });

  it('null for a non-null variable', async () => {
    const r = await engine.execute({ query: 'query($id: ID!) { getPost(id: $id) { id } }', variables: { id: null } }, opts());
    expect(r.errors![0].message).toBe("Variable 'id' has coerced Null value for NonNull type 'ID!'");
  });

  it('syntax errors', async () => {
    const r = await engine.execute({ query: '{ getPost(id: "1") { id }' }, opts());
    expect(r).toEqual({ data: null, errors: [{ path: null, locations: loc(1, 26), message: 'Invalid Syntax : Expected Name, found <EOF>.' }] });
  });

  it('malformed requests get an error entry instead of an exception', async () => {
    const bad = { data: null, errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse GraphQL query.' }] };
    expect(await engine.execute({ query: 42 as never }, opts())).toEqual(bad);
    expect(await engine.execute({ query: '  ' }, opts())).toEqual(bad);
    expect(await engine.execute({ query: '{ noResolver }', variables: [1] as never }, opts())).toEqual(bad);
    expect(await engine.execute({ query: '{ noResolver }', operationName: 5 as never }, opts())).toEqual(bad);
    expect(await engine.prepareSubscription({ query: null as never }, opts())).toEqual({ ok: false, errors: bad.errors });
  });

  it('unknown operation names', async () => {
    const r = await engine.execute({ query: 'query A { noResolver }', operationName: 'B' }, opts());
    expect(r).toEqual({ data: null, errors: [{ message: "Unknown operation named 'B'." }] });
  });
});

describe('per-request limits', () => {
  it('fails resolvers past resolverCountLimit with ResolverExecutionLimitReached; those within it keep their results', async () => {
    const small = await fixtureEngine({ resolverCountLimit: 3 });
    const r = await small.execute({ query: '{ listPosts(count: 3) { id summary } }' }, opts());
    expect(r.data).toEqual({ listPosts: [{ id: '1', summary: 'Title 1 (1 views)' }, { id: '2', summary: 'Title 2 (2 views)' }, { id: '3', summary: null }] });
    expect(r.errors).toEqual([
      {
        path: ['listPosts', 2, 'summary'],
        data: null,
        errorType: 'ResolverExecutionLimitReached',
        errorInfo: null,
        locations: loc(1, 28),
        message: 'Resolver invocation limit reached.',
      },
    ]);
  });

  it('times the request out like AppSync', async () => {
    const small = await fixtureEngine({ timeoutMs: 50 });
    const r = await small.execute({ query: '{ slow }' }, opts());
    expect(r).toEqual({ data: null, errors: [{ errorType: 'ExecutionTimeout', message: 'Execution timed out.' }] });
  });
});
