import { Link } from 'react-router-dom';
import { useBlockedUsersInfiniteQuery, useMutedUsersInfiniteQuery, useUnblockMutation, useUnmuteMutation } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError, type ApiError } from '../../../lib/graphql/index.ts';

interface Account {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
}

interface AccountListProps {
  label: string;
  action: 'Unblock' | 'Unmute';
  empty: string;
  query: { loading: boolean; fetchingMore: boolean; hasMore: boolean; error?: unknown; data?: unknown; items: Account[]; refetch(): unknown; loadMore(): void };
  busy: boolean;
  onAction(a: Account): Promise<unknown>;
}

/** One managed list: accounts with a button that undoes the block or mute, then re-reads the list. */
function AccountList({ label, action, empty, query, busy, onAction }: AccountListProps) {
  if (query.loading && !query.data) return <Loading label={`Loading ${label.toLowerCase()}…`} />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error as ApiError)} onRetry={() => void query.refetch()} />;
  const items = query.items;
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      <ul className="account-list" aria-label={label}>
        {items.map((a) => (
          <li key={a.id} className="account-row">
            <Avatar url={a.avatarUrl} name={a.displayName} handle={a.handle} size={36} />
            <Link to={`/@${a.handle}`}>
              {a.displayName} <span className="handle">@{a.handle}</span>
            </Link>
            <Button variant="secondary" busy={busy} onClick={() => void onAction(a).then(() => query.refetch())} aria-label={`${action} @${a.handle}`}>
              {action}
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore hasMore={query.hasMore} loading={query.fetchingMore} onLoadMore={query.loadMore} />
    </>
  );
}

function BlockedList() {
  const query = useBlockedUsersInfiniteQuery({ limit: 50 });
  const unblock = useUnblockMutation();
  return (
    <AccountList label="Blocked accounts" action="Unblock" empty="You block nobody." query={query} busy={unblock.loading}
      onAction={(a) => unblock.mutate({ handle: a.handle })} />
  );
}

function MutedList() {
  const query = useMutedUsersInfiniteQuery({ limit: 50 });
  const unmute = useUnmuteMutation();
  return (
    <AccountList label="Muted accounts" action="Unmute" empty="You mute nobody." query={query} busy={unmute.loading}
      onAction={(a) => unmute.mutate({ handle: a.handle })} />
  );
}

/** Settings › Safety: who the caller blocks and mutes, with Unblock / Unmute. */
export function SafetyLists() {
  return (
    <>
      <section aria-labelledby="blocked-title">
        <h2 id="blocked-title" className="section-title">Blocked accounts</h2>
        <p className="muted">They cannot follow you, reply to you, mention-notify you, message you or see your cruds, and you do not see theirs.</p>
        <BlockedList />
      </section>
      <section aria-labelledby="muted-title">
        <h2 id="muted-title" className="section-title">Muted accounts</h2>
        <p className="muted">Their cruds and reposts stay out of your home feed and they do not notify you. They are not told.</p>
        <MutedList />
      </section>
    </>
  );
}
