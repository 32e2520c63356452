import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { longDay, shortDay } from '../lib/day-labels.ts';
import { ChartFigure } from './chart-figure.tsx';
import { DataTable } from './data-table.tsx';
import { SeriesChart, type ChartPoint } from './series-chart.tsx';

type Day = NonNullable<MyInsightsQuery['myInsights']>['daily'][number];
type Count = Exclude<keyof Day, 'date' | '__typename'>;

const CHARTS: { title: string; columns: { key: Count; name: string }[] }[] = [
  { title: 'Cruds posted', columns: [{ key: 'cruds', name: 'Cruds' }] },
  {
    title: 'Engagement received',
    columns: [
      { key: 'likes', name: 'Likes' },
      { key: 'reposts', name: 'Reposts' },
      { key: 'replies', name: 'Replies' },
    ],
  },
  {
    title: 'Followers',
    columns: [
      { key: 'newFollowers', name: 'New followers' },
      { key: 'unfollows', name: 'Unfollows' },
    ],
  },
];

/** The per-day charts (UTC days), each with its table alternative. */
export function DailyCharts({ daily }: { daily: readonly Day[] }) {
  const points: ChartPoint[] = daily.map((d) => ({ key: d.date, label: shortDay(d.date) }));
  return (
    <>
      {CHARTS.map(({ title, columns }) => (
        <ChartFigure
          key={title}
          title={title}
          chart={<SeriesChart points={points} series={columns.map((c) => ({ name: c.name, values: daily.map((d) => d[c.key]) }))} />}
          table={
            <DataTable
              caption={`${title} per day (UTC)`}
              rows={daily}
              rowKey={(d) => d.date}
              columns={[{ header: 'Day', cell: (d: Day) => longDay(d.date) }, ...columns.map((c) => ({ header: c.name, numeric: true, cell: (d: Day) => d[c.key] }))]}
            />
          }
        />
      ))}
    </>
  );
}
