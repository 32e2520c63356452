import { runtime, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from '../lib/ddb.ts';
import { batchGet, byId } from '../lib/batch.ts';
import { userKey } from '../../definitions/keys.ts';
import type { Item } from '../lib/items.ts';

/** The profiles the name step matched, in its order (a profile deleted meanwhile is skipped). */
export function request(ctx: Context) {
  const ids: string[] = ctx.stash.nameIds;
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(userKey));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const profiles = byId(ctx.result, tableName(ctx));
  const found: Item[] = ctx.stash.found;
  const ids: string[] = ctx.stash.nameIds;
  ctx.stash.found = found.concat(ids.filter((id) => profiles[id] !== undefined).map((id) => profiles[id]));
  return ctx.stash.found.length;
}
