import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useNotificationsInfiniteQuery } from '../../../graphql/operations.ts';
import type { NotificationsQuery, NotificationType } from '../../../graphql/types.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { RelativeTime } from '../../../components/ui/time.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { LiveUser } from '../../../lib/live-users/live-users.tsx';
import { useNotificationsState } from './notifications-provider.tsx';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import { groupNotifications } from '../group.ts';

type Item = NotificationsQuery['notifications']['items'][number];

const VERB: Record<NotificationType, string> = {
  LIKE: 'liked your crud',
  REPLY: 'replied to your crud',
  FOLLOW: 'followed you',
  MENTION: 'mentioned you',
  REPOST: 'reposted your crud',
};
const ICON: Record<NotificationType, IconName> = { LIKE: 'heart', REPLY: 'reply', FOLLOW: 'user', MENTION: 'at', REPOST: 'repost' };

/** The crud concerned (for a reply: the reply, whose page shows the thread), else the actor. */
function target(n: Item): string {
  if (n.crud) return `/@${n.crud.author.handle}/status/${n.crud.id}`;
  return `/@${n.actor.handle}`;
}

const PAGE = 30;

/**
 * The signed-in user's notifications, newest first, page by page; a live notification (the event
 * carries no actor or crud) re-reads the newest page and its new entries go on top of the first
 * page, keeping every page loaded. Marked read once seen.
 */
export function NotificationList() {
  const query = useNotificationsInfiniteQuery({ limit: PAGE });
  const { version, markAllRead, unread } = useNotificationsState();
  const seenVersion = useRef(version);
  const { refetch, prependLatest } = query;
  useEffect(() => {
    if (version === seenVersion.current) return;
    seenVersion.current = version;
    // A failed re-read is repaired by the next event or by the re-read after a reconnect.
    void prependLatest().catch(() => undefined);
  }, [version, prependLatest]);
  useEffect(() => {
    // Reading the page marks everything read (the list keeps showing which ones were new).
    if (query.data && unread > 0) void markAllRead().catch(() => undefined);
  }, [query.data, unread, markAllRead]);

  if (query.loading && !query.data) return <Loading label="Loading notifications…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void refetch()} />;
  const { items } = query;
  if (items.length === 0) return <EmptyState>No notifications yet. Post something!</EmptyState>;
  return (
    <>
      <ul className="notification-list" aria-label="Notifications">
        {groupNotifications(items).map(({ key, newest: n, actors, read }) => (
          <li key={key} className={`notification${read ? '' : ' unread'}`}>
            <span className="notification-icon">
              <Icon name={ICON[n.type]} filled={n.type === 'LIKE'} />
            </span>
            <LiveUser user={n.actor}>
              {(actor) => <Avatar url={actor.avatarUrl} name={actor.displayName} handle={actor.handle} size={36} />}
            </LiveUser>
            <div className="notification-text">
              <p>
                <LiveUser user={n.actor}>{(actor) => <Link to={`/@${actor.handle}`}>{actor.displayName}</Link>}</LiveUser>
                {/* "Ana and Bo", "Ana and 3 others" (who they are: on hover) */}
                {actors.length === 2 && (
                  <>
                    {' and '}
                    <Link to={`/@${actors[1].handle}`}>{actors[1].displayName}</Link>
                  </>
                )}
                {actors.length > 2 && (
                  <span className="notification-others" title={actors.slice(1).map((a) => `@${a.handle}`).join(', ')}>
                    {` and ${actors.length - 1} others`}
                  </span>
                )}{' '}
                <Link to={target(n)}>{VERB[n.type]}</Link>
                {!read && <span className="visually-hidden"> (new)</span>}
                {' · '}
                <RelativeTime iso={n.createdAt} />
              </p>
              {n.crud && <p className="notification-quote">{n.crud.message}</p>}
            </div>
          </li>
        ))}
      </ul>
      <LoadMore hasMore={query.hasMore} loading={query.fetchingMore} onLoadMore={query.loadMore} />
    </>
  );
}
