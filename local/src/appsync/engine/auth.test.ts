import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '../auth/types.ts';
import type { AppSyncEngine } from './create-engine.ts';
import { apiKeyAuth, cognito, fixtureEngine, iamAuth, lambdaAuth, opts } from './testing/harness.ts';

let engine: AppSyncEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

const denied = (path: (string | number)[], field: string, type: string, line = 1, column = 3) => ({
  path,
  data: null,
  errorType: 'Unauthorized',
  errorInfo: null,
  locations: [{ line, column, sourceName: null }],
  message: `Not Authorized to access ${field} on type ${type}`,
});

const run = (query: string, auth: AuthContext) => engine.execute({ query }, opts(auth));

describe('auth directives', () => {
  it('an unannotated field admits the default mode', async () => {
    expect(await run('{ noResolver }', lambdaAuth)).toEqual({ data: { noResolver: null } });
  });

  it('an unannotated field refuses every additional mode', async () => {
    expect(await run('{ noResolver }', apiKeyAuth)).toEqual({ data: { noResolver: null }, errors: [denied(['noResolver'], 'noResolver', 'Query')] });
    expect(await run('{ noResolver }', iamAuth)).toEqual({ data: { noResolver: null }, errors: [denied(['noResolver'], 'noResolver', 'Query')] });
  });

  it('a field directive admits its mode', async () => {
    expect(await run('{ keyOnly }', apiKeyAuth)).toEqual({ data: { keyOnly: 'key' } });
  });

  it('a field directive without the default mode refuses the default mode (and the resolver does not run)', async () => {
    expect(await run('{ keyOnly }', lambdaAuth)).toEqual({ data: { keyOnly: null }, errors: [denied(['keyOnly'], 'keyOnly', 'Query')] });
  });

  it('type directives govern nested fields: a denied nested field is null with an error', async () => {
    // Post admits API_KEY; Author admits only AWS_LAMBDA.
    const r = await run('{ getPost(id: "1") { id author { name } } }', apiKeyAuth);
    expect(r).toEqual({
      data: { getPost: { id: '1', author: { name: null } } },
      errors: [denied(['getPost', 'author', 'name'], 'name', 'Author', 1, 34)],
    });
  });

  it('a field directive overrides its type directives', async () => {
    // Post.secret is @aws_lambda only although Post admits API_KEY and Cognito.
    expect(await run('{ getPost(id: "1") { secret } }', lambdaAuth)).toEqual({ data: { getPost: { secret: 's3cret' } } });
    expect(await run('{ getPost(id: "1") { id secret } }', apiKeyAuth)).toEqual({
      data: { getPost: { id: '1', secret: null } },
      errors: [denied(['getPost', 'secret'], 'secret', 'Post', 1, 25)],
    });
  });

  it('a denied top-level field under a mode its directives omit', async () => {
    const r = await run('{ getPost(id: "1") { views } }', iamAuth);
    expect(r).toEqual({ data: { getPost: null }, errors: [denied(['getPost'], 'getPost', 'Query')] });
    expect(await run('{ getPost(id: "1") { views } }', apiKeyAuth)).toEqual({ data: { getPost: { views: 3 } } });
  });

  it('cognito_groups admits members of a listed group only', async () => {
    expect(await run('{ adminsOnly }', cognito(['admin']))).toEqual({ data: { adminsOnly: 42 } });
    expect(await run('{ adminsOnly }', cognito(['users']))).toEqual({ data: { adminsOnly: null }, errors: [denied(['adminsOnly'], 'adminsOnly', 'Query')] });
    expect(await run('{ adminsOnly }', lambdaAuth)).toEqual({ data: { adminsOnly: null }, errors: [denied(['adminsOnly'], 'adminsOnly', 'Query')] });
  });

  it('@aws_cognito_user_pools without groups admits any user of the pool', async () => {
    expect(await run('{ getPost(id: "2") { id } }', cognito([]))).toEqual({ data: { getPost: { id: '2' } } });
  });
});

describe("the Lambda authorizer's deniedFields", () => {
  const guest: AuthContext = { mode: 'AWS_LAMBDA', identity: { resolverContext: { guest: 'true' } }, deniedFields: ['Query.getPost', 'Post.body', 'Mutation.createPost'] };

  it('a denied top-level field is null with an error and its resolver does not run', async () => {
    const r = await run('{ getPost(id: "1") { id } noResolver }', guest);
    expect(r).toEqual({ data: { getPost: null, noResolver: null }, errors: [denied(['getPost'], 'getPost', 'Query')] });
  });

  it('a denied nested field is null with an error; its siblings resolve', async () => {
    const r = await run('{ listPosts(count: 1) { id body } }', guest);
    expect(r).toEqual({
      data: { listPosts: [{ id: '1', body: null }] },
      errors: [denied(['listPosts', 0, 'body'], 'body', 'Post', 1, 28)],
    });
  });

  it('a denied non-null nested field nulls its nearest nullable parent', async () => {
    const r = await run('{ listPosts(count: 1) { id views } }', { ...lambdaAuth, deniedFields: ['Post.views'] });
    expect(r).toEqual({ data: { listPosts: [null] }, errors: [denied(['listPosts', 0, 'views'], 'views', 'Post', 1, 28)] });
  });

  it('a denied mutation does not run and publishes nothing', async () => {
    const events: unknown[] = [];
    const off = engine.onMutation((e) => events.push(e));
    const r = await run('mutation { createPost(title: "x") { id } }', guest);
    off();
    expect(r).toEqual({ data: { createPost: null }, errors: [denied(['createPost'], 'createPost', 'Mutation', 1, 12)] });
    expect(events).toEqual([]);
  });
});
