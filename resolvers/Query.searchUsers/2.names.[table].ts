import { runtime, type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { gsi, nameSearchKey } from '../../definitions/keys.ts';
import type { Item } from '../lib/items.ts';

/** Profiles whose display name starts with the prefix (gsi2), unless handles filled the page or "@" asked for handles only. */
export function request(ctx: Context) {
  const found: Item[] = ctx.stash.found;
  if (ctx.stash.handlesOnly || found.length >= ctx.stash.limit) runtime.earlyReturn(found.length);
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.namePrefix,
    skName: 'gsi2sk',
    skPrefix: nameSearchKey(ctx.stash.prefix),
    forward: true,
    limit: ctx.stash.limit,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const found: Item[] = ctx.stash.found;
  ctx.stash.found = found.concat(ctx.result.items);
  return ctx.stash.found.length;
}
