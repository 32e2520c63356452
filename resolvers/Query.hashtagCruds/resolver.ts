/**
 * Live cruds tagged #tag, newest first: `TAG#<tag>` index rows → one BatchGetItem of the cruds →
 * the authors in one BatchGetItem (the caller's likes/reposts: CrudConnection.items).
 */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export { passThroughRequest as request } from '../lib/pipeline.ts';

export function response(ctx: Context) {
  return crudPage(ctx);
}
