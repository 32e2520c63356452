import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from '../lib/ddb.ts';
import { notificationKey } from '../../definitions/keys.ts';
import { notificationFromItem, type Item } from '../lib/items.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    pkName: 'pk',
    pkValue: notificationKey(ctx.stash.callerId, '').pk,
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.items = ctx.result.items.map((item: Item) => notificationFromItem(item, ctx.stash.readUpTo));
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.stash.items.length;
}
