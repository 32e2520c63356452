import { extensions, util, type Context } from '@aws-appsync/utils';
import { requireCaller } from '../lib/identity.ts';
import { isHidden } from '../lib/safety.ts';
import { celebrityInvalidationFilter } from '../lib/subscriptions.ts';

/** Values one `in` filter may list (AppSync enhanced filtering: `in` takes at most 5 values). */
const IN_VALUES = 5;
/** Matches no event: a caller who follows no pulled account gets nothing until they re-subscribe. */
const NOBODY = '-';

/**
 * One shared event per post of a pulled account (published with recipientId = the account), for
 * every follower: the filter lists the pulled accounts the caller follows, read from their PULL#
 * rows at start, less those the caller blocks, is blocked by or mutes — 10 groups of
 * `recipientId in [5 ids]`, so at most 50 (MAX_PULLED_ACCOUNTS; "Enhanced subscription filtering"
 * limits, decision 026). The filter is fixed at start: the client re-subscribes after following
 * someone new, and a block or mute invalidates the subscription (lib/subscriptions.ts).
 */
export function request(ctx: Context) {
  ctx.stash.callerId = requireCaller(ctx);
  return {};
}

export function response(ctx: Context) {
  const ids = (ctx.stash.pulledIds as string[]).filter((id) => !isHidden(ctx.stash, [id]));
  const groups: { recipientId: { in: string[] } }[] = [];
  ids.forEach((id, i) => {
    if (i % IN_VALUES === 0) groups.push({ recipientId: { in: [] } });
    groups[groups.length - 1].recipientId.in.push(id);
  });
  const filter = groups.length === 0 ? { recipientId: { eq: NOBODY } } : { or: groups };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  celebrityInvalidationFilter(ctx.stash.callerId);
  return null;
}
