/** Every live top-level crud, newest first (gsi3 `PUBLIC`, sorted by ULID id), with authors batched (the caller's likes/reposts: CrudConnection.items). */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export { passThroughRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  return crudPage(ctx);
}
