/**
 * One cache for messages and the inbox: a message (live, or the result of a send) is written into
 * its thread's loaded pages and into the inbox's conversation entry at once, so the open thread,
 * the conversation list (last message, order, unread count) and every other view of them agree
 * without re-reading. A read receipt writes the unread count the same way.
 */
import type { QueryClient } from '@tanstack/react-query';
import { ConversationDocument, ConversationsDocument, MessagesDocument } from '../../../graphql/operations.ts';
import type { ConversationQuery, ConversationSummaryFragment, MessageFieldsFragment } from '../../../graphql/types.ts';
import { findItem, mapItems, putFirst } from '../../../lib/graphql/pages.ts';
import { prependLatest, updateLoadedPages } from '../../../lib/graphql/infinite-cache.ts';
import { gqlKey } from '../../../lib/graphql/use-query.ts';

type Conversation = ConversationSummaryFragment;

/** The inbox entry after `m`: on top, `m` as its last message, one more unread if someone else sent it. */
export function withMessage(conversation: Conversation, m: MessageFieldsFragment, viewerId: string): Conversation {
  // The same message twice (a send's result, then its live event), or an older one late: no change.
  if (conversation.lastMessage?.id === m.id) return conversation;
  if (conversation.lastMessageAt && conversation.lastMessageAt > m.createdAt) return conversation;
  return {
    ...conversation,
    lastMessage: { id: m.id, senderId: m.senderId, body: m.body, createdAt: m.createdAt },
    lastMessageAt: m.createdAt,
    unreadCount: conversation.unreadCount + (m.senderId === viewerId ? 0 : 1),
  };
}

/**
 * Writes a message into every loaded list it belongs to. A conversation the inbox has not loaded
 * (a new one, or one beyond the loaded pages) is read with the newest inbox page and put on top.
 */
export function applyMessage(client: QueryClient, identity: string, viewerId: string, m: MessageFieldsFragment): void {
  // Threads read newest first (the default order) get it at the head, once.
  updateLoadedPages(
    client,
    identity,
    MessagesDocument,
    (pages) => (findItem(pages, 'messages', m.id) ? pages : putFirst(pages, 'messages', [m])),
    (v) => v.conversationId === m.conversationId && (v.order ?? 'NEWEST_FIRST') === 'NEWEST_FIRST',
  );
  updateLoadedPages(client, identity, ConversationsDocument, (pages, variables) => {
    const known = findItem(pages, 'conversations', m.conversationId) as Conversation | undefined;
    if (!known) {
      void prependLatest(client, identity, ConversationsDocument, 'conversations', variables, (c) => c.id === m.conversationId).catch(() => undefined);
      return pages;
    }
    const next = withMessage(known, m, viewerId);
    return next === known ? pages : putFirst(pages, 'conversations', [next]);
  });
  // The open conversation's own entry: its unread count is what makes the view send a read receipt.
  client.setQueryData<ConversationQuery>(gqlKey(identity, ConversationDocument, { id: m.conversationId }), (prev) =>
    prev?.conversation ? { conversation: { ...prev.conversation, ...withMessage(prev.conversation, m, viewerId) } } : prev,
  );
}

/** Writes a conversation's unread count (a read receipt's result) into the inbox and the conversation. */
export function applyRead(client: QueryClient, identity: string, read: { id: string; unreadCount: number }): void {
  updateLoadedPages(client, identity, ConversationsDocument, (pages) =>
    findItem(pages, 'conversations', read.id)
      ? mapItems<(typeof pages)[number], Conversation>(pages, 'conversations', (c) => (c.id === read.id ? { ...c, unreadCount: read.unreadCount } : c))
      : pages,
  );
  client.setQueryData<ConversationQuery>(gqlKey(identity, ConversationDocument, { id: read.id }), (prev) =>
    prev?.conversation ? { conversation: { ...prev.conversation, unreadCount: read.unreadCount } } : prev,
  );
}
