import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { messageKey, SkPrefix } from '../../definitions/keys.ts';
import { messageFromItem } from '../lib/items.ts';
import { pageLimit } from '../lib/validate.ts';

export function request(ctx: Context<{ conversationId: string; limit?: number; nextToken?: string; order?: string }>) {
  return query({
    pkName: 'pk',
    pkValue: messageKey(ctx.args.conversationId, '').pk,
    skPrefix: SkPrefix.MSG,
    forward: ctx.args.order === 'OLDEST_FIRST',
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return { items: ctx.result.items.map(messageFromItem), nextToken: ctx.result.nextToken ?? null };
}
