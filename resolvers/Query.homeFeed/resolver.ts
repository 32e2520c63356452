import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { decorate } from '../lib/hydrate.ts';
import { feedItemFromItem, type Item } from '../lib/items.ts';

/**
 * The caller's home feed: feed rows written by the fan-out consumer (`FEED#<me>`), their cruds in
 * one BatchGetItem, then their authors and the caller's likes/reposts in one BatchGetItem each.
 * Rows whose crud is gone (deleted, expired) are dropped, so a page can hold fewer than `limit`
 * items while nextToken is set.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  const rows: Item[] = ctx.stash.rows ?? [];
  const cruds: Record<string, Item> = {};
  (ctx.stash.cruds as Item[]).forEach((c) => {
    cruds[c.id] = c;
  });
  const items = rows
    .filter((row) => !!cruds[row.crudId])
    .map((row) => Object.assign(feedItemFromItem(row), { crud: decorate(cruds[row.crudId], ctx.stash) }));
  return { items, nextToken: ctx.stash.nextToken ?? null };
}
