import { type Context } from '@aws-appsync/utils';
import { pageLimit } from '../lib/validate.ts';
import { topTrends, type Trend } from '../lib/trends.ts';

/**
 * Trending hashtags: counts of the current and the previous 6-hour bucket (`TRENDS#<bucket>`),
 * summed and ranked. The window therefore covers the last 6 to 12 hours.
 */
export function request(ctx: Context<{ limit?: number }>) {
  ctx.stash.limit = pageLimit(ctx.args.limit ?? 10);
  ctx.stash.trends = [];
  return {};
}

export function response(ctx: Context) {
  return topTrends(ctx.stash.trends as Trend[], ctx.stash.limit);
}
