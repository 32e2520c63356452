/**
 * Likes and reposts: an edge row in the crud's partition (`CRUD#<id>` / `LIKE#<user>`) plus the
 * crud's counter, in one transaction whose condition on the edge makes repeats no-ops. Each
 * mutation is a pipeline: 1. read the crud (live?), 2. write, 3. re-read for fresh counters.
 */
import { util, type Context } from '@aws-appsync/utils';
import { getItem, tableName } from './ddb.ts';
import { crudKey, likeIndex, likeKey, repostKey, type Key } from '../../definitions/keys.ts';
import { crudResponse } from './fields.ts';
import { bump, deleteExisting, putNew, raiseUnlessTolerated, failedConditions } from './writes.ts';
import type { Item } from './items.ts';
import { blockedError, notBlockedChecks } from './safety.ts';

export type EdgeKind = 'LIKE' | 'REPOST';

const counterOf = (kind: EdgeKind) => (kind === 'LIKE' ? 'likesCount' : 'repostsCount');
const edgeKey = (kind: EdgeKind, crudId: string, userId: string): Key =>
  kind === 'LIKE' ? likeKey(crudId, userId) : repostKey(crudId, userId);

/** Step 1: the crud must exist and be live. */
export function readCrudRequest(ctx: Context<{ id: string }>) {
  return getItem(crudKey(ctx.args.id));
}

export function readCrudResponse(ctx: Context) {
  const crud = crudResponse(ctx, true);
  ctx.stash.crudItem = ctx.result;
  return crud;
}

/** Step 2 (add): the edge carries the crud's expiresAt, so TTL removes it with the crud. */
export function addEdgeRequest(ctx: Context, kind: EdgeKind) {
  const me: string = ctx.stash.callerId;
  const crud: Item = ctx.stash.crudItem;
  const key = edgeKey(kind, crud.id, me);
  const edge: Item = {
    pk: key.pk,
    sk: key.sk,
    type: kind,
    crudId: crud.id,
    userId: me,
    crudAuthorId: crud.authorId,
    createdAt: util.time.nowISO8601(),
    expiresAt: crud.expiresAt,
  };
  ctx.stash.viewerFlag = kind === 'LIKE' ? { viewerHasLiked: true } : { viewerHasReposted: true };
  // A repost gets its own time-ordered id: it is the sort key of the reposters' followers' feed rows.
  if (kind === 'REPOST') edge.repostId = util.autoUlid();
  // The liker's own list of likes (Query.likedCruds) reads gsi1.
  if (kind === 'LIKE') Object.assign(edge, likeIndex(me, edge.createdAt as string, crud.id));
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [putNew(table, key, edge), bump(table, crudKey(crud.id), counterOf(kind), 1, util.time.nowEpochSeconds())].concat(
      notBlockedChecks(table, me, crud.authorId),
    ),
  };
}

/** Step 2 (remove). */
export function removeEdgeRequest(ctx: Context, kind: EdgeKind) {
  const crudId: string = ctx.stash.crudItem.id;
  ctx.stash.viewerFlag = kind === 'LIKE' ? { viewerHasLiked: false } : { viewerHasReposted: false };
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [deleteExisting(table, edgeKey(kind, crudId, ctx.stash.callerId)), bump(table, crudKey(crudId), counterOf(kind), -1)],
  };
}

/** Step 2 response: an edge that already exists (or is already gone) is success, anything else an error. */
export function writeEdgeResponse(ctx: Context) {
  blockedError(ctx, 2, 'like or repost this crud');
  if (ctx.error && failedConditions(ctx).indexOf(1) >= 0) util.error('Crud not found or expired', 'NotFound');
  raiseUnlessTolerated(ctx, [0]);
  return !ctx.error;
}

/** Step 3: the crud as it is now (strongly consistent, so the caller sees their own change). */
export function rereadRequest(ctx: Context) {
  return getItem(crudKey(ctx.stash.crudItem.id), true);
}

/** The caller's own like/repost state is known here; a later eventually consistent read might not see it yet. */
export function rereadResponse(ctx: Context) {
  return Object.assign(crudResponse(ctx, true) as Record<string, unknown>, ctx.stash.viewerFlag);
}
