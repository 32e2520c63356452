/** Step "cruds by id" of the feed pipelines: the rows in `ctx.stash.rows` name cruds by `crudId`. */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from './ddb.ts';
import { batchGet, byId, distinct } from './batch.ts';
import { crudKey } from '../../definitions/keys.ts';
import { crudFromItem, isLive, type Item } from './items.ts';

export function crudsByIdRequest(ctx: Context) {
  const rows: Item[] = ctx.stash.rows ?? [];
  ctx.stash.cruds = [];
  if (rows.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), distinct(rows.map((r) => r.crudId)).map(crudKey));
}

/** Keeps the live cruds, in row order. */
export function crudsByIdResponse(ctx: Context) {
  raiseIfError(ctx);
  const found = byId(ctx.result, tableName(ctx));
  const now = util.time.nowEpochSeconds();
  const rows: Item[] = ctx.stash.rows;
  const ids = distinct(rows.map((r) => r.crudId)).filter((id) => isLive(found[id], now));
  ctx.stash.cruds = ids.map((id) => crudFromItem(found[id]));
  return ids.length;
}

/** The response of a rows step (tag rows, like rows): the page's rows and cursor land in the stash for `crudsByIdRequest`. */
export function rowsPageResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.rows = ctx.result.items;
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.result.items.length;
}
