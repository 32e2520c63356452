import { runtime, type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { distinct } from '../lib/batch.ts';
import { gsi } from '../../definitions/keys.ts';
import type { Item } from '../lib/items.ts';

/**
 * Name-word rows whose key starts with the prefix's name key (gsi2, definitions/name-search.ts),
 * unless handles filled the page, "@" asked for handles only or the prefix has no word. One user
 * may match at several words, so twice the page is read to still fill it after de-duplication.
 */
export function request(ctx: Context) {
  const found: Item[] = ctx.stash.found;
  ctx.stash.nameIds = [];
  if (ctx.stash.handlesOnly || ctx.stash.nameKey === '' || found.length >= ctx.stash.limit) runtime.earlyReturn(0);
  return query({
    index: 'gsi2',
    pkName: 'gsi2pk',
    pkValue: gsi.namePrefix,
    skName: 'gsi2sk',
    skPrefix: ctx.stash.nameKey,
    forward: true,
    limit: ctx.stash.limit * 2,
  });
}

/** The matched users' ids in key order, without those the handle step found. */
export function response(ctx: Context) {
  raiseIfError(ctx);
  const found: Item[] = ctx.stash.found;
  const known = found.map((u) => u.id);
  // Profiles written before the name-word rows carry their own gsi2 key: their id is `id`.
  const ids = distinct(ctx.result.items.map((row: Item) => row.userId || row.id)).filter((id) => known.indexOf(id) < 0);
  ctx.stash.nameIds = ids.slice(0, ctx.stash.limit - found.length);
  return ctx.stash.nameIds.length;
}
