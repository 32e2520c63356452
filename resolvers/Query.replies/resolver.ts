/** Replies to a crud, oldest first (gsi2 `REPLIES#<crud>`), with authors batched (the caller's likes/reposts: CrudConnection.items). */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export { passThroughRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  return crudPage(ctx);
}
