import { util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from '../lib/ddb.ts';
import { userKey } from '../../definitions/keys.ts';

/** The profile as just written (a transaction returns no attributes). */
export function request(ctx: Context) {
  return getItem(userKey(ctx.stash.callerId), true);
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!ctx.result) util.error('Your profile does not exist', 'NotFound');
  return ctx.result;
}
