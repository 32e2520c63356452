/** The daily series (zero-filled by generate_series) and the caller's ten most engaged cruds of the window. */
import { type Context } from '@aws-appsync/utils';
import { createPgStatement, sql } from '@aws-appsync/utils/rds';
import { statementRows, windowParams } from '../lib/insights.ts';

export function request(ctx: Context) {
  const { me, days, start, end } = windowParams(ctx);
  return createPgStatement(
    sql`SELECT to_char(d.day, 'YYYY-MM-DD') AS "date",
        coalesce(a.cruds, 0) AS cruds, coalesce(a.likes, 0) AS likes, coalesce(a.reposts, 0) AS reposts,
        coalesce(a.replies, 0) AS replies, coalesce(a.new_followers, 0) AS "newFollowers", coalesce(a.unfollows, 0) AS unfollows
      FROM (SELECT CAST(${start} AS date) + n AS day FROM generate_series(0, CAST(${days} AS integer) - 1) AS n) d
      LEFT JOIN user_daily_activity a ON a.user_id = ${me} AND a.day = d.day
      ORDER BY d.day`,
    sql`SELECT c.id AS "crudId",
        CASE WHEN c.removal IS NULL AND c.expires_at > now() THEN c.message END AS message,
        to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
        e.likes, e.reposts, e.replies,
        (c.removal IS NOT DISTINCT FROM 'expired' OR c.expires_at <= now()) AS expired
      FROM counted_cruds c JOIN crud_engagement e ON e.crud_id = c.id
      WHERE c.author_id = ${me}
        AND c.created_at >= CAST(${start} AS date)::timestamp AT TIME ZONE 'UTC'
        AND c.created_at < (CAST(${end} AS date) + 1)::timestamp AT TIME ZONE 'UTC'
      ORDER BY e.likes + e.reposts + e.replies DESC, c.created_at DESC, c.id DESC
      LIMIT 10`,
  );
}

export function response(ctx: Context) {
  const [daily, topCruds] = statementRows(ctx);
  ctx.stash.daily = daily;
  ctx.stash.topCruds = topCruds;
  return daily.length;
}
