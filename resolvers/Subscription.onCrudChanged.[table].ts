import { extensions, util, type Context } from '@aws-appsync/utils';
import { getItem, raiseIfError } from './lib/ddb.ts';
import { crudKey } from '../definitions/keys.ts';
import { isLive } from './lib/items.ts';

/** Anyone who may read the crud (guests too) may follow its counters; a missing or expired crud cannot be watched. */
export function request(ctx: Context<{ id: string }>) {
  return getItem(crudKey(ctx.args.id));
}

export function response(ctx: Context<{ id: string }>) {
  raiseIfError(ctx);
  if (!isLive(ctx.result, util.time.nowEpochSeconds())) util.error('Crud not found or expired', 'NotFound');
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ id: { eq: ctx.args.id } }));
  return null;
}
