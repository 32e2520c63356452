/**
 * Handle → user id through the handle claim (`HANDLE#<lower>` / `HANDLE`), a strongly consistent
 * GetItem: a user who just signed up can be followed or messaged at once.
 */
import { type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './ddb.ts';
import { handleKey } from '../../definitions/keys.ts';

export function handleLookupRequest(handle: string) {
  return getItem(handleKey(handle.trim()), true);
}

/** The user id the claim points at, or null. */
export function handleLookupResponse(ctx: Context): string | null {
  raiseIfError(ctx);
  return ctx.result ? ctx.result.userId : null;
}

/** The "1.handle" step of the by-handle list pipelines: the user id lands in `ctx.stash.userId` (null when unknown). */
export function handleStepRequest(ctx: Context<{ handle: string }>) {
  return handleLookupRequest(ctx.args.handle);
}

export function handleStepResponse(ctx: Context) {
  ctx.stash.userId = handleLookupResponse(ctx);
  return ctx.stash.userId;
}
