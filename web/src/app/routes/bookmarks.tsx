import { useBookmarksQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { appendPage } from '../../lib/pagination.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { RequireAuth } from '../require-auth.tsx';
import { usePageTitle } from './page-title.ts';

function BookmarkList() {
  const query = useBookmarksQuery({ limit: 20 });
  const nextToken = query.data?.bookmarks.nextToken;
  if (query.loading && !query.data) return <Loading label="Loading bookmarks…" />;
  if (query.error && !query.data) return <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />;
  return (
    <CrudList
      label="Bookmarks"
      entries={(query.data?.bookmarks.items ?? []).map((c) => ({ key: c.id, crud: c }))}
      hasMore={Boolean(nextToken)}
      loadingMore={query.fetchingMore}
      onLoadMore={() => {
        if (nextToken) void query.fetchMore({ nextToken }, (p, n) => ({ bookmarks: appendPage(p.bookmarks, n.bookmarks) }));
      }}
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
