import { Link } from 'react-router-dom';
import type { MyInsightsQuery } from '../../../graphql/types.ts';
import { absoluteTime } from '../../../lib/time.ts';

type Engagement = NonNullable<MyInsightsQuery['myInsights']>['topCruds'][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The viewer's cruds ranked by engagement. A crud that still exists links to its page; an expired
 * one keeps its counts but not its text. The server leaves deleted cruds out; a null message that
 * is not expired is still shown as deleted rather than as an empty link.
 */
export function TopCruds({ cruds, handle }: { cruds: readonly Engagement[]; handle: string }) {
  return (
    <section className="insights-section" aria-labelledby="top-cruds-title">
      <h2 id="top-cruds-title" className="chart-title">
        Top cruds
      </h2>
      {cruds.length === 0 ? (
        <p className="muted">No engagement in this range yet.</p>
      ) : (
        <ol className="top-cruds">
          {cruds.map((c) => (
            <li key={c.crudId} className="top-crud">
              {c.expired ? (
                <p className="top-crud-gone muted">Expired crud</p>
              ) : c.message == null ? (
                <p className="top-crud-gone muted">Deleted crud</p>
              ) : (
                <Link className="top-crud-message" to={`/@${handle}/status/${encodeURIComponent(c.crudId)}`}>
                  {c.message}
                </Link>
              )}
              <p className="top-crud-meta small muted">
                <time dateTime={c.createdAt}>{absoluteTime(c.createdAt)}</time> · {plural(c.likes, 'like', 'likes')} ·{' '}
                {plural(c.reposts, 'repost', 'reposts')} · {plural(c.replies, 'reply', 'replies')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
