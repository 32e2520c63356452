/** Replies to a crud, oldest first (gsi2 `REPLIES#<crud>`), with authors batched (the caller's likes/reposts: CrudConnection.items). */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export function request() {
  return {};
}

export function response(ctx: Context) {
  return crudPage(ctx);
}
