/** Step "query a crud index" of the crud-list pipelines: results land in `ctx.stash.cruds`. */
import { type Context } from '@aws-appsync/utils';
import { raiseIfError } from './ddb.ts';
import { crudFromItem } from './items.ts';

export function crudQueryResponse(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.cruds = ctx.result.items.map(crudFromItem);
  ctx.stash.nextToken = ctx.result.nextToken ?? null;
  return ctx.result.items.length;
}
