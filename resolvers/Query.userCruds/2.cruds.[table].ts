import { runtime, util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from '../lib/ddb.ts';
import { gsi } from '../lib/keys.ts';
import { crudFromItem } from '../lib/items.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  const limit = pageLimit(ctx.args.limit);
  // An unknown handle has no cruds (user(handle) is the way to tell it does not exist).
  if (!ctx.stash.userId) runtime.earlyReturn({ items: [], nextToken: null });
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

export function response(ctx: Context) {
  raiseIfError(ctx);
  return { items: ctx.result.items.map(crudFromItem), nextToken: ctx.result.nextToken ?? null };
}
