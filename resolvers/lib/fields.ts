/**
 * Shared shapes of field resolvers: "read one item by a key derived from the parent", short-cut
 * when the parent already carries the value (a pipeline hydrated it) or has nothing to read.
 */
import { runtime, util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './ddb.ts';
import type { Key } from '../../definitions/keys.ts';
import { crudFromItem, isLive, userFromItem } from './items.ts';

/** GetItem `key`, or returns `fallback` without a read when `key` is null. */
export function getOrReturn(key: Key | null, fallback: unknown) {
  if (!key) runtime.earlyReturn(fallback);
  return getItem(key as Key);
}

/** Response of a "does this edge item exist" field (viewerHasLiked, viewerFollows …). */
export function existsResponse(ctx: Context): boolean {
  raiseIfError(ctx);
  return !!ctx.result;
}

/** Response of a profile field; a missing profile is an error only when the field is non-null. */
export function userResponse(ctx: Context, required: boolean) {
  raiseIfError(ctx);
  if (!ctx.result) {
    if (required) util.error('User not found', 'NotFound');
    return null;
  }
  return userFromItem(ctx.result);
}

/** Response of a crud field: expired or deleted cruds read as null (or an error when non-null). */
export function crudResponse(ctx: Context, required: boolean) {
  raiseIfError(ctx);
  if (!isLive(ctx.result, util.time.nowEpochSeconds())) {
    if (required) util.error('Crud not found or expired', 'NotFound');
    return null;
  }
  return crudFromItem(ctx.result);
}
