import { util, type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from './lib/ddb.ts';
import { gsi } from '../definitions/keys.ts';
import { userFromItem } from './lib/items.ts';
import { pageLimit } from './lib/validate.ts';

/** Users whose handle starts with `prefix`, case-insensitively, in handle order (gsi1). */
export function request(ctx: Context<{ prefix: string; limit?: number }>) {
  const prefix = ctx.args.prefix.trim().toLowerCase();
  if (prefix.length === 0) util.error('prefix must not be blank', 'ValidationError', null, { field: 'prefix' });
  return query({
    index: 'gsi1',
    pkName: 'gsi1pk',
    pkValue: gsi.handlePrefix,
    skName: 'gsi1sk',
    skPrefix: prefix,
    forward: true,
    limit: pageLimit(ctx.args.limit),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  return ctx.result.items.map(userFromItem);
}
