/**
 * The caller's blocked and muted accounts (settings), one page at a time: a Query of the caller's
 * `SAFETY#BLOCKS#` or `SAFETY#MUTES#` rows, then the profiles in one BatchGetItem (related.ts).
 */
import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './ddb.ts';
import { SAFETY_PREFIX, userKey, type SafetyRelation } from '../../definitions/keys.ts';
import { requireCaller } from './identity.ts';
import { pageLimit } from './validate.ts';
import type { Item } from './items.ts';

export function listRequest(ctx: Context<{ limit?: number; nextToken?: string }>) {
  ctx.stash.callerId = requireCaller(ctx);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  return {};
}

/** Step 1: the caller's rows of one relation (ordered by the other account's id). */
export function rowsRequest(ctx: Context<{ nextToken?: string }>, relation: SafetyRelation) {
  return query({
    pkName: 'pk',
    pkValue: userKey(ctx.stash.callerId).pk,
    skPrefix: `${SAFETY_PREFIX}${relation}#`,
    forward: true,
    limit: ctx.stash.limit,
    nextToken: ctx.args.nextToken,
  });
}

export function rowsResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.items = ctx.result.items;
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.stash.items.length;
}

/** The profiles that still exist, each with the relation's viewer flag set. */
export function listResponse(ctx: Context, flag: 'viewerBlocks' | 'viewerMutes') {
  const users: Record<string, Item> = ctx.stash.users ?? {};
  const items: Item[] = [];
  (ctx.stash.items as Item[]).forEach((row) => {
    const user = users[row.targetId];
    if (!user) return;
    const extra: Item = {};
    extra[flag] = true;
    items.push(Object.assign({}, user, extra));
  });
  return { items, nextToken: ctx.stash.nextToken };
}
