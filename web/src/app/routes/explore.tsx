import { usePublicFeedInfiniteQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { TrendingHashtags } from '../../features/explore/components/trending-hashtags.tsx';
import { usePageTitle } from './page-title.ts';

/** Explore: trending hashtags and everyone's latest cruds (open to guests). */
export default function ExploreRoute() {
  usePageTitle('Explore');
  const query = usePublicFeedInfiniteQuery({ limit: 20 });
  return (
    <>
      <h1 className="page-title">Explore</h1>
      <TrendingHashtags />
      <h2 className="section-title">Latest cruds</h2>
      {query.loading && !query.data && <Loading label="Loading cruds…" />}
      {query.error && !query.data && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && (
        <CrudList
          label="Latest cruds"
          entries={query.items.map((c) => ({ key: c.id, crud: c }))}
          hasMore={query.hasMore}
          loadingMore={query.fetchingMore}
          onLoadMore={query.loadMore}
        />
      )}
    </>
  );
}
