import { useSearchUsersQuery } from '../../../graphql/operations.ts';
import { EmptyState, ErrorState, Loading } from '../../../components/ui/states.tsx';
import { UserList } from '../../../components/ui/user-list.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';

/** People whose handle or display name starts with `prefix`. */
export function UserSearchResults({ prefix }: { prefix: string }) {
  const query = useSearchUsersQuery({ prefix, limit: 25 }, { skip: prefix === '' });
  if (prefix === '') return <EmptyState>Type the start of a name or handle to find people.</EmptyState>;
  if (query.loading && !query.data) return <Loading label="Searching…" />;
  if (query.error) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  const users = query.data?.searchUsers ?? [];
  if (users.length === 0) return <EmptyState>No one’s name or handle starts with “{prefix}”.</EmptyState>;
  return <UserList label="People" users={users} />;
}
