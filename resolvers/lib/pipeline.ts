/**
 * The before/after handlers most pipeline resolvers share. A resolver re-exports them under
 * AppSync's names (`export { lastResult as response } from '../lib/pipeline.ts'`): esbuild inlines
 * them into the resolver's one ESM bundle, which ends in an `export { … as … }` list either way,
 * so AppSync sees ordinary `request`/`response` functions (developer guide, "Bundling, TypeScript,
 * and source maps for the APPSYNC_JS runtime").
 */
import { type Context } from '@aws-appsync/utils';
import { requireCaller } from './identity.ts';

/** Before: nothing to prepare; the functions read `ctx.args`. */
export function passThroughRequest(): Record<string, never> {
  return {};
}

/** Before: only signed-in callers; their id goes to `ctx.stash.callerId` for the functions. */
export function callerRequest(ctx: Context): Record<string, never> {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

/** After: the last function's result is the field's value. */
export function lastResult(ctx: Context) {
  return ctx.prev.result;
}
