import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from '../lib/ddb.ts';
import { batchGet, byId, distinct } from '../lib/batch.ts';
import { crudKey } from '../lib/keys.ts';
import { crudFromItem, isLive, type Item } from '../lib/items.ts';

export function request(ctx: Context) {
  const rows: Item[] = ctx.prev.result.rows;
  ctx.stash.page = ctx.prev.result;
  if (rows.length === 0) runtime.earlyReturn({ items: [], nextToken: ctx.prev.result.nextToken });
  return batchGet(tableName(ctx), distinct(rows.map((r) => r.crudId)).map(crudKey));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const cruds = byId(ctx.result, tableName(ctx));
  const now = util.time.nowEpochSeconds();
  const rows: Item[] = ctx.stash.page.rows;
  const items = rows.filter((row) => isLive(cruds[row.crudId], now)).map((row) => crudFromItem(cruds[row.crudId]));
  return { items, nextToken: ctx.stash.page.nextToken };
}
