/**
 * The caller's own Insights: `1.activity` reads the daily series and top cruds, `2.audience` the
 * followers' active hours and the hashtags, each in one request of two statements. The user is
 * always the caller from the authorizer identity; there is no argument to name another one.
 */
import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { dayWindow, requireDays } from '../lib/insights.ts';

const MEASURES = ['cruds', 'likes', 'reposts', 'replies', 'newFollowers', 'unfollows'];

export function request(ctx: Context<{ days: number }>) {
  ctx.stash.callerId = requireCaller(ctx);
  const days = ctx.args.days;
  requireDays(days === 7 || days === 30 || days === 90, 'days must be 7, 30 or 90');
  ctx.stash.window = dayWindow(days);
  return {};
}

export function response(ctx: Context) {
  const daily = ctx.stash.daily as Record<string, number>[];
  const totals: Record<string, number> = {};
  MEASURES.forEach((m) => {
    totals[m] = 0;
  });
  daily.forEach((day) => {
    MEASURES.forEach((m) => {
      totals[m] = totals[m] + day[m];
    });
  });
  const { days, from, to } = ctx.stash.window;
  return { days, from, to, daily, totals, topCruds: ctx.stash.topCruds, followerActiveHours: ctx.stash.hours, hashtags: ctx.stash.hashtags };
}
