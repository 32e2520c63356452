import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, LinePath } from '@visx/shape';
import { BAR_COLOR, SERIES_STYLES, tickIndexes } from '../lib/series.ts';
import { useElementWidth } from './use-element-width.ts';

export interface ChartPoint {
  key: string;
  /** The x-axis label (e.g. "Dec 7" or "14:00"). */
  label: string;
}
export interface ChartSeries {
  name: string;
  values: readonly number[];
}

const MARGIN = { top: 10, right: 12, bottom: 26, left: 36 };
const AXIS = '#c6b4e0';
const label = { fill: AXIS, fontSize: 11, fontFamily: 'inherit' } as const;

/**
 * Counts over an ordered x axis (days or hours): bars for one series, lines for several (a legend
 * names them). Drawn at the container's width; the y axis shows whole numbers only.
 */
export function SeriesChart({ points, series, kind = series.length > 1 ? 'line' : 'bar', height = 170 }: { points: readonly ChartPoint[]; series: readonly ChartSeries[]; kind?: 'bar' | 'line'; height?: number }) {
  const { ref, width } = useElementWidth<HTMLDivElement>(560);
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const keys = points.map((p) => p.key);
  const labels = new Map(points.map((p) => [p.key, p.label]));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleBand({ domain: keys, range: [0, innerW], padding: kind === 'bar' ? 0.2 : 0 });
  const y = scaleLinear({ domain: [0, max], range: [innerH, 0], nice: true });
  const yTicks = y.ticks(4).filter(Number.isInteger);
  const xTicks = tickIndexes(keys.length, Math.floor(innerW / 60)).map((i) => keys[i]);
  const centre = (key: string) => (x(key) ?? 0) + x.bandwidth() / 2;
  return (
    <div ref={ref} className="series-chart">
      {series.length > 1 && (
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s.name}>
              <svg width="22" height="10" aria-hidden="true">
                <line x1="0" x2="22" y1="5" y2="5" stroke={SERIES_STYLES[i % SERIES_STYLES.length].color} strokeWidth="3" strokeDasharray={SERIES_STYLES[i % SERIES_STYLES.length].dash} />
              </svg>
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <svg width={width} height={height} focusable="false">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {yTicks.map((t) => (
            <line key={t} x1={0} x2={innerW} y1={y(t)} y2={y(t)} stroke="rgba(255,255,255,0.12)" />
          ))}
          {kind === 'bar'
            ? keys.map((key, i) => {
                const top = y(series[0]?.values[i] ?? 0);
                return <Bar key={key} x={x(key) ?? 0} y={top} width={x.bandwidth()} height={innerH - top} fill={BAR_COLOR} rx={2} />;
              })
            : series.map((s, i) => (
                <LinePath
                  key={s.name}
                  data={keys.map((key, j) => ({ key, value: s.values[j] ?? 0 }))}
                  x={(d) => centre(d.key)}
                  y={(d) => y(d.value)}
                  stroke={SERIES_STYLES[i % SERIES_STYLES.length].color}
                  strokeDasharray={SERIES_STYLES[i % SERIES_STYLES.length].dash}
                  strokeWidth={SERIES_STYLES[i % SERIES_STYLES.length].width}
                  strokeLinejoin="round"
                />
              ))}
          <AxisLeft scale={y} tickValues={yTicks} tickFormat={(v) => String(v)} stroke={AXIS} tickStroke={AXIS} tickLabelProps={{ ...label, textAnchor: 'end', dx: -2, dy: 3 }} />
          <AxisBottom top={innerH} scale={x} tickValues={xTicks} tickFormat={(k) => labels.get(k) ?? k} stroke={AXIS} tickStroke={AXIS} tickLabelProps={{ ...label, textAnchor: 'middle' }} />
        </Group>
      </svg>
    </div>
  );
}
