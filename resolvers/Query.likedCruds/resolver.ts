/**
 * The caller's liked cruds, most recently liked first: the like rows on gsi1 (`LIKES#<me>`) →
 * the live cruds in one BatchGetItem → authors batched (the caller's likes/reposts:
 * CrudConnection.items). Private: only the caller's own likes.
 */
import { type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { crudPage } from '../lib/hydrate.ts';

export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  return crudPage(ctx);
}
