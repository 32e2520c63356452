import { util, type Context } from '@aws-appsync/utils';
import { MAX_PULLED_ACCOUNTS } from '../../definitions/fanout.ts';
import { notExpired, query, raiseIfError } from '../lib/ddb.ts';
import { userKey } from '../lib/keys.ts';

/** The pulled accounts the caller follows (`PULL#` rows), at most MAX_PULLED_ACCOUNTS (decision 026). */
export function request(ctx: Context) {
  return query({
    pkName: 'pk',
    pkValue: userKey(ctx.stash.callerId).pk,
    skPrefix: 'PULL#',
    forward: true,
    limit: MAX_PULLED_ACCOUNTS,
    filter: notExpired(util.time.nowEpochSeconds()),
  });
}

export function response(ctx: Context) {
  raiseIfError(ctx);
  ctx.stash.pulledIds = ctx.result.items.map((row: { accountId: string }) => row.accountId);
  return ctx.stash.pulledIds.length;
}
