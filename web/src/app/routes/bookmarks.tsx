import { useBookmarksInfiniteQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { RequireAuth } from '../require-auth.tsx';
import { usePageTitle } from './page-title.ts';

function BookmarkList() {
  const query = useBookmarksInfiniteQuery({ limit: 20 });
  if (query.loading && !query.data) return <Loading label="Loading bookmarks…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  return (
    <CrudList
      label="Bookmarks"
      entries={query.items.map((c) => ({ key: c.id, crud: c }))}
      hasMore={query.hasMore}
      loadingMore={query.fetchingMore}
      onLoadMore={query.loadMore}
      empty="No bookmarks yet. Use a crud's ⋯ menu to save it here; only you see your bookmarks."
    />
  );
}

/** `/bookmarks`: the caller's private bookmarks, most recently saved first. */
export default function BookmarksRoute() {
  usePageTitle('Bookmarks');
  return (
    <RequireAuth notice="Sign in to see your bookmarks.">
      <h1 className="page-title">Bookmarks</h1>
      <BookmarkList />
    </RequireAuth>
  );
}
