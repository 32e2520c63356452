/**
 * Every authorization rule in the resolvers, each with the negative case that fails if the rule
 * is removed. (Directive rules — IAM-only publish mutations, guest deniedFields — are enforced by
 * the engine and tested at engine level in lib/testing/engine scenarios.)
 */
import { describe, expect, it } from 'vitest';
import { guest, iam, run, S, user } from './lib/testing/evaluate.ts';

const recipientSubscriptions = ['Subscription.onFeedItem.[NONE].ts', 'Subscription.onNotification.[NONE].ts', 'Subscription.onInboxMessage.[NONE].ts'];

describe('subscriptions to a recipient', () => {
  it.each(recipientSubscriptions)('%s refuses another user’s recipientId', async (file) => {
    const ev = await run(file, 'request', { args: { recipientId: 'u2' }, identity: user('u1') });
    expect(ev.unauthorized).toBe(true);
  });

  it.each(recipientSubscriptions)('%s refuses guests and IAM callers', async (file) => {
    for (const identity of [guest, iam]) {
      const ev = await run(file, 'request', { args: { recipientId: 'u1' }, identity });
      expect(ev.unauthorized).toBe(true);
    }
  });

  it.each(recipientSubscriptions)('%s admits the caller and filters on their recipientId', async (file) => {
    const req = await run(file, 'request', { args: { recipientId: 'u1' }, identity: user('u1') });
    expect(req.unauthorized).toBeUndefined();
    const res = await run(file, 'response', { args: { recipientId: 'u1' }, identity: user('u1'), result: null });
    expect(res.value).toBeNull();
    expect(res.extensions.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'recipientId', operator: 'eq', value: 'u1' }] }] });
  });
});

describe('onMessage (members only)', () => {
  const FILE = 'Subscription.onMessage.[table].ts';
  it('reads the caller’s own member row, strongly consistent', async () => {
    const ev = await run(FILE, 'request', { args: { conversationId: 'a_b' }, identity: user('a') });
    expect(ev.value).toEqual({ operation: 'GetItem', key: { pk: S('USER#a'), sk: S('CONV#a_b') }, consistentRead: true });
  });

  it('refuses a non-member (no member row)', async () => {
    const ev = await run(FILE, 'response', { args: { conversationId: 'a_b' }, identity: user('c'), stash: { callerId: 'c' }, result: null });
    expect(ev.unauthorized).toBe(true);
  });

  it('refuses guests', async () => {
    const ev = await run(FILE, 'request', { args: { conversationId: 'a_b' }, identity: guest });
    expect(ev.unauthorized).toBe(true);
  });

  it('filters a member’s events to the conversation and to themselves', async () => {
    const ev = await run(FILE, 'response', { args: { conversationId: 'a_b' }, identity: user('a'), stash: { callerId: 'a' }, result: { pk: 'USER#a', sk: 'CONV#a_b' } });
    expect(ev.unauthorized).toBeUndefined();
    expect(ev.extensions.subscriptionFilter).toEqual({
      filterGroup: [
        {
          filters: [
            { fieldName: 'conversationId', operator: 'eq', value: 'a_b' },
            { fieldName: 'recipientId', operator: 'eq', value: 'a' },
          ],
        },
      ],
    });
  });
});

describe('onCrudChanged (anyone who may read the crud)', () => {
  const FILE = 'Subscription.onCrudChanged.[table].ts';
  const now = Math.floor(Date.now() / 1000);
  it('refuses an expired crud', async () => {
    const ev = await run(FILE, 'response', { args: { id: 'c1' }, identity: guest, result: { id: 'c1', expiresAt: now - 1 } });
    expect(ev.error?.errorType).toBe('NotFound');
    expect(ev.extensions.subscriptionFilter).toBeUndefined();
  });

  it('refuses a missing crud', async () => {
    const ev = await run(FILE, 'response', { args: { id: 'c1' }, identity: guest, result: null });
    expect(ev.error?.errorType).toBe('NotFound');
  });

  it('admits guests to a live crud, filtered by id', async () => {
    const ev = await run(FILE, 'response', { args: { id: 'c1' }, identity: guest, result: { id: 'c1', expiresAt: now + 60 } });
    expect(ev.error).toBeUndefined();
    expect(ev.extensions.subscriptionFilter).toEqual({ filterGroup: [{ filters: [{ fieldName: 'id', operator: 'eq', value: 'c1' }] }] });
  });
});

describe('conversations and messages', () => {
  it('messages: a non-member is refused', async () => {
    const ev = await run('Query.messages/1.membership.[table].ts', 'response', { args: { conversationId: 'a_b' }, stash: { callerId: 'c' }, result: null });
    expect(ev.unauthorized).toBe(true);
  });

  it('messages: membership is read from the caller’s own row', async () => {
    const ev = await run('Query.messages/1.membership.[table].ts', 'request', { args: { conversationId: 'a_b' }, stash: { callerId: 'c' } });
    expect(ev.value).toMatchObject({ operation: 'GetItem', key: { pk: S('USER#c'), sk: S('CONV#a_b') } });
  });

  it('conversation(id): read through the caller’s own member row; none → null', async () => {
    const req = await run('Query.conversation.[table].ts', 'request', { args: { id: 'a_b' }, identity: user('c') });
    expect(req.value).toMatchObject({ key: { pk: S('USER#c'), sk: S('CONV#a_b') } });
    const res = await run('Query.conversation.[table].ts', 'response', { args: { id: 'a_b' }, identity: user('c'), result: null });
    expect(res.value).toBeNull();
  });

  it('sendMessage(conversationId): a non-member is refused', async () => {
    const ev = await run('Mutation.sendMessage/1.peer.[table].ts', 'response', { args: { conversationId: 'a_b' }, stash: { callerId: 'c' }, result: null });
    expect(ev.unauthorized).toBe(true);
  });

  it('sendMessage: membership is read from the caller’s own row', async () => {
    const ev = await run('Mutation.sendMessage/1.peer.[table].ts', 'request', { args: { conversationId: 'a_b' }, stash: { callerId: 'c' } });
    expect(ev.value).toMatchObject({ operation: 'GetItem', key: { pk: S('USER#c'), sk: S('CONV#a_b') }, consistentRead: true });
  });

  it('markConversationRead: a non-member (failed condition) is refused', async () => {
    const ev = await run('Mutation.markConversationRead.[table].ts', 'response', {
      args: { conversationId: 'a_b' },
      identity: user('c'),
      error: { type: 'DynamoDB:ConditionalCheckFailedException', message: 'The conditional request failed' },
    });
    expect(ev.unauthorized).toBe(true);
  });
});

describe('ownership and privacy', () => {
  it('deleteCrud: only the author may delete', async () => {
    const ev = await run('Mutation.deleteCrud/1.crud.[table].ts', 'response', {
      args: { id: 'c1' },
      stash: { callerId: 'intruder' },
      result: { id: 'c1', authorId: 'author', expiresAt: Math.floor(Date.now() / 1000) + 60 },
    });
    expect(ev.unauthorized).toBe(true);
  });

  it('unreadNotificationsCount is null for anyone but the owner', async () => {
    const file = 'User.unreadNotificationsCount.[table].ts';
    const other = await run(file, 'request', { identity: user('u2'), source: { id: 'u1', unreadNotificationsCount: 3 } });
    expect(other.earlyReturn).toEqual({ value: null });
    const own = await run(file, 'request', { identity: user('u1'), source: { id: 'u1', unreadNotificationsCount: 3 } });
    expect(own.earlyReturn).toEqual({ value: 3 });
  });

  it('unreadNotificationsCount: a profile without the count (user(handle), cached) is read fresh for its owner', async () => {
    const file = 'User.unreadNotificationsCount.[table].ts';
    const own = await run(file, 'request', { identity: user('u1'), source: { id: 'u1' } });
    expect(own.value).toMatchObject({ operation: 'GetItem', key: { pk: S('USER#u1'), sk: S('PROFILE') } });
    const res = await run(file, 'response', { identity: user('u1'), source: { id: 'u1' }, result: { unreadNotificationsCount: 4 } });
    expect(res.value).toBe(4);
  });

  it.each([
    ['Query.me.[table].ts', 'request'],
    ['Query.homeFeed/resolver.ts', 'request'],
    ['Subscription.onCelebrityFeedItem/resolver.ts', 'request'],
    ['Query.notifications/resolver.ts', 'request'],
    ['Query.conversations/resolver.ts', 'request'],
    ['Query.conversation.[table].ts', 'request'],
    ['Query.messages/resolver.ts', 'request'],
    ['Mutation.likeCrud/resolver.ts', 'request'],
    ['Mutation.follow/resolver.ts', 'request'],
    ['Mutation.sendMessage/resolver.ts', 'request'],
    ['Mutation.markNotificationsRead/resolver.ts', 'request'],
    ['Mutation.updateProfile/resolver.ts', 'request'],
  ] as const)('%s refuses guests even if the authorizer’s deniedFields were missing', async (file, fn) => {
    const ev = await run(file, fn, { args: { body: 'x', conversationId: 'a_b', id: 'a_b', displayName: 'x' }, identity: guest });
    expect(ev.unauthorized).toBe(true);
  });
});
