import { useFollowersQuery, useFollowingQuery, useLikedCrudsQuery, useUserCrudsQuery, useUserRepliesQuery } from '../../graphql/operations.ts';
import type { CrudFieldsFragment } from '../../graphql/types.ts';
import { EmptyState, ErrorState, Loading } from '../../components/ui/states.tsx';
import { LoadMore } from '../../components/ui/infinite-list.tsx';
import { UserList } from '../../components/ui/user-list.tsx';
import { describeApiError, type ApiError } from '../../lib/graphql/index.ts';
import { appendPage } from '../../lib/pagination.ts';
import { CrudList, type CrudListEntry } from '../../features/crud/components/crud-list.tsx';

const PAGE = 20;

/** The sections of a profile, each its own URL: `/@h`, `/@h/replies`, `/@h/likes`, `/@h/followers`, `/@h/following`. */
export type ProfileSection = 'cruds' | 'replies' | 'likes' | 'followers' | 'following';

interface PageQuery<T> {
  loading: boolean;
  fetchingMore: boolean;
  error?: ApiError;
  refetch(): Promise<unknown>;
  page?: { items: T[]; nextToken?: string | null };
  more(nextToken: string): void;
  remove?(id: string): void;
}

/** Loading, error, list and "Load more" of one paginated crud section. */
function CrudSection({ q, label, empty, entry }: { q: PageQuery<CrudFieldsFragment>; label: string; empty: string; entry?(c: CrudFieldsFragment): Partial<CrudListEntry> }) {
  if (q.loading && !q.page) return <Loading label="Loading cruds…" />;
  if (q.error && !q.page) return <ErrorState message={describeApiError(q.error)} onRetry={() => void q.refetch()} />;
  if (!q.page) return null;
  const nextToken = q.page.nextToken;
  return (
    <CrudList
      label={label}
      entries={q.page.items.map((c) => ({ key: c.id, crud: c, ...entry?.(c) }))}
      hasMore={Boolean(nextToken)}
      loadingMore={q.fetchingMore}
      onLoadMore={() => nextToken && q.more(nextToken)}
      onDeleted={q.remove}
      empty={empty}
    />
  );
}

/** A user's top-level cruds. */
export function CrudsSection({ handle }: { handle: string }) {
  const q = useUserCrudsQuery({ handle, limit: PAGE });
  const page = q.data?.userCruds;
  return (
    <CrudSection
      label={`Cruds by @${handle}`}
      empty={`@${handle} has no live cruds.`}
      q={{
        ...q,
        page,
        more: (nextToken) => void q.fetchMore({ nextToken }, (p, n) => ({ userCruds: appendPage(p.userCruds, n.userCruds) })),
        remove: (id) => q.updateData((p) => (p ? { userCruds: { ...p.userCruds, items: p.userCruds.items.filter((c) => c.id !== id) } } : p)),
      }}
    />
  );
}

/** A user's replies, each saying whom it answers. */
export function RepliesSection({ handle }: { handle: string }) {
  const q = useUserRepliesQuery({ handle, limit: PAGE });
  const page = q.data?.userReplies;
  const parents = new Map(page?.items.map((r) => [r.id, r.replyTo?.author.handle]));
  return (
    <CrudSection
      label={`Replies by @${handle}`}
      empty={`@${handle} has no live replies.`}
      entry={(c) => ({ replyingTo: parents.get(c.id) })}
      q={{
        ...q,
        page,
        more: (nextToken) => void q.fetchMore({ nextToken }, (p, n) => ({ userReplies: appendPage(p.userReplies, n.userReplies) })),
        remove: (id) => q.updateData((p) => (p ? { userReplies: { ...p.userReplies, items: p.userReplies.items.filter((c) => c.id !== id) } } : p)),
      }}
    />
  );
}

/** The viewer's own likes (likes are private: only on the viewer's own profile). */
export function LikesSection() {
  const q = useLikedCrudsQuery({ limit: PAGE });
  const page = q.data?.likedCruds;
  return (
    <CrudSection
      label="Cruds you liked"
      empty="Cruds you like show up here while they live."
      q={{ ...q, page, more: (nextToken) => void q.fetchMore({ nextToken }, (p, n) => ({ likedCruds: appendPage(p.likedCruds, n.likedCruds) })) }}
    />
  );
}

/** Who follows the user, or whom the user follows. */
export function PeopleSection({ handle, section }: { handle: string; section: 'followers' | 'following' }) {
  const followers = useFollowersQuery({ handle, limit: PAGE }, { skip: section !== 'followers' });
  const following = useFollowingQuery({ handle, limit: PAGE }, { skip: section !== 'following' });
  const q = section === 'followers' ? followers : following;
  const page = section === 'followers' ? followers.data?.followers : following.data?.following;
  if (q.loading && !page) return <Loading label="Loading people…" />;
  if (q.error && !page) return <ErrorState message={describeApiError(q.error)} onRetry={() => void q.refetch()} />;
  if (!page) return null;
  const label = section === 'followers' ? `Followers of @${handle}` : `People @${handle} follows`;
  const nextToken = page.nextToken;
  function more() {
    if (!nextToken) return;
    if (section === 'followers') void followers.fetchMore({ nextToken }, (p, n) => ({ followers: appendPage(p.followers, n.followers) }));
    else void following.fetchMore({ nextToken }, (p, n) => ({ following: appendPage(p.following, n.following) }));
  }
  return (
    <>
      {page.items.length === 0 && !nextToken && (
        <EmptyState>{section === 'followers' ? `No one follows @${handle} yet.` : `@${handle} follows no one yet.`}</EmptyState>
      )}
      <UserList label={label} users={page.items} />
      <LoadMore hasMore={Boolean(nextToken)} loading={q.fetchingMore} onLoadMore={more} />
    </>
  );
}
