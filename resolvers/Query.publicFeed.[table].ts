import { util, type Context } from '@aws-appsync/utils';
import { notExpired, query, raiseIfError } from './lib/ddb.ts';
import { gsi } from './lib/keys.ts';
import { crudFromItem } from './lib/items.ts';
import { pageLimit } from './lib/validate.ts';

/** Every live top-level crud, newest first (gsi3 `PUBLIC`, sorted by ULID id). */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi3',
    pkName: 'gsi3pk',
    pkValue: gsi.publicFeed,
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return { items: ctx.result.items.map(crudFromItem), nextToken: ctx.result.nextToken ?? null };
}
