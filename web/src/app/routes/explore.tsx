import { usePublicFeedQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { appendPage } from '../../lib/pagination.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { TrendingHashtags } from '../../features/explore/components/trending-hashtags.tsx';
import { usePageTitle } from './page-title.ts';

/** Explore: trending hashtags and everyone's latest cruds (open to guests). */
export default function ExploreRoute() {
  usePageTitle('Explore');
  const query = usePublicFeedQuery({ limit: 20 });
  const nextToken = query.data?.publicFeed.nextToken;
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
          entries={query.data.publicFeed.items.map((c) => ({ key: c.id, crud: c }))}
          hasMore={Boolean(nextToken)}
          loadingMore={query.fetchingMore}
          onLoadMore={() => {
            if (nextToken) void query.fetchMore({ nextToken }, (p, n) => ({ publicFeed: appendPage(p.publicFeed, n.publicFeed) }));
          }}
        />
      )}
    </>
  );
}
