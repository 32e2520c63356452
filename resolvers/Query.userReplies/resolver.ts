/** A user's live replies, newest first: handle claim → gsi3 `REPLIES_BY#<user>` → authors batched (the caller's likes/reposts: CrudConnection.items). */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export function request() {
  return {};
}

export function response(ctx: Context) {
  return crudPage(ctx);
}
