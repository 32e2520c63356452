import { extensions, util, type Context } from '@aws-appsync/utils';
import { MAX_PULLED_ACCOUNTS } from '../definitions/fanout.ts';
import { notExpired, query, raiseIfError } from './lib/ddb.ts';
import { requireCaller } from './lib/identity.ts';
import { userKey } from './lib/keys.ts';

/** Values one `in` filter may list (AppSync enhanced filtering: `in` takes at most 5 values). */
const IN_VALUES = 5;
/** Matches no event: a caller who follows no pulled account gets nothing until they re-subscribe. */
const NOBODY = '-';

/**
 * One shared event per post of a pulled account (published with recipientId = the account), for
 * every follower: the filter lists the pulled accounts the caller follows, read from their PULL#
 * rows at start — 10 groups of `recipientId in [5 ids]`, so at most MAX_PULLED_ACCOUNTS (50;
 * "Enhanced subscription filtering" limits, decision 026). The filter is fixed at start: the
 * client re-subscribes after following someone new.
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
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
  const ids: string[] = ctx.result.items.map((row: { accountId: string }) => row.accountId);
  const groups: { recipientId: { in: string[] } }[] = [];
  ids.forEach((id, i) => {
    if (i % IN_VALUES === 0) groups.push({ recipientId: { in: [] } });
    groups[groups.length - 1].recipientId.in.push(id);
  });
  const filter = groups.length === 0 ? { recipientId: { eq: NOBODY } } : { or: groups };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
