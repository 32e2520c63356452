import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { gsi } from '../../definitions/keys.ts';

/** Profiles whose lower-case handle starts with the prefix, in handle order (gsi1). */
export function request(ctx: Context) {
  return query({
    index: 'gsi1',
    pkName: 'gsi1pk',
    pkValue: gsi.handlePrefix,
    skName: 'gsi1sk',
    skPrefix: ctx.stash.prefix,
    forward: true,
    limit: ctx.stash.limit,
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.found = ctx.result.items;
  return ctx.result.items.length;
}
