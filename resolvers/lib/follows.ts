/**
 * Follows: two rows (`USER#<a>`/`FOLLOWS#<b>`, `USER#<b>`/`FOLLOWER#<a>`) and both counters in one
 * transaction; conditions on the rows make repeated follows/unfollows no-ops. Pipeline:
 * 1. handle → user id, 2. write, 3. re-read the followed profile.
 */
import { util, type Context } from '@aws-appsync/utils';
import { getItem, tableName } from './ddb.ts';
import { followerKey, followsKey, ItemType, userKey } from '../../definitions/keys.ts';
import { handleLookupRequest, handleLookupResponse } from './handles.ts';
import { userResponse } from './fields.ts';
import { bump, deleteExisting, failedConditions, putNew, raiseUnlessTolerated } from './writes.ts';
import { blockedError, notBlockedChecks } from './safety.ts';

export function targetRequest(ctx: Context<{ handle: string }>) {
  return handleLookupRequest(ctx.args.handle);
}

export function targetResponse(ctx: Context) {
  const target = handleLookupResponse(ctx);
  if (!target) util.error('No user with that handle', 'NotFound');
  if (target === ctx.stash.callerId) util.error('You cannot follow yourself', 'ValidationError');
  ctx.stash.targetId = target;
  return target;
}

export function followRequest(ctx: Context) {
  ctx.stash.viewerFollows = true;
  const me: string = ctx.stash.callerId;
  const them: string = ctx.stash.targetId;
  const table = tableName(ctx);
  const createdAt = util.time.nowISO8601();
  const row = { followerId: me, followeeId: them, createdAt };
  const a = followsKey(me, them);
  const b = followerKey(them, me);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      putNew(table, a, Object.assign({ pk: a.pk, sk: a.sk, type: ItemType.FOLLOWS }, row)),
      putNew(table, b, Object.assign({ pk: b.pk, sk: b.sk, type: ItemType.FOLLOWER }, row)),
      bump(table, userKey(me), 'followingCount', 1),
      bump(table, userKey(them), 'followersCount', 1),
    ].concat(notBlockedChecks(table, me, them)),
  };
}

export function unfollowRequest(ctx: Context) {
  ctx.stash.viewerFollows = false;
  const me: string = ctx.stash.callerId;
  const them: string = ctx.stash.targetId;
  const table = tableName(ctx);
  return {
    operation: 'TransactWriteItems',
    transactItems: [
      deleteExisting(table, followsKey(me, them)),
      deleteExisting(table, followerKey(them, me)),
      bump(table, userKey(me), 'followingCount', -1),
      bump(table, userKey(them), 'followersCount', -1),
    ],
  };
}

/** Already following (or already not following) is success: both rows' conditions fail together. */
export function writeResponse(ctx: Context) {
  if (ctx.stash.viewerFollows) blockedError(ctx, 4, 'follow this account');
  const failed = failedConditions(ctx);
  if (failed.indexOf(2) >= 0 || failed.indexOf(3) >= 0) util.error('User not found', 'NotFound');
  raiseUnlessTolerated(ctx, [0, 1]);
  return !ctx.error;
}

export function rereadRequest(ctx: Context) {
  return getItem(userKey(ctx.stash.targetId), true);
}

/** The caller's follow state is known here; a later eventually consistent read might not see it yet. */
export function rereadResponse(ctx: Context) {
  return Object.assign(userResponse(ctx, true) as Record<string, unknown>, { viewerFollows: ctx.stash.viewerFollows });
}
