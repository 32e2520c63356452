import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './lib/ddb.ts';
import { gsi } from './lib/keys.ts';
import { conversationFromMember } from './lib/items.ts';
import { requireCaller } from './lib/identity.ts';
import { pageLimit } from './lib/validate.ts';

/**
 * The caller's inbox: their member rows through gsi2 (`INBOX#<me>`, sorted by last message id),
 * newest activity first. A new message bumps a conversation by updating gsi2sk on the row.
 */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.inbox(requireCaller(ctx)),
    forward: false,
    limit: pageLimit(ctx.args.limit),
    nextToken: ctx.args.nextToken,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return { items: ctx.result.items.map(conversationFromMember), nextToken: ctx.result.nextToken ?? null };
}
