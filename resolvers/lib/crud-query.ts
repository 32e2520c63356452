/** Step "query a crud index" of the crud-list pipelines: results land in `ctx.stash.cruds`. */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from './ddb.ts';
import { crudFromItem } from './items.ts';
import { pageLimit } from './validate.ts';

/**
 * A by-handle crud list's query: the live cruds of `ctx.stash.userId` on a GSI partition, newest
 * first. An unknown handle has none (user(handle) is the way to tell it does not exist).
 */
export function userCrudIndexRequest(ctx: Context<{ limit?: number; nextToken?: string }>, index: string, pkValue: (userId: string) => string) {
  const limit = pageLimit(ctx.args.limit);
  ctx.stash.cruds = [];
  if (!ctx.stash.userId) runtime.earlyReturn(0);
  return query({
    index,
    pkName: `${index}pk`,
    pkValue: pkValue(ctx.stash.userId),
    forward: false,
    limit,
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function crudQueryResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.cruds = ctx.result.items.map(crudFromItem);
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.result.items.length;
}
