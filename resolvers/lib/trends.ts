/** Merging and ranking trend buckets without sort comparators (function passing is limited to Array iteration methods). */
import { util, type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './ddb.ts';
import { trendBucket, trendKey } from '../../definitions/keys.ts';
import type { Item } from './items.ts';

export interface Trend {
  tag: string;
  count: number;
}

/** Reads one bucket: `offset` 0 is the current bucket, 1 the previous one. */
export function bucketRequest(offset: number) {
  const bucket = trendBucket(util.time.nowEpochSeconds()) - offset;
  // A bucket holds one row per distinct tag of 6 hours; 1,000 covers any realistic hour of Cruddur.
  return query({ pkName: 'pk', pkValue: trendKey(bucket, '').pk, forward: true, limit: 1000 });
}

/** Adds a bucket's rows into `ctx.stash.trends`. */
export function bucketResponse(ctx: Context) {
  raiseIfError(ctx);
  const trends: Trend[] = ctx.stash.trends;
  ctx.result.items.forEach((row: Item) => {
    const existing = trends.find((t) => t.tag === row.tag);
    if (existing) existing.count = existing.count + row.count;
    else trends.push({ tag: row.tag, count: row.count });
  });
  return trends.length;
}

/** The `limit` highest counts (ties: alphabetical), by repeated selection. */
export function topTrends(all: Trend[], limit: number): Trend[] {
  const remaining = all.slice();
  const top: Trend[] = [];
  all.slice(0, limit).forEach(() => {
    const best = remaining.reduce(
      (acc: Trend | null, t) => (!acc || t.count > acc.count || (t.count === acc.count && t.tag < acc.tag) ? t : acc),
      null,
    );
    if (best) {
      top.push(best);
      remaining.splice(remaining.indexOf(best), 1);
    }
  });
  return top;
}
