import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useConversationQuery, useMarkConversationReadMutation, useMessagesInfiniteQuery, useSendMessageMutation } from '../../../graphql/operations.ts';
import type { UserSummaryFragment } from '../../../graphql/types.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { RelativeTime } from '../../../components/ui/time.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { useLiveUser } from '../../../lib/live-users/live-users.tsx';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';
import { MessageForm } from './message-form.tsx';
import { useMessageCache } from '../cache/use-message-cache.ts';

const PAGE = 30;

/**
 * One conversation: newest page first (shown oldest at the top), "load earlier" for history. Live
 * messages arrive through the message cache (the app's onInboxMessage subscription writes them
 * here and to the inbox); while it is open, someone else's message is answered with a read receipt.
 */
export function ConversationView({ conversationId, viewerId, onActivity }: { conversationId: string; viewerId: string; onActivity(): void }) {
  const conversation = useConversationQuery({ id: conversationId });
  const messages = useMessagesInfiniteQuery({ conversationId, limit: PAGE, order: 'NEWEST_FIRST' });
  const send = useSendMessageMutation();
  const markRead = useMarkConversationReadMutation();
  const cache = useMessageCache();
  const bottom = useRef<HTMLDivElement>(null);
  const { mutate: markReadMutate } = markRead;
  const { applyRead } = cache;

  const read = useCallback(() => {
    void markReadMutate({ conversationId })
      .then(({ markConversationRead }) => {
        applyRead(markConversationRead);
        onActivity();
      })
      .catch(() => undefined);
  }, [markReadMutate, conversationId, onActivity, applyRead]);

  // Messages sent while the connection was down never arrive live: re-read the loaded pages.
  useOnRealtimeResume(() => {
    void messages.refetch();
    void conversation.refetch();
  });

  const unread = conversation.data?.conversation?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0) read();
  }, [unread, read]);

  const { items } = messages;
  const newestId = items[0]?.id;
  useLayoutEffect(() => {
    bottom.current?.scrollIntoView?.({ block: 'end' });
  }, [newestId]);

  // The peer's newest avatar and name (onUserChanged), for the header and their messages.
  const livePeer = useLiveUser(conversation.data?.conversation?.peer);

  if (conversation.loading && !conversation.data) return <Loading label="Loading conversation…" />;
  if (conversation.error) return <ErrorState message={describeApiError(conversation.error)} onRetry={() => void conversation.refetch()} />;
  const conv = conversation.data?.conversation;
  if (!conv) return <EmptyState>This conversation does not exist or is not yours.</EmptyState>;

  const members = new Map<string, UserSummaryFragment>(conv.members.map((m) => [m.id, m]));
  const peer = livePeer;
  if (peer) members.set(peer.id, peer);

  async function onSend(body: string): Promise<boolean> {
    try {
      const { sendMessage } = await send.mutate({ conversationId, body });
      cache.applyMessage(sendMessage);
      onActivity();
      return true;
    } catch {
      return false;
    }
  }

  return (
    <section className="conversation-view" aria-labelledby="conversation-title">
      <header className="conversation-header">
        <Link to="/messages" className="back-link" aria-label="Back to conversations">
          ←
        </Link>
        <h2 id="conversation-title">
          {peer ? (
            <Link to={`/@${peer.handle}`}>
              {peer.displayName} <span className="handle">@{peer.handle}</span>
            </Link>
          ) : (
            'Conversation'
          )}
        </h2>
      </header>
      <div className="message-scroll">
        {messages.hasMore && (
          <Button variant="ghost" busy={messages.fetchingMore} onClick={messages.loadMore}>
            Load earlier messages
          </Button>
        )}
        {messages.loading && !messages.data && <Loading label="Loading messages…" />}
        {messages.error && !messages.data && <ErrorState message={describeApiError(messages.error)} onRetry={() => void messages.refetch()} />}
        {messages.data && items.length === 0 && <EmptyState>No messages yet. Say hello!</EmptyState>}
        <ol className="message-list" aria-label="Messages" aria-live="polite">
          {[...items].reverse().map((m) => {
            const sender = members.get(m.senderId);
            const mine = m.senderId === viewerId;
            return (
              <li key={m.id} className={`message${mine ? ' mine' : ''}`}>
                {!mine && sender && <Avatar url={sender.avatarUrl} name={sender.displayName} handle={sender.handle} size={32} />}
                <div className="message-bubble">
                  <span className="visually-hidden">{mine ? 'You' : (sender?.displayName ?? 'Someone')}: </span>
                  <p>{m.body}</p>
                  <RelativeTime iso={m.createdAt} />
                </div>
              </li>
            );
          })}
        </ol>
        <div ref={bottom} />
      </div>
      <MessageForm draftKey={`dm:${conversationId}`} onSend={onSend} busy={send.loading} error={send.error ? describeApiError(send.error) : undefined} />
    </section>
  );
}
