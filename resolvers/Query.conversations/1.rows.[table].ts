import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { gsi } from '../../definitions/keys.ts';
import { conversationFromMember } from '../lib/items.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.inbox(ctx.stash.callerId),
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.items = ctx.result.items.map(conversationFromMember);
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.stash.items.length;
}
