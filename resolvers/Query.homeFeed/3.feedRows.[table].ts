import { util, type Context } from '@aws-appsync/utils';
import { raiseIfError, values } from '../lib/ddb.ts';
import { feedKey } from '../../definitions/keys.ts';
import { mergeFeed } from '../lib/feed-merge.ts';

/**
 * The caller's pushed rows below the cursor, newest first, merged with the pulled candidates.
 * No expiry filter here: a filter applies after `limit`, so a page of expired rows would leave
 * the cursor nowhere to go; expired rows are read, skipped and passed by the cursor instead.
 */
export function request(ctx: Context) {
  const before: string | null = ctx.stash.before;
  const names = { '#pk': 'pk', '#sk': 'sk' };
  const request: Record<string, unknown> = {
    operation: 'Query',
    query: before
      ? { expression: '#pk = :pk AND #sk < :before', expressionNames: names, expressionValues: values({ ':pk': feedKey(ctx.stash.callerId, '').pk, ':before': before }) }
      : { expression: '#pk = :pk', expressionNames: { '#pk': 'pk' }, expressionValues: values({ ':pk': feedKey(ctx.stash.callerId, '').pk }) },
    scanIndexForward: false,
    limit: ctx.stash.limit,
  };
  return request;
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const page = mergeFeed(ctx.result.items, !!ctx.result.nextToken, ctx.stash.pulled ?? [], ctx.stash.limit, util.time.nowEpochSeconds());
  ctx.stash.rows = page.rows;
  ctx.stash.nextToken = page.nextToken;
  return page.rows.length;
}
