import { Link } from 'react-router-dom';
import { useSearchUsersQuery } from '../../../graphql/operations.ts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { LiveUser } from '../../../lib/live-users/live-users.tsx';

/** People whose handle starts with `prefix`. */
export function UserSearchResults({ prefix }: { prefix: string }) {
  const query = useSearchUsersQuery({ prefix, limit: 25 }, { skip: prefix === '' });
  if (prefix === '') return <EmptyState>Type the start of a handle to find people.</EmptyState>;
  if (query.loading && !query.data) return <Loading label="Searching…" />;
  if (query.error) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  const users = query.data?.searchUsers ?? [];
  if (users.length === 0) return <EmptyState>No one’s handle starts with “{prefix}”.</EmptyState>;
  return (
    <ul className="user-list" aria-label="People">
      {users.map((fetched) => (
        <LiveUser key={fetched.id} user={fetched}>
          {(u) => (
            <li>
              <Link to={`/@${u.handle}`} className="user-row">
                <Avatar url={u.avatarUrl} name={u.displayName} handle={u.handle} size={40} />
                <span>
                  <span className="display-name">{u.displayName}</span> <span className="handle">@{u.handle}</span>
                  {u.bio && <span className="user-bio">{u.bio}</span>}
                </span>
              </Link>
            </li>
          )}
        </LiveUser>
      ))}
    </ul>
  );
}
