/** Everything the Insights resolvers read about one user, in a stable order, straight from the views. */
import type { PGlite } from '@electric-sql/pglite';

export async function figuresOf(pg: PGlite, userId: string) {
  const q = async (sql: string) => (await pg.query<Record<string, unknown>>(sql, sql.includes('$1') ? [userId] : [])).rows;
  return {
    daily: await q(`SELECT to_char(day, 'YYYY-MM-DD') AS date, cruds, likes, reposts, replies, new_followers AS "newFollowers", unfollows FROM user_daily_activity WHERE user_id = $1 ORDER BY day`),
    hashtags: await q(`SELECT tag, to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM hashtag_uses GROUP BY 1, 2 ORDER BY 1, 2`),
    followers: await q(`SELECT follower_id FROM current_follows WHERE followee_id = $1 ORDER BY 1`),
    engagement: await q(`SELECT e.* FROM crud_engagement e ORDER BY crud_id`),
    texts: await q(`SELECT id, message, removal FROM cruds ORDER BY id`),
    actions: await q(`SELECT user_id, count(*)::int AS n FROM user_actions GROUP BY 1 ORDER BY 1`),
  };
}
