import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { decorate } from '../lib/hydrate.ts';
import { feedItemFromItem, type Item } from '../lib/items.ts';
import { pageLimit } from '../lib/validate.ts';
import { decodeFeedCursor } from '../lib/feed-merge.ts';
import { isHidden } from '../lib/safety.ts';

/**
 * The caller's home feed (hybrid fan-out, decision 026): the pulled accounts the caller follows
 * and their RECENT items, the rows pushed into `FEED#<me>`, merged by id below the cursor; then
 * the page's cruds in one BatchGetItem, their authors and the caller's likes/reposts in one
 * BatchGetItem each. Rows whose crud is gone (deleted, expired) are dropped, so a page can hold
 * fewer than `limit` items while nextToken is set; so are rows of blocked and muted accounts
 * (their cruds, and their reposts).
 */
export function request(ctx: Context<{ limit?: number; nextToken?: string }>) {
  ctx.stash.callerId = requireCaller(ctx);
  ctx.stash.limit = pageLimit(ctx.args.limit);
  ctx.stash.before = decodeFeedCursor(ctx.args.nextToken);
  return {};
}

export function response(ctx: Context) {
  const rows: Item[] = ctx.stash.rows ?? [];
  const cruds: Record<string, Item> = {};
  (ctx.stash.cruds as Item[]).forEach((c) => {
    cruds[c.id] = c;
  });
  const items = rows
    .filter((row) => !!cruds[row.crudId] && !isHidden(ctx.stash, [cruds[row.crudId].authorId, row.repostedById]))
    .map((row) => Object.assign(feedItemFromItem(row), { crud: decorate(cruds[row.crudId], ctx.stash) }));
  return { items, nextToken: ctx.stash.nextToken ?? null };
}
