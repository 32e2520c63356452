import { useFollowersInfiniteQuery, useFollowingInfiniteQuery, useLikedCrudsInfiniteQuery, useUserCrudsInfiniteQuery, useUserRepliesInfiniteQuery } from '../../graphql/operations.ts';
import type { CrudFieldsFragment } from '../../graphql/types.ts';
import { EmptyState, ErrorState, Loading } from '../../components/ui/states.tsx';
import { LoadMore } from '../../components/ui/infinite-list.tsx';
import { UserList } from '../../components/ui/user-list.tsx';
import { describeApiError, type ApiError } from '../../lib/graphql/index.ts';
import { CrudList, type CrudListEntry } from '../../features/crud/components/crud-list.tsx';

const PAGE = 20;

/** The sections of a profile, each its own URL: `/@h`, `/@h/replies`, `/@h/likes`, `/@h/followers`, `/@h/following`. */
export type ProfileSection = 'cruds' | 'replies' | 'likes' | 'followers' | 'following';

/** What a section needs of an infinite query (see `useInfiniteQuery`). */
interface PagedList<T> {
  data: unknown;
  items: T[];
  loading: boolean;
  fetchingMore: boolean;
  hasMore: boolean;
  error?: ApiError;
  loadMore(): void;
  refetch(): Promise<unknown>;
  updateItems(update: (items: T[]) => T[]): void;
}

/** Loading, error, list and "Load more" of one paginated crud section. */
function CrudSection({ q, label, empty, entry }: { q: PagedList<CrudFieldsFragment>; label: string; empty: string; entry?(c: CrudFieldsFragment): Partial<CrudListEntry> }) {
  if (q.loading && !q.data) return <Loading label="Loading cruds…" />;
  if (q.error && !q.data) return <ErrorState message={describeApiError(q.error)} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  return (
    <CrudList
      label={label}
      entries={q.items.map((c) => ({ key: c.id, crud: c, ...entry?.(c) }))}
      hasMore={q.hasMore}
      loadingMore={q.fetchingMore}
      onLoadMore={q.loadMore}
      onDeleted={(id) => q.updateItems((items) => items.filter((c) => c.id !== id))}
      empty={empty}
    />
  );
}

/** A user's top-level cruds. */
export function CrudsSection({ handle }: { handle: string }) {
  const q = useUserCrudsInfiniteQuery({ handle, limit: PAGE });
  return <CrudSection label={`Cruds by @${handle}`} empty={`@${handle} has no live cruds.`} q={q} />;
}

/** A user's replies, each saying whom it answers. */
export function RepliesSection({ handle }: { handle: string }) {
  const q = useUserRepliesInfiniteQuery({ handle, limit: PAGE });
  const parents = new Map(q.items.map((r) => [r.id, r.replyTo?.author.handle]));
  return <CrudSection label={`Replies by @${handle}`} empty={`@${handle} has no live replies.`} entry={(c) => ({ replyingTo: parents.get(c.id) })} q={q} />;
}

/** The viewer's own likes (likes are private: only on the viewer's own profile). */
export function LikesSection() {
  const q = useLikedCrudsInfiniteQuery({ limit: PAGE });
  return <CrudSection label="Cruds you liked" empty="Cruds you like show up here while they live." q={q} />;
}

/** Who follows the user, or whom the user follows. */
export function PeopleSection({ handle, section }: { handle: string; section: 'followers' | 'following' }) {
  const followers = useFollowersInfiniteQuery({ handle, limit: PAGE }, { skip: section !== 'followers' });
  const following = useFollowingInfiniteQuery({ handle, limit: PAGE }, { skip: section !== 'following' });
  const q = section === 'followers' ? followers : following;
  if (q.loading && !q.data) return <Loading label="Loading people…" />;
  if (q.error && !q.data) return <ErrorState message={describeApiError(q.error)} onRetry={() => void q.refetch()} />;
  if (!q.data) return null;
  const label = section === 'followers' ? `Followers of @${handle}` : `People @${handle} follows`;
  return (
    <>
      {q.items.length === 0 && !q.hasMore && (
        <EmptyState>{section === 'followers' ? `No one follows @${handle} yet.` : `@${handle} follows no one yet.`}</EmptyState>
      )}
      <UserList label={label} users={q.items} />
      <LoadMore hasMore={q.hasMore} loading={q.fetchingMore} onLoadMore={q.loadMore} />
    </>
  );
}
