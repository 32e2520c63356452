import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from '../lib/ddb.ts';
import { batchGet } from '../lib/batch.ts';
import { recentKey } from '../../definitions/keys.ts';
import { pulledLists } from '../lib/feed-merge.ts';

/** The pulled accounts' RECENT items in one BatchGetItem; their entries below the cursor become candidate rows. */
export function request(ctx: Context) {
  const ids: string[] = ctx.stash.pulledIds ?? [];
  ctx.stash.pulled = [];
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(recentKey));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const found = (ctx.result && ctx.result.data && ctx.result.data[tableName(ctx)]) || [];
  ctx.stash.pulled = pulledLists(found, ctx.stash.callerId, ctx.stash.before, ctx.stash.limit, util.time.nowEpochSeconds());
  return ctx.stash.pulled.length;
}
