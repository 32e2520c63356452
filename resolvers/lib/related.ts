/**
 * Batched reads of what list items point at (notification actors and cruds, conversation peers):
 * one BatchGetItem per kind instead of a GetItem per item and field.
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from './ddb.ts';
import { batchGet, byId, distinct } from './batch.ts';
import { crudKey, userKey } from '../../definitions/keys.ts';
import { crudFromItem, isLive, userFromItem, type Item } from './items.ts';

/** Reads the users named by `field` of `ctx.stash.items`. */
export function usersRequest(ctx: Context, field: string) {
  const items: Item[] = ctx.stash.items ?? [];
  const ids = distinct(items.map((i) => i[field]));
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(userKey));
}

/** Stores them in `ctx.stash[into]` (id → user). */
export function usersResponse(ctx: Context, into: string) {
  raiseIfError(ctx);
  const found = byId(ctx.result, tableName(ctx));
  const users: Record<string, Item> = {};
  Object.keys(found).forEach((id) => {
    users[id] = userFromItem(found[id]);
  });
  ctx.stash[into] = users;
  return Object.keys(users).length;
}

/** Reads the cruds named by `crudId` of `ctx.stash.items`. */
export function crudsRequest(ctx: Context) {
  const items: Item[] = ctx.stash.items ?? [];
  const ids = distinct(items.map((i) => i.crudId));
  ctx.stash.cruds = {};
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(crudKey));
}

/** Stores the live ones in `ctx.stash.cruds` (id → crud). */
export function crudsResponse(ctx: Context) {
  raiseIfError(ctx);
  const found = byId(ctx.result, tableName(ctx));
  const now = util.time.nowEpochSeconds();
  const cruds: Record<string, Item> = {};
  Object.keys(found).forEach((id) => {
    if (isLive(found[id], now)) cruds[id] = crudFromItem(found[id]);
  });
  ctx.stash.cruds = cruds;
  return Object.keys(cruds).length;
}
