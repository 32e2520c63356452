/**
 * Hydration steps shared by the list pipelines (homeFeed, publicFeed, userCruds, replies,
 * hashtagCruds): one BatchGetItem for the authors of a page and one for the caller's like and
 * repost rows, instead of a GetItem per crud per field. Field resolvers (Crud.author,
 * Crud.viewerHasLiked …) short-cut when the parent already carries the value. The caller's rows
 * are read by homeFeed's last step and, for crud pages, by CrudConnection.items, so the crud-page
 * queries return the same value to every caller and can be cached (definitions/caching.ts).
 *
 * The page's cruds travel in `ctx.stash.cruds`; results land in `ctx.stash.authors` (id → user)
 * and `ctx.stash.edges` (`LIKE#<crud>` / `REPOST#<crud>` → true).
 */
import { runtime, type Context } from '@aws-appsync/utils';
import { raiseIfError, tableName } from './ddb.ts';
import { batchGet, byId, distinct } from './batch.ts';
import { likeKey, repostKey, userKey, type Key } from '../../definitions/keys.ts';
import { userFromItem, type Item } from './items.ts';
import { callerId } from './identity.ts';

/** BatchGetItem takes at most 100 keys; a page's like + repost keys fit when it has ≤ 50 cruds. */
const MAX_EDGE_CRUDS = 50;

export function authorsRequest(ctx: Context) {
  const cruds: Item[] = ctx.stash.cruds ?? [];
  const ids = distinct(cruds.map((c) => c.authorId));
  if (ids.length === 0) runtime.earlyReturn(0);
  return batchGet(tableName(ctx), ids.map(userKey));
}

export function authorsResponse(ctx: Context) {
  raiseIfError(ctx);
  const found = byId(ctx.result, tableName(ctx));
  const authors: Record<string, Item> = {};
  Object.keys(found).forEach((id) => {
    authors[id] = userFromItem(found[id]);
  });
  ctx.stash.authors = authors;
  return Object.keys(authors).length;
}

/**
 * Whether the client's selection reads any of `fields` somewhere below this root field. Aliased
 * fields appear under their alias in `selectionSetList`; a miss only means the field resolver
 * fallback does the work instead.
 */
function selectsAny(ctx: Context, fields: string[]): boolean {
  const paths: string[] = (ctx.info && ctx.info.selectionSetList) || [];
  return paths.some((p) => fields.indexOf(p.split('/').pop() as string) !== -1);
}

export function edgesRequest(ctx: Context) {
  const viewer = callerId(ctx);
  const cruds: Item[] = ctx.stash.cruds ?? [];
  const ids = distinct(cruds.map((c) => c.id));
  // No read of the caller's likes/reposts when the query does not ask for them.
  if (!selectsAny(ctx, ['viewerHasLiked', 'viewerHasReposted'])) runtime.earlyReturn(0);
  if (!viewer || ids.length === 0 || ids.length > MAX_EDGE_CRUDS) runtime.earlyReturn(0);
  const keys: Key[] = [];
  ids.forEach((id) => {
    keys.push(likeKey(id, viewer as string));
    keys.push(repostKey(id, viewer as string));
  });
  return batchGet(tableName(ctx), keys);
}

export function edgesResponse(ctx: Context) {
  raiseIfError(ctx);
  const edges: Record<string, boolean> = {};
  const found: (Item | null)[] = (ctx.result && ctx.result.data && ctx.result.data[tableName(ctx)]) || [];
  found.forEach((row) => {
    if (row) edges[`${row.type}#${row.crudId}`] = true;
  });
  ctx.stash.edges = edges;
  return Object.keys(edges).length;
}

/** A crud with what the hydration steps found attached (absent values fall back to field resolvers). */
export function decorate(crud: Item, stash: Record<string, any>): Item {
  const extra: Item = {};
  const author = stash.authors ? stash.authors[crud.authorId] : undefined;
  if (author) extra.author = author;
  if (stash.edges) {
    extra.viewerHasLiked = !!stash.edges[`LIKE#${crud.id}`];
    extra.viewerHasReposted = !!stash.edges[`REPOST#${crud.id}`];
  }
  return Object.assign({}, crud, extra);
}

/** The after-handler of a crud-list pipeline. */
export function crudPage(ctx: Context) {
  const cruds: Item[] = ctx.stash.cruds ?? [];
  return { items: cruds.map((c) => decorate(c, ctx.stash)), nextToken: ctx.stash.nextToken ?? null };
}
