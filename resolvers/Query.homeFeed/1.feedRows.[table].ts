import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from '../lib/ddb.ts';
import { feedKey } from '../lib/keys.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    pkName: 'pk',
    pkValue: feedKey(ctx.stash.callerId, '').pk,
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.rows = ctx.result.items;
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.result.items.length;
}
