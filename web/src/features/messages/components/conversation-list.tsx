import { NavLink } from 'react-router-dom';
import { useConversationsInfiniteQuery } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { RelativeTime } from '../../../components/ui/time.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { LiveUser } from '../../../lib/live-users/live-users.tsx';
import { useOnRealtimeResume } from '../../../lib/realtime/status.tsx';

const PAGE = 30;

/**
 * The inbox, most recent activity first with unread counts, page by page. Live messages, sends and
 * read receipts reach it through the message cache (cache/message-cache.ts), which moves a
 * conversation to the top of the first page; after a lost connection it re-reads its loaded pages.
 */
export function ConversationList() {
  const query = useConversationsInfiniteQuery({ limit: PAGE });
  const { refetch } = query;
  useOnRealtimeResume(() => void refetch());

  if (query.loading && !query.data) return <Loading label="Loading conversations…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void refetch()} />;
  const { items } = query;
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
      <LoadMore hasMore={query.hasMore} loading={query.fetchingMore} onLoadMore={query.loadMore} />
    </nav>
  );
}
