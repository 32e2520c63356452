import { util, type Context } from '@aws-appsync/utils';
import { requireCaller } from './lib/identity.ts';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { userKey } from '../definitions/keys.ts';
import { ownProfileFromItem } from './lib/items.ts';

/** The caller's profile (written by the PostConfirmation trigger at sign-up). */
export function request(ctx: Context) {
  return getItem(userKey(requireCaller(ctx)));
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  if (!ctx.result) util.error('Your profile does not exist yet', 'NotFound');
  return ownProfileFromItem(ctx.result);
}
