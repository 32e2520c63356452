import { extensions, util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { userKey } from '../definitions/keys.ts';

/** Anyone who may read a profile (guests too) may follow its changes; an unknown user cannot be watched. */
export function request(ctx: Context<{ id: string }>) {
  return getItem(userKey(ctx.args.id));
}

export function response(ctx: Context<{ id: string }>) {
  raiseIfError(ctx);
  if (!ctx.result) util.error('User not found', 'NotFound');
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ id: { eq: ctx.args.id } }));
  return null;
}
