import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './lib/ddb.ts';
import { gsi } from '../definitions/keys.ts';
import { userFromItem } from './lib/items.ts';

/** A profile by handle, case-insensitively, through gsi1 (every profile keyed by its lower-case handle). */
export function request(ctx: Context<{ handle: string }>) {
  const handle = ctx.args.handle.trim().toLowerCase();
  return query({ index: 'gsi1', pkName: 'gsi1pk', pkValue: gsi.handlePrefix, skName: 'gsi1sk', skEquals: handle, forward: true, limit: 1 });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const items = ctx.result.items;
  return items.length > 0 ? userFromItem(items[0]) : null;
}
