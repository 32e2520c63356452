import { type Context } from '@aws-appsync/utils';
import { query, raiseIfError } from '../lib/ddb.ts';
import { notificationKey } from '../../definitions/keys.ts';

export function request(ctx: Context) {
  return query({ pkName: 'pk', pkValue: notificationKey(ctx.stash.callerId, '').pk, forward: false, limit: 1 });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  const newest = ctx.result.items[0];
  ctx.stash.readUpTo = newest ? newest.sk : '';
  return ctx.stash.readUpTo;
}
