import { useState } from 'react';
import { useMyInsightsQuery } from '../../../graphql/operations.ts';
import { ErrorState, Loading } from '../../../components/ui/states.tsx';
import { describeApiError } from '../../../lib/graphql/index.ts';
import { browserOffsetMinutes } from '../lib/local-hours.ts';
import { InsightsView } from './insights-view.tsx';
import { RangePicker, type InsightsRange } from './range-picker.tsx';
import './insights.css';

/** The signed-in viewer's Insights with a 7 / 30 / 90-day range picker. */
export function InsightsScreen({ handle }: { handle: string }) {
  const [days, setDays] = useState<InsightsRange>(7);
  const query = useMyInsightsQuery({ days });
  return (
    <>
      <RangePicker value={days} onChange={setDays} />
      {query.loading && !query.data && <Loading label="Loading Insights…" />}
      {query.error && !query.data && <ErrorState message={describeApiError(query.error)} onRetry={() => void query.refetch()} />}
      {query.data && <InsightsView insights={query.data.myInsights} handle={handle} offsetMinutes={browserOffsetMinutes()} />}
    </>
  );
}
