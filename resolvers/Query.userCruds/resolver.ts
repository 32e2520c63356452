/** A user's live top-level cruds, newest first: handle claim → gsi2 `CRUDS#<user>` → authors batched (the caller's likes/reposts: CrudConnection.items). */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export { passThroughRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  return crudPage(ctx);
}
