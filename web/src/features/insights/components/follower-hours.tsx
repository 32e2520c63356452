import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { peakHours, toLocalHours } from '../lib/local-hours.ts';
import { ChartFigure } from './chart-figure.tsx';
import { DataTable } from './data-table.tsx';
import { SeriesChart } from './series-chart.tsx';

type HourCount = NonNullable<MyInsightsQuery['myInsights']>['followerActiveHours'][number];

/** When the viewer's followers are active, by hour of the viewer's local day. */
export function FollowerHours({ hours, offsetMinutes }: { hours: readonly HourCount[]; offsetMinutes: number }) {
  const local = toLocalHours(hours, offsetMinutes);
  const peaks = peakHours(local);
  return (
    <ChartFigure
      title="When your followers are active"
      summary={peaks.length === 0 ? 'No follower actions in this range yet.' : `Busiest (your local time): ${peaks.map((p) => p.label).join(', ')}.`}
      chart={<SeriesChart points={local.map((h) => ({ key: h.label, label: h.label }))} series={[{ name: 'Actions', values: local.map((h) => h.count) }]} />}
      table={
        <DataTable
          caption="Follower actions by hour (your local time)"
          rows={local}
          rowKey={(h) => h.label}
          columns={[
            { header: 'Hour', cell: (h) => h.label },
            { header: 'Actions', numeric: true, cell: (h) => h.count },
          ]}
        />
      }
    />
  );
}
