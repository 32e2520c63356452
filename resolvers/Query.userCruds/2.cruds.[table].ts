import { runtime, util, type Context } from '@aws-appsync/utils';
import { notExpired, query } from '../lib/ddb.ts';
import { gsi } from '../../definitions/keys.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  const limit = pageLimit(ctx.args.limit);
  ctx.stash.cruds = [];
  // An unknown handle has no cruds (user(handle) is the way to tell it does not exist).
  if (!ctx.stash.userId) runtime.earlyReturn(0);
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.userCruds(ctx.stash.userId),
    forward: false,
    limit,
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export { crudQueryResponse as response } from '../lib/crud-query.ts';
