import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from './lib/ddb.ts';
import { gsi } from './lib/keys.ts';
import { crudFromItem } from './lib/items.ts';
import { pageLimit } from './lib/validate.ts';

/** Replies to a crud, oldest first (gsi2 `REPLIES#<crud>`, sorted by the replies' own ids). */
export function request(ctx: Context<{ crudId: string; limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.replies(ctx.args.crudId),
    forward: true,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return { items: ctx.result.items.map(crudFromItem), nextToken: ctx.result.nextToken ?? null };
}
