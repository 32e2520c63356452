/**
 * Live cruds tagged #tag, newest first: `TAG#<tag>` index rows → one BatchGetItem of the cruds →
 * authors and the caller's likes/reposts in one BatchGetItem each.
 */
import { type Context } from '@aws-appsync/utils';
import { crudPage } from '../lib/hydrate.ts';

export function request() {
  return {};
}

export function response(ctx: Context) {
  return crudPage(ctx);
}
