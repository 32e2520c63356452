import { Link } from 'react-router-dom';
import { useTrendingHashtagsQuery } from '../../../graphql/operations.ts';
import { ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';

/** The most used hashtags of the recent window, linking to each tag's page. */
export function TrendingHashtags({ limit = 8 }: { limit?: number }) {
  const query = useTrendingHashtagsQuery({ limit });
  return (
    <section className="panel" aria-labelledby="trending-title">
      <h2 id="trending-title">Trending</h2>
      {query.loading && !query.data && <Loading label="Loading trends…" />}
      {query.error && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && query.data.trendingHashtags.length === 0 && <p className="muted">Nothing is trending yet.</p>}
      {query.data && query.data.trendingHashtags.length > 0 && (
        <ol className="trending-list">
          {query.data.trendingHashtags.map((t) => (
            <li key={t.tag}>
              <Link to={`/hashtag/${encodeURIComponent(t.tag)}`}>#{t.tag}</Link>
              <span className="muted">
                {' '}
                {t.count} {t.count === 1 ? 'crud' : 'cruds'}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
