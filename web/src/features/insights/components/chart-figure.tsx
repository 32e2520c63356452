import { useId, useState, type ReactNode } from 'react';

/**
 * A titled chart with its data table. The table is always in the accessibility tree (visually
 * hidden while the chart shows), so screen readers get the numbers either way; "Show as table"
 * swaps what sighted users see. The drawing itself is aria-hidden: the table carries its content.
 */
export function ChartFigure({ title, summary, chart, table, level = 2 }: { title: string; summary?: ReactNode; chart: ReactNode; table: ReactNode; level?: 2 | 3 }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <figure className="chart-figure" aria-labelledby={titleId}>
      <div className="chart-head">
        <Heading id={titleId} className="chart-title">
          {title}
        </Heading>
        <button type="button" className="btn btn-ghost chart-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          Show as table
        </button>
      </div>
      {summary && <p className="chart-summary muted">{summary}</p>}
      {!asTable && (
        <div className="chart-drawing" aria-hidden="true">
          {chart}
        </div>
      )}
      <div className={asTable ? 'chart-table' : 'visually-hidden'}>{table}</div>
    </figure>
  );
}
