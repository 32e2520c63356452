/**
 * The caller's bookmarks, most recently bookmarked first: their rows through gsi2
 * (`BOOKMARKS#<me>`) → one BatchGetItem of the cruds (gone ones dropped, so a page can hold fewer
 * than `limit` while nextToken is set) → the authors (the caller's likes/reposts and blocks:
 * CrudConnection.items).
 */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';
import { requireCaller } from '../lib/identity.ts';

export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  const page = crudPage(ctx);
  return { items: page.items.map((c) => Object.assign(c, { viewerHasBookmarked: true })), nextToken: page.nextToken };
}
