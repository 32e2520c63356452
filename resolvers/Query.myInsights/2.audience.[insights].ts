/**
 * When the caller's current followers act (24 UTC hours, zero-filled) and the caller's ten most
 * used hashtags of the window with their zero-filled daily use.
 */
import { type Context } from '@aws-appsync/utils';
import { createPgStatement, sql } from '@aws-appsync/utils/rds';
import { statementRows, windowParams } from '../lib/insights.ts';

interface TagDay {
  tag: string;
  total: number;
  date: string;
  count: number;
}

export function request(ctx: Context) {
  const { me, days, start, end } = windowParams(ctx);
  return createPgStatement(
    sql`SELECT h.hour, count(a.at)::int AS count
      FROM generate_series(0, 23) AS h(hour)
      LEFT JOIN (
        SELECT ua.at FROM user_actions ua JOIN current_follows f ON f.follower_id = ua.user_id
        WHERE f.followee_id = ${me}
          AND ua.at >= CAST(${start} AS date)::timestamp AT TIME ZONE 'UTC'
          AND ua.at < (CAST(${end} AS date) + 1)::timestamp AT TIME ZONE 'UTC'
      ) a ON extract(hour FROM a.at AT TIME ZONE 'UTC') = h.hour
      GROUP BY h.hour
      ORDER BY h.hour`,
    sql`WITH used AS (
        SELECT tag, (created_at AT TIME ZONE 'UTC')::date AS day FROM hashtag_uses
        WHERE author_id = ${me}
          AND created_at >= CAST(${start} AS date)::timestamp AT TIME ZONE 'UTC'
          AND created_at < (CAST(${end} AS date) + 1)::timestamp AT TIME ZONE 'UTC'
      ), top AS (
        SELECT tag, count(*)::int AS total FROM used GROUP BY tag ORDER BY total DESC, tag LIMIT 10
      )
      SELECT top.tag, top.total, to_char(d.day, 'YYYY-MM-DD') AS "date", count(used.tag)::int AS count
      FROM top
      CROSS JOIN (SELECT CAST(${start} AS date) + n AS day FROM generate_series(0, CAST(${days} AS integer) - 1) AS n) d
      LEFT JOIN used ON used.tag = top.tag AND used.day = d.day
      GROUP BY top.tag, top.total, d.day
      ORDER BY top.total DESC, top.tag, d.day`,
  );
}

export function response(ctx: Context) {
  const [hours, tagDays] = statementRows(ctx);
  const hashtags: { tag: string; total: number; daily: { date: string; count: number }[] }[] = [];
  (tagDays as unknown as TagDay[]).forEach((row) => {
    const last = hashtags.length > 0 ? hashtags[hashtags.length - 1] : null;
    const usage = last && last.tag === row.tag ? last : { tag: row.tag, total: row.total, daily: [] };
    if (usage !== last) hashtags.push(usage);
    usage.daily.push({ date: row.date, count: row.count });
  });
  ctx.stash.hours = hours;
  ctx.stash.hashtags = hashtags;
  return hashtags.length;
}
