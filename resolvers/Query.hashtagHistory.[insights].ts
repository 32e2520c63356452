/**
 * Daily use of a hashtag (cruds carrying it, deleted ones excepted) over the last `days` UTC days,
 * zero-filled. Public like `trendingHashtags`; the tag is normalised as `hashtagCruds` does.
 */
import { util, type Context } from '@aws-appsync/utils';
import { createPgStatement, sql, typeHint } from '@aws-appsync/utils/rds';
import { dayWindow, requireDays, statementRows } from './lib/insights.ts';
import { normalizeTag } from './lib/text.ts';

export function request(ctx: Context<{ tag: string; days?: number | null }>) {
  const tag = normalizeTag(ctx.args.tag);
  if (!tag) util.error('tag must be 1–50 letters, digits or _, with or without a leading #', 'ValidationError', null, { field: 'tag' });
  const days = ctx.args.days === null || ctx.args.days === undefined ? 7 : ctx.args.days;
  requireDays(days >= 1 && days <= 90, 'days must be between 1 and 90');
  const { from } = dayWindow(days);
  const start = typeHint.DATE(from);
  return createPgStatement(
    sql`SELECT to_char(d.day, 'YYYY-MM-DD') AS "date", count(u.crud_id)::int AS count
      FROM (SELECT CAST(${start} AS date) + n AS day FROM generate_series(0, CAST(${days} AS integer) - 1) AS n) d
      LEFT JOIN hashtag_uses u ON u.tag = ${tag} AND (u.created_at AT TIME ZONE 'UTC')::date = d.day
      GROUP BY d.day
      ORDER BY d.day`,
  );
}

export function response(ctx: Context) {
  return statementRows(ctx)[0];
}
