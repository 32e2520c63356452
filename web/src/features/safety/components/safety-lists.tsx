import { Link } from 'react-router-dom';
import { useBlockedUsersQuery, useMutedUsersQuery, useUnblockMutation, useUnmuteMutation } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadMore } from '../../../components/ui/infinite-list.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { appendPage } from '../../../lib/pagination.ts';

interface Account {
  id: string;
  handle: string;
  displayName: string;
  avatarUrl?: string | null;
}

function AccountRows({ label, accounts, action, busy, onAction }: { label: string; accounts: Account[]; action: string; busy: boolean; onAction(a: Account): void }) {
  return (
    <ul className="account-list" aria-label={label}>
      {accounts.map((a) => (
        <li key={a.id} className="account-row">
          <Avatar url={a.avatarUrl} name={a.displayName} handle={a.handle} size={36} />
          <Link to={`/@${a.handle}`}>
            {a.displayName} <span className="handle">@{a.handle}</span>
          </Link>
          <Button variant="secondary" busy={busy} onClick={() => onAction(a)} aria-label={`${action} @${a.handle}`}>
            {action}
          </Button>
        </li>
      ))}
    </ul>
  );
}

function BlockedList() {
  const query = useBlockedUsersQuery({ limit: 50 });
  const unblock = useUnblockMutation();
  const nextToken = query.data?.blockedUsers.nextToken;
  if (query.loading && !query.data) return <Loading label="Loading blocked accounts…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  const items = query.data?.blockedUsers.items ?? [];
  if (items.length === 0) return <EmptyState>You block nobody.</EmptyState>;
  return (
    <>
      <AccountRows label="Blocked accounts" accounts={items} action="Unblock" busy={unblock.loading}
        onAction={(a) => void unblock.mutate({ handle: a.handle }).then(() => query.refetch())} />
      <LoadMore hasMore={Boolean(nextToken)} loading={query.fetchingMore}
        onLoadMore={() => nextToken && void query.fetchMore({ nextToken }, (p, n) => ({ blockedUsers: appendPage(p.blockedUsers, n.blockedUsers) }))} />
    </>
  );
}

function MutedList() {
  const query = useMutedUsersQuery({ limit: 50 });
  const unmute = useUnmuteMutation();
  const nextToken = query.data?.mutedUsers.nextToken;
  if (query.loading && !query.data) return <Loading label="Loading muted accounts…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  const items = query.data?.mutedUsers.items ?? [];
  if (items.length === 0) return <EmptyState>You mute nobody.</EmptyState>;
  return (
    <>
      <AccountRows label="Muted accounts" accounts={items} action="Unmute" busy={unmute.loading}
        onAction={(a) => void unmute.mutate({ handle: a.handle }).then(() => query.refetch())} />
      <LoadMore hasMore={Boolean(nextToken)} loading={query.fetchingMore}
        onLoadMore={() => nextToken && void query.fetchMore({ nextToken }, (p, n) => ({ mutedUsers: appendPage(p.mutedUsers, n.mutedUsers) }))} />
    </>
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
