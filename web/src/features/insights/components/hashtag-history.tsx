import { useHashtagHistoryQuery } from '../../../graphql/operations.ts';
import { ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { DailyCountChart } from './hashtag-usage.tsx';
import './insights.css';

/** The hashtag page's small chart: the tag's daily use over the last 7 UTC days. */
export default function HashtagHistory({ tag }: { tag: string }) {
  const query = useHashtagHistoryQuery({ tag, days: 7 });
  const total = query.data?.hashtagHistory.reduce((n, d) => n + d.count, 0) ?? 0;
  return (
    <div className="hashtag-history">
      {query.loading && !query.data && <Loading label="Loading history…" />}
      {query.error && !query.data && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && (
        <DailyCountChart
          level={2}
          height={110}
          title={`Last 7 days · ${total} ${total === 1 ? 'use' : 'uses'}`}
          caption={`Uses of #${tag} per day (UTC)`}
          daily={query.data.hashtagHistory}
        />
      )}
    </div>
  );
}
