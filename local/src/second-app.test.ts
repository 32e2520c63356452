/**
 * The offline AppSync is app-agnostic: a second app (a todo list: its own schema, two resolvers,
 * one table, its own authorizer and user pool) starts through the same `startStack` and is
 * served over HTTP with nothing of Cruddur's in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.ts';
import { todoApp } from './testing/todo-app/app.ts';
import { TODO_TOKEN } from './testing/todo-app/functions.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ app: todoApp, ports: {}, log: 'silent' });
}, 120_000);
afterAll(() => stack?.close());

async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token = TODO_TOKEN) {
  const res = await fetch(stack.urls.graphql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: T; errors?: { message: string; errorType?: string }[] } };
}

describe('a second app on the same engine', () => {
  it('mutates and queries its own table over HTTP', async () => {
    const added = await gql<{ addTodo: { id: string; title: string; done: boolean } }>('mutation($t: String!) { addTodo(title: $t) { id title done } }', { t: 'write the README' });
    expect(added.body.errors).toBeUndefined();
    expect(added.body.data?.addTodo).toMatchObject({ title: 'write the README', done: false });
    await gql('mutation { addTodo(title: "ship it") { id } }');
    const listed = await gql<{ todos: { id: string; title: string }[] }>('{ todos { id title } }');
    expect(listed.body.data?.todos.map((t) => t.title).sort()).toEqual(['ship it', 'write the README']);
    expect(listed.body.data?.todos.map((t) => t.id)).toContain(added.body.data?.addTodo.id);
  });

  it('authorizes with its own Lambda authorizer', async () => {
    const refused = await gql('{ todos { id } }', undefined, 'someone-else');
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]).toMatchObject({ errorType: 'UnauthorizedException' });
  });

  it('serves its schema only: none of Cruddur\'s types, fields or users', async () => {
    const intro = await gql<{ __schema: { types: { name: string }[]; queryType: { fields: { name: string }[] } } }>('{ __schema { types { name } queryType { fields { name } } } }');
    const types = intro.body.data!.__schema.types.map((t) => t.name);
    expect(types).toContain('Todo');
    for (const cruddur of ['Crud', 'User', 'FeedItem', 'Notification', 'Conversation']) expect(types).not.toContain(cruddur);
    expect(intro.body.data!.__schema.queryType.fields.map((f) => f.name)).toEqual(['todos']);
    expect(stack.app.name).toBe('Todo');
    expect(stack.cognito.userPoolId).toBe('us-east-1_TodoLocal');
    expect(stack.outputs.auth?.user_pool_id).toBe('us-east-1_TodoLocal');
  });

  it('creates the table its definition declares, under its own name', async () => {
    const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
    const table = await stack.dynamo.client.send(new DescribeTableCommand({ TableName: stack.dynamo.tableName }));
    expect(table.Table?.GlobalSecondaryIndexes ?? []).toEqual([]);
    expect(table.Table?.KeySchema?.map((k) => k.AttributeName)).toEqual(['pk', 'sk']);
  });
});
