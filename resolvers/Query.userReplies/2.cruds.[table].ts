import { runtime, util, type Context } from '@aws-appsync/utils';
import { notExpired, query } from '../lib/ddb.ts';
import { gsi } from '../lib/keys.ts';
import { pageLimit } from '../lib/validate.ts';

/** The user's live replies on gsi3 (`REPLIES_BY#<user>`), newest first. */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  const limit = pageLimit(ctx.args.limit);
  ctx.stash.cruds = [];
  if (!ctx.stash.userId) runtime.earlyReturn(0);
  return query({
    index: 'gsi3',
    pkName: 'gsi3pk',
    pkValue: gsi.userReplies(ctx.stash.userId),
    forward: false,
    limit,
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export { crudQueryResponse as response } from '../lib/crud-query.ts';
