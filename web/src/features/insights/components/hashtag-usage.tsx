import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { longDay, shortDay } from '../lib/day-labels.ts';
import { ChartFigure } from './chart-figure.tsx';
import { DataTable } from './data-table.tsx';
import { SeriesChart } from './series-chart.tsx';

type Usage = NonNullable<MyInsightsQuery['myInsights']>['hashtags'][number];
type DailyCount = Usage['daily'][number];

/** One tag's daily use as a chart with its table alternative (the Insights screen and the hashtag page). */
export function DailyCountChart({ title, caption, daily, level, height }: { title: string; caption: string; daily: readonly DailyCount[]; level?: 2 | 3; height?: number }) {
  return (
    <ChartFigure
      level={level}
      title={title}
      chart={<SeriesChart height={height} points={daily.map((d) => ({ key: d.date, label: shortDay(d.date) }))} series={[{ name: 'Uses', values: daily.map((d) => d.count) }]} />}
      table={
        <DataTable
          caption={caption}
          rows={daily}
          rowKey={(d) => d.date}
          columns={[
            { header: 'Day', cell: (d) => longDay(d.date) },
            { header: 'Uses', numeric: true, cell: (d) => d.count },
          ]}
        />
      }
    />
  );
}

/** The viewer's hashtags, each with its use over the range. */
export function HashtagUsage({ hashtags }: { hashtags: readonly Usage[] }) {
  return (
    <section className="insights-section" aria-labelledby="hashtags-title">
      <h2 id="hashtags-title" className="chart-title">
        Your hashtags
      </h2>
      {hashtags.length === 0 && <p className="muted">You have not used a hashtag in this range.</p>}
      {hashtags.map((h) => (
        <DailyCountChart key={h.tag} level={3} height={120} title={`#${h.tag} · ${h.total} ${h.total === 1 ? 'use' : 'uses'}`} caption={`Uses of #${h.tag} per day (UTC)`} daily={h.daily} />
      ))}
    </section>
  );
}
