/**
 * The followers and following lists of a profile: handle claim → the user's follow rows
 * (`USER#<id>` / `FOLLOWER#…` or `FOLLOWS#…`, in sort-key order) → the people, one BatchGetItem.
 * Rows of deleted accounts have no profile and drop out of the page.
 */
import { runtime, type Context } from '@aws-appsync/utils';
import { query, raiseIfError, tableName } from './ddb.ts';
import { batchGet, byId, distinct } from './batch.ts';
import { userKey } from '../../definitions/keys.ts';
import { userFromItem, type Item } from './items.ts';
import { pageLimit } from './validate.ts';

export type FollowList = 'FOLLOWER' | 'FOLLOWS';

/** Step 2: the follow rows of the looked-up user (`ctx.stash.userId`). */
export function followRowsRequest(ctx: Context<{ limit?: number; nextToken?: string }>, list: FollowList) {
  const limit = pageLimit(ctx.args.limit);
  ctx.stash.rows = [];
  ctx.stash.nextToken = null;
  if (!ctx.stash.userId) runtime.earlyReturn(0);
  return query({ pkName: 'pk', pkValue: userKey(ctx.stash.userId).pk, skPrefix: `${list}#`, forward: true, limit, nextToken: ctx.args.nextToken });
}

export function followRowsResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.rows = ctx.result.items;
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.result.items.length;
}

/** Step 3: the other side of each row (the follower, or the one followed). */
export function followPeopleRequest(ctx: Context, list: FollowList) {
  const rows: Item[] = ctx.stash.rows;
  const ids = distinct(rows.map((r) => (list === 'FOLLOWER' ? r.followerId : r.followeeId)));
  ctx.stash.peopleIds = ids;
  ctx.stash.people = [];
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(userKey));
}

export function followPeopleResponse(ctx: Context) {
  raiseIfError(ctx);
  const found = byId(ctx.result, tableName(ctx));
  const ids: string[] = ctx.stash.peopleIds;
  ctx.stash.people = ids.filter((id) => !!found[id]).map((id) => userFromItem(found[id]));
  return ctx.stash.people.length;
}

/** The pipeline's result: a UserConnection. */
export function followListResult(ctx: Context) {
  return { items: ctx.stash.people, nextToken: ctx.stash.nextToken };
}
