import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { useHashtagCrudsQuery } from '../../graphql/operations.ts';
import { ErrorState, Loading } from '../../components/ui/states.tsx';
import { describeApiError } from '../../lib/graphql/index.ts';
import { appendPage } from '../../lib/pagination.ts';
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
  const query = useHashtagCrudsQuery({ tag, limit: 20 });
  const nextToken = query.data?.hashtagCruds.nextToken;
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
          entries={query.data.hashtagCruds.items.map((c) => ({ key: c.id, crud: c }))}
          hasMore={Boolean(nextToken)}
          loadingMore={query.fetchingMore}
          onLoadMore={() => {
            if (nextToken) void query.fetchMore({ nextToken }, (p, n) => ({ hashtagCruds: appendPage(p.hashtagCruds, n.hashtagCruds) }));
          }}
          empty={`No live cruds use #${tag}.`}
        />
      )}
    </>
  );
}
