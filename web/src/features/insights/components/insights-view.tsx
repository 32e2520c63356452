import { Link } from 'react-router-dom';
import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { EmptyState } from '../../../components/ui/states.tsx';
import { longDay } from '../lib/day-labels.ts';
import { DailyCharts } from './daily-charts.tsx';
import { FollowerHours } from './follower-hours.tsx';
import { HashtagUsage } from './hashtag-usage.tsx';
import { TopCruds } from './top-cruds.tsx';

type Insights = NonNullable<MyInsightsQuery['myInsights']>;

const TOTALS: { key: Exclude<keyof Insights['totals'], '__typename'>; label: string }[] = [
  { key: 'cruds', label: 'Cruds' },
  { key: 'likes', label: 'Likes' },
  { key: 'reposts', label: 'Reposts' },
  { key: 'replies', label: 'Replies' },
  { key: 'newFollowers', label: 'New followers' },
  { key: 'unfollows', label: 'Unfollows' },
];

/** True when the range holds nothing at all to chart. */
export function isEmptyInsights(insights: Insights | null | undefined): boolean {
  if (!insights) return true;
  const { totals } = insights;
  return TOTALS.every((t) => totals[t.key] === 0) && insights.topCruds.length === 0 && insights.hashtags.length === 0 && insights.followerActiveHours.every((h) => h.count === 0);
}

/** A loaded Insights range: totals, per-day charts, top cruds, follower hours, hashtags. */
export function InsightsView({ insights, handle, offsetMinutes }: { insights: Insights | null | undefined; handle: string; offsetMinutes: number }) {
  if (!insights || isEmptyInsights(insights)) {
    return (
      <EmptyState>
        <p>Post something to see Insights.</p>
        <Link to="/">Write a crud</Link>
      </EmptyState>
    );
  }
  return (
    <div className="insights">
      <p className="insights-range muted small">
        {longDay(insights.from)} – {longDay(insights.to)} (UTC days)
      </p>
      <section aria-labelledby="totals-title" className="insights-section">
        <h2 id="totals-title" className="visually-hidden">
          Totals
        </h2>
        <dl className="insights-totals">
          {TOTALS.map((t) => (
            <div key={t.key} className="insights-total">
              <dt>{t.label}</dt>
              <dd>{insights.totals[t.key]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <DailyCharts daily={insights.daily} />
      <TopCruds cruds={insights.topCruds} handle={handle} />
      <FollowerHours hours={insights.followerActiveHours} offsetMinutes={offsetMinutes} />
      <HashtagUsage hashtags={insights.hashtags} />
    </div>
  );
}
