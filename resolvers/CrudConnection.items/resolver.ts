/**
 * A crud page's items without the cruds of accounts the caller blocks or is blocked by, with the
 * caller's likes and reposts read in one BatchGetItem. This is a
 * field resolver of its own, not a step of the list pipelines, so the lists' values hold nothing
 * that depends on the caller and AppSync's cache can share them (definitions/caching.ts): a field
 * resolver below a cached one still runs for every request.
 */
import { type Context } from '@aws-appsync/utils';
import { decorate } from '../lib/hydrate.ts';
import { type Item } from '../lib/items.ts';
import { isHidden } from '../lib/safety.ts';

export function request(ctx: Context) {
  ctx.stash.cruds = ctx.source.items;
  return {};
}

/** Filtered here, not in a lookup step: a step that returns early skips its own response handler. */
export function response(ctx: Context) {
  const cruds: Item[] = ctx.stash.cruds;
  return cruds.filter((c) => !isHidden(ctx.stash, [c.authorId])).map((c) => decorate(c, ctx.stash));
}
