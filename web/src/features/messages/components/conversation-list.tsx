import { useEffect, useRef } from 'react';
import { NavLink } from 'react-router-dom';
import { useConversationsQuery, useOnInboxMessageSubscription } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { RelativeTime } from '../../../components/ui/time.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { appendPage } from '../../../lib/pagination.ts';
import { LiveUser } from '../../../lib/live-users/live-users.tsx';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';

/**
 * The inbox, most recent activity first with unread counts. Every message to the viewer
 * (onInboxMessage) and every `version` bump (own sends, reads) re-reads it, so it reorders live.
 */
export function ConversationList({ viewerId, version }: { viewerId: string; version: number }) {
  const query = useConversationsQuery({ limit: 30 });
  const { refetch } = query;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const seen = useRef(version);
  const reload = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch(), 100);
  };
  useOnInboxMessageSubscription({ recipientId: viewerId }, { onData: reload });
  useOnRealtimeResume(reload);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reload();
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  if (query.loading && !query.data) return <Loading label="Loading conversations…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void refetch()} />;
  const items = query.data?.conversations.items ?? [];
  const nextToken = query.data?.conversations.nextToken;
  if (items.length === 0) return <EmptyState>No conversations yet. Start one from someone’s profile.</EmptyState>;
  return (
    <nav aria-label="Conversations">
      <ul className="conversation-list">
        {items.map((c) => (
          <LiveUser key={c.id} user={c.peer}>
            {(peer) => {
              const name = peer?.displayName ?? 'Conversation';
              return (
                <li>
                  <NavLink to={`/messages/${c.id}`} className={({ isActive }) => `conversation${isActive ? ' active' : ''}${c.unreadCount > 0 ? ' unread' : ''}`}>
                    <Avatar url={peer?.avatarUrl} name={name} handle={peer?.handle ?? '?'} size={40} />
                    <span className="conversation-text">
                      <span className="conversation-top">
                        <span className="display-name">{name}</span>
                        {peer && <span className="handle"> @{peer.handle}</span>}
                        {c.lastMessageAt && (
                          <span className="conversation-time">
                            <RelativeTime iso={c.lastMessageAt} />
                          </span>
                        )}
                      </span>
                      <span className="conversation-last">{c.lastMessage?.body ?? ''}</span>
                    </span>
                    {c.unreadCount > 0 && (
                      <span className="badge" aria-label={`${c.unreadCount} unread`}>
                        {c.unreadCount}
                      </span>
                    )}
                  </NavLink>
                </li>
              );
            }}
          </LiveUser>
        ))}
      </ul>
      <LoadMore
        hasMore={Boolean(nextToken)}
        loading={query.fetchingMore}
        onLoadMore={() => {
          if (nextToken) void query.fetchMore({ nextToken }, (p, n) => ({ conversations: appendPage(p.conversations, n.conversations) }));
        }}
      />
    </nav>
  );
}
