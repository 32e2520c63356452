import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { useHashtagCrudsInfiniteQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { CrudList } from '../../features/crud/components/crud-list.tsx';
import { usePageTitle } from './page-title.ts';
import { foldTag } from '../../../../definitions/text-tokens.ts';

// The chart library loads after the page's own code, so it adds nothing to the tag page's first load.
const HashtagHistory = lazy(() => import('../../features/insights/components/hashtag-history.tsx'));

/** Cruds tagged #tag, newest first. */
export default function HashtagRoute() {
  // The stored form (NFC, case-folded), as the server reads it: /hashtag/Café and /hashtag/café are one page.
  const raw = (useParams().tag ?? '').normalize('NFC');
  const tag = foldTag(raw) || raw.toLowerCase();
  usePageTitle(`#${tag}`);
  const query = useHashtagCrudsInfiniteQuery({ tag, limit: 20 });
  return (
    <>
      <h1 className="page-title">#{tag}</h1>
      <Suspense fallback={<Loading label="Loading history…" />}>
        <HashtagHistory tag={tag} />
      </Suspense>
      {query.loading && !query.data && <Loading label="Loading cruds…" />}
      {query.error && !query.data && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && (
        <CrudList
          label={`Cruds tagged #${tag}`}
          entries={query.items.map((c) => ({ key: c.id, crud: c }))}
          hasMore={query.hasMore}
          loadingMore={query.fetchingMore}
          onLoadMore={query.loadMore}
          empty={`No live cruds use #${tag}.`}
        />
      )}
    </>
  );
}
