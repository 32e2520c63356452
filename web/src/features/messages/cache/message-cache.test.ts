import { QueryClient, type InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ConversationDocument, ConversationsDocument, MessagesDocument } from '../../../graphql/operations.ts';
import type { ConversationQuery, ConversationsQuery, ConversationSummaryFragment, MessageFieldsFragment, MessagesQuery } from '../../../graphql/types.ts';
import { pagesKey } from '../../../lib/graphql/infinite-cache.ts';
import { mergePages } from '../../../lib/graphql/pages.ts';
import { gqlKey } from '../../../lib/graphql/use-query.ts';
import { applyMessage, applyRead } from './message-cache.ts';

const ME = 'me';
const conv = (id: string, at: string, unreadCount = 0): ConversationSummaryFragment => ({
  id,
  peer: null,
  lastMessage: { id: `m-${id}`, senderId: 'peer', body: 'old', createdAt: at },
  lastMessageAt: at,
  unreadCount,
});
const msg = (id: string, conversationId: string, senderId: string, createdAt = '2026-12-08T10:00:00.000Z'): MessageFieldsFragment => ({ id, conversationId, senderId, body: `body ${id}`, createdAt });
const inboxKey = pagesKey(ME, ConversationsDocument, { limit: 2 });
const threadKey = (conversationId: string, order = 'NEWEST_FIRST') => pagesKey(ME, MessagesDocument, { conversationId, limit: 2, order });

function seed(client: QueryClient) {
  client.setQueryData<InfiniteData<ConversationsQuery, string | null>>(inboxKey, {
    pages: [
      { conversations: { items: [conv('c1', '2026-12-08T09:00:00.000Z'), conv('c2', '2026-12-08T08:00:00.000Z')], nextToken: 't1' } },
      { conversations: { items: [conv('c3', '2026-12-08T07:00:00.000Z'), conv('c4', '2026-12-08T06:00:00.000Z')], nextToken: 't2' } },
    ],
    pageParams: [null, 't1'],
  });
  for (const key of [threadKey('c3'), threadKey('c3', 'OLDEST_FIRST'), threadKey('c1')]) {
    client.setQueryData<InfiniteData<MessagesQuery, string | null>>(key, {
      pages: [{ messages: { items: [msg('m2', 'c3', 'peer', '2026-12-08T07:00:00.000Z')], nextToken: 't' } }, { messages: { items: [msg('m1', 'c3', ME)], nextToken: null } }],
      pageParams: [null, 't'],
    });
  }
  client.setQueryData<ConversationQuery>(gqlKey(ME, ConversationDocument, { id: 'c3' }), { conversation: { ...conv('c3', '2026-12-08T07:00:00.000Z'), members: [] } });
}
const inbox = (client: QueryClient) => mergePages(client.getQueryData<InfiniteData<ConversationsQuery>>(inboxKey)!.pages, 'conversations')!.conversations.items;
const thread = (client: QueryClient, key: readonly unknown[]) =>
  mergePages(client.getQueryData<InfiniteData<MessagesQuery>>(key)!.pages, 'messages')!.messages.items.map((m) => m.id);

describe('the message cache', () => {
  it('a live message moves its conversation from a later page to the top, once, with its unread count', () => {
    const client = new QueryClient();
    seed(client);
    const m = msg('m3', 'c3', 'peer');
    applyMessage(client, ME, ME, m);
    applyMessage(client, ME, ME, m); // the same message again (a send's result, then its event)
    expect(inbox(client).map((c) => c.id)).toEqual(['c3', 'c1', 'c2', 'c4']);
    expect(inbox(client)[0]).toMatchObject({ lastMessage: { id: 'm3', body: 'body m3' }, lastMessageAt: m.createdAt, unreadCount: 1 });
    // The second page still ends where it did, so "load more" goes on from the same place.
    expect(client.getQueryData<InfiniteData<ConversationsQuery>>(inboxKey)!.pages[1].conversations.nextToken).toBe('t2');
    // The open conversation's own entry counts it too (that is what sends the read receipt).
    expect(client.getQueryData<ConversationQuery>(gqlKey(ME, ConversationDocument, { id: 'c3' }))?.conversation?.unreadCount).toBe(1);
  });

  it('puts the message at the head of its newest-first thread only', () => {
    const client = new QueryClient();
    seed(client);
    applyMessage(client, ME, ME, msg('m3', 'c3', 'peer'));
    applyMessage(client, ME, ME, msg('m3', 'c3', 'peer'));
    expect(thread(client, threadKey('c3'))).toEqual(['m3', 'm2', 'm1']);
    expect(thread(client, threadKey('c3', 'OLDEST_FIRST'))).toEqual(['m2', 'm1']);
    expect(thread(client, threadKey('c1'))).toEqual(['m2', 'm1']);
  });

  it('the viewer’s own message moves the conversation without counting it unread; an older one changes nothing', () => {
    const client = new QueryClient();
    seed(client);
    applyMessage(client, ME, ME, msg('m3', 'c2', ME));
    expect(inbox(client).map((c) => [c.id, c.unreadCount])).toEqual([['c2', 0], ['c1', 0], ['c3', 0], ['c4', 0]]);
    applyMessage(client, ME, ME, msg('m0', 'c4', 'peer', '2026-12-08T05:00:00.000Z'));
    expect(inbox(client).map((c) => c.id)).toEqual(['c2', 'c1', 'c3', 'c4']);
  });

  it('a read receipt writes the unread count into the inbox and the conversation', () => {
    const client = new QueryClient();
    seed(client);
    applyMessage(client, ME, ME, msg('m3', 'c3', 'peer'));
    applyRead(client, ME, { id: 'c3', unreadCount: 0 });
    expect(inbox(client)[0]).toMatchObject({ id: 'c3', unreadCount: 0 });
    expect(client.getQueryData<ConversationQuery>(gqlKey(ME, ConversationDocument, { id: 'c3' }))?.conversation?.unreadCount).toBe(0);
  });
});
